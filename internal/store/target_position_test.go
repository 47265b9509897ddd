package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestTargetPositionNeeds: an administrator records target positions
// (audited, never the position held); the needs analysis then gives the
// needs against each target's standard from the employees' current levels
// (an unassessed competency a need for assessment, not a shortfall), and
// the performance gap of the last SKP year, within the reader's scope.
func TestTargetPositionNeeds(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		c := f.National
		invalid := func(err error, key string) {
			t.Helper()
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Key != key {
				t.Errorf("got %v, want %s", err, key)
			}
		}
		invalid(s.SetTargetPosition(ctx, admin, f.Ani.ID, f.ProgPos.ID, ""), "err.target.same_as_held")
		invalid(s.SetTargetPosition(ctx, admin, f.Ani.ID, 999999, ""), "err.target.position_unknown")
		// Ani (c0 at 1) and Dedi (never assessed) aim at the head of the
		// bidang (c0 required 3, weight 3); Budi (c1 at 1) at the nurse's
		// post (c1 required 3).
		must(t, s.SetTargetPosition(ctx, admin, f.Ani.ID, f.KabidPos.ID, "kader suksesi"))
		must(t, s.SetTargetPosition(ctx, admin, f.Dedi.ID, f.KabidPos.ID, ""))
		must(t, s.SetTargetPosition(ctx, admin, f.Bayu.ID, f.Fani.PositionID, ""))
		tp, err := s.TargetPosition(ctx, f.Ani.ID)
		must(t, err)
		if tp == nil || tp.PositionID != f.KabidPos.ID || tp.Note != "kader suksesi" || tp.StandardID == 0 || tp.Result.Total != 1 ||
			!tp.Result.Complete || tp.Result.Gaps[0].Gap != -2 || tp.Result.Mapping != gap.KurangOptimal || len(tp.Names) != 1 || tp.Names[0] == "" {
			t.Fatalf("Ani's target: %+v", tp)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Limit: 3})
		must(t, err)
		if len(log) == 0 || log[0].Action != "target_position.set" {
			t.Errorf("the last change is not audited as a target: %+v", log)
		}
		year := gap.TalentYears(s.Now())[1]
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, year, "Kurang"))
		must(t, s.SetPerformance(ctx, admin, f.Bayu.ID, year, "Baik"))
		must(t, s.SetPerformance(ctx, admin, f.Fani.ID, year, "Sangat Baik"))

		src, err := s.NeedsSources(ctx, model.Scope{All: true}, 0)
		must(t, err)
		if src.TargetEmployees != 3 || len(src.Target) != 2 {
			t.Fatalf("targets: %d employees, needs %+v", src.TargetEmployees, src.Target)
		}
		if n := src.Target[0]; n.CompetencyID != c[0] || n.Required != 2 || n.Assessed != 1 || n.NotAssessed != 1 || n.Short != 1 ||
			n.Shortfall != 2 || n.WeightedNeed != 6 {
			t.Errorf("first target need: %+v", n)
		}
		if n := src.Target[1]; n.CompetencyID != c[1] || n.Required != 1 || n.Short != 1 || n.Shortfall != 2 || n.WeightedNeed != 2 {
			t.Errorf("second target need: %+v", n)
		}
		p := src.Performance
		if p.Year != year || p.Below != 1 || p.Meets != 1 || p.Above != 1 || p.Employees != p.Below+p.Meets+p.Above+p.Unknown || p.Unknown == 0 {
			t.Errorf("performance: %+v", p)
		}
		// The Dinkes admin sees Fani's SKP and no target of Kominfo.
		o, err := s.NeedsSources(ctx, model.Scope{UnitPaths: []string{f.Dinkes.Path}}, 0)
		must(t, err)
		if o.TargetEmployees != 0 || len(o.Target) != 0 || o.Performance.Above != 1 || o.Performance.Below+o.Performance.Meets != 0 {
			t.Errorf("dinkes scope: %+v", o)
		}
		// Cleared: gone, audited.
		must(t, s.ClearTargetPosition(ctx, admin, f.Ani.ID))
		if tp, err := s.TargetPosition(ctx, f.Ani.ID); err != nil || tp != nil {
			t.Errorf("after clearing: %+v %v", tp, err)
		}
		log, err = s.AuditLog(ctx, store.AuditFilter{Limit: 1})
		must(t, err)
		if len(log) != 1 || log[0].Action != "target_position.clear" {
			t.Errorf("clearing is not audited: %+v", log)
		}
	})
}
