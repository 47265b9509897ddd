package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SessionStore keeps web sessions in the database so that several app nodes
// can share them. It implements scs.CtxStore.
//
// Every request reads its session row: one primary-key read. (A copy kept
// in memory for 2 s per burst saved under 10 % of a list page's CPU at a
// city and at a million employees, bench/RESULTS.md "Session 6", and went.)
type SessionStore struct {
	s *Store
}

// Sessions returns the session store over s (one per Store, so that every
// user of it sees the same cached sessions).
func (s *Store) Sessions() *SessionStore { return s.sessions }

// FindCtx returns a live session's data.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var data []byte
	err := ss.s.queryRow(ctx, `SELECT data FROM session WHERE token = $1 AND expiry > $2`, token, ss.s.Now().Unix()).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return data, true, nil
}

// CommitCtx saves a session.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := ss.s.db.ExecContext(ctx, `INSERT INTO session (token, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, token, b, expiry.Unix())
	return err
}

// DeleteCtx removes a session (sign-out, a renewed token) and the record
// of who held it.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	if _, err := ss.s.db.ExecContext(ctx, `DELETE FROM session WHERE token = $1`, token); err != nil {
		return err
	}
	_, err := ss.s.db.ExecContext(ctx, `DELETE FROM user_session WHERE token = $1`, token)
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

// DeleteExpiredSessions removes sessions past their expiry, and records of
// who held a session whose row is gone (an hour after sign-in at the
// earliest: the record is written just before scs writes the row).
func (s *Store) DeleteExpiredSessions(ctx context.Context) error {
	now := s.Now().Unix()
	if _, err := s.db.ExecContext(ctx, `DELETE FROM session WHERE expiry <= $1`, now); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `DELETE FROM user_session WHERE created_at < $1
		AND NOT EXISTS (SELECT 1 FROM session s WHERE s.token = user_session.token)`, now-3600)
	return err
}
