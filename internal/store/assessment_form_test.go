package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestRatingFormSavesAllOrNothing: a rating form that changes several
// competencies is one change. A bad value anywhere in it, or a rating the
// rater may not give, or a competency that does not exist, leaves no
// rating, no audit row and the JPM as it was; a good form records every
// rating, one audit row each, in one transaction, and the JPM that follows
// from all of them.
func TestRatingFormSavesAllOrNothing(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		self := func(comp int64, level int) *model.Rating {
			return &model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: comp, Level: level}
		}
		must(t, s.AddRating(ctx, admin, self(f.National[0], 2)))

		type state struct {
			ratings, audits int
			jpm             store.JPMRow
		}
		snapshot := func() state {
			t.Helper()
			var st state
			must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM rating WHERE employee_id = $1`, f.Ani.ID).Scan(&st.ratings))
			must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'rating.add'`).Scan(&st.audits))
			got, err := s.EmployeeCompetencies(ctx, f.Ani.ID)
			must(t, err)
			if got.Stored == nil {
				t.Fatal("no stored JPM")
			}
			st.jpm = *got.Stored
			return st
		}
		before := snapshot()
		if before.ratings != 1 || before.audits != 1 || before.jpm.SumActual != 2 {
			t.Fatalf("fixture: %+v", before)
		}

		bad := map[string]struct {
			form []*model.Rating
			code string
		}{
			"a level out of range in the middle": {
				[]*model.Rating{self(f.National[1], 3), self(f.National[2], 9), self(f.National[3], 4)}, apperr.EINVALID},
			"a competency that does not exist, last": {
				[]*model.Rating{self(f.National[1], 3), self(f.National[2], 1), self(1<<40, 4)}, apperr.EINVALID},
			"a rating the rater may not give, last": {
				[]*model.Rating{self(f.National[1], 3), self(f.National[2], 1),
					{EmployeeID: f.Ani.ID, RaterID: f.Bayu.ID, Source: assess.SourceSelf, CompetencyID: f.National[3], Level: 4}}, apperr.EFORBIDDEN},
		}
		for name, c := range bad {
			err := s.AddRatings(ctx, admin, c.form)
			if apperr.Code(err) != c.code {
				t.Errorf("%s: error %v, want code %s", name, err, c.code)
			}
			if after := snapshot(); after != before {
				t.Errorf("%s: the form was partly saved: before %+v, after %+v", name, before, after)
			}
		}

		writes := s.Writes()
		must(t, s.AddRatings(ctx, admin, []*model.Rating{self(f.National[1], 3), self(f.National[2], 1), self(f.National[3], 4)}))
		if n := s.Writes() - writes; n != 1 {
			t.Errorf("a form of three ratings took %d transactions, want 1", n)
		}
		after := snapshot()
		if after.ratings != 4 || after.audits != 4 {
			t.Errorf("after a good form: %d ratings, %d audit rows; want 4 and 4", after.ratings, after.audits)
		}
		// Required 2 in five competencies: levels 2, 3, 1, 4 → actual 10,
		// capped 2 + 2 + 1 + 2 = 7, four of five assessed.
		if j := after.jpm; j.SumActual != 10 || j.SumCapped != 7 || j.Assessed != 4 || j.Total != 5 {
			t.Errorf("JPM after the form: %+v", j)
		}
		got, err := s.EmployeeCompetencies(ctx, f.Ani.ID)
		must(t, err)
		for i, want := range []int{2, 3, 1, 4, 0} {
			if got.Items[i].Actual != want {
				t.Errorf("competency %d: level %d, want %d", i, got.Items[i].Actual, want)
			}
		}
	})
}
