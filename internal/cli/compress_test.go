package cli

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// serveWith answers one GET through compress around h.
func serveWith(h http.HandlerFunc, acceptEncoding string) *http.Response {
	r := httptest.NewRequest("GET", "/", nil)
	if acceptEncoding != "" {
		r.Header.Set("Accept-Encoding", acceptEncoding)
	}
	w := httptest.NewRecorder()
	compress(h).ServeHTTP(w, r)
	return w.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	var rd io.Reader = res.Body
	if res.Header.Get("Content-Encoding") == "gzip" {
		z, err := gzip.NewReader(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		rd = z
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCompressTextForBrowsers: a page of some size reaches a browser gzipped
// (and unchanged once decoded); small answers, binary files, clients that do
// not accept gzip and bodiless answers go out as they are.
func TestCompressTextForBrowsers(t *testing.T) {
	page := "<!doctype html><title>Pegawai</title>" + strings.Repeat("<tr><td>199103072019021001</td><td>H. Irfan Matondang, S.Pd.</td></tr>", 80)
	html := func(s string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, s)
		}
	}
	const browser = "gzip, deflate, br, zstd"

	res := serveWith(html(page), browser)
	if res.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("a page to a browser must be gzipped with Vary: %v", res.Header)
	}
	if got := body(t, res); got != page {
		t.Error("the decoded page differs from the page")
	}

	for name, c := range map[string]struct {
		h      http.HandlerFunc
		accept string
	}{
		"small answer": {html("<p>ok</p>"), browser},
		"no gzip":      {html(page), "br"},
		"gzip refused": {html(page), "gzip;q=0, deflate"},
		"no header":    {html(page), ""},
		"spreadsheet": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
			io.WriteString(w, page)
		}, browser},
		"already encoded": {func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Content-Encoding", "br")
			io.WriteString(w, page)
		}, browser},
	} {
		res := serveWith(c.h, c.accept)
		if res.Header.Get("Content-Encoding") == "gzip" {
			t.Errorf("%s: must not be gzipped", name)
		}
	}

	res = serveWith(func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/masuk", http.StatusSeeOther) }, browser)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/masuk" {
		t.Errorf("a redirect must pass: %d %v", res.StatusCode, res.Header)
	}
	res = serveWith(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) }, browser)
	if res.StatusCode != http.StatusNoContent {
		t.Errorf("204: %d", res.StatusCode)
	}
	res = serveWith(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, `{"error":{"code":"invalid","message":"`+strings.Repeat("x", 2000)+`"}}`)
	}, browser)
	if res.StatusCode != http.StatusUnprocessableEntity || res.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("a large JSON error keeps its status and is gzipped: %d %v", res.StatusCode, res.Header)
	}
}

// TestCompressStreamsWithFlush: a streamed CSV export flushed part by part
// arrives whole.
func TestCompressStreamsWithFlush(t *testing.T) {
	var want bytes.Buffer
	res := serveWith(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		for i := 0; i < 50; i++ {
			line := strings.Repeat("199103072019021001;Subbagian Keuangan;", 3) + "\n"
			want.WriteString(line)
			io.WriteString(w, line)
			w.(http.Flusher).Flush()
		}
	}, "gzip")
	if got := body(t, res); got != want.String() {
		t.Errorf("streamed body: got %d bytes, want %d", len(got), want.Len())
	}
}
