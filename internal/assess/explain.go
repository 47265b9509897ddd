package assess

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
)

// Explain answers "why is my level 2?" in Indonesian (the default) or
// English (lang "en"): the deciding source or the weighted-mean arithmetic,
// each counted source with its weight, the ratings that did not count and
// why (outranked, expired, replaced, too few peers), and any conflict. Peer
// lines never name raters or dates.
func (r Resolution) Explain(lang string) []string {
	en := isEN(lang)
	var lines []string
	add := func(id, eng string, args ...any) {
		f := id
		if en {
			f = eng
		}
		lines = append(lines, fmt.Sprintf(f, args...))
	}
	switch {
	case r.Level == 0 || len(r.Used) == 0:
		add("Level belum dapat ditetapkan: tidak ada penilaian yang memenuhi syarat untuk dihitung.",
			"No level yet: no rating qualifies to be counted.")
	case r.Decided != SourceWeighted:
		d := r.Used[0]
		add("Level %d ditetapkan oleh %s (hasil terbaru %s); sumber ini mengungguli sumber lain.",
			"Level %d was decided by %s (latest result %s); this source outranks the others.",
			r.Level, d.Source.Label(lang), formatDate(d.At, lang))
	default:
		terms := make([]string, len(r.Used))
		weights := make([]string, len(r.Used))
		for i, c := range r.Used {
			terms[i] = fmt.Sprintf("%s %d × %d", c.Source.Label(lang), c.Level, c.Weight)
			weights[i] = strconv.Itoa(c.Weight)
		}
		add("Level %d = rata-rata berbobot: (%s) ÷ (%s) = %d ÷ %d %s, dibulatkan menjadi %d.",
			"Level %d = weighted mean: (%s) ÷ (%s) = %d ÷ %d %s, rounded to %d.",
			r.Level, strings.Join(terms, " + "), strings.Join(weights, " + "),
			r.WeightedSum, r.WeightSum, meanText(r.WeightedSum, r.WeightSum, lang), r.Level)
		for _, c := range r.Used {
			lines = append(lines, contributionLine(c, lang))
		}
	}
	for _, s := range r.SetAside {
		lines = append(lines, setAsideLine(s, lang))
	}
	if r.Conflict {
		add("Perhatian, penilaian berbeda jauh: %s", "Attention, ratings disagree: %s", r.conflictText(lang))
	}
	return lines
}

// contributionLine describes one source of a weighted mean.
func contributionLine(c Contribution, lang string) string {
	en := isEN(lang)
	switch {
	case c.Source == SourcePeer && en:
		return fmt.Sprintf("Peers: mean level %d from %s (anonymous), weight %d.", c.Level, plural(c.Count, "rater"), c.Weight)
	case c.Source == SourcePeer:
		return fmt.Sprintf("Rekan kerja: rata-rata level %d dari %d penilai (anonim), bobot %d.", c.Level, c.Count, c.Weight)
	case c.Count > 1 && en:
		return fmt.Sprintf("%s: mean level %d from %s (latest %s), weight %d.", c.Source.Label(lang), c.Level, plural(c.Count, "rater"), formatDate(c.At, lang), c.Weight)
	case c.Count > 1:
		return fmt.Sprintf("%s: rata-rata level %d dari %d penilai (terbaru %s), bobot %d.", c.Source.Label(lang), c.Level, c.Count, formatDate(c.At, lang), c.Weight)
	case en:
		return fmt.Sprintf("%s: level %d (rated %s), weight %d.", c.Source.Label(lang), c.Level, formatDate(c.At, lang), c.Weight)
	}
	return fmt.Sprintf("%s: level %d (dinilai %s), bobot %d.", c.Source.Label(lang), c.Level, formatDate(c.At, lang), c.Weight)
}

