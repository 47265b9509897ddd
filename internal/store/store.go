// Package store keeps Kompeten's data in SQLite (embedded, default) or
// PostgreSQL. SQL is written once in PostgreSQL syntax with $N parameters,
// which modernc SQLite also runs; Dialect holds the few true differences.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/model"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is the database handle shared by the web UI, the API and the CLI.
type Store struct {
	db     *sql.DB
	writes atomic.Uint64 // see Writes
	// sessions is the one SessionStore of this Store (see Sessions).
	sessions *SessionStore
	dialect  Dialect
	stmts    stmtCache
	// labelCache: unit and position labels for lists (labels.go).
	labelCache labelCache
	// needs and cycles keep the needs snapshot and cycle progress counts
	// (needs_cache.go, cycle_cache.go).
	needs  *cache.Cache[needsKey, *needsSnapshot]
	cycles *cache.Cache[cycleKey, *cycleSnap]
	// recCat keeps the recommendations' catalogue (plan_recommend_catalogue.go).
	recCat *cache.Cache[struct{}, *recCatalogue]
	// Now is the clock; tests replace it.
	Now func() time.Time
	// BaseURL is the server's public address (--base-url), which the links
	// in queued e-mails start with (notify.go); "" is http://localhost:8080.
	BaseURL string
	// observeWork, when set, hears of each background job's end (ObserveWork).
	observeWork func(job string, took time.Duration, err error)
	// fileLock is the shared flock on a SQLite file (filelock.go), held while
	// the Store is open so that a restore cannot replace the file under it.
	fileLock *os.File
	// settingsRunning and background: the recomputation a change of
	// settings starts (settings.go); Close waits for it.
	settingsRunning atomic.Bool
	background      sync.WaitGroup
	// views queues the view log's records (viewlog.go).
	views viewRecorder
}

// sqlitePragmas go in the DSN so that every pooled connection gets them.
//
// cache_size: 8 MB of pages per connection (the default is 2 MB): the
// interior pages of the employee table and its indexes at a million
// employees, which every list and search descends, and the rows of the
// pages people look at most (the first of each list). The request gate
// keeps the connections in use to two per core, so this costs little
// resident memory; 4 MB made list pages 7 % slower.
var sqlitePragmas = "_pragma=busy_timeout(" + strconv.Itoa(sqliteBusyMS) + ")&_pragma=cache_size(-8000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_txlock=immediate"

// sqliteBusyMS is how long a SQLite statement waits for a lock.
const sqliteBusyMS = 10000

// Open connects to dsn: a postgres:// or postgresql:// URL (or "pgx:" followed
// by a libpq keyword string) selects PostgreSQL; anything else is a SQLite
// file path. It does not migrate; call Migrate.
func Open(dsn string) (*Store, error) {
	var s Store
	s.Now = func() time.Time { return time.Now().UTC() }
	s.sessions = &SessionStore{s: &s}
	s.labelCache = newLabelCache(&s)
	s.needs, s.cycles = newNeedsCache(), newCycleCache()
	s.recCat = newRecCatalogueCache(&s)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		s.dialect = Postgres
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(20)
		s.db = db
	case strings.HasPrefix(dsn, "pgx:"):
		s.dialect = Postgres
		db, err := sql.Open("pgx", strings.TrimPrefix(dsn, "pgx:"))
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		db.SetMaxOpenConns(20)
		db.SetMaxIdleConns(20)
		s.db = db
	default:
		s.dialect = SQLite
		path := strings.TrimPrefix(dsn, "sqlite:")
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		if err := createSQLite(path); err != nil {
			return nil, err
		}
		lock, err := holdFile(path)
		if err != nil {
			return nil, err
		}
		s.fileLock = lock
		db, err := sql.Open("sqlite", "file:"+path+sep+sqlitePragmas)
		if err != nil {
			return nil, fmt.Errorf("store: open sqlite %s: %w", path, err)
		}
		// Readers run in parallel under WAL; writers queue on the busy timeout.
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		db.SetConnMaxIdleTime(0)
		s.db = db
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := s.db.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	return &s, nil
}

// ObserveWork sets fn to hear of each job the store runs on its own (a
// rebuild of the needs snapshot), for the operator's metrics. Set it before
// serving.
func (s *Store) ObserveWork(fn func(job string, took time.Duration, err error)) { s.observeWork = fn }

// Close closes the database.
func (s *Store) Close() error {
	s.background.Wait()
	s.closeViews()
	s.stmts.close()
	err := s.db.Close()
	if s.fileLock != nil {
		s.fileLock.Close()
	}
	return err
}

// DB exposes the handle for benchmarks and backups.
func (s *Store) DB() *sql.DB { return s.db }

// Dialect reports which engine is behind the store.
func (s *Store) Dialect() Dialect { return s.dialect }

// inTx runs fn in one transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	defer s.writes.Add(1)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// Writes counts the write transactions this Store has run (bumped when
// each ends). A cache of data read through this Store may key on it, so
// that a change made through this process is seen at once; changes made by
// other processes or app nodes are not counted.
func (s *Store) Writes() uint64 { return s.writes.Load() }

// sqlitePageSize is the page size of new SQLite files. 16 KiB pages made a
// bulk load of a million employees ≈ 13 % faster, but every list or search
// at that size reads scattered rows, and a 16 KiB read per row cost a
// quarter of a page view's CPU (4 KiB pages: 25 % more searches per second
// at a million employees). Reads happen all day, loads rarely. Existing
// files keep theirs.
const sqlitePageSize = 4096

// createSQLite creates a new SQLite file with sqlitePageSize pages. The
// page size must be set before WAL is switched on (which writes the
// header), and the driver runs DSN pragmas in alphabetical order
// (journal_mode before page_size), so it is done here on a first
// connection. Paths with DSN options, and existing files, are left alone.
func createSQLite(path string) error {
	if path == "" || strings.ContainsAny(path, "?:") {
		return nil
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return fmt.Errorf("store: create sqlite %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, p := range []string{fmt.Sprintf("PRAGMA page_size = %d", sqlitePageSize), "PRAGMA journal_mode = WAL"} {
		if _, err := db.Exec(p); err != nil {
			return fmt.Errorf("store: create sqlite %s: %w", path, err)
		}
	}
	return db.Close()
}

// today is the city's calendar date (ISO, WIB) of s.Now: the day that dates
// people write (an acting assignment's first and last day, a penalty's term,
// a cycle's bounds) are compared with. The UTC date would start and end them
// seven hours late.
func (s *Store) today() string { return model.CycleToday(s.Now()) }
