package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

func TestPasswordHash(t *testing.T) {
	h, err := auth.HashPassword("rahasia-Medan-2026")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Errorf("hash %q is not argon2id with m=19 MiB, t=2, p=1", h)
	}
	if !auth.CheckPassword(h, "rahasia-Medan-2026") {
		t.Error("the right password was refused")
	}
	if auth.CheckPassword(h, "rahasia-medan-2026") {
		t.Error("a wrong password was accepted")
	}
	h2, _ := auth.HashPassword("rahasia-Medan-2026")
	if h == h2 {
		t.Error("two hashes of one password must differ (random salt)")
	}
	if auth.CheckPassword("not-a-hash", "x") {
		t.Error("a malformed hash must never match")
	}
}

func TestScopeFor(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s)
		root, opd, other, kadis := c.Root, c.Kominfo, c.Dinkes, c.Head
		p, err := auth.ScopeFor(ctx, s, &model.User{Role: model.RolePegawai, EmployeeID: kadis.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.IsHeadOf) != 1 || len(p.Scope.UnitPaths) != 1 || p.Scope.UnitPaths[0] != opd.Path {
			t.Errorf("the head of a unit sees its subtree: %+v", p)
		}
		adm, _ := auth.ScopeFor(ctx, s, &model.User{Role: model.RoleAdminOPD, ScopeUnitID: opd.ID})
		if adm.Scope.All || len(adm.Scope.UnitPaths) != 1 || !adm.Can(policy.EmployeeWrite) || adm.Can(policy.OrgWrite) {
			t.Errorf("unit admin: %+v", adm)
		}
		aud, _ := auth.ScopeFor(ctx, s, &model.User{Role: model.RoleAuditor})
		if !aud.Scope.All || aud.Can(policy.EmployeeWrite) || !aud.Can(policy.AuditRead) || aud.Admin.All {
			t.Errorf("auditor reads everything and writes nothing: %+v", aud)
		}
		if p.Admin.All || len(p.Admin.UnitPaths) != 0 || !p.Sees(&opd) || p.Administers(&opd) {
			t.Errorf("heading a unit gives read scope only: %+v", p)
		}
		bkpsdm, _ := auth.ScopeFor(ctx, s, &model.User{Role: model.RoleAdminBKPSDM})
		if !bkpsdm.Admin.All || !bkpsdm.Administers(&opd) {
			t.Errorf("a BKPSDM admin administers the whole government: %+v", bkpsdm)
		}
		// A unit admin of another unit who heads this one administers only
		// their own unit.
		both, err := auth.ScopeFor(ctx, s, &model.User{Role: model.RoleAdminOPD, ScopeUnitID: other.ID, EmployeeID: kadis.ID})
		if err != nil {
			t.Fatal(err)
		}
		if !both.Sees(&opd) || both.Administers(&opd) || !both.Administers(&other) || both.Administers(&root) {
			t.Errorf("unit admin who heads another unit: %+v", both)
		}
	})
}
