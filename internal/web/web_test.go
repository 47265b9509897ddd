package web

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
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
	t.Run("paced, not locked out, after repeated failures", func(t *testing.T) {
		c := f.client(t)
		for i := 0; i < 5; i++ {
			status(t, c.post("/masuk", url.Values{"username": {"adminkominfo"}, "password": {"tebak"}}), 401)
		}
		// The right password is held a moment, then signs in.
		c.login("adminkominfo", pwOPD)
		// Guesses sent in parallel beyond what the throttle holds are
		// refused at once, with the form to send again.
		var wg sync.WaitGroup
		pages := make([]page, 6)
		for i := range pages {
			wg.Add(1)
			go func() {
				defer wg.Done()
				pages[i] = f.client(t).post("/masuk", url.Values{"username": {"adminkominfo"}, "password": {"tebak"}})
			}()
		}
		wg.Wait()
		refused := 0
		for _, p := range pages {
			if p.Status == 429 {
				refused++
				contains(t, p, i18n.T(i18n.ID, "login.throttled"), `id="login"`, `value="adminkominfo"`, " detik)")
			}
		}
		if refused == 0 {
			t.Error("six parallel guesses after repeated failures were all checked")
		}
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
		strip := func(body string, id string) string {
			// The page echoes the request path (sign-in and language links).
			body = strings.ReplaceAll(body, "%2Fpegawai%2F"+id, "")
			return strings.ReplaceAll(body, "/pegawai/"+id, "")
		}
		if a.Status != b.Status || strip(a.Body, fmt.Sprint(f.sri.ID)) != strip(b.Body, "999999") {
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
	contains(t, p, "Kata sandi", `<form method="post" action="/bahasa"`, `id="lang-en"`, `name="next" value="/masuk"`)
	p = c.post("/bahasa", url.Values{"lang": {"en"}, "next": {"/masuk"}})
	if p.URL != "/masuk" {
		t.Errorf("after switch at %s", p.URL)
	}
	contains(t, p, "Password", `lang="en"`)
	// Signed in: carried into the session, and the nav follows.
	c.login("admin", pwAdmin)
	p = c.get("/")
	contains(t, p, ">Employees<", ">Organisation<")
	p = c.post("/bahasa", url.Values{"lang": {"id"}, "next": {"/pegawai"}})
	contains(t, p, ">Pegawai<")
	status(t, c.post("/bahasa", url.Values{"lang": {"xx"}}), 400)
	// A GET changes nothing (no state change behind a link or an image).
	p = c.get("/bahasa?lang=en&next=/pegawai")
	status(t, p, 404)
	contains(t, c.get("/"), ">Pegawai<")
	// A cross-site post is refused.
	p = c.post("/bahasa", url.Values{"lang": {"en"}}, "Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site")
	status(t, p, 403)
	contains(t, c.get("/"), ">Pegawai<")
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

var generatedPW = regexp.MustCompile(`<code id="generated-password">([^<]+)</code>`)

// TestOpenRedirect: "/./\evil.example" starts with "/" and is neither
// "//" nor "/\", but http.Redirect cleans it to "/\evil.example", which
// browsers read as "//evil.example": neither the language switch nor
// sign-in may redirect there.
func TestOpenRedirect(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		c := f.noFollow(t)
		for _, next := range []string{`/./\evil.example`, `/a/../\evil.example/x`, "/\t/evil.example", "//evil.example"} {
			p := c.post("/bahasa", url.Values{"lang": {"en"}, "next": {next}})
			if loc := p.Header.Get("Location"); loc != "/" {
				t.Errorf("POST /bahasa next=%q redirects to %q, want /", next, loc)
			}
			p = c.post("/masuk", url.Values{"username": {nipBudi}, "password": {pwBudi}, "next": {next}})
			if loc := p.Header.Get("Location"); loc != "/" {
				t.Errorf("POST /masuk next=%q redirects to %q, want /", next, loc)
			}
		}
	})
}

// TestPasswordResetEndsSessions: someone who signed in with the old (e.g.
// leaked) password must be signed out by a password reset, not stay signed
// in for the 12 hours a session lasts.
func TestPasswordResetEndsSessions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		thief := f.client(t)
		thief.login(nipBudi, pwBudi)

		adm := f.client(t)
		adm.login("adminkominfo", pwOPD)
		p := adm.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.budi.ID), nil)
		status(t, p, 200)
		contains(t, p, `id="generated-password"`)

		p = thief.get(fmt.Sprintf("/pegawai/%d", f.budi.ID))
		if p.Status == 200 && p.URL != "/masuk" {
			t.Errorf("the session opened with the old password still works after a password reset (status %d at %s)", p.Status, p.URL)
		}
	})
}

