package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestProviderAccounts: a partner's account is bound to its partner and
// listed with it; the bindings that would let a partner's staff reach
// beyond their partner are refused on create and on update; grants given
// and removed show in the audit.
func TestProviderAccounts(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue())
		k := c.Catalogue
		admin := model.Actor{UserID: c.Admin.ID, Name: c.Admin.Username}

		lpk := &model.User{Username: "usu-pelatihan", Email: "pelatihan@usu.ac.id", ProviderID: k.Univ.ID, PasswordHash: "x", Active: true}
		must(t, s.CreateProviderAccount(ctx, admin, lpk))
		if lpk.Role != model.RolePenyelenggara || lpk.ID == 0 {
			t.Fatalf("created: %+v", lpk)
		}
		firm := &model.User{Username: "awan-admin", Email: "admin@awandata.co.id", ProviderID: k.Firm.ID, PasswordHash: "x"}
		must(t, s.CreateProviderAccount(ctx, admin, firm))
		got, err := s.ProviderAccounts(ctx, k.Univ.ID)
		must(t, err)
		if len(got) != 1 || got[0].ID != lpk.ID || got[0].ProviderID != k.Univ.ID || got[0].Email != "pelatihan@usu.ac.id" {
			t.Errorf("the university's accounts: %+v", got)
		}
		all, err := s.AllProviderAccounts(ctx)
		must(t, err)
		if len(all) != 2 || all[0].Username != "awan-admin" {
			t.Errorf("every partner account: %+v", all)
		}

		refused := map[string]*model.User{
			"no partner":      {Username: "lpk-lepas", Email: "a@b.id", PasswordHash: "x"},
			"unknown partner": {Username: "lpk-hantu", Email: "a@b.id", ProviderID: 999999, PasswordHash: "x"},
			"an employee":     {Username: "budi-lpk", Email: "a@b.id", ProviderID: k.Univ.ID, EmployeeID: c.Budi.ID, PasswordHash: "x"},
			"a grant":         {Username: "lpk-op", Email: "a@b.id", ProviderID: k.Univ.ID, Grants: []model.Grant{model.GrantOperator}, PasswordHash: "x"},
			"a bad e-mail":    {Username: "lpk-surel", Email: "bukan surel", ProviderID: k.Univ.ID, PasswordHash: "x"},
			"a taken name":    {Username: "usu-pelatihan", Email: "a@b.id", ProviderID: k.Firm.ID, PasswordHash: "x"},
		}
		for name, u := range refused {
			if err := s.CreateProviderAccount(ctx, admin, u); err == nil {
				t.Errorf("a provider account with %s was created", name)
			} else if code := apperr.Code(err); code != apperr.EINVALID && code != apperr.ECONFLICT {
				t.Errorf("%s: %v", name, err)
			}
		}

		// Updates may not unbind the account or hand a grant to a partner.
		u, err := s.User(ctx, lpk.ID)
		must(t, err)
		u.Grants = []model.Grant{model.GrantOperator}
		if err := s.UpdateUser(ctx, admin, u); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("the operator grant given to a provider account: %v", err)
		}
		u, _ = s.User(ctx, lpk.ID)
		u.Role = model.RolePegawai
		if err := s.UpdateUser(ctx, admin, u); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("a provider account made a pegawai, still bound to its partner: %v", err)
		}
		budi, err := s.User(ctx, c.BudiUser.ID)
		must(t, err)
		budi.Role = model.RolePenyelenggara
		if err := s.UpdateUser(ctx, admin, budi); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("an employee's account made a penyelenggara without a partner: %v", err)
		}

		// The operator grant beside Budi's own role, then taken away: both
		// in the audit.
		budi, _ = s.User(ctx, c.BudiUser.ID)
		budi.Grants = []model.Grant{model.GrantOperator}
		must(t, s.UpdateUser(ctx, admin, budi))
		back, err := s.User(ctx, budi.ID)
		must(t, err)
		if back.Role != model.RolePegawai || !back.HasGrant(model.GrantOperator) {
			t.Fatalf("Budi after the grant: %+v", back)
		}
		back.Grants = nil
		must(t, s.UpdateUser(ctx, admin, back))
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "user", EntityID: fmt.Sprint(budi.ID)})
		must(t, err)
		var details []string
		for _, e := range log {
			if e.Action == "user.update" && strings.Contains(e.Detail, "grants") {
				details = append(details, e.Actor+" "+e.Detail)
			}
		}
		if len(details) != 2 || !strings.Contains(details[0], `["operator",""]`) || !strings.Contains(details[1], `["","operator"]`) ||
			!strings.HasPrefix(details[1], c.Admin.Username) {
			t.Errorf("audit of the grant given and removed (newest first): %q", details)
		}
	})
}

// TestInstructorAccounts: an account named instructor of a session is read
// back with it, and the policy's target of that session says the account
// teaches it, and no other session or account.
func TestInstructorAccounts(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue())
		k := c.Catalogue
		budi, err := s.UserByUsername(ctx, c.BudiUser.Username)
		must(t, err)
		sess, err := s.TrainingSession(ctx, k.DataSess.ID)
		must(t, err)
		sess.Instructors = append(sess.Instructors, model.Instructor{Name: c.Budi.Name, UserID: budi.ID})
		must(t, s.UpdateSession(ctx, testcity.Sys, sess))
		for _, tc := range []struct {
			user, session int64
			want          bool
		}{{budi.ID, k.DataSess.ID, true}, {budi.ID, k.CloudSess.ID, false}, {c.Admin.ID, k.DataSess.ID, false}, {0, k.DataSess.ID, false}} {
			read, err := s.TrainingSession(ctx, tc.session)
			must(t, err)
			if got := policy.SessionTarget(read, tc.user).Instructor; got != tc.want {
				t.Errorf("account %d teaches session %d: %v, want %v", tc.user, tc.session, got, tc.want)
			}
		}
	})
}
