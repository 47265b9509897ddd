package web

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/report/pdftext"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// pdfOf checks that p is a PDF download and returns what it shows.
func pdfOf(t *testing.T, p page) *pdftext.Doc {
	t.Helper()
	if p.Status != 200 {
		t.Fatalf("%s: status %d", p.URL, p.Status)
	}
	if ct := p.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Fatalf("%s: content type %q", p.URL, ct)
	}
	if cd := p.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, ".pdf") {
		t.Errorf("%s: content disposition %q", p.URL, cd)
	}
	d, err := pdftext.Parse([]byte(p.Body))
	if err != nil {
		t.Fatalf("%s: %v", p.URL, err)
	}
	return d
}

func pdfHas(t *testing.T, d *pdftext.Doc, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(d.Text(), w) {
			t.Errorf("PDF lacks %q", w)
		}
	}
}

func TestNeedsPDFAndJPMChart(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps // Budi's position: four competencies at level 2
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		// Nobody assessed yet: the page counts them apart as not assessed.
		contains(t, admin.get("/analisis"), `id="needs-not-assessed"`, "Belum dinilai lengkap")
		// Budi at 1 in Integritas, 3 in Kerjasama, 1 and 2 in the other two:
		// capped JPM 6 of 8, Kurang Optimal.
		for i, lvl := range []int{1, 3, 1, 2} {
			must(t, st.AddRating(ctx, model.Actor{Name: "test"}, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: comps[i],
				Source: assess.SourceAssessmentCentre, Level: lvl, RaterAdmin: model.Scope{All: true}}))
		}
		kominfo := strconv.FormatInt(f.kominfo.ID, 10)

		// The page links the PDF and shows the JPM chart as inline SVG,
		// its counts as text.
		p := admin.get("/analisis")
		status(t, p, 200)
		contains(t, p, `id="needs-export-pdf" href="/analisis/ekspor.pdf?unit=`+strconv.FormatInt(f.root.ID, 10)+`"`, `<svg`, `id="jpm-chart"`, `class="jpm-kurang_optimal"`,
			"Sebaran kategori JPM per unit", "Kurang", "Dinas Komunikasi dan Informatika")
		lacks(t, p, `style=`)
		p = admin.get("/analisis?unit=" + kominfo)
		contains(t, p, `href="/analisis/ekspor.pdf?unit=`+kominfo+`"`)

		// The PDF of the pemda: the title block, the ranked needs with
		// Integritas first, the heat-map and the JPM chart drawn as vectors
		// (their unit names are text).
		d := pdfOf(t, admin.get("/analisis/ekspor.pdf"))
		pdfHas(t, d, "Analisis Kebutuhan Pengembangan Kompetensi (AKPK)", "Pemerintah Kota Medan", "Diekspor oleh", "admin",
			"Integritas", "Peta panas kesenjangan", "Sebaran kategori JPM per unit")
		if d.Images != 0 || strings.Count(d.Text(), "Dinas Komunikasi dan Informatika") < 2 {
			t.Errorf("the heat-map and the JPM chart must be drawn, naming their units (%d images)", d.Images)
		}
		if i, j := strings.Index(d.Text(), "Integritas"), strings.Index(d.Text(), "Kerjasama"); i < 0 || j < i {
			t.Errorf("Integritas (the top need) should come before Kerjasama")
		}
		d = pdfOf(t, admin.get("/analisis/ekspor.pdf?unit="+kominfo))
		pdfHas(t, d, "Dinas Komunikasi dan Informatika")

		// A unit admin exports their OPD; other units are "not found".
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		pdfHas(t, pdfOf(t, opd.get("/analisis/ekspor.pdf")), "Dinas Komunikasi dan Informatika")
		status(t, opd.get("/analisis/ekspor.pdf?unit="+strconv.FormatInt(f.dinkes.ID, 10)), 404)
		status(t, opd.get("/analisis/ekspor.pdf?unit="+strconv.FormatInt(f.root.ID, 10)), 404)
		status(t, opd.get("/analisis/ekspor.pdf?unit=x"), 404)
		// An employee is refused.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		status(t, budi.get("/analisis/ekspor.pdf"), 403)
	})
}
