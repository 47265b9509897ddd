package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/testcity"
)

// fixture is the test city (a pemda with two OPDs, their people and
// accounts) with the UI serving it.
type fixture struct {
	st                    *store.Store
	srv                   *httptest.Server
	city                  *testcity.City
	root, kominfo, dinkes model.OrgUnit
	head, budi, sri       model.Employee
}

// Passwords and NIPs of the city's accounts, by the names these tests use.
const (
	pwAdmin = testcity.PwAdmin
	pwOPD   = testcity.PwOPD
	pwBudi  = testcity.PwBudi
	pwSri   = testcity.PwSri
	nipBudi = testcity.NIPBudi
	nipHead = testcity.NIPHead
	nipSri  = testcity.NIPSri
)

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// newFixture seeds the test city into st and starts the UI.
func newFixture(t testing.TB, st *store.Store, opts ...testcity.Option) *fixture {
	t.Helper()
	c := testcity.New(t, st, opts...)
	f := &fixture{st: st, city: c, root: c.Root, kominfo: c.Kominfo, dinkes: c.Dinkes, head: c.Head, budi: c.Budi, sri: c.Sri}
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
