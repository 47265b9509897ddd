package web

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/report"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestProfilePDF(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		must(t, st.AddRating(ctx, model.Actor{Name: "test"}, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: comps[0],
			Source: assess.SourceAssessmentCentre, Level: 1, RaterAdmin: model.Scope{All: true}}))
		path := fmt.Sprintf("/pegawai/%d/profil.pdf", f.budi.ID)

		admin := f.client(t)
		admin.login("admin", pwAdmin)
		contains(t, admin.get(fmt.Sprintf("/pegawai/%d", f.budi.ID)), `id="profile-pdf" href="`+path+`"`)
		// One assessed competency of four, 1 against 2: a provisional JPM of
		// 1 of 2 (the other three are not level 0) and no category.
		d := pdfOf(t, admin.get(path))
		pdfHas(t, d, "Profil Kompetensi Pegawai", "Budi Santoso Siregar", "19800101 200501 1 001", "Pengelola Sistem Informasi",
			"Dinas Komunikasi dan Informatika", "50,00 % (sementara)", "Belum dinilai — lengkapi penilaian", "1 dari 4 kompetensi dinilai",
			"Integritas", "−1", "belum dinilai")
		if strings.Contains(d.Text(), "Kurang Optimal") || strings.Contains(d.Text(), "12,50") {
			t.Errorf("a partly assessed profile reads the unassessed as level 0: %s", d.Text())
		}
		if d.Images != 0 || !strings.Contains(d.Text(), "Aktual") {
			t.Errorf("the radar and its legend must be drawn as vectors (%d images)", d.Images)
		}
		// Budi may download his own; Budi may not download his head's
		// (out of his scope: "not found", as the profile page).
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		pdfHas(t, pdfOf(t, budi.get(path)), "Budi Santoso Siregar")
		status(t, budi.get(fmt.Sprintf("/pegawai/%d", f.head.ID)), 404)
		status(t, budi.get(fmt.Sprintf("/pegawai/%d/profil.pdf", f.head.ID)), 404)
		// The Kominfo admin may not read Dinkes people.
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		status(t, opd.get(fmt.Sprintf("/pegawai/%d/profil.pdf", f.sri.ID)), 404)
		status(t, opd.get("/pegawai/0/profil.pdf"), 404)
		// Without a standard the PDF says so and draws no radar.
		d = pdfOf(t, admin.get(fmt.Sprintf("/pegawai/%d/profil.pdf", f.sri.ID)))
		pdfHas(t, d, "Sri Wahyuni Lubis", "belum memiliki standar kompetensi")
		if strings.Contains(d.Text(), "Aktual") {
			t.Error("no standard: no radar, no gap table")
		}
		// Signed out: no PDF.
		anon := f.noFollow(t)
		if p := anon.get(path); p.Status == 200 || strings.HasPrefix(p.Body, "%PDF") {
			t.Errorf("signed out: status %d", p.Status)
		}
	})
}

// TestRadarSameAsPage checks that the PDF's radar (report.RadarChart) puts
// every level where the page's SVG radar does: the same geometry moved by
// the page's viewBox origin (40, 20).
func TestRadarSameAsPage(t *testing.T) {
	for n := 1; n <= 9; n++ {
		for i := range n {
			for lvl := 0; lvl <= 5; lvl++ {
				px, py := radarPoint(i, n, float64(lvl))
				q := report.RadarPoint(i, n, float64(lvl))
				if math.Abs(px-40-q.X) > 1e-9 || math.Abs(py-20-q.Y) > 1e-9 {
					t.Fatalf("axis %d of %d level %d: page (%v,%v), PDF (%v,%v)+(40,20)", i, n, lvl, px, py, q.X, q.Y)
				}
			}
		}
	}
}
