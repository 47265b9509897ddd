package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps prepared statements of the hot read queries (session,
// account, scope and list lookups), so that each request binds values
// instead of parsing SQL again: parsing was a tenth of the CPU of a search
// request at a million employees. It is bounded; queries beyond the bound
// run unprepared.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

const stmtCacheMax = 256

func (s *Store) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	if st, ok := s.stmts.m[q]; ok {
		return st, nil
	}
	if s.stmts.m == nil {
		s.stmts.m = map[string]*sql.Stmt{}
	}
	if len(s.stmts.m) >= stmtCacheMax {
		return nil, nil
	}
	st, err := s.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	s.stmts.m[q] = st
	return st, nil
}

// query runs a read query through the statement cache.
//
// The hot queries are short (an index range of one page), so they run
// detached from the request's cancellation: with a cancellable context both
// database/sql and the SQLite driver start a watcher goroutine per query, and
// on a busy single core those local wake-ups kept the goroutines of other
// connections, woken by the network poller, waiting in the global run queue
// for up to a second (the search p99 of issue 2).
func (s *Store) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	ctx = context.WithoutCancel(ctx)
	st, err := s.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.db.QueryContext(ctx, q, args...)
	}
	return st.QueryContext(ctx, args...)
}

// preparedReads is a queryer over the prepared-statement cache, detached
// from the request's cancellation (query, queryRow), for the read helpers
// (eachRow, queryAll) of a hot page. With a cancellable context database/sql
// and the SQLite driver start a watcher goroutine per query, and on one busy
// core those wake-ups starve poller-woken connections: at a million
// employees and 50 clients the plan page's p99 was 1.5 s (and the account
// page's 215 ms, through the menu's unread count) until its reads came here.
type preparedReads struct{ s *Store }

func (r preparedReads) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return r.s.query(ctx, q, args...)
}

func (r preparedReads) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return r.s.queryRow(ctx, q, args...)
}

func (r preparedReads) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return r.s.db.ExecContext(ctx, q, args...)
}

// queryRow is query for one row.
func (s *Store) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	ctx = context.WithoutCancel(ctx)
	st, err := s.prepared(ctx, q)
	if err != nil || st == nil {
		return s.db.QueryRowContext(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}
