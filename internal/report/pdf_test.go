package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/report/pdftext"
)

var exportDay = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

// needsSample is an analysis of 30 competencies over 20 units: enough for
// the table and the heat-map to run over several pages and images.
func needsSample(lang i18n.Lang) NeedsDoc {
	d := NeedsDoc{Lang: lang, Unit: "Pemerintah Kota Medan", Date: exportDay, ExportedBy: "Dr. Ahmad Nasution, S.T.",
		Employees: 12345, AsOf: exportDay}
	for i := range 30 {
		d.Needs = append(d.Needs, Need{Code: fmt.Sprintf("K%02d", i+1), Name: fmt.Sprintf("Kompetensi nomor %d", i+1),
			Required: 2000 - i, Assessed: 1500, NotAssessed: 500 - i, Short: 1234 - i, Share: 8227, AvgShortfall: 150, Weighted: 4321 - i})
	}
	for i := range 12 {
		d.HeatCols = append(d.HeatCols, HeatColumn{Rank: i + 1, Name: d.Needs[i].Name})
	}
	for u := range 20 {
		row := HeatRow{Label: fmt.Sprintf("Unit kerja %d", u+1)}
		for range 12 {
			row.Cells = append(row.Cells, HeatCell{Share: gap.Fixed(u * 500), Short: u, Assessed: 20})
		}
		d.HeatRows = append(d.HeatRows, row)
		d.JPMRows = append(d.JPMRows, JPMRow{Label: row.Label, Counts: [4]int{1, 2, 3, u}})
	}
	return d
}

func parsePDF(t *testing.T, b []byte) *pdftext.Doc {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %.20q", b)
	}
	d, err := pdftext.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func hasText(t *testing.T, d *pdftext.Doc, want ...string) {
	t.Helper()
	text := d.Text()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if strings.ContainsRune(text, '\uFFFD') {
		t.Error("PDF text has a glyph without a Unicode mapping")
	}
}

func TestNeedsPDF(t *testing.T) {
	var buf bytes.Buffer
	if err := NeedsPDF(&buf, needsSample(i18n.ID)); err != nil {
		t.Fatal(err)
	}
	d := parsePDF(t, buf.Bytes())
	// The charts are drawn, not pasted in as pictures: their labels are the
	// PDF's text (20 units: the heat-map in two parts of 14, the JPM chart in
	// two of 18), and the file stays small.
	if d.Images != 0 {
		t.Errorf("%d images: charts must be drawn as vectors", d.Images)
	}
	if text := d.Text(); strings.Count(text, "Unit kerja 20") != 2 || strings.Count(text, "Unit kerja 1\n") != 2 {
		t.Errorf("each unit must be named once in the heat-map and once in the JPM chart")
	}
	if buf.Len() > 150_000 {
		t.Errorf("%d bytes for a 20-unit analysis", buf.Len())
	}
	if d.Pages < 3 {
		t.Errorf("%d pages, want the table, the heat-map and the chart over at least 3", d.Pages)
	}
	hasText(t, d, "Analisis Kebutuhan Pengembangan Kompetensi (AKPK)", "Pemerintah Kota Medan", "22 November 2026",
		"Diekspor oleh", "Dr. Ahmad Nasution, S.T.", "12.345", "Kompetensi nomor 30 (K30)", "1.234", "4.321", "82 %", "1,50",
		"Dipersyaratkan", "Peta panas kesenjangan", "Sebaran kategori JPM per unit", fmt.Sprintf("Halaman %d", d.Pages))
	// The table header is repeated on the page the table runs onto.
	if n := strings.Count(d.Text(), "Dipersyaratkan"); n < 2 {
		t.Errorf("table header shown %d times, want it on every page of the table", n)
	}
}

func TestNeedsPDFEnglish(t *testing.T) {
	var buf bytes.Buffer
	if err := NeedsPDF(&buf, needsSample(i18n.EN)); err != nil {
		t.Fatal(err)
	}
	hasText(t, parsePDF(t, buf.Bytes()), "Competency Development Needs Analysis", "Exported by", "22 November 2026", "12,345", "1,234", "82%", "1.50",
		"JPM categories per unit")
}

