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

// TestTalentMapNotAssessed: an employee whose standard is not fully
// assessed gets no box, however good the SKP and the provisional JPM, and
// is counted apart with how many competencies are assessed (issue 11
// point 1: 340 unassessed demo employees sat in boxes 1, 2 and 4).
func TestTalentMapNotAssessed(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		fixedNow(s)
		rate := func(emp int64, comps []int64, level int) {
			for _, c := range comps {
				must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: emp, Source: assess.SourceAssessmentCentre,
					CompetencyID: c, Level: level, RaterAdmin: model.Scope{All: true}}))
			}
		}
		skp := func(emp int64, p string) {
			must(t, s.SetPerformance(ctx, admin, emp, 2024, p))
			must(t, s.SetPerformance(ctx, admin, emp, 2025, p))
		}
		rate(f.Ani.ID, f.National[:2], 2) // two of five, at the required level: provisional 100 %
		skp(f.Ani.ID, "Sangat Baik")
		skp(f.Bayu.ID, "Baik") // never assessed
		rate(f.Cici.ID, f.National[:5], 2)
		skp(f.Cici.ID, "Sangat Baik")
		_, err := s.RecomputeJPM(ctx, 0)
		must(t, err)

		m, err := s.TalentMap(ctx, model.Scope{All: true}, 0)
		must(t, err)
		// Ani, Bayu and Dedi (staff, never assessed) are not assessed;
		// Cici is in box 9; nobody in 1, 2 or 4.
		if m.Counts[9] != 1 || m.Counts[1]+m.Counts[2]+m.Counts[4] != 0 || m.NotAssessed != 3 || m.Counts[0] != m.Total-1 {
			t.Errorf("counts %v, not assessed %d", m.Counts, m.NotAssessed)
		}
		people, _, err := s.TalentBox(ctx, model.Scope{All: true}, 0, 0, 0, 50)
		must(t, err)
		got := map[int64]store.TalentPerson{}
		for _, p := range people {
			got[p.ID] = p
		}
		if a := got[f.Ani.ID]; !a.Box.NotAssessed || a.Box.Assessed != 2 || a.Box.Total != 5 || a.Assessed != 2 || a.Total != 5 || a.Box.Number != 0 {
			t.Errorf("Ani: %+v", a)
		}
		if b := got[f.Bayu.ID]; !b.Box.NotAssessed || b.Box.Assessed != 0 || b.Box.Total != 5 {
			t.Errorf("Budi: %+v", b)
		}
		if k := got[f.Kabid.ID]; k.Box.NotAssessed { // no standard: cannot be placed, but not "belum dinilai"
			t.Errorf("the head without a standard is counted as not assessed: %+v", k)
		}
	})
}
