package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/metrics"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func get(h http.Handler, path, remote string, header ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", path, nil)
	r.RemoteAddr = remote
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// TestMetricsCountRequestsByRoutePattern: an operator's Prometheus sees each
// request under the route pattern that served it (web and API alike, never
// the raw path, so IDs do not multiply the series), with its status, plus
// the database pool; unknown paths share one label.
func TestMetricsCountRequestsByRoutePattern(t *testing.T) {
	st := storetest.SQLite(t)
	h, err := Handler(st, false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	const local = "127.0.0.1:40000"
	get(h, "/masuk", local)
	get(h, "/pegawai/12345", local) // not signed in: redirected, still counted under its pattern
	get(h, "/api/v1/employees/777", local)
	get(h, "/tidak-ada/apa-apa", local)
	w := get(h, "/metrics", local)
	if w.Code != 200 {
		t.Fatalf("/metrics from loopback: %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{
		`kompeten_http_request_duration_seconds_count{code="200",method="GET",route="GET /masuk"} 1`,
		`route="GET /pegawai/{id}"`,
		`kompeten_http_request_duration_seconds_count{code="401",method="GET",route="GET /api/v1/employees/{id}"} 1`,
		`route="unmatched"`,
		`go_sql_max_open_connections{db_name="kompeten"}`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if _, label, ok := strings.Cut(line, `route="`); ok && (strings.Contains(label, "12345") || strings.Contains(label, "777")) {
			t.Errorf("record IDs must not become labels: %s", line)
		}
	}
}

// TestMetricsOnlyForAllowedNetworksOrToken: /metrics tells an outsider
// nothing (404, as for a missing page) unless they present the token.
func TestMetricsOnlyForAllowedNetworksOrToken(t *testing.T) {
	st := storetest.SQLite(t)
	allow, err := metrics.ParseAllow("10.1.0.0/16, 192.168.5.7")
	if err != nil {
		t.Fatal(err)
	}
	h, err := NewHandler(st, HandlerOptions{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MetricsAccess: metrics.Access{Allow: allow, Token: "rahasia-panjang"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		remote string
		header []string
		want   int
	}{
		{"10.1.200.3:5000", nil, 200},
		{"192.168.5.7:5000", nil, 200},
		{"192.168.5.8:5000", nil, 404},
		{"127.0.0.1:5000", nil, 404}, // loopback is not in this list
		{"203.0.113.9:5000", []string{"Authorization", "Bearer rahasia-panjang"}, 200},
		{"203.0.113.9:5000", []string{"Authorization", "Bearer salah"}, 404},
	} {
		if w := get(h, "/metrics", c.remote, c.header...); w.Code != c.want {
			t.Errorf("%s %v: %d, want %d", c.remote, c.header, w.Code, c.want)
		}
	}
	if _, err := metrics.ParseAllow("10.0.0.0/8,bukan-alamat"); err == nil {
		t.Error("a malformed network must be refused at start")
	}
}

// TestReadyzWantsDatabaseAndMigrations: a node is ready when its database
// answers and has every migration; a database not yet migrated is not.
func TestReadyzWantsDatabaseAndMigrations(t *testing.T) {
	st := storetest.SQLite(t)
	h, err := Handler(st, false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if w := get(h, "/readyz", "203.0.113.9:1"); w.Code != 200 || !strings.Contains(w.Body.String(), "ready") {
		t.Errorf("migrated database: %d %s", w.Code, w.Body)
	}

	bare, err := store.Open(filepath.Join(t.TempDir(), "baru.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer bare.Close()
	h, err = Handler(bare, false, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if w := get(h, "/readyz", "203.0.113.9:1"); w.Code != 503 || !strings.Contains(w.Body.String(), "pending") {
		t.Errorf("unmigrated database: %d %s", w.Code, w.Body)
	}
	bare.DB().Close()
	if w := get(h, "/readyz", "203.0.113.9:1"); w.Code != 503 {
		t.Errorf("closed database: %d %s", w.Code, w.Body)
	}
}

// TestJSONLogs: --log-format json writes one JSON object a line; an unknown
// format is refused.
func TestJSONLogs(t *testing.T) {
	var buf bytes.Buffer
	lg, err := newLogger(&buf, "json", "info")
	if err != nil {
		t.Fatal(err)
	}
	lg.Info("permintaan", "path", "/pegawai", "status", 200)
	lg.Debug("tidak tampil")
	var rec map[string]any
	if err := json.Unmarshal(bytes.TrimSpace(buf.Bytes()), &rec); err != nil {
		t.Fatalf("not one JSON line: %q", buf.String())
	}
	if rec["msg"] != "permintaan" || rec["path"] != "/pegawai" {
		t.Errorf("record: %v", rec)
	}
	if _, err := newLogger(&buf, "xml", "info"); err == nil {
		t.Error("an unknown log format must be refused")
	}
}
