package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// cycleClock fixes the store's clock at 10 March 2025, 10:00 WIB.
func cycleClock(s *store.Store) {
	at := time.Date(2025, 3, 10, 3, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return at }
}

func fieldOf(err error) string {
	var e *apperr.Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

func TestCycleWritesScopeAndValidation(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		cycleClock(s)
		f := testcity.New(t, s, testcity.WithAssessment())
		all := model.Scope{All: true}
		opd := model.Scope{UnitPaths: []string{f.Kominfo.Path}}  // admin OPD of Diskominfo
		other := model.Scope{UnitPaths: []string{f.Dinkes.Path}} // admin OPD of Dinkes
		valid := func() model.Cycle {
			return model.Cycle{Name: "Penilaian 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-31", ScopeUnitID: f.Kominfo.ID, Self: true, Supervisor: true}
		}
		bad := []struct {
			name  string
			edit  func(*model.Cycle)
			admin model.Scope
			field string
		}{
			{"empty name", func(c *model.Cycle) { c.Name = "  " }, all, "name"},
			{"bad opening date", func(c *model.Cycle) { c.OpensOn = "2025-02-30" }, all, "opens_on"},
			{"closes before it opens", func(c *model.Cycle) { c.ClosesOn = "2025-02-28" }, all, "closes_on"},
			{"no source", func(c *model.Cycle) { c.Self, c.Supervisor = false, false }, all, "sources"},
			{"no scope", func(c *model.Cycle) { c.ScopeUnitID = 0 }, all, "scope_unit"},
			{"unknown unit", func(c *model.Cycle) { c.ScopeUnitID = 999999 }, all, "scope_unit"},
			{"unit admin, another OPD", func(c *model.Cycle) { c.ScopeUnitID = f.Dinkes.ID }, opd, "scope_unit"},
			{"unit admin, whole government", func(c *model.Cycle) { c.ScopeUnitID = f.Root.ID }, opd, "scope_unit"},
		}
		for _, tt := range bad {
			c := valid()
			tt.edit(&c)
			err := s.CreateCycle(ctx, admin, &c, tt.admin)
			if apperr.Code(err) != apperr.EINVALID || fieldOf(err) != tt.field {
				t.Errorf("%s: err %v, want invalid %s", tt.name, err, tt.field)
			}
		}
		c := valid()
		must(t, s.CreateCycle(ctx, admin, &c, opd))
		if c.ID == 0 || c.ScopePath != f.Kominfo.Path {
			t.Fatalf("created cycle %+v", c)
		}
		// Another OPD's admin neither edits nor closes it: not found.
		c2 := c
		c2.Name = "Diambil alih"
		if err := s.UpdateCycle(ctx, admin, &c2, other); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("update by another OPD: %v", err)
		}
		if err := s.CloseCycle(ctx, admin, c.ID, other); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("close by another OPD: %v", err)
		}
		// Its own admin extends it and narrows it to the bidang.
		c2 = c
		c2.ClosesOn, c2.ScopeUnitID, c2.Peer = "2025-04-15", f.Bidang.ID, true
		must(t, s.UpdateCycle(ctx, admin, &c2, opd))
		got, err := s.Cycle(ctx, c.ID)
		must(t, err)
		if got.ClosesOn != "2025-04-15" || got.ScopeUnitID != f.Bidang.ID || !got.Peer || got.Status(model.CycleToday(s.Now())) != model.CycleOpen {
			t.Errorf("after update: %+v", got)
		}
		// Once a rating is attached the scope is fixed.
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: f.National[0], Level: 3}))
		c3 := *got
		c3.ScopeUnitID = f.Kominfo.ID
		if err := s.UpdateCycle(ctx, admin, &c3, opd); apperr.Code(err) != apperr.EINVALID || fieldOf(err) != "scope_unit" {
			t.Errorf("scope change with ratings: %v", err)
		}
		must(t, s.CloseCycle(ctx, admin, c.ID, all))
		if err := s.CloseCycle(ctx, admin, c.ID, all); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("close twice: %v", err)
		}
		c3 = *got
		c3.Name = "Terlambat"
		if err := s.UpdateCycle(ctx, admin, &c3, all); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("update after close: %v", err)
		}
		got, _ = s.Cycle(ctx, c.ID)
		if got.Status("2025-03-10") != model.CycleClosed {
			t.Errorf("status after close %s", got.Status("2025-03-10"))
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "assessment_cycle", EntityID: fmtInt(c.ID), Limit: 10})
		must(t, err)
		actions := map[string]bool{}
		for _, e := range log {
			actions[e.Action] = true
		}
		if !actions["cycle.create"] || !actions["cycle.update"] || !actions["cycle.close"] || len(log) != 3 {
			t.Errorf("audit of the cycle: %v", log)
		}
		// Lists follow the admin's scope.
		gov := model.Cycle{Name: "Seluruh pemda", OpensOn: "2025-01-01", ClosesOn: "2025-12-31", ScopeUnitID: f.Root.ID, Peer: true}
		must(t, s.CreateCycle(ctx, admin, &gov, all))
		rows, _, err := s.Cycles(ctx, store.CycleFilter{Scope: opd})
		must(t, err)
		if len(rows) != 1 || rows[0].ID != c.ID {
			t.Errorf("unit admin's list: %+v", rows)
		}
		rows, _, _ = s.Cycles(ctx, store.CycleFilter{Scope: other})
		if len(rows) != 0 {
			t.Errorf("other OPD's list: %+v", rows)
		}
		rows, _, _ = s.Cycles(ctx, store.CycleFilter{Scope: all})
		if len(rows) != 2 || rows[0].ID != c.ID { // newest opening first
			t.Errorf("BKPSDM list: %+v", rows)
		}
	})
}

