package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

func day(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }

func TestPenaltyValidation(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		good := func() model.DisciplinePenalty {
			return model.DisciplinePenalty{EmployeeID: f.Ani.ID, Level: model.PenaltySedang, DecreeNo: "800/123/BKPSDM/2026",
				DecreeDate: day("2026-03-01"), StartsOn: day("2026-03-02"), EndsOn: day("2026-09-01")}
		}
		cases := []struct {
			field string
			edit  func(p *model.DisciplinePenalty)
		}{
			{"level", func(p *model.DisciplinePenalty) { p.Level = "keras" }},
			{"decree_no", func(p *model.DisciplinePenalty) { p.DecreeNo = "  " }},
			{"decree_date", func(p *model.DisciplinePenalty) { p.DecreeDate = time.Time{} }},
			{"ends_on", func(p *model.DisciplinePenalty) { p.EndsOn = time.Time{} }},
			{"ends_on", func(p *model.DisciplinePenalty) { p.EndsOn = day("2026-01-01") }},
			{"starts_on", func(p *model.DisciplinePenalty) { p.StartsOn = day("2026-02-01"); p.EndsOn = day("2026-08-01") }},
		}
		for _, c := range cases {
			p := good()
			c.edit(&p)
			err := s.AddPenalty(ctx, admin, &p)
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Field != c.field {
				t.Errorf("want an invalid %s, got %v", c.field, err)
			}
		}
		// A reprimand needs no end date; an unknown employee is not found.
		p := model.DisciplinePenalty{EmployeeID: f.Ani.ID, Level: model.PenaltyRingan, Kind: "teguran tertulis",
			DecreeNo: "800/1/2026", DecreeDate: day("2026-03-01"), StartsOn: day("2026-03-01")}
		must(t, s.AddPenalty(ctx, admin, &p))
		q := good()
		q.EmployeeID = 999999
		if err := s.AddPenalty(ctx, admin, &q); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("unknown employee: %v", err)
		}
		list, err := s.Penalties(ctx, f.Ani.ID)
		must(t, err)
		if len(list) != 1 || !list[0].EndsOn.Equal(day("2026-03-01")) || list[0].Kind != "teguran tertulis" {
			t.Errorf("penalties: %+v", list)
		}
		var n int
		must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'discipline.add' AND entity_id = $1`, fmtInt(f.Ani.ID)).Scan(&n))
		if n != 1 {
			t.Errorf("%d discipline.add audit entries, want 1", n)
		}
	})
}

// A moderate or heavy penalty in force keeps a box-9 employee out of the
// succession pool; a reprimand, a revoked or an expired penalty does not.
func TestPenaltyExcludesFromSuccessionPool(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		fixedNow(s) // 1 July 2026
		for _, c := range f.National[:5] {
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceAssessmentCentre,
				CompetencyID: c, Level: 2, RaterAdmin: model.Scope{All: true}}))
		}
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2024, "Sangat Baik"))
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2025, "Sangat Baik"))
		inPool := func() bool {
			t.Helper()
			people, _, err := s.TalentBox(ctx, model.Scope{All: true}, 0, 9, 0, 10)
			must(t, err)
			if len(people) != 1 {
				t.Fatalf("box 9 holds %d people, want Ani", len(people))
			}
			m, err := s.TalentMap(ctx, model.Scope{All: true}, 0)
			must(t, err)
			if (m.NotEligible == 1) == people[0].Box.TalentPool {
				t.Errorf("map counts %d not eligible but Ani's pool flag is %v", m.NotEligible, people[0].Box.TalentPool)
			}
			return people[0].Box.TalentPool
		}
		add := func(level, from, to string) int64 {
			p := model.DisciplinePenalty{EmployeeID: f.Ani.ID, Level: level, DecreeNo: "800/" + level + "/2026",
				DecreeDate: day(from), StartsOn: day(from), EndsOn: day(to)}
			must(t, s.AddPenalty(ctx, admin, &p))
			return p.ID
		}
		if !inPool() {
			t.Fatal("Ani starts in the succession pool")
		}
		add(model.PenaltyRingan, "2026-06-01", "2026-06-01")
		add(model.PenaltyBerat, "2025-01-01", "2025-12-31")  // served
		add(model.PenaltySedang, "2026-08-01", "2027-01-31") // not yet in force
		if !inPool() {
			t.Error("a reprimand, a served and a future penalty must not exclude")
		}
		id := add(model.PenaltySedang, "2026-05-01", "2026-10-31")
		if inPool() {
			t.Error("a moderate penalty in force must exclude from the pool")
		}
		if err := s.RevokePenalty(ctx, admin, f.Ani.ID, id, " "); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("revoke without a reason: %v", err)
		}
		must(t, s.RevokePenalty(ctx, admin, f.Ani.ID, id, "dibatalkan pada tingkat banding"))
		if err := s.RevokePenalty(ctx, admin, f.Ani.ID, id, "lagi"); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("revoking twice: %v", err)
		}
		if !inPool() {
			t.Error("a revoked penalty must not exclude")
		}
	})
}
