package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestActingHeadScopeAndSupervisors records Budi (Kominfo staff) as Plt.
// head of the Dinkes, whose head post is vacant: while it is in force he
// sees the Dinkes and supervises its staff (Sri); from the day after its
// end date neither, without anyone touching the record.
func TestActingHeadScopeAndSupervisors(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := day("2026-05-01")
		c := testcity.New(t, s)
		s.Now = func() time.Time { return now }
		head := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: c.Dinkes.ID, IsHead: true}
		must(t, s.CreatePosition(ctx, admin, &head))

		supervisorOfSri := func() int64 {
			t.Helper()
			v, err := s.Employee(ctx, c.Sri.ID)
			must(t, err)
			return v.SupervisorID
		}
		budiSeesDinkes := func() bool {
			t.Helper()
			p, err := auth.ScopeFor(ctx, s, &c.BudiUser)
			must(t, err)
			return p.Scope.Contains(c.Dinkes.Path)
		}
		if supervisorOfSri() != 0 || budiSeesDinkes() {
			t.Fatalf("before: Sri's supervisor %d, Budi sees the Dinkes %v", supervisorOfSri(), budiSeesDinkes())
		}

		x := model.ActingAssignment{EmployeeID: c.Budi.ID, PositionID: head.ID, Kind: "Plt.", From: day("2026-05-01"),
			Until: day("2026-05-31"), DecreeNo: "800/45/BKPSDM/2026", DecreeDate: day("2026-04-28")}
		must(t, s.AddActing(ctx, admin, &x))
		if x.Kind != model.ActingPlt {
			t.Errorf("kind %q, want plt", x.Kind)
		}
		if got := supervisorOfSri(); got != c.Budi.ID {
			t.Errorf("while acting: Sri's supervisor %d, want Budi %d", got, c.Budi.ID)
		}
		if !budiSeesDinkes() {
			t.Error("while acting: Budi does not see the Dinkes")
		}
		list, err := s.ActingAssignments(ctx, store.ActingFilter{UnitID: c.Dinkes.ID, Current: true})
		must(t, err)
		if len(list) != 1 || list[0].EmployeeNIP != testcity.NIPBudi || list[0].DecreeNo != "800/45/BKPSDM/2026" || !list[0].Until.Equal(day("2026-05-31")) {
			t.Errorf("current assignments: %+v", list)
		}

		// The last day still counts; nothing to refresh on it.
		now = day("2026-05-31")
		if !budiSeesDinkes() {
			t.Error("on its last day Budi does not see the Dinkes")
		}
		// Days are the city's (WIB): at 17:30 UTC on the last day it is
		// already half past midnight of the next day in Medan.
		now = day("2026-05-31").Add(17*time.Hour + 30*time.Minute)
		if budiSeesDinkes() {
			t.Error("past midnight WIB Budi still sees the Dinkes (the UTC date was used)")
		}
		// The day after: the scope follows at once, the stored supervisor
		// with the daily pass, audited.
		now = day("2026-06-01")
		if budiSeesDinkes() {
			t.Error("after its end Budi still sees the Dinkes")
		}
		did, err := s.RefreshActingSupervisors(ctx, day("2026-05-31"))
		must(t, err)
		if !did || supervisorOfSri() != 0 {
			t.Errorf("after the pass (ran %v): Sri's supervisor %d, want none", did, supervisorOfSri())
		}
		audit, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmtInt(c.Sri.ID)})
		must(t, err)
		found := false
		for _, e := range audit {
			found = found || e.Action == "employee.supervisor_derived"
		}
		if !found {
			t.Error("the supervisor's change at the end was not audited")
		}
		if did, err := s.RefreshActingSupervisors(ctx, day("2026-06-01")); err != nil || did {
			t.Errorf("a second pass the same day: %v %v", did, err)
		}
		if list, _ := s.ActingAssignments(ctx, store.ActingFilter{UnitID: c.Dinkes.ID, Current: true}); len(list) != 0 {
			t.Errorf("ended assignment listed as current: %+v", list)
		}

		// A later assignment starts by itself on its first day.
		later := model.ActingAssignment{EmployeeID: c.Budi.ID, PositionID: head.ID, Kind: model.ActingPlh, From: day("2026-07-01"),
			DecreeNo: "800/60/BKPSDM/2026", DecreeDate: day("2026-06-20")}
		must(t, s.AddActing(ctx, admin, &later))
		if supervisorOfSri() != 0 || budiSeesDinkes() {
			t.Error("an assignment starting later acts already")
		}
		now = day("2026-07-01")
		did, err = s.RefreshActingSupervisors(ctx, day("2026-06-01"))
		must(t, err)
		if !did || supervisorOfSri() != c.Budi.ID || !budiSeesDinkes() {
			t.Errorf("on its first day (pass ran %v): Sri's supervisor %d", did, supervisorOfSri())
		}
		// Ending it today keeps today; removing it takes it back at once.
		must(t, s.EndActing(ctx, admin, later.ID, day("2026-07-01")))
		if supervisorOfSri() != c.Budi.ID {
			t.Error("ended today, it no longer counts today")
		}
		if err := s.EndActing(ctx, admin, later.ID, day("2026-06-30")); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("an end before the start: %v", err)
		}
		must(t, s.RemoveActing(ctx, admin, later.ID))
		if supervisorOfSri() != 0 || budiSeesDinkes() {
			t.Error("a removed assignment still acts")
		}
	})
}