// TestUnitAdminCannotTakeOverForeignAdmin: Budi works in Kominfo but is (by
// BKPSDM) the unit admin of Dinas Kesehatan. The Kominfo admin must not
// reset Budi's password (the page would show the new one), sign in as Budi
// and administer Dinas Kesehatan, outside the Kominfo admin's scope.
func TestUnitAdminCannotTakeOverForeignAdmin(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		u, err := st.UserByUsername(ctx, nipBudi)
		must(t, err)
		u.Role, u.ScopeUnitID = model.RoleAdminOPD, f.dinkes.ID
		must(t, st.UpdateUser(ctx, model.Actor{Name: "bkpsdm"}, u))

		adm := f.client(t)
		adm.login("adminkominfo", pwOPD)
		// Sri (Dinas Kesehatan) is outside the Kominfo admin's scope.
		status(t, adm.get(fmt.Sprintf("/pegawai/%d", f.sri.ID)), 404)

		// The profile offers no account buttons, /akun no form.
		p := adm.get(fmt.Sprintf("/pegawai/%d", f.budi.ID))
		status(t, p, 200)
		lacks(t, p, `id="reset-password"`)
		lacks(t, adm.get("/akun"), fmt.Sprintf(`action="/akun/%d"`, u.ID))
		status(t, adm.post(fmt.Sprintf("/akun/%d", u.ID), url.Values{"role": {"pegawai"}, "active": {"1"}}), 403)

		p = adm.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.budi.ID), nil)
		m := generatedPW.FindStringSubmatch(p.Body)
		if p.Status != 200 || m == nil {
			status(t, p, 403)
			return // refused: the expected behaviour
		}
		t.Errorf("the Kominfo admin reset the password of the Dinas Kesehatan admin (status %d)", p.Status)
		as := f.client(t)
		as.login(nipBudi, m[1])
		if p := as.get(fmt.Sprintf("/pegawai/%d/ubah", f.sri.ID)); p.Status == 200 {
			t.Errorf("... and, signed in as that admin, edits Sri of Dinas Kesehatan")
		}
	})
}

// TestRegrantDoesNotRestoreStaleScopeUnit: demoting a unit admin through
// /akun must clear scope_unit_id, so that a unit admin of another unit who
// later grants admin_opd again (without the unit field) does not revive the
// old unit and create an admin for a unit outside their own scope.
func TestRegrantDoesNotRestoreStaleScopeUnit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		budi, err := st.UserByUsername(ctx, nipBudi)
		must(t, err)

		super := f.client(t)
		super.login("admin", pwAdmin)
		// BKPSDM makes Budi admin of Dinas Kesehatan, then demotes him.
		status(t, super.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"admin_opd"}, "unit": {fmt.Sprint(f.dinkes.ID)}, "active": {"1"}}), 200)
		status(t, super.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"pegawai"}, "active": {"1"}}), 200)

		// The Kominfo admin makes Budi (who works in Kominfo) a unit admin.
		adm := f.client(t)
		adm.login("adminkominfo", pwOPD)
		status(t, adm.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"admin_opd"}, "active": {"1"}}), 200)

		u, err := st.User(ctx, budi.ID)
		must(t, err)
		if u.Role == model.RoleAdminOPD && u.ScopeUnitID != f.kominfo.ID {
			t.Errorf("the Kominfo admin created an admin of unit %d (Dinas Kesehatan is %d), outside their own scope", u.ScopeUnitID, f.dinkes.ID)
		}
		// Naming a unit outside one's scope is refused.
		status(t, adm.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"admin_opd"}, "unit": {fmt.Sprint(f.dinkes.ID)}, "active": {"1"}}), 400)
		// A role without a unit has none stored.
		status(t, super.post(fmt.Sprintf("/akun/%d", budi.ID), url.Values{"role": {"atasan"}, "active": {"1"}}), 200)
		if u, _ = st.User(ctx, budi.ID); u.ScopeUnitID != 0 {
			t.Errorf("role %s keeps scope unit %d", u.Role, u.ScopeUnitID)
		}
	})
}

