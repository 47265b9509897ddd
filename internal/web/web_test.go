package web

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestSignIn(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))

	t.Run("anonymous is sent to sign-in", func(t *testing.T) {
		p := f.client(t).get("/pegawai")
		status(t, p, 200)
		if p.URL != "/masuk" {
			t.Errorf("landed on %s", p.URL)
		}
		contains(t, p, `id="login"`, `name="username"`, `name="password"`)
	})
	t.Run("good, by username", func(t *testing.T) {
		c := f.client(t)
		c.login("admin", pwAdmin)
		p := c.get("/")
		contains(t, p, "Selamat datang", "Superadmin", `id="nav-audit"`)
	})
	t.Run("good, NIP typed with spaces", func(t *testing.T) {
		c := f.client(t)
		c.login("19800101 200501 1 001", pwBudi)
		p := c.get("/")
		contains(t, p, "Budi Santoso Siregar", "Profil saya", "19800101 200501 1 001")
		lacks(t, p, `id="nav-import"`, `id="nav-audit"`, `id="nav-accounts"`)
	})
	t.Run("bad password", func(t *testing.T) {
		c := f.client(t)
		p := c.post("/masuk", url.Values{"username": {"admin"}, "password": {"salah"}})
		status(t, p, 401)
		contains(t, p, i18n.T(i18n.ID, "login.bad"))
		p = c.get("/")
		if p.URL != "/masuk" {
			t.Errorf("signed in after a bad password: %s", p.URL)
		}
	})
	t.Run("unknown user gets the same answer", func(t *testing.T) {
		p := f.client(t).post("/masuk", url.Values{"username": {"nobody"}, "password": {"x"}})
		status(t, p, 401)
		contains(t, p, i18n.T(i18n.ID, "login.bad"))
	})
	t.Run("inactive account", func(t *testing.T) {
		p := f.client(t).post("/masuk", url.Values{"username": {nipSri}, "password": {pwSri}})
		status(t, p, 403)
		contains(t, p, i18n.T(i18n.ID, "login.inactive"))
	})
	t.Run("throttled after repeated failures", func(t *testing.T) {
		c := f.client(t)
		var p page
		for i := 0; i < 7; i++ {
			p = c.post("/masuk", url.Values{"username": {"adminkominfo"}, "password": {"tebak"}})
		}
		status(t, p, 429)
		contains(t, p, i18n.T(i18n.ID, "login.throttled"))
		// Even the right password waits.
		p = c.post("/masuk", url.Values{"username": {"adminkominfo"}, "password": {pwOPD}})
		status(t, p, 429)
	})
	t.Run("sign out", func(t *testing.T) {
		c := f.client(t)
		c.login("admin", pwAdmin)
		p := c.post("/keluar", nil)
		if p.URL != "/masuk" {
			t.Errorf("after sign-out at %s", p.URL)
		}
		if p := c.get("/pegawai"); p.URL != "/masuk" {
			t.Errorf("still signed in: %s", p.URL)
		}
	})
	t.Run("no open redirect", func(t *testing.T) {
		c := f.client(t)
		p := c.post("/masuk", url.Values{"username": {"admin"}, "password": {pwAdmin}, "next": {"//evil.example/"}})
		if p.URL != "/" {
			t.Errorf("redirected to %s", p.URL)
		}
	})
}

func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	c.login("admin", pwAdmin)
	p := c.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.budi.ID), nil, "Sec-Fetch-Site", "cross-site")
	status(t, p, 403)
	lacks(t, p, `id="generated-password"`)
	p = c.post("/keluar", nil, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	status(t, p, 403)
	if p := c.get("/"); p.URL != "/" {
		t.Error("cross-site sign-out went through")
	}
	// A same-origin post passes.
	p = c.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.budi.ID), nil, "Sec-Fetch-Site", "same-origin")
	status(t, p, 200)
	contains(t, p, `id="generated-password"`)
}

