package gap

import "fmt"

// Explain returns the lines of the UI's "how was this computed" panel: the
// sums and division behind both JPM values, how complete the assessment is,
// and why each category was given, in Indonesian (the default) or English
// (lang "en"). Numbers use the language's decimal separator.
func Explain(r Result, lang string) []string {
	en := isEN(lang)
	if r.Total == 0 || r.SumStandard == 0 {
		if en {
			return []string{"The position has no competency standard yet, so JPM cannot be computed."}
		}
		return []string{"Jabatan ini belum memiliki standar kompetensi, sehingga JPM belum dapat dihitung."}
	}
	if r.Assessed == 0 {
		if en {
			return []string{fmt.Sprintf("Not assessed: 0 of %d competencies assessed. Complete the assessment; until then there is no JPM, no category and no 9-box box.", r.Total)}
		}
		return []string{fmt.Sprintf("Belum dinilai: 0 dari %d kompetensi dinilai. Lengkapi penilaian; sampai itu tidak ada JPM, kategori, maupun kotak 9-box.", r.Total)}
	}
	var lines []string
	add := func(id, eng string, args ...any) {
		if en {
			lines = append(lines, fmt.Sprintf(eng, args...))
		} else {
			lines = append(lines, fmt.Sprintf(id, args...))
		}
	}
	if r.Provisional() {
		add("JPM sementara, atas %d dari %d kompetensi yang sudah dinilai; yang belum dinilai tidak dihitung sebagai level 0.",
			"Provisional JPM, over the %d of %d competencies assessed; those not yet assessed do not count as level 0.",
			r.Assessed, r.Total)
	}
	add("JPM: Σ level aktual %d ÷ Σ level standar %d × 100 = %s",
		"JPM: Σ actual levels %d ÷ Σ required levels %d × 100 = %s",
		r.SumActual, r.SumRequired, r.JPMRaw.Percent(lang))
	if r.SumCapped == r.SumActual {
		add("JPM dibatasi: tidak ada level aktual di atas standar, jadi sama dengan JPM: %s",
			"Capped JPM: no actual level is above the standard, so it equals JPM: %s",
			r.JPMCapped.Percent(lang))
	} else {
		add("JPM dibatasi (level di atas standar dihitung setinggi standar): Σ %d ÷ Σ %d × 100 = %s",
			"Capped JPM (levels above the standard count as the standard): Σ %d ÷ Σ %d × 100 = %s",
			r.SumCapped, r.SumRequired, r.JPMCapped.Percent(lang))
	}
	if r.Complete {
		add("Semua %d kompetensi standar sudah dinilai.",
			"All %d competencies of the standard have been assessed.", r.Total)
	} else {
		add("Belum dinilai lengkap: %d dari %d kompetensi dinilai. Lengkapi penilaian; sampai itu tidak ada kategori maupun kotak 9-box.",
			"Not fully assessed: %d of %d competencies assessed. Complete the assessment; until then there is no category and no 9-box box.",
			r.Assessed, r.Total)
		return lines
	}
	if r.MandatoryUnmet > 0 {
		add("%d kompetensi wajib belum mencapai level standar.",
			"%d mandatory competencies are below the required level.", r.MandatoryUnmet)
	}
	basis, jpm := "dibatasi", r.JPMCapped
	basisEN := "capped"
	if r.Thresholds.UseRaw {
		basis, basisEN, jpm = "mentah", "raw", r.JPMRaw
	}
	if en {
		basis = basisEN
	}
	add("Kategori pemetaan (dari JPM %s %s): %s (%s)",
		"Mapping category (from %s JPM %s): %s (%s)",
		basis, jpm.Percent(lang), labelOf(r.Mapping.Label(), r.Mapping.LabelEN(), en), r.Thresholds.mappingRange(r.Mapping, lang))
	add("Kategori pengisian jabatan (dari JPM %s %s): %s (%s)",
		"Position-filling category (from %s JPM %s): %s (%s)",
		basis, jpm.Percent(lang), labelOf(r.Filling.Label(), r.Filling.LabelEN(), en), r.Thresholds.fillingRange(r.Filling, lang))
	return lines
}

// labelOf picks the label of the requested language.
func labelOf(id, en string, wantEN bool) string {
	if wantEN {
		return en
	}
	return id
}
