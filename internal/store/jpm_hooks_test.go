package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestJPMFollowsStandardAndPosition: a JPM is only true while it is measured
// against the standard of the position the employee holds now, so a new
// standard or a move to another position recomputes it at once.
func TestJPMFollowsStandardAndPosition(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: f.National[0], Level: 2}))
		jpm := func() *store.JPMRow {
			t.Helper()
			got, err := s.EmployeeCompetencies(ctx, f.Ani.ID)
			must(t, err)
			return got.Stored
		}
		if j := jpm(); j == nil || j.SumRequired != 2 || j.Assessed != 1 || j.Total != 5 || j.Mapping != "unknown" {
			t.Fatalf("before: %+v", j)
		}
		items := []model.StandardItem{{CompetencyID: f.National[0], Required: 4, Weight: 1, Mandatory: true}}
		if _, err := s.SetStandard(ctx, admin, f.ProgPos.ID, "Perwal 7/2026", "2026-03-01", items); err != nil {
			t.Fatal(err)
		}
		if j := jpm(); j == nil || j.SumRequired != 4 || j.SumActual != 2 || j.JPMRaw != 5000 || j.Mapping != "kurang_optimal" {
			t.Errorf("after a new standard the JPM must be 2 ÷ 4 = 50 %%: %+v", j)
		}
		// Ani becomes head of the bidang: a position with no standard.
		e := f.Ani
		e.PositionID = f.KabidPos.ID
		if _, err := s.UpdateEmployee(ctx, admin, &e); err != nil {
			t.Fatal(err)
		}
		if j := jpm(); j != nil {
			t.Errorf("a position without a standard has no JPM, got %+v", j)
		}
	})
}
