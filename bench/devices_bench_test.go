package bench

// BenchmarkDevicePairs measures the small per-request caches against their
// plain twins inside one process, where the HTTP runs of bench/devices.sh
// are too noisy on a shared machine to tell a few per cent: two web UIs and
// two APIs over two Stores on the same database, one built with the cache
// named in KOMPETEN_CACHE_OFF (internal/cache), the other with it on. Turns
// of requests go to one and then the other (the first side alternating),
// each timed by the process's CPU time (getrusage: user + system, the
// collector's threads included); it prints a table of medians:
//
//	go test ./bench -run x -bench DevicePairs -benchtime 1x -db DB -pass PW -token TOKEN
//
// (PW: `kompeten user reset-password admin`; TOKEN: `kompeten user token
// admin --name bench`.) Pin it with `taskset -c 1`.

import (
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/api"
	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/web"
)

var (
	pairUser  = flag.String("user", "admin", "a superadmin's username (BenchmarkDevicePairs)")
	pairPass  = flag.String("pass", "", "that user's password (BenchmarkDevicePairs)")
	pairToken = flag.String("token", "", "an API token of that user (BenchmarkDevicePairs)")
	pairTurns = flag.Int("turns", 7, "turns per side (BenchmarkDevicePairs)")
	pairN     = flag.Int("pairn", 300, "requests per turn (BenchmarkDevicePairs)")
	pairOnly  = flag.String("pairs", "", "comma-separated cache names to measure; empty: all (BenchmarkDevicePairs)")
)

type faces struct{ web, api http.Handler }

// facesWith opens a Store on the benchmark's database and builds both
// faces over it, with the caches named in off turned off.
func facesWith(b *testing.B, off string) faces {
	b.Helper()
	os.Setenv(cache.EnvOff, off)
	defer os.Unsetenv(cache.EnvOff)
	st := openDB(b)
	ui, err := web.New(st, web.Config{})
	if err != nil {
		b.Fatal(err)
	}
	return faces{web: ui, api: api.New(st, nil)}
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkDevicePairs(b *testing.B) {
	if *pairPass == "" || *pairToken == "" {
		b.Skip("needs -pass and -token (see the comment above)")
	}
	cases := []struct {
		cache, what string
		api         bool
	}{
		{"sessioncodec", "/pegawai?offset=", false},
		{"labels", "/pegawai?offset=", false},
		{"labels", "/api/v1/employees?offset=", true},
		{"topunits", "/pegawai?offset=", false},
	}
	// One sign-in, shared by every web face (sessions live in the database).
	signIn := facesWith(b, "")
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/masuk", strings.NewReader(url.Values{"username": {*pairUser}, "password": {*pairPass}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	signIn.web.ServeHTTP(rec, req)
	var cookie *http.Cookie
	for _, c := range rec.Result().Cookies() {
		if c.Name == "kompeten_session" {
			cookie = c
		}
	}
	if cookie == nil {
		b.Fatalf("sign-in refused: status %d", rec.Code)
	}

	fmt.Printf("\n| device (cache name) | page or call | device CPU µs/req | twin CPU µs/req | CPU saved | turns of %d requests |\n|---|---|---|---|---|---|\n", *pairN)
	for _, c := range cases {
		if *pairOnly != "" && !slices.Contains(strings.Split(*pairOnly, ","), c.cache) {
			continue
		}
		on, off := facesWith(b, ""), facesWith(b, c.cache)
		turn := func(f faces) time.Duration {
			h := f.web
			if c.api {
				h = f.api
			}
			start := cpuNow()
			for i := range *pairN {
				r := httptest.NewRequest("GET", fmt.Sprintf("%s%d", c.what, 50*(i%40)), nil)
				if c.api {
					r.Header.Set("Authorization", "Bearer "+*pairToken)
				} else {
					r.AddCookie(cookie)
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					b.Fatalf("%s: status %d", r.URL, w.Code)
				}
			}
			return (cpuNow() - start) / time.Duration(*pairN)
		}
		turn(on) // warm both: page caches, prepared statements, templates
		turn(off)
		var a, t []time.Duration
		for i := range *pairTurns {
			if i%2 == 0 {
				a, t = append(a, turn(on)), append(t, turn(off))
			} else {
				t, a = append(t, turn(off)), append(a, turn(on))
			}
		}
		slices.Sort(a)
		slices.Sort(t)
		ma, mt := a[len(a)/2], t[len(t)/2]
		fmt.Printf("| %s | `%s…` | %.0f | %.0f | %.0f %% | %v / %v |\n", c.cache, c.what, us(ma), us(mt), (1-float64(ma)/float64(mt))*100, usList(a), usList(t))
	}
	fmt.Println()
}

func us(d time.Duration) float64 { return float64(d) / 1e3 }

func usList(ds []time.Duration) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = fmt.Sprintf("%.0f", us(d))
	}
	return strings.Join(s, " ")
}