// TestHeadPostDoesNotWidenAdminScope: a unit admin of Dinas Kesehatan who
// holds the head post of Kominfo may *see* Kominfo (as its head) but
// *administers* only Dinas Kesehatan: no editing Kominfo employees, no
// moving anyone into Kominfo, no managing Kominfo accounts.
func TestHeadPostDoesNotWidenAdminScope(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		u := model.User{Username: "kadis", EmployeeID: f.head.ID, Role: model.RoleAdminOPD, ScopeUnitID: f.dinkes.ID, Active: true}
		must(t, f.city.AddUser(&u, "rahasia-kadis-5"))
		c := f.client(t)
		c.login("kadis", "rahasia-kadis-5")
		status(t, c.get(fmt.Sprintf("/pegawai/%d", f.budi.ID)), 200) // sees: fine
		p := c.get(fmt.Sprintf("/pegawai/%d/ubah", f.budi.ID))
		if p.Status == 200 {
			t.Errorf("a unit admin of Dinas Kesehatan may edit Budi of Kominfo only because they head Kominfo")
		}
		lacks(t, c.get(fmt.Sprintf("/pegawai/%d", f.budi.ID)), `id="edit"`, `id="reset-password"`)
		status(t, c.post(fmt.Sprintf("/pegawai/%d/akun/reset", f.budi.ID), nil), 404)
		// Sri of Dinas Kesehatan may not be moved into Kominfo.
		form := url.Values{"nip": {nipSri}, "name": {"Sri Wahyuni Lubis"}, "kind": {"PNS"}, "gender": {"P"},
			"golongan": {"III/b"}, "unit": {fmt.Sprint(f.kominfo.ID)}, "status": {"aktif"}}
		p = c.post(fmt.Sprintf("/pegawai/%d/ubah", f.sri.ID), form)
		status(t, p, 422)
		contains(t, p, i18n.T(i18n.ID, "form.unit_scope"))
		// The edit form offers Dinas Kesehatan, not Kominfo.
		p = c.get(fmt.Sprintf("/pegawai/%d/ubah", f.sri.ID))
		contains(t, p, fmt.Sprintf(`<option value="%d" selected>`, f.dinkes.ID))
		lacks(t, p, "Dinas Komunikasi dan Informatika</option>")
	})
}

// TestIsLocalPath: only paths that stay on this site however a browser
// reads them, after http.Redirect has cleaned them.
func TestIsLocalPath(t *testing.T) {
	good := []string{"/", "/pegawai", "/pegawai?q=budi&page=2", "/organisasi/3#x", "/a/../b", "/pegawai?next=//evil.example"}
	bad := []string{"", "pegawai", " /pegawai", "//evil.example", `/\evil.example`, `/./\evil.example`, `/a/../\evil.example/x`,
		`/a\b`, "/\t/evil.example", "/\n/evil.example", "/\x00", "/\x7f", "https://evil.example", "http:/evil.example",
		"javascript:alert(1)", "/%zz"}
	for _, p := range good {
		if !isLocalPath(p) {
			t.Errorf("isLocalPath(%q) = false, want true", p)
		}
	}
	for _, p := range bad {
		if isLocalPath(p) {
			t.Errorf("isLocalPath(%q) = true, want false", p)
		}
	}
}