func TestEmployeeSearch(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		c := f.client(t)
		c.login("admin", pwAdmin)

		p := c.get("/pegawai?q=siregar")
		status(t, p, 200)
		contains(t, p, `id="employees"`, "Budi Santoso Siregar", "19800101 200501 1 001")
		lacks(t, p, "Sri Wahyuni Lubis", "Ahmad Nasution")

		p = c.get("/pegawai?q=" + url.QueryEscape("19850202 201001 2 003"))
		contains(t, p, "Sri Wahyuni Lubis")
		lacks(t, p, "Budi Santoso")

		p = c.get("/pegawai?q=" + url.QueryEscape("198001"))
		contains(t, p, "Budi Santoso")
		lacks(t, p, "Sri Wahyuni")

		p = c.get("/pegawai")
		contains(t, p, "Budi Santoso Siregar", "Sri Wahyuni Lubis", "Dr. Ahmad Nasution, S.T., M.Kom.")

		p = c.get(fmt.Sprintf("/pegawai?unit=%d", f.dinkes.ID))
		contains(t, p, "Sri Wahyuni Lubis")
		lacks(t, p, "Budi Santoso")

		p = c.get("/pegawai?status=pensiun")
		contains(t, p, `id="no-results"`)
	})
}

func TestUnitAdminScope(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		c := f.client(t)
		c.login("adminkominfo", pwOPD)

		p := c.get("/pegawai")
		contains(t, p, "Budi Santoso Siregar", "Ahmad Nasution")
		lacks(t, p, "Sri Wahyuni Lubis")
		p = c.get("/pegawai?q=lubis")
		lacks(t, p, "Sri Wahyuni Lubis")

		for _, path := range []string{
			fmt.Sprintf("/pegawai/%d", f.sri.ID),
			fmt.Sprintf("/pegawai/%d/ubah", f.sri.ID),
			fmt.Sprintf("/organisasi/%d", f.dinkes.ID),
			fmt.Sprintf("/pegawai?unit=%d", f.dinkes.ID),
			"/pegawai/999999",
		} {
			p := c.get(path)
			if p.Status != 404 && p.Status != 403 {
				t.Errorf("%s: status %d", path, p.Status)
			}
			lacks(t, p, "Sri Wahyuni")
		}
		// The same answer for a record that exists and one that does not.
		a, b := c.get(fmt.Sprintf("/pegawai/%d", f.sri.ID)), c.get("/pegawai/999999")
		if a.Status != b.Status || strings.ReplaceAll(a.Body, fmt.Sprintf("%%2Fpegawai%%2F%d", f.sri.ID), "") != strings.ReplaceAll(b.Body, "%2Fpegawai%2F999999", "") {
			t.Error("out-of-scope and missing records are told apart")
		}
		p = c.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.sri.ID), nil)
		status(t, p, 404)

		p = c.get(fmt.Sprintf("/pegawai/%d", f.budi.ID))
		status(t, p, 200)
		contains(t, p, `id="reset-password"`, `id="edit"`)

		// The tree shows the unit's own subtree, the pemda only as a crumb.
		p = c.get("/organisasi")
		if p.URL != fmt.Sprintf("/organisasi/%d", f.kominfo.ID) {
			t.Errorf("tree root at %s", p.URL)
		}
		contains(t, p, "Pengelola Sistem Informasi", "Pemerintah Kota Medan")
		lacks(t, p, fmt.Sprintf(`href="/organisasi/%d"`, f.root.ID))
	})
}

func TestPegawaiSeesOnlyOwnProfile(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	c.login(nipBudi, pwBudi)
	p := c.get(fmt.Sprintf("/pegawai/%d", f.budi.ID))
	status(t, p, 200)
	contains(t, p, "Budi Santoso Siregar", "19800101 200501 1 001", "Penata Muda", "otomatis dari kepala unit", "Dr. Ahmad Nasution")
	lacks(t, p, `id="reset-password"`, `id="edit"`)
	for _, id := range []int64{f.sri.ID, f.head.ID} {
		status(t, c.get(fmt.Sprintf("/pegawai/%d", id)), 404)
	}
	p = c.get("/pegawai")
	contains(t, p, "Budi Santoso Siregar")
	lacks(t, p, "Sri Wahyuni", "Ahmad Nasution</a>")
	status(t, c.get("/impor"), 403)
	status(t, c.get("/akun"), 403)
	status(t, c.get("/audit"), 403)
	status(t, c.get(fmt.Sprintf("/pegawai/%d/ubah", f.budi.ID)), 403)
}

