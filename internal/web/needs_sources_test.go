package web

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// The needs analysis gives its three sources (PP 17/2020 Pasal 205–206) on
// the page, in the XLSX and in the PDF, each need saying where it comes
// from: Budi's gap to his own standard, to his target position (the head's
// post), and his SKP below expectation.
func TestNeedsSourcesInPageAndExports(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		sys := model.Actor{Name: "test"}
		comps := f.city.Comps
		_, err := st.SetStandard(ctx, sys, f.city.HeadPos.ID, "SK 9/2026", "2026-01-10", []model.StandardItem{
			{CompetencyID: comps[2], Required: 4, Weight: 5}})
		must(t, err)
		for _, c := range comps {
			must(t, st.AddRating(ctx, sys, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: c, Source: assess.SourceAssessmentCentre,
				Level: 2, RaterAdmin: model.Scope{All: true}}))
		}
		must(t, st.SetTargetPosition(ctx, sys, f.budi.ID, f.city.HeadPos.ID, ""))
		must(t, st.SetPerformance(ctx, sys, f.budi.ID, gap.TalentYears(st.Now())[1], "Butuh Perbaikan"))

		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p := admin.get("/analisis")
		status(t, p, 200)
		contains(t, p, `id="needs-ranked-source"`, "Sumber: Jabatan saat ini", `id="needs-sources"`, `id="needs-target"`,
			"Sumber: Jabatan target", "1 pegawai dengan jabatan target", "Sumber: Kinerja (SKP)", `id="needs-performance"`,
			"Di bawah ekspektasi: 1")

		resp, err := admin.c.Get(admin.base + "/analisis/ekspor.xlsx")
		must(t, err)
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		resp.Body.Close()
		x, err := excelize.OpenReader(&buf)
		must(t, err)
		defer x.Close()
		rows, err := x.GetRows("Sumber kebutuhan")
		must(t, err)
		var sources []string
		for _, r := range rows[1:] {
			sources = append(sources, r[0])
		}
		joined := strings.Join(sources, "|")
		if rows[0][0] != "Sumber" || !strings.Contains(joined, "Jabatan saat ini") || !strings.Contains(joined, "Jabatan target") ||
			sources[len(sources)-1] != "Kinerja (SKP)" || rows[len(rows)-1][7] != "1" {
			t.Errorf("sources sheet %q", rows)
		}
		d := pdfOf(t, admin.get("/analisis/ekspor.pdf"))
		pdfHas(t, d, "Sumber: Jabatan saat ini", "Sumber: Jabatan target", "Sumber: Kinerja (SKP)", "Di bawah ekspektasi: 1")
	})
}
