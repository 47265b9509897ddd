package web

import (
	"bytes"
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestNeedsAnalysisPages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps // Budi's position: four competencies at level 2
		// An assessment centre puts Budi at 1 in Integritas and 3 in Kerjasama.
		for i, lvl := range []int{1, 3} {
			must(t, st.AddRating(ctx, model.Actor{Name: "test"}, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: comps[i],
				Source: assess.SourceAssessmentCentre, Level: lvl, RaterAdmin: model.Scope{All: true}}))
		}
		c0 := strconv.FormatInt(comps[0], 10)

		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p := admin.get("/analisis")
		status(t, p, 200)
		// The pemda: rows are the two OPDs, Kominfo drills down; Integritas
		// is the top need, 1 of 1 assessed short (100 %, the darkest bin).
		contains(t, p, `id="nav-needs"`, `id="heatmap"`, `id="heat-legend"`, `id="needs-ranked"`, "Integritas",
			`href="/analisis?unit=`+strconv.FormatInt(f.kominfo.ID, 10)+`"`, `class="heat heat-4"`, "100 %<small>1/1</small>",
			`href="/analisis/orang?kompetensi=`+c0+`&amp;unit=`+strconv.FormatInt(f.kominfo.ID, 10)+`"`, `id="need-`+c0+`"`, "/analisis/ekspor.xlsx")
		lacks(t, p, `style=`)
		// Drilling into Kominfo: breadcrumbs back to the pemda.
		p = admin.get("/analisis?unit=" + strconv.FormatInt(f.kominfo.ID, 10))
		status(t, p, 200)
		contains(t, p, `href="/analisis?unit=`+strconv.FormatInt(f.root.ID, 10)+`"`, "Dinas Komunikasi dan Informatika", "langsung di unit ini")
		// The people short in Integritas: Budi, and nobody else.
		p = admin.get("/analisis/orang?kompetensi=" + c0)
		status(t, p, 200)
		contains(t, p, `id="need-people"`, "Budi Santoso Siregar", "Pengelola Sistem Informasi", "−1")
		lacks(t, p, "Ahmad Nasution", "Sri Wahyuni")
		p = admin.get("/analisis/orang?kompetensi=" + strconv.FormatInt(comps[1], 10))
		contains(t, p, `id="no-people"`)

		// The export: two sheets with the expected headers and Integritas first.
		resp, err := admin.c.Get(admin.base + "/analisis/ekspor.xlsx")
		must(t, err)
		defer resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Errorf("export content type %q", ct)
		}
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		x, err := excelize.OpenReader(&buf)
		must(t, err)
		defer x.Close()
		if got := x.GetSheetList(); len(got) != 3 || got[0] != "Kebutuhan" || got[1] != "Peta panas" || got[2] != "Sumber kebutuhan" {
			t.Fatalf("sheets %v", got)
		}
		rows, err := x.GetRows("Kebutuhan")
		must(t, err)
		if len(rows) != 5 || rows[0][0] != "Peringkat" || rows[0][2] != "Kompetensi" || rows[0][10] != "Kebutuhan berbobot" ||
			rows[1][2] != "Integritas" || rows[1][7] != "1" || rows[1][10] != "1" {
			t.Errorf("ranked sheet %q", rows)
		}
		heat, err := x.GetRows("Peta panas")
		must(t, err)
		if len(heat) != 3 || heat[0][0] != "Unit" || heat[0][2] != "Belum dinilai" || heat[0][3] != "Integritas (% kurang)" ||
			heat[2][0] != "Dinas Komunikasi dan Informatika" || heat[2][2] != "1" || heat[2][3] != "100" {
			t.Errorf("heat sheet %q", heat)
		}

		// A unit admin sees their OPD only; the pemda and the other OPD are
		// not found.
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		p = opd.get("/analisis")
		status(t, p, 200)
		contains(t, p, `id="nav-needs"`, "Dinas Komunikasi dan Informatika", "Integritas")
		status(t, opd.get("/analisis?unit="+strconv.FormatInt(f.dinkes.ID, 10)), 404)
		status(t, opd.get("/analisis?unit="+strconv.FormatInt(f.root.ID, 10)), 404)
		status(t, opd.get("/analisis/orang?kompetensi="+c0+"&unit="+strconv.FormatInt(f.dinkes.ID, 10)), 404)
		// The head of Kominfo (role atasan) reads the subtree he heads.
		head := f.client(t)
		head.login(nipHead, pwHead)
		status(t, head.get("/analisis"), 200)

		// An employee is refused and has no menu entry.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		status(t, budi.get("/analisis"), 403)
		status(t, budi.get("/analisis/orang?kompetensi="+c0), 403)
		status(t, budi.get("/analisis/ekspor.xlsx"), 403)
		lacks(t, budi.get("/"), `id="nav-needs"`)
	})
}
