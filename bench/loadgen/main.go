// Command loadgen drives a running Kompeten with concurrent signed-in
// clients and prints latency percentiles per scenario. It is a benchmark
// tool (bench/run.sh pins it to its own core), not a test.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "server URL")
	user := flag.String("user", "admin", "username for the web scenarios")
	pass := flag.String("pass", "", "password")
	token := flag.String("token", "", "API bearer token for the api scenarios")
	cookie := flag.String("cookie", "", "name=value of a signed-in session cookie, used instead of signing in (a sign-in's password hashing would count in the server's CPU)")
	conc := flag.Int("c", 50, "concurrent clients")
	dur := flag.Duration("d", 10*time.Second, "duration per scenario")
	scen := flag.String("s", "healthz,web-search,web-list,api-search,api-list", "scenarios (also web:/path, api:/path)")
	words := flag.String("words", "siregar,nasution,lubis,harahap,sinaga,ginting,muhammad,siti,budi,sri,wahyuni,tarigan,purba,rina,dewi,putri,ahmad,agus", "search words")
	nips := flag.String("nips", "1970,1985,1990,19880,19751", "NIP prefixes")
	flag.Parse()
	sessionCookie = *cookie
	ws := strings.Split(*words, ",")
	ns := strings.Split(*nips, ",")
	fmt.Printf("| scenario | clients | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|---|---|\n")
	for _, s := range strings.Split(*scen, ",") {
		var gen func(r *rand.Rand) string
		api := false
		switch s {
		case "healthz":
			gen = func(*rand.Rand) string { return "/healthz" }
		case "web-search":
			gen = func(r *rand.Rand) string { return "/pegawai?q=" + query(r, ws, ns) }
		case "web-list":
			gen = func(r *rand.Rand) string { return fmt.Sprintf("/pegawai?offset=%d", 50*r.IntN(40)) }
		case "web-analisis":
			gen = func(*rand.Rand) string { return "/analisis" } // the needs heat-map of the whole city
		case "api-search":
			api = true
			gen = func(r *rand.Rand) string { return "/api/v1/employees?q=" + query(r, ws, ns) }
		case "api-list":
			api = true
			gen = func(r *rand.Rand) string { return fmt.Sprintf("/api/v1/employees?offset=%d", 50*r.IntN(40)) }
		default:
			// "web:/path" and "api:/path" ask for one fixed page (bench/devices.sh).
			if kind, path, ok := strings.Cut(s, ":"); ok && (kind == "web" || kind == "api") && strings.HasPrefix(path, "/") {
				api = kind == "api"
				gen = func(*rand.Rand) string { return path }
				break
			}
			fmt.Fprintln(os.Stderr, "unknown scenario", s)
			os.Exit(2)
		}
		run(s, *base, *user, *pass, *token, api, *conc, *dur, gen)
	}
}

func query(r *rand.Rand, ws, ns []string) string {
	if r.IntN(4) == 0 {
		return url.QueryEscape(ns[r.IntN(len(ns))])
	}
	w := ws[r.IntN(len(ws))]
	if r.IntN(3) == 0 {
		w = w[:3] // a prefix, as typed
	}
	return url.QueryEscape(w)
}

// signedIn holds the session cookie of one sign-in, shared by every web
// client: fifty simultaneous sign-ins of one account from one address would
// (rightly) meet the sign-in throttle.
var (
	signInOnce    sync.Once
	signedIn      http.CookieJar
	sessionCookie string // -cookie
)

func client(base, user, pass string) *http.Client {
	signInOnce.Do(func() {
		jar, _ := cookiejar.New(nil)
		signedIn = jar
		if name, value, ok := strings.Cut(sessionCookie, "="); ok {
			u, _ := url.Parse(base)
			jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
			return
		}
		if pass == "" {
			return
		}
		c := &http.Client{Jar: jar}
		resp, err := c.PostForm(base+"/masuk", url.Values{"username": {user}, "password": {pass}})
		if err != nil {
			fmt.Fprintln(os.Stderr, "sign in:", err)
			os.Exit(1)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.Request.URL.Path == "/masuk" {
			fmt.Fprintln(os.Stderr, "sign in refused: status", resp.StatusCode)
			os.Exit(1)
		}
	})
	return &http.Client{Jar: signedIn, Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
}

func run(name, base, user, pass, token string, api bool, conc int, dur time.Duration, gen func(*rand.Rand) string) {
	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	deadline := time.Now().Add(dur)
	var wg sync.WaitGroup
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(i), 7))
			var c *http.Client
			if api {
				c = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
			} else {
				c = client(base, user, pass)
			}
			var local []time.Duration
			bad := 0
			for time.Now().Before(deadline) {
				req, _ := http.NewRequest("GET", base+gen(r), nil)
				// As a browser asks; the body is counted, not decoded.
				req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
				if api {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				t0 := time.Now()
				resp, err := c.Do(req)
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || resp.Request.URL.Path == "/masuk" {
					bad++
				}
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, local...)
			errs += bad
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	fmt.Printf("| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |\n", name, conc, len(lat),
		float64(len(lat))/dur.Seconds(), pct(0.5), pct(0.9), pct(0.99), pct(1), errs)
}
