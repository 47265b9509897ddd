package web

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestOperatorGrantOnAccountsPage: the superadmin gives Budi (a pegawai)
// the operator grant on /akun; Budi keeps his role, his menu gains the
// partners' accounts and he may create one; the change is in the audit
// under the admin's name; a unit admin may not give grants, and removing
// the tick takes the grant away again.
func TestOperatorGrantOnAccountsPage(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	ctx := context.Background()
	budi := f.city.BudiUser
	admin := f.client(t)
	admin.login(f.city.Admin.Username, pwAdmin)
	pg := admin.get("/akun")
	status(t, pg, 200)
	contains(t, pg, `name="grant" value="operator"`, `id="akun-penyelenggara"`, "Universitas Sumatera Utara")

	opd := f.client(t)
	opd.login(f.city.AdminKominfo.Username, pwOPD)
	lacks(t, opd.get("/akun"), `name="grant"`, `id="akun-penyelenggara"`)
	status(t, opd.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"pegawai"}, "active": {"1"}, "grants": {"1"},
		"grant": {"operator"}}), 403)

	pg = admin.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"pegawai"}, "active": {"1"}, "grants": {"1"}, "grant": {"operator"}})
	status(t, pg, 200)
	contains(t, pg, "Akun tersimpan.")
	u, err := st.User(ctx, budi.ID)
	must(t, err)
	if u.Role != model.RolePegawai || !u.HasGrant(model.GrantOperator) {
		t.Fatalf("Budi after the grant: role %s, grants %v", u.Role, u.Grants)
	}
	log, err := st.AuditLog(ctx, store.AuditFilter{Entity: "user", EntityID: fmt.Sprint(budi.ID)})
	must(t, err)
	if len(log) == 0 || log[0].Action != "user.update" || log[0].Actor != f.city.Admin.Username || !strings.Contains(log[0].Detail, `"grants":["","operator"]`) {
		t.Errorf("audit of the grant: %+v", log)
	}

	// A unit admin's save (no grants in the form) keeps the grant.
	status(t, opd.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"pegawai"}, "active": {"1"}}), 200)
	if u, _ = st.User(ctx, budi.ID); !u.HasGrant(model.GrantOperator) {
		t.Error("a unit admin's save dropped a grant the form did not show")
	}

	b := f.client(t)
	b.login(nipBudi, pwBudi)
	pg = b.get("/")
	contains(t, pg, `href="/akun/penyelenggara"`)
	lacks(t, pg, `href="/akun"`)
	pg = b.get("/akun/penyelenggara")
	status(t, pg, 200)
	contains(t, pg, `id="provider-account-form"`)
	pg = b.post("/akun/penyelenggara", url.Values{"provider": {fmt.Sprint(f.city.Catalogue.Firm.ID)}, "username": {"awan-staf"},
		"email": {"staf@awandata.co.id"}, "password": {"Awan-Kelas-Cloud-7"}})
	status(t, pg, 200)
	contains(t, pg, "Akun penyelenggara dibuat.", "awan-staf", "PT Awan Data Nusantara")
	status(t, b.get("/akun"), 403) // a grant opens partners, not the management of accounts

	// The tick removed: the grant and its menu entry are gone.
	status(t, admin.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"pegawai"}, "active": {"1"}, "grants": {"1"}}), 200)
	if u, _ = st.User(ctx, budi.ID); len(u.Grants) != 0 {
		t.Errorf("grants after removal: %v", u.Grants)
	}
	b = f.client(t)
	b.login(nipBudi, pwBudi)
	lacks(t, b.get("/"), `href="/akun/penyelenggara"`)
	status(t, b.get("/akun/penyelenggara"), 403)
}

// TestProviderAccountCreate: the superadmin creates a partner's account
// on /akun; a weak password, a missing partner or e-mail are refused; an
// account made without a password waits inactive; the new account signs
// in and its menu shows no personnel pages.
func TestProviderAccountCreate(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	ctx := context.Background()
	univ := fmt.Sprint(f.city.Catalogue.Univ.ID)
	admin := f.client(t)
	admin.login(f.city.Admin.Username, pwAdmin)
	for name, form := range map[string]url.Values{
		"a weak password": {"provider": {univ}, "username": {"usu-a"}, "email": {"a@usu.ac.id"}, "password": {"1234567890"}},
		"no partner":      {"username": {"usu-b"}, "email": {"b@usu.ac.id"}, "password": {"Pelatihan-USU-2026"}},
		"no e-mail":       {"provider": {univ}, "username": {"usu-c"}, "password": {"Pelatihan-USU-2026"}},
		"no username":     {"provider": {univ}, "email": {"d@usu.ac.id"}, "password": {"Pelatihan-USU-2026"}},
	} {
		if pg := admin.post("/akun/penyelenggara", form); pg.Status != 400 {
			t.Errorf("%s: status %d, want 400", name, pg.Status)
		}
	}
	pg := admin.post("/akun/penyelenggara", url.Values{"provider": {univ}, "username": {"usu-pelatihan"}, "email": {"pelatihan@usu.ac.id"},
		"password": {"Pelatihan-USU-2026"}})
	status(t, pg, 200)
	contains(t, pg, "Akun penyelenggara dibuat.", `id="akun-penyelenggara"`, "usu-pelatihan", "pelatihan@usu.ac.id")
	status(t, admin.post("/akun/penyelenggara", url.Values{"provider": {univ}, "username": {"usu-menunggu"}, "email": {"tunggu@usu.ac.id"}}), 200)
	accs, err := st.ProviderAccounts(ctx, f.city.Catalogue.Univ.ID)
	must(t, err)
	if len(accs) != 2 || accs[0].Username != "usu-menunggu" || accs[0].Active || !accs[1].Active || accs[1].Role != model.RolePenyelenggara {
		t.Fatalf("the university's accounts: %+v", accs)
	}

	// On the account list a partner's account can only stay a partner's,
	// and an employee's account is not offered the partner role.
	pg = admin.get("/akun")
	rows := strings.Split(pg.Body, `<tr id="account-`)
	for _, row := range rows[1:] {
		partner := strings.Contains(row, ">usu-pelatihan<") || strings.Contains(row, ">usu-menunggu<")
		if offered := strings.Contains(row, `<option value="penyelenggara"`); offered != partner {
			t.Errorf("account row offers the partner role %v, is a partner's account %v: %.80s", offered, partner, row)
		}
		if partner && (strings.Contains(row, `<option value="pegawai"`) || strings.Contains(row, `name="grant"`)) {
			t.Errorf("a partner's account is offered another role or a grant: %.80s", row)
		}
	}

	lpk := f.client(t)
	lpk.login("usu-pelatihan", "Pelatihan-USU-2026")
	pg = lpk.get("/")
	for _, menu := range []string{`href="/pegawai"`, `href="/akun"`, `href="/analisis"`, `href="/talenta"`, `href="/audit"`, `href="/penilaian"`} {
		lacks(t, pg, menu)
	}
	status(t, lpk.get("/akun/penyelenggara"), 403)
}