func TestRatingsGetTheOpenCycle(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		cycleClock(s)
		f := testcity.New(t, s, testcity.WithAssessment())
		all := model.Scope{All: true}
		cycleOf := func(id int64) int64 {
			t.Helper()
			var c int64
			must(t, s.DB().QueryRowContext(ctx, `SELECT COALESCE(cycle_id, 0) FROM rating WHERE id = $1`, id).Scan(&c))
			return c
		}
		rate := func(emp, rater int64, src assess.Source, comp int) int64 {
			t.Helper()
			r := model.Rating{EmployeeID: emp, RaterID: rater, Source: src, CompetencyID: f.National[comp], Level: 3}
			must(t, s.AddRating(ctx, admin, &r))
			if got := cycleOf(r.ID); got != r.CycleID {
				t.Errorf("stored cycle %d, returned %d", got, r.CycleID)
			}
			return r.CycleID
		}
		// Before any cycle: ratings stand on their own, as before.
		if c := rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 0); c != 0 {
			t.Errorf("no cycle yet, got %d", c)
		}
		opd := model.Cycle{Name: "Diskominfo 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-10", ScopeUnitID: f.Kominfo.ID, Self: true, Supervisor: true}
		must(t, s.CreateCycle(ctx, admin, &opd, all))
		later := model.Cycle{Name: "Nanti", OpensOn: "2025-03-11", ClosesOn: "2025-04-30", ScopeUnitID: f.Kominfo.ID, Self: true}
		must(t, s.CreateCycle(ctx, admin, &later, all))
		if c := rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 1); c != opd.ID {
			t.Errorf("self rating on the closing day: cycle %d, want %d", c, opd.ID)
		}
		if c := rate(f.Ani.ID, f.Kabid.ID, assess.SourceSupervisor, 1); c != opd.ID {
			t.Errorf("supervisor rating: cycle %d, want %d", c, opd.ID)
		}
		if c := rate(f.Ani.ID, f.Bayu.ID, assess.SourcePeer, 1); c != 0 {
			t.Errorf("peer rating while the cycle does not open peers: cycle %d", c)
		}
		if c := rate(f.Eko.ID, f.Eko.ID, assess.SourceSelf, 1); c != 0 {
			t.Errorf("employee outside the scope: cycle %d", c)
		}
		test := model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceTest, RaterAdmin: all, CompetencyID: f.National[2], Level: 2}
		must(t, s.AddRating(ctx, admin, &test))
		if test.CycleID != 0 {
			t.Errorf("test result got cycle %d", test.CycleID)
		}
		// A narrower cycle wins over the OPD-wide one.
		bidang := model.Cycle{Name: "Bidang Aplikasi", OpensOn: "2025-03-05", ClosesOn: "2025-03-20", ScopeUnitID: f.Bidang.ID, Self: true}
		must(t, s.CreateCycle(ctx, admin, &bidang, all))
		if c := rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 2); c != bidang.ID {
			t.Errorf("with a narrower cycle: %d, want %d", c, bidang.ID)
		}
		if c := rate(f.Kabid.ID, f.Head.ID, assess.SourceSupervisor, 2); c != opd.ID {
			t.Errorf("supervisor rating of the head of bidang (narrow cycle has no supervisor source): %d, want %d", c, opd.ID)
		}
		open, err := s.OpenCyclesFor(ctx, f.Ani.ID)
		must(t, err)
		if len(open) != 2 || open[0].ID != bidang.ID || open[1].ID != opd.ID {
			t.Errorf("open cycles for Ani: %+v", open)
		}
		if open, _ := s.OpenCyclesFor(ctx, f.Eko.ID); len(open) != 0 {
			t.Errorf("open cycles for an outsider: %+v", open)
		}
		// An explicit cycle must be open for the employee and source.
		r := model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: f.National[3], Level: 2, CycleID: later.ID}
		if err := s.AddRating(ctx, admin, &r); apperr.Code(err) != apperr.EINVALID || fieldOf(err) != "cycle" {
			t.Errorf("rating in a cycle not yet open: %v", err)
		}
		r = model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: f.National[3], Level: 2, CycleID: opd.ID}
		must(t, s.AddRating(ctx, admin, &r))
		if cycleOf(r.ID) != opd.ID {
			t.Errorf("explicit cycle not kept")
		}
		// Closed cycles take no more ratings; the next day the OPD cycle has ended.
		must(t, s.CloseCycle(ctx, admin, bidang.ID, all))
		if c := rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 4); c != opd.ID {
			t.Errorf("after closing the narrow cycle: %d, want %d", c, opd.ID)
		}
		next := s.Now().Add(24 * time.Hour)
		s.Now = func() time.Time { return next }
		if c := rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 0); c != later.ID {
			t.Errorf("next day: %d, want the later cycle %d", c, later.ID)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Limit: 1})
		must(t, err)
		if len(log) != 1 || log[0].Action != "rating.add" || !strings.Contains(log[0].Detail, `"cycle_id":`+fmtInt(later.ID)) {
			t.Errorf("audit of a rating in a cycle: %+v", log)
		}
	})
}

