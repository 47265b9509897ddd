package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// maxPageBytes is the budget of the employee list: everything the browser
// transfers for it. (Moodle's sign-in page is about 1.5 MB.)
const maxPageBytes = 100 * 1024

// TestPageWeight: the employee list, loaded with an empty cache, transfers
// less than 100 KB in all: the HTML with its headers and every resource it
// pulls in. The browser's own count (Network.loadingFinished
// encodedDataLength) is checked, and so is a plain HTTP fetch of the HTML
// and its stylesheets and scripts.
func TestPageWeight(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)
	// The sign-in page loaded the stylesheet already: measure a cold load.
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatalf("disable the cache: %v", err)
	}

	type req struct {
		url   string
		bytes float64
		done  bool
	}
	var mu sync.Mutex
	reqs := map[network.RequestID]*req{}
	get := func(id network.RequestID) *req {
		r := reqs[id]
		if r == nil {
			r = &req{}
			reqs[id] = r
		}
		return r
	}
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	err := chromedp.Listen(lctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			get(ev.RequestID).url = ev.Response.URL
		case *network.EventLoadingFinished:
			r := get(ev.RequestID)
			r.bytes, r.done = ev.EncodedDataLength, true
		}
	})
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	if status := open(t, ctx, "/pegawai"); status != 200 {
		t.Fatalf("/pegawai: status %d", status)
	}
	rows := len(employeeRows(t, ctx))
	time.Sleep(300 * time.Millisecond) // late loadingFinished events
	stop()

	mu.Lock()
	var total float64
	var parts []string
	for _, r := range reqs {
		if !r.done {
			continue
		}
		total += r.bytes
		u, _ := url.Parse(r.url)
		name := r.url
		if u != nil {
			name = u.Path
		}
		parts = append(parts, fmt.Sprintf("%s %.0f B", name, r.bytes))
	}
	mu.Unlock()
	sort.Strings(parts)
	t.Logf("employee list (%d rows), cold load in the browser: %.1f KB transferred (%s)", rows, total/1024, strings.Join(parts, ", "))
	if len(parts) == 0 {
		t.Fatal("the browser reported no finished request for /pegawai")
	}
	if total >= maxPageBytes {
		t.Errorf("employee list transfers %.1f KB, budget %d KB", total/1024, maxPageBytes/1024)
	}

	// The same with net/http: HTML plus the stylesheets and scripts it links.
	htmlBytes, assetBytes, assets := fetchPage(t, "/pegawai")
	t.Logf("employee list over net/http: HTML %.1f KB + %d assets %.1f KB = %.1f KB (bodies only, %s)",
		float64(htmlBytes)/1024, len(assets), float64(assetBytes)/1024, float64(htmlBytes+assetBytes)/1024, strings.Join(assets, ", "))
	if htmlBytes+assetBytes >= maxPageBytes {
		t.Errorf("employee list HTML and assets weigh %.1f KB, budget %d KB", float64(htmlBytes+assetBytes)/1024, maxPageBytes/1024)
	}

	// The city is small; a full list page has pageRows rows. Project its
	// weight from the cost of one row (the page with one row against the
	// page with all of them).
	const pageRows = 50
	oneRow, _, _ := fetchPage(t, "/pegawai?q=Sembiring")
	if rows > 1 {
		perRow := float64(htmlBytes-oneRow) / float64(rows-1)
		projected := float64(oneRow) + perRow*(pageRows-1) + float64(assetBytes)
		t.Logf("one row costs %.0f B of HTML; a full page of %d rows would weigh about %.1f KB with its assets", perRow, pageRows, projected/1024)
		if projected >= maxPageBytes {
			t.Errorf("a full page of %d rows would weigh about %.1f KB, budget %d KB", pageRows, projected/1024, maxPageBytes/1024)
		}
	}
}

// assetRef finds the stylesheets and scripts a page links.
var assetRef = regexp.MustCompile(`<link[^>]*\brel="?stylesheet"?[^>]*\bhref="([^"]+)"|<link[^>]*\bhref="([^"]+)"[^>]*\brel="?stylesheet"?|<script[^>]*\bsrc="([^"]+)"`)

