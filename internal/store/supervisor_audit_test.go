package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestDerivedSupervisorChangeAudited: moving the head of a bidang
// out of the head post re-derives the supervisor of every staff member of
// the bidang (deriveSupervisors runs a bare UPDATE). The supervisor of Ani
// changes, which decides who assesses her and who sees her record, yet
// neither the audit log nor her history records it.
func TestDerivedSupervisorChangeAudited(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		before, _ := s.Employee(ctx, f.Ani.ID)
		kabid, _ := s.Employee(ctx, f.Kabid.ID)
		e := kabid.Employee
		e.PositionID = f.ProgPos.ID // the head leaves the head post
		if _, err := s.UpdateEmployee(ctx, admin, &e); err != nil {
			t.Fatal(err)
		}
		after, _ := s.Employee(ctx, f.Ani.ID)
		if after.SupervisorID == before.SupervisorID {
			t.Fatalf("precondition: Ani's supervisor did not change (%d)", after.SupervisorID)
		}
		entries, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmt.Sprint(f.Ani.ID)})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range entries {
			if a.Action != "employee.create" {
				return // audited
			}
		}
		t.Errorf("Ani's supervisor changed from %d to %d with no audit entry for her (entries: %d, all employee.create)",
			before.SupervisorID, after.SupervisorID, len(entries))
	})
}