func TestCycleProgress(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		cycleClock(s)
		f := testcity.New(t, s, testcity.WithAssessment())
		all := model.Scope{All: true}
		c := model.Cycle{Name: "Diskominfo 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-31", ScopeUnitID: f.Kominfo.ID, Self: true, Supervisor: true, Peer: true}
		must(t, s.CreateCycle(ctx, admin, &c, all))
		empty := model.Cycle{Name: "Dinkes 2025", OpensOn: "2025-02-01", ClosesOn: "2025-03-31", ScopeUnitID: f.Dinkes.ID, Self: true}
		must(t, s.CreateCycle(ctx, admin, &empty, all))
		// A rating before the cycle existed does not count.
		_, err := s.LoadRatings(ctx, admin, "lama", func(add func(*model.Rating) error) error {
			return add(&model.Rating{EmployeeID: f.Dedi.ID, RaterID: f.Dedi.ID, Source: assess.SourceSelf, CompetencyID: f.National[0], Level: 2, At: s.Now()})
		})
		must(t, err)
		rate := func(emp, rater int64, src assess.Source, comp int) {
			t.Helper()
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: emp, RaterID: rater, Source: src, CompetencyID: f.National[comp], Level: 3}))
		}
		rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 0)
		rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, 1) // same person twice
		rate(f.Bayu.ID, f.Bayu.ID, assess.SourceSelf, 0)
		rate(f.Head.ID, f.Head.ID, assess.SourceSelf, 0) // in the dinas itself
		rate(f.Ani.ID, f.Kabid.ID, assess.SourceSupervisor, 0)
		rate(f.Ani.ID, f.Head.ID, assess.SourceSupervisor, 1) // a head above: still one person
		for _, p := range []int64{f.Bayu.ID, f.Cici.ID, f.Dedi.ID} {
			rate(f.Ani.ID, p, assess.SourcePeer, 0)
		}
		rate(f.Ani.ID, f.Bayu.ID, assess.SourcePeer, 1) // the same pair again
		rate(f.Bayu.ID, f.Cici.ID, assess.SourcePeer, 0)
		// People: the head and Budi in the dinas, five in the bidang.
		want := store.CycleProgress{People: 7, SelfDone: 3, SupervisorDone: 1, PeerRated: 2, PeerEnough: 1, PeerRatings: 4}
		rows, _, err := s.Cycles(ctx, store.CycleFilter{Scope: all})
		must(t, err)
		if len(rows) != 2 {
			t.Fatalf("cycles: %+v", rows)
		}
		for _, r := range rows {
			switch r.ID {
			case c.ID:
				if r.Progress != want {
					t.Errorf("progress %+v, want %+v", r.Progress, want)
				}
			case empty.ID:
				if r.Progress != (store.CycleProgress{People: 2}) { // Sri and Eko
					t.Errorf("empty cycle progress %+v", r.Progress)
				}
			}
		}
		one, err := s.CycleProgressOf(ctx, &c)
		must(t, err)
		if one != want {
			t.Errorf("CycleProgressOf %+v", one)
		}
		units, err := s.CycleUnits(ctx, &c)
		must(t, err)
		if len(units) != 2 || !units[0].Direct || units[0].Unit.ID != f.Kominfo.ID || units[1].Unit.ID != f.Bidang.ID {
			t.Fatalf("units %+v", units)
		}
		if units[0].Progress != (store.CycleProgress{People: 2, SelfDone: 1}) { // the head and Budi
			t.Errorf("dinas itself: %+v", units[0].Progress)
		}
		if w := (store.CycleProgress{People: 5, SelfDone: 2, SupervisorDone: 1, PeerRated: 2, PeerEnough: 1, PeerRatings: 4}); units[1].Progress != w {
			t.Errorf("bidang: %+v, want %+v", units[1].Progress, w)
		}
	})
}

