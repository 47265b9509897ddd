package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
)

// SessionStore keeps web sessions in the database so that several app nodes
// can share them. It implements scs.CtxStore.
//
// Every request reads its session; a signed-in person's requests come in
// bursts, so a session read here in the last sessionTTL serves again from
// memory. Commits and deletes through this process update the copy at once;
// a sign-out on another app node is seen here within sessionTTL.
type SessionStore struct {
	s *Store
	m *cache.Cache[string, cachedSession]
}

type cachedSession struct {
	data   []byte
	expiry int64 // unix seconds
}

const (
	sessionTTL      = 2 * time.Second
	sessionCacheMax = 10000 // entries; the cache starts over when full
)

// Sessions returns the session store over s (one per Store, so that every
// user of it sees the same cached sessions).
func (s *Store) Sessions() *SessionStore { return s.sessions }

// newSessionStore returns the session store of s.
func newSessionStore(s *Store) *SessionStore {
	return &SessionStore{s: s, m: cache.New[string, cachedSession](cache.Options{Name: "sessions", TTL: sessionTTL, Max: sessionCacheMax})}
}

// FindCtx returns a live session's data.
func (ss *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	now := ss.s.Now()
	if c, ok := ss.m.Get(token); ok && c.expiry > now.Unix() {
		return c.data, true, nil
	}
	var data []byte
	var expiry int64
	err := ss.s.queryRow(ctx, `SELECT data, expiry FROM session WHERE token = $1 AND expiry > $2`, token, now.Unix()).Scan(&data, &expiry)
	if errors.Is(err, sql.ErrNoRows) {
		ss.forget(token)
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	ss.remember(token, data, expiry)
	return data, true, nil
}

func (ss *SessionStore) remember(token string, data []byte, expiry int64) {
	ss.m.Put(token, cachedSession{data: data, expiry: expiry})
}

func (ss *SessionStore) forget(token string) { ss.m.Delete(token) }

// CommitCtx saves a session.
func (ss *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	ss.forget(token)
	_, err := ss.s.db.ExecContext(ctx, `INSERT INTO session (token, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, token, b, expiry.Unix())
	if err == nil {
		ss.remember(token, append([]byte(nil), b...), expiry.Unix())
	}
	return err
}

// DeleteCtx removes a session (sign-out, a renewed token) and the record
// of who held it.
func (ss *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	ss.forget(token)
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
