package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TestSignInDuringCityImport: while a city-sized import (13,000 employees)
// holds SQLite's single writer lock, people keep signing in (each sign-in
// writes a session row). They must wait, not fail.
func TestSignInDuringCityImport(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 13,000-employee city")
	}
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	if out, code := run(t, "demo", "--db", src); code != 0 {
		t.Fatal(out)
	}
	for _, kind := range []string{"employees", "units", "positions"} {
		if out, code := run(t, "export", kind, filepath.Join(dir, kind+".csv"), "--db", src); code != 0 {
			t.Fatal(out)
		}
	}
	for _, kind := range []string{"units", "positions"} {
		if out, code := run(t, "import", kind, filepath.Join(dir, kind+".csv"), "--db", dst, "--apply"); code != 0 {
			t.Fatal(out)
		}
	}
	st, err := store.Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	// Different people sign in (one person signing in dozens of times at
	// once would rightly meet the sign-in throttle).
	hash, _ := auth.HashPassword("sandi-uji-coba")
	const people = 60
	for i := 0; i < people; i++ {
		u := &model.User{Username: fmt.Sprintf("operator%02d", i), Role: model.RoleAdminBKPSDM, PasswordHash: hash, Active: true}
		if err := st.CreateUser(context.Background(), cliActor, u); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Handler(st, false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	done := make(chan string)
	go func() {
		out, _ := run(t, "import", "employees", filepath.Join(dir, "employees.csv"), "--db", dst, "--apply")
		done <- out
	}()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var worst time.Duration
	failures := 0
	signIns := 0
	deadline := time.After(60 * time.Second)
	importOut := ""
loop:
	for {
		select {
		case importOut = <-done:
			break loop
		case <-deadline:
			t.Fatal("import did not finish in 60 s")
		default:
		}
		if signIns == people {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		wg.Add(1)
		user := fmt.Sprintf("operator%02d", signIns)
		signIns++
		go func() {
			defer wg.Done()
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			t0 := time.Now()
			resp, err := c.PostForm(srv.URL+"/masuk", url.Values{"username": {user}, "password": {"sandi-uji-coba"}})
			d := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			worst = max(worst, d)
			if err != nil || resp.StatusCode != http.StatusSeeOther {
				failures++
				if resp != nil {
					t.Logf("sign-in answered %d", resp.StatusCode)
				}
			}
			if resp != nil {
				resp.Body.Close()
			}
		}()
		time.Sleep(50 * time.Millisecond)
	}
	wg.Wait()
	t.Logf("%d sign-ins during the import, longest wait %s\n%s", signIns, worst.Round(time.Millisecond), importOut)
	if failures > 0 {
		t.Errorf("%d of %d sign-ins failed during the import", failures, signIns)
	}
	if signIns < 3 {
		t.Errorf("only %d sign-ins overlapped the import: the test proves nothing", signIns)
	}
}
