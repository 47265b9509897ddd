package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// fixture is a small registry: a pemda with two OPDs, their people and
// accounts.
type fixture struct {
	st                    *store.Store
	srv                   *httptest.Server
	root, kominfo, dinkes model.OrgUnit
	head, budi, sri       model.Employee
}

// Passwords of the seeded accounts.
const (
	pwAdmin = "rahasia-super-1"
	pwOPD   = "rahasia-opd-22"
	pwBudi  = "rahasia-budi-3"
	pwSri   = "rahasia-sri-44"
	nipBudi = "198001012005011001"
	nipHead = "197505052000031002"
	nipSri  = "198502022010012003"
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// newFixture seeds st through the store's own methods and starts the UI.
func newFixture(t testing.TB, st *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	sys := model.Actor{Name: "test"}
	f := &fixture{st: st}
	f.root = model.OrgUnit{Code: "PEMDA", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda}
	must(t, st.CreateUnit(ctx, sys, &f.root))
	f.kominfo = model.OrgUnit{Code: "KOMINFO", Name: "Dinas Komunikasi dan Informatika", Kind: model.UnitOPD, ParentID: f.root.ID}
	must(t, st.CreateUnit(ctx, sys, &f.kominfo))
	f.dinkes = model.OrgUnit{Code: "DINKES", Name: "Dinas Kesehatan", Kind: model.UnitOPD, ParentID: f.root.ID}
	must(t, st.CreateUnit(ctx, sys, &f.dinkes))

	headPos := model.Position{Title: "Kepala Dinas Komunikasi dan Informatika", Type: model.JPTPratama, UnitID: f.kominfo.ID, IsHead: true}
	must(t, st.CreatePosition(ctx, sys, &headPos))
	staff := model.Position{Title: "Pengelola Sistem Informasi", Type: model.Pelaksana, UnitID: f.kominfo.ID}
	must(t, st.CreatePosition(ctx, sys, &staff))
	nurse := model.Position{Title: "Perawat Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: f.dinkes.ID}
	must(t, st.CreatePosition(ctx, sys, &nurse))

	emp := func(e *model.Employee) {
		e.BirthDate, _ = time.Parse("20060102", e.NIP[:8])
		e.Status = model.StatusAktif
		must(t, st.CreateEmployee(ctx, sys, e))
	}
	f.head = model.Employee{NIP: nipHead, Name: "Ahmad Nasution", GelarDepan: "Dr.", GelarBelakang: "S.T., M.Kom.", Gender: model.Male, Kind: model.PNS, Golongan: "IV/b", PositionID: headPos.ID, UnitID: f.kominfo.ID}
	emp(&f.head)
	f.budi = model.Employee{NIP: nipBudi, Name: "Budi Santoso Siregar", Gender: model.Male, Kind: model.PNS, Golongan: "III/a", PositionID: staff.ID, UnitID: f.kominfo.ID}
	emp(&f.budi)
	f.sri = model.Employee{NIP: nipSri, Name: "Sri Wahyuni Lubis", Gender: model.Female, Kind: model.PNS, Golongan: "III/b", PositionID: nurse.ID, UnitID: f.dinkes.ID}
	emp(&f.sri)

	user := func(u model.User, pw string) {
		h, err := auth.HashPassword(pw)
		must(t, err)
		u.PasswordHash = h
		must(t, st.CreateUser(ctx, sys, &u))
	}
	user(model.User{Username: "admin", Role: model.RoleSuperadmin, Active: true}, pwAdmin)
	user(model.User{Username: "adminkominfo", Role: model.RoleAdminOPD, ScopeUnitID: f.kominfo.ID, Active: true}, pwOPD)
	user(model.User{Username: nipBudi, EmployeeID: f.budi.ID, Role: model.RolePegawai, Active: true}, pwBudi)
	user(model.User{Username: nipSri, EmployeeID: f.sri.ID, Role: model.RolePegawai, Active: false}, pwSri)

	h, err := New(st, Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ImportDir: t.TempDir()})
	must(t, err)
	f.srv = httptest.NewServer(h)
	t.Cleanup(f.srv.Close)
	return f
}

// client is a browser stand-in: a cookie jar, redirects followed.
type client struct {
	t    testing.TB
	base string
	c    *http.Client
}

func (f *fixture) client(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: f.srv.URL, c: &http.Client{Jar: jar}}
}

// page is a response with its body read.
type page struct {
	Status int
	Body   string
	Header http.Header
	URL    string
}

func (c *client) do(req *http.Request) page {
	c.t.Helper()
	resp, err := c.c.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return page{Status: resp.StatusCode, Body: string(b), Header: resp.Header, URL: resp.Request.URL.Path}
}

func (c *client) get(path string) page {
	c.t.Helper()
	req, _ := http.NewRequest("GET", c.base+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values, header ...string) page {
	c.t.Helper()
	req, _ := http.NewRequest("POST", c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return c.do(req)
}

// login signs in and fails the test unless it lands on the home page.
func (c *client) login(username, password string) {
	c.t.Helper()
	p := c.post("/masuk", url.Values{"username": {username}, "password": {password}})
	if p.Status != 200 || p.URL != "/" {
		c.t.Fatalf("login %s: status %d at %s\n%s", username, p.Status, p.URL, p.Body)
	}
}

func contains(t testing.TB, p page, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(p.Body, w) {
			t.Errorf("page %s (status %d) lacks %q", p.URL, p.Status, w)
		}
	}
}

func lacks(t testing.TB, p page, bad ...string) {
	t.Helper()
	for _, w := range bad {
		if strings.Contains(p.Body, w) {
			t.Errorf("page %s (status %d) shows %q", p.URL, p.Status, w)
		}
	}
}

func status(t testing.TB, p page, want int) {
	t.Helper()
	if p.Status != want {
		t.Errorf("%s: status %d, want %d", p.URL, p.Status, want)
	}
}

// noFollow returns a client that does not follow redirects.
func (f *fixture) noFollow(t *testing.T) *client {
	c := f.client(t)
	c.c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}
