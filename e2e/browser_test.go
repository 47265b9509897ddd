package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// tabTimeout bounds everything one test does in its tab. A query for an
// element that never appears waits until then, so the helpers below check
// for elements first and fail at once with the selector and the page.
const tabTimeout = 25 * time.Second

// browser is the one Chromium the suite starts, on first use, and shares:
// each test gets a new tab in a new browser context (its own cookies and
// cache) with newTab.
var browser struct {
	once   sync.Once
	ctx    context.Context // context of the first tab; it holds the browser
	cancel []context.CancelFunc
	dir    string // user data directory
	err    error
}

// chromiumPath is the browser binary: $KOMPETEN_CHROMIUM or
// /usr/bin/chromium.
func chromiumPath() string {
	if p := os.Getenv("KOMPETEN_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// requireChromium skips the test when there is no browser, or fails it when
// CI=true: a CI run without the browser must not pass silently.
func requireChromium(t *testing.T) {
	t.Helper()
	p := chromiumPath()
	if _, err := exec.LookPath(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no Chromium at %s (set KOMPETEN_CHROMIUM): %v", p, err)
		}
		t.Skipf("no Chromium at %s (set KOMPETEN_CHROMIUM): %v", p, err)
	}
}

// startBrowser starts headless Chromium with a fresh profile directory.
func startBrowser() {
	browser.dir, browser.err = os.MkdirTemp("", "kompeten-e2e-chromium-")
	if browser.err != nil {
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(browser.dir),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	browser.cancel = []context.CancelFunc{cancelCtx, cancelAlloc}
	browser.ctx = ctx
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case browser.err = <-done:
	case <-time.After(30 * time.Second):
		browser.err = errors.New("chromium did not start within 30 s")
	}
	if browser.err != nil {
		browser.err = fmt.Errorf("start %s: %w", chromiumPath(), browser.err)
	}
}

// stopBrowser ends the browser, if a test started it, and removes its
// profile directory.
func stopBrowser() {
	for _, c := range browser.cancel {
		c()
	}
	if browser.dir != "" {
		os.RemoveAll(browser.dir)
	}
}

// newTab opens a tab in a new browser context, so that its cookies and cache
// are its own, with a 1280×900 viewport. The tab closes when the test ends.
// The returned context carries the tab and times out after tabTimeout.
func newTab(t *testing.T) context.Context {
	t.Helper()
	return newTabWithin(t, tabTimeout)
}

// newTabWithin is newTab with a longer bound, for a test that walks many
// pages in one tab.
func newTabWithin(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	requireChromium(t)
	browser.once.Do(startBrowser)
	if browser.err != nil {
		t.Fatal(browser.err)
	}
	tab, cancelTab := chromedp.NewContext(browser.ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	// The first Do opens the tab; it gets no timeout, because the tab lives
	// as long as the context of its first action.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("open tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("viewport: %v", err)
	}
	return ctx
}

// newPhoneTab is newTab with the 360×740 viewport of a small phone, in
// mobile emulation (the page's meta viewport applies, as on a phone).
func newPhoneTab(t *testing.T) context.Context {
	t.Helper()
	return newPhoneTabWithin(t, tabTimeout)
}

// newPhoneTabWithin is newPhoneTab with a longer bound.
func newPhoneTabWithin(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	ctx := newTabWithin(t, timeout)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulatePortrait)); err != nil {
		t.Fatalf("phone viewport: %v", err)
	}
	return ctx
}

// open navigates to path on the test server and returns the HTTP status of
// the document, after redirects.
func open(t *testing.T, ctx context.Context, path string) int64 {
	t.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(srv.URL+path))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if resp == nil {
		t.Fatalf("open %s: no response", path)
	}
	return resp.Status
}

// follow runs steps that make the page navigate (a click, a submit) and
// returns the HTTP status of the new document once it has loaded.
func follow(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) int64 {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, steps...)
	if err != nil {
		t.Fatalf("%s (on %s): %v", what, location(t, ctx), err)
	}
	if resp == nil {
		t.Fatalf("%s (on %s): the page did not navigate", what, location(t, ctx))
	}
	return resp.Status
}