// TestCycleProgressSnapshots checks the freshness rule of cycle progress: a
// small cycle shows a new rating at the next view; a big one is served from
// its snapshot, marked with the time it was taken, until it is recounted
// (an edit of the cycle drops it at once).
func TestCycleProgressSnapshots(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		cycleClock(s)
		f := testcity.New(t, s, testcity.WithAssessment())
		all := model.Scope{All: true}
		c := model.Cycle{Name: "Diskominfo 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-31", ScopeUnitID: f.Kominfo.ID, Self: true, Supervisor: true, Peer: true}
		must(t, s.CreateCycle(ctx, admin, &c, all))
		rate := func(emp int64) {
			t.Helper()
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: emp, RaterID: emp, Source: assess.SourceSelf, CompetencyID: f.National[0], Level: 3}))
		}
		view := func() (store.CycleProgress, store.CycleUnitProgress) {
			t.Helper()
			p, err := s.CycleProgressOf(ctx, &c)
			must(t, err)
			units, err := s.CycleUnits(ctx, &c)
			must(t, err)
			return p, units[len(units)-1]
		}
		rate(f.Ani.ID)
		if p, u := view(); p.SelfDone != 1 || !p.AsOf.IsZero() || u.Progress.SelfDone != 1 {
			t.Fatalf("small cycle after one rating: %+v, unit %+v", p, u.Progress)
		}
		rate(f.Bayu.ID)
		if p, u := view(); p.SelfDone != 2 || !p.AsOf.IsZero() || u.Progress.SelfDone != 2 || !u.Progress.AsOf.IsZero() {
			t.Fatalf("small cycle is counted again at the next view: %+v, unit %+v", p, u.Progress)
		}

		defer store.SetCycleBigPeople(1)()
		rate(f.Cici.ID)
		p, u := view()
		if p.SelfDone != 2 || p.AsOf.IsZero() || u.Progress.SelfDone != 2 || u.Progress.AsOf.IsZero() {
			t.Fatalf("big cycle is served from its snapshot with its time: %+v, unit %+v", p, u.Progress)
		}
		c.Name = "Diskominfo 2025 (diperpanjang)"
		must(t, s.UpdateCycle(ctx, admin, &c, all))
		if p, _ := view(); p.SelfDone != 3 {
			t.Errorf("after an edit the cycle is counted again: %+v", p)
		}
	})
}

// TestLoadRatingsKeepsTheirCycle: a bulk load (the demo's open cycle)
// stores the cycle a rating names, so the cycle's progress counts it; a
// rating naming none stays outside every cycle.
func TestLoadRatingsKeepsTheirCycle(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		cycleClock(s)
		f := testcity.New(t, s, testcity.WithAssessment())
		c := model.Cycle{Name: "Diskominfo 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-31", ScopeUnitID: f.Kominfo.ID, Self: true, Supervisor: true}
		must(t, s.CreateCycle(ctx, admin, &c, model.Scope{All: true}))
		_, err := s.LoadRatings(ctx, admin, "demo", func(add func(*model.Rating) error) error {
			for _, r := range []model.Rating{
				{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CycleID: c.ID},
				{EmployeeID: f.Ani.ID, RaterID: f.Kabid.ID, Source: assess.SourceSupervisor, CycleID: c.ID},
				{EmployeeID: f.Bayu.ID, RaterID: f.Bayu.ID, Source: assess.SourceSelf}, // before the cycle
			} {
				r.CompetencyID, r.Level, r.At = f.National[0], 2, s.Now()
				if err := add(&r); err != nil {
					return err
				}
			}
			return nil
		})
		must(t, err)
		p, err := s.CycleProgressOf(ctx, &c)
		must(t, err)
		if p.SelfDone != 1 || p.SupervisorDone != 1 {
			t.Errorf("progress after a load of one self and one supervisor rating in the cycle: %+v", p)
		}
	})
}