func TestActingRefused(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithClock(day("2026-05-01")))
		base := func() model.ActingAssignment {
			return model.ActingAssignment{EmployeeID: c.Budi.ID, PositionID: c.HeadPos.ID, Kind: model.ActingPlh,
				From: day("2026-05-04"), Until: day("2026-05-08"), DecreeNo: "800/9/2026", DecreeDate: day("2026-05-02")}
		}
		must(t, func() error { x := base(); return s.AddActing(ctx, admin, &x) }())
		cases := []struct {
			name  string
			edit  func(x *model.ActingAssignment)
			code  string
			field string
		}{
			{"kind", func(x *model.ActingAssignment) { x.Kind = "pj" }, apperr.EINVALID, "kind"},
			{"no decree", func(x *model.ActingAssignment) { x.DecreeNo = " " }, apperr.EINVALID, "decree_no"},
			{"no decree date", func(x *model.ActingAssignment) { x.DecreeDate = time.Time{} }, apperr.EINVALID, "decree_date"},
			{"end before start", func(x *model.ActingAssignment) { x.Until = day("2026-05-01") }, apperr.EINVALID, "until"},
			{"not a head post", func(x *model.ActingAssignment) {
				x.PositionID = c.StaffPos.ID
				x.From, x.Until = day("2026-06-01"), day("2026-06-05")
			}, apperr.EINVALID, "position"},
			{"the holder", func(x *model.ActingAssignment) {
				x.EmployeeID = c.Head.ID
				x.From, x.Until = day("2026-06-01"), day("2026-06-05")
			}, apperr.EINVALID, "employee"},
			{"overlap", func(x *model.ActingAssignment) {
				x.EmployeeID = c.Sri.ID
				x.From, x.Until = day("2026-05-08"), time.Time{}
			}, apperr.ECONFLICT, ""},
			{"unknown post", func(x *model.ActingAssignment) { x.PositionID = 99999 }, apperr.ENOTFOUND, ""},
		}
		for _, tc := range cases {
			x := base()
			tc.edit(&x)
			err := s.AddActing(ctx, admin, &x)
			if apperr.Code(err) != tc.code {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
				continue
			}
			if ae, ok := err.(*apperr.Error); ok && tc.field != "" && ae.Field != tc.field {
				t.Errorf("%s: field %q, want %q", tc.name, ae.Field, tc.field)
			}
		}
		// The next day after the first one's end is free; the first may then
		// not be extended into it.
		x := base()
		x.EmployeeID, x.From, x.Until = c.Sri.ID, day("2026-05-09"), time.Time{}
		must(t, s.AddActing(ctx, admin, &x))
		list, err := s.ActingAssignments(ctx, store.ActingFilter{EmployeeID: c.Budi.ID})
		must(t, err)
		if err := s.EndActing(ctx, admin, list[0].ID, day("2026-05-12")); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("extending into the next assignment: %v", err)
		}
		must(t, s.EndActing(ctx, admin, list[0].ID, day("2026-05-06")))
	})
}
