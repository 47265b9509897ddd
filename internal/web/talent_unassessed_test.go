package web

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// Budi, with "Sangat Baik" twice and two of his four competencies assessed
// at the required level, is in no box of the talent map: he is listed
// under "cannot be placed" as not assessed, with how many competencies are,
// and his JPM is marked provisional (issue 11 point 1).
func TestTalentMapCountsTheNotAssessedApart(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		sys := model.Actor{Name: "test"}
		for _, c := range f.city.Comps[:2] {
			must(t, st.AddRating(ctx, sys, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: c, Source: assess.SourceAssessmentCentre,
				Level: 2, RaterAdmin: model.Scope{All: true}}))
		}
		y := time.Now().Year()
		for _, year := range []int{y - 2, y - 1} {
			must(t, st.SetPerformance(ctx, sys, f.budi.ID, year, "Sangat Baik"))
		}
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p := admin.get("/talenta")
		status(t, p, 200)
		contains(t, p, `id="talent-not-assessed"`, "Belum dinilai — lengkapi penilaian")
		lacks(t, admin.get("/talenta?box=9"), "Budi Santoso")
		p = admin.get("/talenta?box=0")
		contains(t, p, "Budi Santoso", `class="tag warn not-assessed"`, "2 dari 4 kompetensi dinilai", "100,00 % (sementara)")
	})
}
