// Package storetest opens real databases for tests: a fresh SQLite file and,
// when a PostgreSQL server is reachable through the PG* environment (as
// pg_virtualenv provides), a fresh schema on it. With CI=true a missing
// PostgreSQL fails the test instead of skipping it.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/store"
)

var schemaSeq atomic.Int64

// Engines runs fn once per database engine as subtests "sqlite" and
// "postgres", each with a freshly migrated, empty store.
func Engines(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite returns a migrated store on a new file in t.TempDir().
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// PostgresDSN returns the libpq-style DSN of the test server, or "" when
// none is configured.
func PostgresDSN() string {
	if os.Getenv("KOMPETEN_TEST_PG") != "" {
		return os.Getenv("KOMPETEN_TEST_PG")
	}
	if os.Getenv("PGHOST") != "" || os.Getenv("PGDATABASE") != "" {
		return "pgx:"
	}
	return ""
}

// Postgres returns a migrated store in a new schema of the test server.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	dsn := PostgresDSN()
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("PostgreSQL is required with CI=true: run the tests through ./test (pg_virtualenv) or set KOMPETEN_TEST_PG")
		}
		t.Skip("no PostgreSQL (set PGHOST or run ./test)")
	}
	schema := fmt.Sprintf("t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, schemaSeq.Add(1))
	admin, err := sql.Open("pgx", pgxDSN(dsn, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(pgxDSN(dsn, schema))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		if db, err := sql.Open("pgx", pgxDSN(dsn, "")); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// pgxDSN adds a search_path to a DSN given as "pgx:<keywords>" or a URL.
func pgxDSN(dsn, schema string) string {
	if len(dsn) >= 4 && dsn[:4] == "pgx:" {
		if schema == "" {
			return dsn[4:]
		}
		return "pgx:" + dsn[4:] + " search_path=" + schema
	}
	if schema == "" {
		return dsn
	}
	sep := "?"
	for _, c := range dsn {
		if c == '?' {
			sep = "&"
		}
	}
	return dsn + sep + "search_path=" + schema
}