func TestLanguageSwitch(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	// Anonymous: a cookie.
	c := f.client(t)
	p := c.get("/masuk")
	contains(t, p, "Kata sandi")
	p = c.get("/bahasa?lang=en&next=/masuk")
	if p.URL != "/masuk" {
		t.Errorf("after switch at %s", p.URL)
	}
	contains(t, p, "Password", `lang="en"`)
	// Signed in: carried into the session, and the nav follows.
	c.login("admin", pwAdmin)
	p = c.get("/")
	contains(t, p, ">Employees<", ">Organisation<")
	p = c.get("/bahasa?lang=id&next=/pegawai")
	contains(t, p, ">Pegawai<")
	status(t, c.get("/bahasa?lang=xx"), 400)
}

func TestReadOnlyRequestsDoNotWriteSession(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	c.login("admin", pwAdmin)
	var before int
	must(t, f.st.DB().QueryRow(`SELECT COUNT(*) FROM session`).Scan(&before))
	for _, path := range []string{"/", "/pegawai", "/pegawai?q=budi", fmt.Sprintf("/pegawai/%d", f.budi.ID), "/organisasi", "/audit", "/akun", "/impor"} {
		p := c.get(path)
		status(t, p, 200)
		// scs sets the cookie exactly when it commits the session.
		if sc := p.Header.Get("Set-Cookie"); sc != "" {
			t.Errorf("%s wrote the session: %s", path, sc)
		}
	}
	var after int
	must(t, f.st.DB().QueryRow(`SELECT COUNT(*) FROM session`).Scan(&after))
	if before != after {
		t.Errorf("sessions %d → %d", before, after)
	}
}

func TestSecurityHeadersAndHealth(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	p := c.get("/masuk")
	for h, want := range map[string]string{
		"Content-Security-Policy": "default-src 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
	} {
		if !strings.Contains(p.Header.Get(h), want) {
			t.Errorf("%s = %q", h, p.Header.Get(h))
		}
	}
	if !strings.Contains(p.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Error("no frame-ancestors")
	}
	p = c.get("/healthz")
	status(t, p, 200)
	if p.Header.Get("Set-Cookie") != "" {
		t.Error("healthz sets a cookie")
	}
	css := regexp.MustCompile(`href="(/static/style.css\?v=[0-9a-f]+)"`).FindStringSubmatch(c.get("/masuk").Body)
	if css == nil {
		t.Fatal("no stylesheet link")
	}
	p = c.get(css[1])
	status(t, p, 200)
	if !strings.Contains(p.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("css cache: %q", p.Header.Get("Cache-Control"))
	}
	status(t, c.get("/tidak-ada"), 404)
}

