// Package e2e drives Kompeten through a real browser: a headless Chromium
// controlled by chromedp signs in, browses, searches, imports and checks what
// a user sees, against the whole HTTP surface (cli.Handler) served by
// httptest over a seeded SQLite database.
//
// The suite needs a Chromium binary: /usr/bin/chromium, or the path in
// KOMPETEN_CHROMIUM. Without one the browser tests are skipped, or fail when
// CI=true. It never downloads a browser.
package e2e

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/kompeten/kompeten/internal/cli"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/testcity"
)

// Shared state of the suite, set up once by TestMain.
var (
	// st is the seeded database behind the server.
	st *store.Store
	// srv serves cli.Handler over st.
	srv *httptest.Server
	// city is what the seed created, with the IDs the store gave.
	city *testcity.City
	// serverLog receives what the handler logs; it is printed when the
	// suite fails.
	serverLog *lockedBuffer
)

// TestMain builds the database, seeds it, starts the server, runs the tests
// and stops the browser if a test started it.
func TestMain(m *testing.M) {
	os.Exit(run(m))
}

// run is TestMain with deferred clean-up; it returns the exit code.
func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "kompeten-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	st, err = store.Open(filepath.Join(dir, "kompeten.db"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: open store:", err)
		return 1
	}
	defer st.Close()
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: migrate:", err)
		return 1
	}
	if city, err = testcity.Build(st, testcity.WithOffices()); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: seed:", err)
		return 1
	}

	serverLog = &lockedBuffer{}
	logger := slog.New(slog.NewTextHandler(serverLog, &slog.HandlerOptions{Level: slog.LevelWarn}))
	h, err := cli.Handler(st, false, logger)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: handler:", err)
		return 1
	}
	srv = httptest.NewServer(h)
	defer srv.Close()

	code := m.Run()
	stopBrowser()
	if code != 0 && serverLog.Len() > 0 {
		fmt.Fprintln(os.Stderr, "e2e: server log:")
		io.Copy(os.Stderr, serverLog)
	}
	return code
}
