package api

import (
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestProviderAccountsAPI: BKPSDM's integration creates a partner's
// account and lists the partner's accounts; the password rules, the
// partner and the e-mail are checked; a pegawai is refused, an operator
// (a pegawai with the grant) is not; the new account's /me carries its
// partner and reads no employee.
func TestProviderAccountsAPI(t *testing.T) {
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	univ := f.city.Catalogue.Univ.ID
	body := map[string]any{"provider_id": univ, "username": "usu-pelatihan", "email": "pelatihan@usu.ac.id", "password": "Pelatihan-USU-2026"}

	r := f.do("POST", Prefix+"/provider-accounts", f.super, body).want(t, 201)
	if r.body["username"] != "usu-pelatihan" || num(r.body["provider_id"]) != univ || r.body["active"] != true || r.body["password"] != nil {
		t.Errorf("created: %s", r.raw)
	}
	if loc := r.header.Get("Location"); loc != fmt.Sprintf("%s/providers/%d/accounts", Prefix, univ) {
		t.Errorf("Location %q", loc)
	}
	f.do("POST", Prefix+"/provider-accounts", f.super, map[string]any{"provider_id": univ, "username": "usu-tunggu",
		"email": "tunggu@usu.ac.id"}).want(t, 201)
	for name, b := range map[string]map[string]any{
		"a weak password": {"provider_id": univ, "username": "usu-a", "email": "a@usu.ac.id", "password": "qwertyuiop"},
		"no partner":      {"username": "usu-b", "email": "b@usu.ac.id", "password": "Pelatihan-USU-2026"},
		"an unknown one":  {"provider_id": 999999, "username": "usu-c", "email": "c@usu.ac.id", "password": "Pelatihan-USU-2026"},
		"no e-mail":       {"provider_id": univ, "username": "usu-d", "password": "Pelatihan-USU-2026"},
		"a role":          {"provider_id": univ, "username": "usu-e", "email": "e@usu.ac.id", "role": "superadmin"},
	} {
		if r := f.do("POST", Prefix+"/provider-accounts", f.super, b); r.status != 422 {
			t.Errorf("%s: status %d %s", name, r.status, r.raw)
		}
	}
	f.do("POST", Prefix+"/provider-accounts", f.super, body).want(t, 409)
	f.do("POST", Prefix+"/provider-accounts", f.pegawai, body).want(t, 403)
	f.do("GET", fmt.Sprintf("%s/providers/%d/accounts", Prefix, univ), f.admin, nil).want(t, 403)

	items := f.do("GET", fmt.Sprintf("%s/providers/%d/accounts", Prefix, univ), f.super, nil).want(t, 200).items()
	if len(items) != 2 || items[0]["username"] != "usu-pelatihan" || items[1]["username"] != "usu-tunggu" || items[1]["active"] != false {
		t.Errorf("the university's accounts: %v", items)
	}
	firm := f.do("GET", fmt.Sprintf("%s/providers/%d/accounts", Prefix, f.city.Catalogue.Firm.ID), f.super, nil).want(t, 200).items()
	if len(firm) != 0 {
		t.Errorf("the firm's accounts: %v", firm)
	}
	f.do("GET", Prefix+"/providers/999999/accounts", f.super, nil).want(t, 404)

	// An operator is a pegawai with the grant: it administers partners.
	budi := f.city.BudiUser
	budi.Grants = []model.Grant{model.GrantOperator}
	must(st.UpdateUser(t.Context(), testcity.Sys, &budi))
	f.do("GET", fmt.Sprintf("%s/providers/%d/accounts", Prefix, univ), f.pegawai, nil).want(t, 200)
	me := f.do("GET", Prefix+"/me", f.pegawai, nil).want(t, 200)
	if u, _ := me.body["user"].(map[string]any); fmt.Sprint(u["grants"]) != "[operator]" || u["provider_id"] != nil || u["role"] != "pegawai" {
		t.Errorf("an operator's /me: %s", me.raw)
	}

	// The partner's account: its /me names its partner; it reads no
	// employee and no other partner's accounts.
	lpk, err := st.UserByUsername(t.Context(), "usu-pelatihan")
	must(err)
	tok := f.city.Token(t, *lpk)
	me = f.do("GET", Prefix+"/me", tok, nil).want(t, 200)
	if u, _ := me.body["user"].(map[string]any); num(u["provider_id"]) != univ || fmt.Sprint(u["grants"]) != "[]" || me.body["employee"] != nil {
		t.Errorf("a provider account's /me: %s", me.raw)
	}
	f.do("GET", Prefix+"/employees", tok, nil).want(t, 403)
	f.do("GET", fmt.Sprintf("%s/employees/%d", Prefix, f.a2.ID), tok, nil).want(t, 403)
	f.do("GET", fmt.Sprintf("%s/providers/%d/accounts", Prefix, univ), tok, nil).want(t, 403)
}
