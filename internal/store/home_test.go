package store_test

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

// TestHomeWaitingWork: the home page's reads say who is still to be rated,
// whether one's own self-assessment waits, and what data a unit's
// administrator has to fix; each changes as the work is done.
func TestHomeWaitingWork(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithStandard(), testcity.WithClock(time.Date(2025, 3, 10, 3, 0, 0, 0, time.UTC)))
		kominfo := model.Scope{UnitPaths: []string{c.Kominfo.Path}}

		// Before any cycle nothing is due.
		if due, n, err := s.RatingsDue(ctx, c.Head.ID, 10); err != nil || n != 0 || len(due) != 0 {
			t.Fatalf("ratings due without a cycle: %v %d %v", due, n, err)
		}
		if cy, err := s.SelfAssessmentDue(ctx, c.Budi.ID); err != nil || cy != nil {
			t.Fatalf("self assessment due without a cycle: %v %v", cy, err)
		}

		cy := model.Cycle{Name: "Penilaian Kominfo 2025", OpensOn: "2025-03-01", ClosesOn: "2025-03-31", ScopeUnitID: c.Kominfo.ID, Self: true, Supervisor: true}
		must(t, s.CreateCycle(ctx, testcity.Sys, &cy, model.Scope{All: true}))

		due, n, err := s.RatingsDue(ctx, c.Head.ID, 10)
		if err != nil || n != 1 || len(due) != 1 || due[0].EmployeeID != c.Budi.ID || due[0].CycleID != cy.ID || due[0].ClosesOn != "2025-03-31" {
			t.Fatalf("ratings due of the head: %+v, %d, %v; want Budi in cycle %d", due, n, err, cy.ID)
		}
		if due, n, _ := s.RatingsDue(ctx, c.Budi.ID, 10); n != 0 || len(due) != 0 {
			t.Errorf("Budi supervises nobody, yet has %d to rate: %+v", n, due)
		}
		got, err := s.SelfAssessmentDue(ctx, c.Budi.ID)
		if err != nil || got == nil || got.ID != cy.ID {
			t.Fatalf("Budi's self assessment due: %+v %v, want cycle %d", got, err, cy.ID)
		}
		if got, _ := s.SelfAssessmentDue(ctx, c.Sri.ID); got != nil {
			t.Errorf("Sri works outside the cycle's scope, yet her self assessment is due in %+v", got)
		}

		checks, err := s.DataChecksIn(ctx, kominfo)
		if err != nil {
			t.Fatal(err)
		}
		// The head's post has no standard; nobody is assessed; the head has
		// no supervisor (the pemda has no head post).
		want := store.DataChecks{PositionsWithoutStandard: 1, Unassessed: 2, NoSupervisor: 1}
		if checks != want {
			t.Errorf("Kominfo's data checks %+v, want %+v", checks, want)
		}

		// Budi rates himself; the head rates Budi: both lists empty.
		must(t, s.AddRating(ctx, testcity.Sys, &model.Rating{EmployeeID: c.Budi.ID, RaterID: c.Budi.ID, Source: assess.SourceSelf, CompetencyID: c.Comps[0], Level: 2}))
		if got, _ := s.SelfAssessmentDue(ctx, c.Budi.ID); got != nil {
			t.Errorf("after rating himself Budi's self assessment is still due in %+v", got)
		}
		must(t, s.AddRating(ctx, testcity.Sys, &model.Rating{EmployeeID: c.Budi.ID, RaterID: c.Head.ID, Source: assess.SourceSupervisor, CompetencyID: c.Comps[0], Level: 2}))
		if due, n, _ := s.RatingsDue(ctx, c.Head.ID, 10); n != 0 || len(due) != 0 {
			t.Errorf("after rating Budi the head still has %d to rate: %+v", n, due)
		}

		// A woman whose NIP says man is a NIP warning; Budi now counts as
		// assessed.
		w := model.Employee{NIP: "199001012015011002", Name: "Wulan Sari", Gender: model.Female, Kind: model.PNS, Golongan: "III/a",
			PositionID: c.StaffPos.ID, UnitID: c.Kominfo.ID}
		must(t, c.AddEmployee(&w))
		checks, err = s.DataChecksIn(ctx, kominfo)
		if err != nil {
			t.Fatal(err)
		}
		if checks.NIPWarnings != 1 || checks.Unassessed != 2 || !checks.Any() {
			t.Errorf("after Budi's rating and Wulan's NIP: %+v, want 1 NIP warning and 2 unassessed (the head, Wulan)", checks)
		}
		// Outside the scope nothing of Kominfo counts.
		dinkes, err := s.DataChecksIn(ctx, model.Scope{UnitPaths: []string{c.Dinkes.Path}})
		if err != nil {
			t.Fatal(err)
		}
		if dinkes.NIPWarnings != 0 || dinkes.Unassessed != 1 {
			t.Errorf("Dinkes' data checks %+v, want Sri alone unassessed and no NIP warning", dinkes)
		}
	})
}