// fetchPage signs in as the admin with net/http and returns the size of the
// body of path and the summed sizes of the stylesheets and scripts it links.
func fetchPage(t *testing.T, path string) (html, assets int, names []string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err := c.PostForm(srv.URL+"/masuk", url.Values{"username": {adminUser}, "password": {password}})
	if err != nil {
		t.Fatalf("net/http sign-in: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/" {
		t.Fatalf("net/http sign-in: status %d at %s", resp.StatusCode, resp.Request.URL.Path)
	}
	body := func(u string) []byte {
		resp, err := c.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: status %d, %v", u, resp.StatusCode, err)
		}
		return b
	}
	page := body(srv.URL + path)
	html = len(page)
	for _, m := range assetRef.FindAllStringSubmatch(string(page), -1) {
		ref := m[1] + m[2] + m[3]
		u, err := url.Parse(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		ru, err := u.Parse(strings.ReplaceAll(ref, "&amp;", "&"))
		if err != nil {
			t.Fatalf("asset %q: %v", ref, err)
		}
		n := len(body(ru.String()))
		assets += n
		names = append(names, fmt.Sprintf("%s %d B", ru.Path, n))
	}
	return html, assets, names
}

// pageLoad is what the browser transferred for one page: the HTML
// document compressed as it came over the wire and as decoded, and all
// requests of the load together.
type pageLoad struct {
	docWire, docBody, total float64
	requests                int
}

// loadWeight opens path with the cache disabled and adds up what the
// browser reports for every request of the load (Network.loadingFinished
// encodedDataLength: headers and compressed body; dataReceived dataLength:
// the decoded body).
func loadWeight(t *testing.T, ctx context.Context, path string) (pageLoad, int64) {
	t.Helper()
	type req struct {
		url         string
		wire, body  float64
		done, isDoc bool
	}
	var mu sync.Mutex
	reqs := map[network.RequestID]*req{}
	get := func(id network.RequestID) *req {
		r := reqs[id]
		if r == nil {
			r = &req{}
			reqs[id] = r
		}
		return r
	}
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	if err := chromedp.Listen(lctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			r := get(ev.RequestID)
			r.url, r.isDoc = ev.Response.URL, ev.Type == network.ResourceTypeDocument
		case *network.EventDataReceived:
			get(ev.RequestID).body += float64(ev.DataLength)
		case *network.EventLoadingFinished:
			r := get(ev.RequestID)
			r.wire, r.done = ev.EncodedDataLength, true
		}
	}); err != nil {
		t.Fatalf("listen: %v", err)
	}
	status := open(t, ctx, path)
	time.Sleep(200 * time.Millisecond) // late loadingFinished events
	stop()
	mu.Lock()
	defer mu.Unlock()
	var l pageLoad
	for _, r := range reqs {
		if !r.done {
			continue
		}
		l.total += r.wire
		l.requests++
		if r.isDoc {
			l.docWire, l.docBody = r.wire, r.body
		}
	}
	return l, status
}

// TestPageWeights prints what a browser receives for every kind of page
// (the axe test's list, as the BKPSDM administrator at 1280 px, cold
// cache): the HTML compressed and decoded and the whole load; every load
// stays under the list page's budget.
func TestPageWeights(t *testing.T) {
	w := seedWork(t)
	seedEnrol(t, w)
	ctx := newTabWithin(t, axeTabTimeout)
	mustSignIn(t, ctx, adminUser)
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatalf("disable the cache: %v", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s %-56s %9s %9s %9s %4s\n", "page", "path", "HTML wire", "HTML body", "all wire", "reqs")
	for _, p := range axePages(w) {
		want := int64(200)
		if p.kind == "not found" {
			want = 404
		}
		for _, path := range p.paths {
			l, status := loadWeight(t, ctx, path)
			if status != want {
				continue
			}
			fmt.Fprintf(&b, "%-24s %-56s %7.1f K %7.1f K %7.1f K %4d\n", p.kind, path, l.docWire/1024, l.docBody/1024, l.total/1024, l.requests)
			if l.docBody > 1024 && l.docWire >= l.docBody {
				t.Errorf("%s: the HTML came uncompressed (%.0f B on the wire for %.0f B)", path, l.docWire, l.docBody)
			}
			if l.total >= maxPageBytes {
				t.Errorf("%s transfers %.1f KB, budget %d KB", path, l.total/1024, maxPageBytes/1024)
			}
			break
		}
	}
	t.Logf("page weights as the browser received them (cold cache, KB = 1,024 bytes):\n%s", b.String())
}