// location returns the path and query of the current page.
func location(t *testing.T, ctx context.Context) string {
	t.Helper()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("location: %v", err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		return loc
	}
	return u.RequestURI()
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// eval evaluates a JavaScript expression in the page and decodes its value.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// clean collapses white space (including no-break spaces) to single spaces,
// as a reader sees the text.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// has reports whether the page has an element matching the CSS selector.
func has(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	return eval[bool](t, ctx, "document.querySelector("+jsString(sel)+") !== null")
}

// need fails the test at once, naming the page, when a selector matches
// nothing, so that a missing id reads as such and not as a timeout.
func need(t *testing.T, ctx context.Context, sels ...string) {
	t.Helper()
	var missing []string
	for _, s := range sels {
		if !has(t, ctx, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		t.Fatalf("page %s has no %s; it shows: %.600s", location(t, ctx), strings.Join(missing, ", "), bodyText(t, ctx))
	}
}

// textOf returns the visible text of the first element matching sel,
// cleaned; it fails when there is none.
func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	need(t, ctx, sel)
	return clean(eval[string](t, ctx, "document.querySelector("+jsString(sel)+").innerText"))
}

// bodyText is the visible text of the page, cleaned.
func bodyText(t *testing.T, ctx context.Context) string {
	t.Helper()
	return clean(eval[string](t, ctx, "document.body ? document.body.innerText : ''"))
}

// typeInto clears the field sel and types s into it with key events.
func typeInto(t *testing.T, ctx context.Context, sel, s string) {
	t.Helper()
	need(t, ctx, sel)
	if err := chromedp.Do(ctx, chromedp.Clear(chromedp.CSS(sel)), chromedp.SendKeys(chromedp.CSS(sel), s)); err != nil {
		t.Fatalf("type into %s: %v", sel, err)
	}
}

// signIn opens the sign-in page, fills form#login and submits it with its
// button, as a person does, and returns the status of the page that answers.
func signIn(t *testing.T, ctx context.Context, username, pass string) int64 {
	t.Helper()
	open(t, ctx, "/masuk")
	need(t, ctx, "form#login", `form#login input[name=username]`, `form#login input[name=password]`, `form#login [type=submit]`)
	typeInto(t, ctx, `form#login input[name=username]`, username)
	typeInto(t, ctx, `form#login input[name=password]`, pass)
	return follow(t, ctx, "submit the sign-in form", chromedp.Click(chromedp.CSS(`form#login [type=submit]`)))
}

// mustSignIn signs in and fails unless the home page answers.
func mustSignIn(t *testing.T, ctx context.Context, username string) {
	t.Helper()
	if status := signIn(t, ctx, username, password); status != 200 {
		t.Fatalf("sign in as %s: status %d on %s: %.400s", username, status, location(t, ctx), bodyText(t, ctx))
	}
	if loc := location(t, ctx); loc != "/" {
		t.Fatalf("sign in as %s: landed on %s, want /: %.400s", username, loc, bodyText(t, ctx))
	}
}

// search types q into the search box of the employee list and submits it
// with the Enter key.
func search(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	open(t, ctx, "/pegawai")
	typeInto(t, ctx, "#q", q)
	if status := follow(t, ctx, "submit the search "+q, chromedp.SendKeys(chromedp.CSS("#q"), "\r")); status != 200 {
		t.Fatalf("search %q: status %d: %.400s", q, status, bodyText(t, ctx))
	}
}

// employeeRows returns the cleaned text of each body row of table#employees;
// none when the page shows no table (no result).
func employeeRows(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll("table#employees tbody tr")].map(r => r.innerText.replace(/\s+/g, " ").trim())`)
}

// linkWithText is a JSPath selector for the first link inside the elements
// matching scope whose text contains text.
func linkWithText(scope, text string) chromedp.JSPath {
	return chromedp.JSPath(fmt.Sprintf(`[...document.querySelectorAll(%s)].find(a => a.textContent.replace(/\s+/g, " ").includes(%s))`,
		jsString(scope+" a"), jsString(text)))
}

// clickLink clicks the link inside scope whose text contains text and waits
// for the page it opens; it returns the status of that page.
func clickLink(t *testing.T, ctx context.Context, scope, text string) int64 {
	t.Helper()
	sel := linkWithText(scope, text)
	if !eval[bool](t, ctx, "!!("+string(sel)+")") {
		t.Fatalf("page %s has no link %q in %s; it shows: %.600s", location(t, ctx), text, scope, bodyText(t, ctx))
	}
	return follow(t, ctx, "click "+text, chromedp.Click(sel))
}

// lockedBuffer is a bytes.Buffer safe for the server's concurrent logging.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p.
func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// Read reads what was written and not read yet.
func (l *lockedBuffer) Read(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Read(p)
}

// Len is the number of unread bytes.
func (l *lockedBuffer) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Len()
}