func TestAccountActivationAndRoles(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	adm := f.client(t)
	adm.login("admin", pwAdmin)
	// Sri's account exists but is inactive: a reset activates it and shows
	// the password once.
	p := adm.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.sri.ID), nil)
	status(t, p, 200)
	m := regexp.MustCompile(`id="generated-password">([^<]+)<`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no password shown:\n%s", p.Body)
	}
	f.client(t).login(nipSri, m[1])
	if again := adm.get(fmt.Sprintf("/pegawai/%d", f.sri.ID)); strings.Contains(again.Body, m[1]) {
		t.Error("password shown twice")
	}
	// The head has no account: activation creates one (username = NIP).
	p = adm.post(fmt.Sprintf("/pegawai/%d/akun/aktifkan", f.head.ID), nil)
	contains(t, p, i18n.T(i18n.ID, "profile.account_created"), nipHead)
	u, err := f.st.UserByUsername(t.Context(), nipHead)
	must(t, err)
	if !u.Active || u.Role != "pegawai" {
		t.Errorf("created account %+v", u)
	}

	// A unit admin may not grant whole-government roles, nor touch
	// accounts outside the unit.
	opd := f.client(t)
	opd.login("adminkominfo", pwOPD)
	p = opd.get("/akun")
	contains(t, p, nipBudi, nipHead)
	lacks(t, p, nipSri, `value="admin_bkpsdm"`, `value="superadmin"`)
	p = opd.post(fmt.Sprintf("/akun/%d", u.ID), url.Values{"role": {"admin_bkpsdm"}, "active": {"1"}})
	status(t, p, 403)
	p = opd.post(fmt.Sprintf("/akun/%d", u.ID), url.Values{"role": {"atasan"}, "active": {"1"}})
	status(t, p, 200)
	if u, _ = f.st.User(t.Context(), u.ID); u.Role != "atasan" {
		t.Errorf("role %s", u.Role)
	}
	sri, err := f.st.UserByUsername(t.Context(), nipSri)
	must(t, err)
	status(t, opd.post(fmt.Sprintf("/akun/%d", sri.ID), url.Values{"role": {"pegawai"}}), 404)

	// Audit shows the changes.
	p = adm.get("/audit?entity=user&id=" + fmt.Sprint(u.ID))
	contains(t, p, "user.update", "user.create")
}

func TestEmployeeEdit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		c := f.client(t)
		c.login("adminkominfo", pwOPD)
		path := fmt.Sprintf("/pegawai/%d/ubah", f.budi.ID)
		p := c.get(path)
		status(t, p, 200)
		contains(t, p, `id="employee-form"`, `value="Budi Santoso Siregar"`)

		form := url.Values{
			"nip": {"19800101 200501 1 00X"}, "name": {"Budi Santoso Siregar"}, "kind": {"PNS"}, "gender": {"L"},
			"golongan": {"III/b"}, "unit": {fmt.Sprint(f.kominfo.ID)}, "status": {"aktif"}, "birth_date": {"1980-01-01"},
		}
		p = c.post(path, form)
		status(t, p, 422)
		contains(t, p, `class="field-error"`, "bukan angka")

		// Moving someone into another OPD is outside the unit admin's scope.
		form.Set("nip", nipBudi)
		form.Set("unit", fmt.Sprint(f.dinkes.ID))
		p = c.post(path, form)
		status(t, p, 422)
		contains(t, p, i18n.T(i18n.ID, "form.unit_scope"))

		form.Set("unit", fmt.Sprint(f.kominfo.ID))
		form.Set("email", "Budi@Medan.go.id")
		p = c.post(path, form)
		status(t, p, 200)
		if !strings.HasPrefix(p.URL, fmt.Sprintf("/pegawai/%d", f.budi.ID)) {
			t.Fatalf("after save at %s:\n%s", p.URL, p.Body)
		}
		contains(t, p, "III/b", "budi@medan.go.id", i18n.T(i18n.ID, "profile.saved"), "Golongan")

		// A new employee.
		p = c.post("/pegawai/baru", url.Values{
			"nip": {"199003152015032004"}, "name": {"Rina Marpaung, S.Kom."}, "kind": {"PNS"}, "gender": {"P"},
			"golongan": {"III/a"}, "unit": {fmt.Sprint(f.kominfo.ID)}, "status": {"aktif"},
		})
		status(t, p, 200)
		contains(t, p, "Rina Marpaung, S.Kom.", "19900315 201503 2 004", i18n.T(i18n.ID, "profile.created"))
	})
}

// TestTemplateKeys checks that every literal catalogue key the templates
// use exists, so that no page shows a raw key.
func TestTemplateKeys(t *testing.T) {
	re := regexp.MustCompile(`t \$?\.Lang "([a-z_.]+)"`)
	files, _ := fs.Glob(templateFS, "templates/*.html")
	for _, f := range files {
		b, _ := fs.ReadFile(templateFS, f)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			if !i18n.Has(m[1]) {
				t.Errorf("%s: key %q not in the catalogue", f, m[1])
			}
		}
	}
	for _, it := range navItems {
		if !i18n.Has(it.Key) {
			t.Errorf("nav key %q missing", it.Key)
		}
	}
}
