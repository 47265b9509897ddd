package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SessionStore keeps web sessions in the database so that several app nodes
// can share them. It implements scs.CtxStore.
type SessionStore struct{ s *Store }

// Sessions returns the session store over s.
func (s *Store) Sessions() *SessionStore { return &SessionStore{s} }

// FindCtx returns a live session's data.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := ss.s.queryRow(ctx, `SELECT data FROM session WHERE token = $1 AND expiry > $2`, token, ss.s.Now().Unix()).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	return data, err == nil, err
}

// CommitCtx saves a session.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := ss.s.db.ExecContext(ctx, `INSERT INTO session (token, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, token, b, expiry.Unix())
	return err
}

// DeleteCtx removes a session.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	_, err := ss.s.db.ExecContext(ctx, `DELETE FROM session WHERE token = $1`, token)
	return err
}

// AllCtx is required by scs.IterableCtxStore-compatible callers; unused.
func (ss *SessionStore) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// Commit implements scs.Store.
func (ss *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// Delete implements scs.Store.
func (ss *SessionStore) Delete(token string) error {
	return ss.DeleteCtx(context.Background(), token)
}

// DeleteExpiredSessions removes sessions past their expiry.
func (s *Store) DeleteExpiredSessions(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM session WHERE expiry <= $1`, s.Now().Unix())
	return err
}

// Throttle is the failed sign-in state of one key.
type Throttle struct {
	Failures     int
	BlockedUntil time.Time
}

// LoginThrottle reads the throttle state of a key.
func (s *Store) LoginThrottle(ctx context.Context, key string) (Throttle, error) {
	var t Throttle
	var until int64
	err := s.db.QueryRowContext(ctx, `SELECT failures, blocked_until FROM login_throttle WHERE key = $1`, key).Scan(&t.Failures, &until)
	if errors.Is(err, sql.ErrNoRows) {
		return t, nil
	}
	t.BlockedUntil = unixTime(until)
	return t, err
}

// RecordLoginFailure counts one failure for key and blocks it until the
// time block returns for the new failure count.
func (s *Store) RecordLoginFailure(ctx context.Context, key string, block func(failures int) time.Duration) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		var failures int
		var last int64
		err := tx.QueryRowContext(ctx, `SELECT failures, last_failure FROM login_throttle WHERE key = $1`, key).Scan(&failures, &last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if now.Sub(unixTime(last)) > 24*time.Hour {
			failures = 0 // old failures are forgiven
		}
		failures++
		until := now.Add(block(failures)).Unix()
		_, err = tx.ExecContext(ctx, `INSERT INTO login_throttle (key, failures, last_failure, blocked_until) VALUES ($1, $2, $3, $4)
			ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure, blocked_until = excluded.blocked_until`,
			key, failures, now.Unix(), until)
		return err
	})
}

// ClearLoginFailures forgets the failures of key after a good sign-in.
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_throttle WHERE key = $1`, key)
	return err
}