func TestNeedsPDFEmpty(t *testing.T) {
	var buf bytes.Buffer
	err := NeedsPDF(&buf, NeedsDoc{Lang: i18n.ID, Unit: "Dinas Kosong", Date: exportDay, ExportedBy: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	d := parsePDF(t, buf.Bytes())
	if d.Images != 0 || d.Pages != 1 {
		t.Errorf("empty analysis: %d images, %d pages", d.Images, d.Pages)
	}
	hasText(t, d, "Dinas Kosong", "Belum ada pegawai dengan standar kompetensi")
}

func TestProfilePDF(t *testing.T) {
	doc := ProfileDoc{Lang: i18n.ID, Name: "Budi Santoso Siregar, S.Kom.", NIP: "19800101 200501 1 001", NIPLabel: "NIP",
		Position: "Pengelola Sistem Informasi", Unit: "Dinas Komunikasi dan Informatika", Date: exportDay, ExportedBy: "admin",
		HasStandard: true, DecreeNo: "SK-7/2025", JPMRaw: 6250, JPMCapped: 5000, Mapping: gap.KurangOptimal, Filling: gap.KurangMemenuhiSyarat,
		Assessed: 3, Total: 4, Items: []ProfileItem{{"Integritas", 2, 1, true}, {"Kerjasama", 2, 3, true}, {"Komunikasi", 2, 2, true}, {"Orientasi pada Hasil", 2, 0, false}},
		Explain: []string{"JPM = Σ level aktual ÷ Σ level standar × 100 %"}}
	var buf bytes.Buffer
	if err := ProfilePDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	d := parsePDF(t, buf.Bytes())
	if d.Images != 0 {
		t.Errorf("%d images: the radar must be drawn as vectors", d.Images)
	}
	hasText(t, d, "Standar", "Aktual") // the radar's legend
	hasText(t, d, "Profil Kompetensi Pegawai", "Budi Santoso Siregar, S.Kom.", "19800101 200501 1 001", "22 November 2026",
		"62,50 % (sementara)", "50,00 % (sementara)", "Belum dinilai — lengkapi penilaian", "3 dari 4 kompetensi dinilai", "SK-7/2025",
		"Orientasi pada Hasil", "−1", "+1", "belum dinilai", "Σ level aktual ÷ Σ level standar")
	if text := d.Text(); strings.Contains(text, "Kurang Optimal") || strings.Contains(text, "Kurang Memenuhi Syarat") {
		t.Errorf("a partly assessed profile shows a category")
	}

	// Complete: the categories.
	doc.Complete, doc.Assessed, doc.Items[3] = true, 4, ProfileItem{"Orientasi pada Hasil", 2, 2, true}
	buf.Reset()
	if err := ProfilePDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	hasText(t, parsePDF(t, buf.Bytes()), "62,50 %", "Kurang Optimal", "Kurang Memenuhi Syarat", "4 dari 4 kompetensi dinilai")

	doc.Lang, doc.Mapping = i18n.EN, gap.Optimal
	buf.Reset()
	if err := ProfilePDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	hasText(t, parsePDF(t, buf.Bytes()), "Employee Competency Profile", "62.50%", "Optimal", "Does not qualify")

	// No standard: the profile says so and draws nothing.
	buf.Reset()
	if err := ProfilePDF(&buf, ProfileDoc{Lang: i18n.ID, Name: "Sri", NIPLabel: "NI PPPK", NIP: "1", Unit: "Dinkes", Date: exportDay}); err != nil {
		t.Fatal(err)
	}
	d = parsePDF(t, buf.Bytes())
	if d.Images != 0 {
		t.Errorf("no standard: %d images", d.Images)
	}
	hasText(t, d, "NI PPPK", "belum memiliki standar kompetensi")
}
