package auth_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
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

// TestThrottle: a guesser from one address is slowed; the colleague whose NIP
// was typed can still sign in from their own machine.
func TestThrottle(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		th := &auth.Throttle{St: s}
		const victim = "197005121995031002"
		for i := 0; i < 5; i++ {
			if err := th.Begin(ctx, victim, "10.0.0.66", ""); err != nil {
				t.Fatalf("attempt %d refused too early: %v", i+1, err)
			}
		}
		if err := th.Begin(ctx, victim, "10.0.0.66", ""); apperr.Code(err) != apperr.ETOOMANY {
			t.Fatalf("after 5 failures the attacker must wait, got %v", err)
		}
		if err := th.Begin(ctx, victim, "10.0.0.7", ""); err != nil {
			t.Errorf("the victim from their own address must not be locked out: %v", err)
		}
		now = now.Add(20 * time.Minute)
		if err := th.Begin(ctx, victim, "10.0.0.66", ""); err != nil {
			t.Errorf("the delay must end (at most 15 minutes): %v", err)
		}
		if _, err := th.Passed(ctx, victim, "10.0.0.66", ""); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 5; i++ {
			if err := th.Begin(ctx, victim, "10.0.0.66", ""); err != nil {
				t.Errorf("a good sign-in clears the count: attempt %d: %v", i+1, err)
			}
		}
	})
}

// TestThrottleSharedAddress: in an OPD office every PC leaves through one
// NAT address (and behind a reverse proxy every client has the proxy's
// address). Neither a colleague's fifty failures on other accounts nor a
// colleague typing the victim's NIP wrongly at the same address may lock
// the victim out of their own browser; the colleague still waits.
func TestThrottleSharedAddress(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
		s.Now = func() time.Time { return now }
		th := &auth.Throttle{St: s}
		const office = "10.20.0.1" // the OPD's NAT address
		const victim = "197005121995031002"
		for i := 0; i < 50; i++ {
			th.Begin(ctx, fmt.Sprintf("19800101200501%04d", i), office, "")
		}
		if err := th.Begin(ctx, victim, office, ""); apperr.Code(err) == apperr.ETOOMANY {
			t.Errorf("a colleague's 50 failed guesses on other accounts lock the victim out of their own correct sign-in: %v", err)
		}
		// The victim signs in: the browser keeps a device token.
		device, err := th.Passed(ctx, victim, office, "")
		if err != nil || device == "" {
			t.Fatalf("device token %q: %v", device, err)
		}

		// However many failures an address piles up, a browser without a
		// token waits at most 30 s.
		for i := 0; i < 300; i++ {
			th.Begin(ctx, fmt.Sprintf("19900101201001%04d", i), office, "")
		}
		if err := th.Begin(ctx, "199501012020011001", office, ""); apperr.Code(err) == apperr.ETOOMANY {
			wait := 0
			for ; th.Begin(ctx, "199501012020011001", office, "") != nil; wait++ {
				now = now.Add(time.Second)
			}
			if wait > 30 {
				t.Errorf("the address rule made a new browser wait %d s (at most 30)", wait)
			}
		}

		// A colleague at the same NAT guesses the victim's NIP, waiting out
		// each delay: the colleague is slowed, the victim's browser is not.
		now = now.Add(25 * time.Hour)
		for i := 0; i < 15; i++ {
			for th.Begin(ctx, victim, office, "") != nil {
				now = now.Add(time.Second) // wait out the delay
			}
		}
		if err := th.Begin(ctx, victim, office, ""); apperr.Code(err) != apperr.ETOOMANY {
			t.Errorf("the guesser without the victim's device token must wait, got %v", err)
		}
		if err := th.Begin(ctx, victim, office, device); apperr.Code(err) == apperr.ETOOMANY {
			t.Errorf("a colleague on the same network locks the victim out of their own browser: %v", err)
		}
		if err := th.Begin(ctx, victim, office, "forged-"+device); apperr.Code(err) != apperr.ETOOMANY {
			t.Errorf("an unknown device token must count as no token, got %v", err)
		}
		// The token is remembered for 30 days only.
		now = now.Add(31 * 24 * time.Hour)
		for i := 0; i < 5; i++ {
			th.Begin(ctx, victim, office, "")
		}
		if err := th.Begin(ctx, victim, office, device); apperr.Code(err) != apperr.ETOOMANY {
			t.Errorf("an expired device token must count as no token, got %v", err)
		}
	})
}

func TestScopeFor(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		a := model.Actor{Name: "test"}
		root := model.OrgUnit{Code: "R", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda}
		s.CreateUnit(ctx, a, &root)
		opd := model.OrgUnit{Code: "D", Name: "Dinas Kesehatan", Kind: model.UnitOPD, ParentID: root.ID}
		s.CreateUnit(ctx, a, &opd)
		head := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: opd.ID, IsHead: true}
		s.CreatePosition(ctx, a, &head)
		kadis := model.Employee{NIP: "197005121995031002", Name: "Budi", Gender: model.Male, Kind: model.PNS, Golongan: "IV/c",
			PositionID: head.ID, UnitID: opd.ID, Status: model.StatusAktif, BirthDate: time.Date(1970, 5, 12, 0, 0, 0, 0, time.UTC)}
		if err := s.CreateEmployee(ctx, a, &kadis); err != nil {
			t.Fatal(err)
		}
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
		other := model.OrgUnit{Code: "K", Name: "Dinas Kominfo", Kind: model.UnitOPD, ParentID: root.ID}
		s.CreateUnit(ctx, a, &other)
		both, err := auth.ScopeFor(ctx, s, &model.User{Role: model.RoleAdminOPD, ScopeUnitID: other.ID, EmployeeID: kadis.ID})
		if err != nil {
			t.Fatal(err)
		}
		if !both.Sees(&opd) || both.Administers(&opd) || !both.Administers(&other) || both.Administers(&root) {
			t.Errorf("unit admin who heads another unit: %+v", both)
		}
	})
}