// TestUnitSelects: the employee filter and the edit form offer the top of
// the user's tree (never every unit) plus the current unit; a deeper unit
// can be typed by code in the edit form, within the admin's scope only.
func TestUnitSelects(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		bidang := model.OrgUnit{Code: "KOMINFO-APL", Name: "Bidang Aplikasi Informatika", Kind: model.UnitBidang, ParentID: f.kominfo.ID}
		must(t, st.CreateUnit(ctx, sys, &bidang))
		seksi := model.OrgUnit{Code: "KOMINFO-APL-1", Name: "Seksi Pengembangan Aplikasi", Kind: model.UnitSeksi, ParentID: bidang.ID}
		must(t, st.CreateUnit(ctx, sys, &seksi))
		puskesmas := model.OrgUnit{Code: "DINKES-PKM", Name: "Puskesmas Medan Johor", Kind: model.UnitUPT, ParentID: f.dinkes.ID}
		must(t, st.CreateUnit(ctx, sys, &puskesmas))
		option := func(u model.OrgUnit) string { return fmt.Sprintf(`<option value="%d"`, u.ID) }

		super := f.client(t)
		super.login("admin", pwAdmin)
		p := super.get("/pegawai")
		contains(t, p, option(f.root), option(f.kominfo), option(f.dinkes))
		lacks(t, p, option(bidang), option(seksi), option(puskesmas))
		p = super.get(fmt.Sprintf("/pegawai?unit=%d", seksi.ID))
		contains(t, p, fmt.Sprintf(`<option value="%d" selected>`, seksi.ID), option(f.kominfo))
		lacks(t, p, option(bidang))

		adm := f.client(t)
		adm.login("adminkominfo", pwOPD)
		p = adm.get("/pegawai")
		contains(t, p, option(f.kominfo), option(bidang))
		lacks(t, p, option(f.root), option(f.dinkes), option(seksi), option(puskesmas))

		edit := fmt.Sprintf("/pegawai/%d/ubah", f.budi.ID)
		p = adm.get(edit)
		contains(t, p, fmt.Sprintf(`<option value="%d" selected>`, f.kominfo.ID), option(bidang), `id="unit_code"`)
		lacks(t, p, option(f.dinkes), option(seksi))
		form := url.Values{"nip": {nipBudi}, "name": {"Budi Santoso Siregar"}, "kind": {"PNS"}, "gender": {"L"},
			"golongan": {"III/a"}, "unit": {fmt.Sprint(f.kominfo.ID)}, "unit_code": {"DINKES-PKM"}, "status": {"aktif"}}
		p = adm.post(edit, form)
		status(t, p, 422)
		contains(t, p, i18n.T(i18n.ID, "form.unit_scope"))
		form.Set("unit_code", "TIDAK-ADA")
		status(t, adm.post(edit, form), 422)
		form.Set("unit_code", "KOMINFO-APL-1")
		p = adm.post(edit, form)
		status(t, p, 200)
		contains(t, p, "Seksi Pengembangan Aplikasi", i18n.T(i18n.ID, "profile.saved"))
		// The form now shows the deep unit as the current one.
		contains(t, adm.get(edit), fmt.Sprintf(`<option value="%d" selected>`, seksi.ID))
	})
}

// TestOrgCounts: a unit page counts the employees of its whole subtree and
// of each child's subtree.
func TestOrgCounts(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		bidang := model.OrgUnit{Code: "KOMINFO-APL", Name: "Bidang Aplikasi Informatika", Kind: model.UnitBidang, ParentID: f.kominfo.ID}
		must(t, st.CreateUnit(ctx, sys, &bidang))
		e := model.Employee{NIP: "199003152015032004", Name: "Rina Marpaung", Gender: model.Female, Kind: model.PNS, Golongan: "III/a",
			UnitID: bidang.ID, Status: model.StatusAktif}
		must(t, st.CreateEmployee(ctx, sys, &e))
		c := f.client(t)
		c.login("admin", pwAdmin)
		p := c.get(fmt.Sprintf("/organisasi/%d", f.root.ID))
		contains(t, p, "kode PEMDA · 4 pegawai", `Dinas Komunikasi dan Informatika</a> <span class="muted">OPD · 3 pegawai`,
			`Dinas Kesehatan</a> <span class="muted">OPD · 1 pegawai`)
		p = c.get(fmt.Sprintf("/organisasi/%d", f.kominfo.ID))
		contains(t, p, "kode KOMINFO · 3 pegawai", `Bidang Aplikasi Informatika</a> <span class="muted">Bidang/Bagian · 1 pegawai`)
	})
}