// setAsideLine says why some ratings of a source did not count.
func setAsideLine(s SetAside, lang string) string {
	l := s.Source.Label(lang)
	if isEN(lang) {
		switch s.Reason {
		case ReasonOutranked:
			return fmt.Sprintf("%s: level %d, not counted because %s outranks it.", l, s.Level, s.By.Label(lang))
		case ReasonTooFewPeers:
			return fmt.Sprintf("%s: %s, fewer than the minimum of %d; not counted, and not shown to protect anonymity.", l, plural(s.Count, "rater"), s.MinPeers)
		case ReasonExpired:
			return fmt.Sprintf("%s: %s expired (valid for %s), not counted.", l, plural(s.Count, "rating"), formatValidity(s.Validity, lang))
		case ReasonReplaced:
			return fmt.Sprintf("%s: %s replaced by the same rater's newer rating.", l, plural(s.Count, "earlier rating"))
		case ReasonFuture:
			return fmt.Sprintf("%s: %s dated after the computation date, ignored.", l, plural(s.Count, "rating"))
		case ReasonInvalidLevel:
			return fmt.Sprintf("%s: %s with a level outside 1–5, ignored.", l, plural(s.Count, "rating"))
		}
		return fmt.Sprintf("%s: %s from a source the rule does not use, ignored.", l, plural(s.Count, "rating"))
	}
	switch s.Reason {
	case ReasonOutranked:
		return fmt.Sprintf("%s: level %d, tidak dihitung karena diungguli %s.", l, s.Level, s.By.Label(lang))
	case ReasonTooFewPeers:
		return fmt.Sprintf("%s: %d penilai, kurang dari minimal %d; tidak dihitung dan nilainya tidak ditampilkan untuk menjaga kerahasiaan.", l, s.Count, s.MinPeers)
	case ReasonExpired:
		return fmt.Sprintf("%s: %d penilaian kedaluwarsa (masa berlaku %s), tidak dihitung.", l, s.Count, formatValidity(s.Validity, lang))
	case ReasonReplaced:
		return fmt.Sprintf("%s: %d penilaian lama digantikan penilaian ulang oleh penilai yang sama.", l, s.Count)
	case ReasonFuture:
		return fmt.Sprintf("%s: %d penilaian bertanggal setelah tanggal perhitungan, diabaikan.", l, s.Count)
	case ReasonInvalidLevel:
		return fmt.Sprintf("%s: %d penilaian dengan level di luar 1–5, diabaikan.", l, s.Count)
	}
	return fmt.Sprintf("%s: %d penilaian dari sumber yang tidak dipakai aturan, diabaikan.", l, s.Count)
}

// meanText writes "= 3,50" when num ÷ den has at most two decimals and
// "≈ 3,16" otherwise. The decimals are truncated, never rounded, so the
// shown value always falls on the same side of ,50 as the exact mean and
// agrees with the rounding that follows it.
func meanText(num, den int, lang string) string {
	if den <= 0 {
		return ""
	}
	h := num * 100 / den
	sep := ","
	if isEN(lang) {
		sep = "."
	}
	op := "="
	if num*100%den != 0 {
		op = "≈"
	}
	return fmt.Sprintf("%s %d%s%02d", op, h/100, sep, h%100)
}

// formatDate writes a date as the UI does everywhere: "12 Maret 2025",
// "12 March 2025".
func formatDate(t time.Time, lang string) string {
	return i18n.Date(i18n.Parse(lang), t)
}

// formatValidity writes a validity period in years when it is whole years,
// else in days.
func formatValidity(d time.Duration, lang string) string {
	en := isEN(lang)
	day := 24 * time.Hour
	switch {
	case d%Year == 0:
		n := int(d / Year)
		if en {
			if n == 1 {
				return "1 year"
			}
			return fmt.Sprintf("%d years", n)
		}
		return fmt.Sprintf("%d tahun", n)
	case d%day == 0:
		n := int(d / day)
		if en {
			return fmt.Sprintf("%d days", n)
		}
		return fmt.Sprintf("%d hari", n)
	}
	return d.String()
}

// plural writes an English count with its noun: "1 rating", "2 ratings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// In returns r with the dates of its contributions in loc (the city's zone),
// so that Explain writes the day as the people of the city saw it: a rating
// at 20:00 UTC was given the next day in WIB.
func (r Resolution) In(loc *time.Location) Resolution {
	used := make([]Contribution, len(r.Used))
	for i, c := range r.Used {
		if !c.At.IsZero() {
			c.At = c.At.In(loc)
		}
		used[i] = c
	}
	r.Used = used
	for i, c := range r.ConflictBetween {
		if !c.At.IsZero() {
			r.ConflictBetween[i].At = c.At.In(loc)
		}
	}
	return r
}
