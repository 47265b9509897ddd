package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// UserSession is one signed-in browser of an account, as "my sessions"
// lists it. The session token never leaves the store: ID is a digest of it.
type UserSession struct {
	ID        string
	Created   time.Time
	Seen      time.Time // last activity, refreshed at most every few minutes
	UserAgent string
	IP        string
	token     string
}

// SessionID is the public handle of a session token (a digest: knowing it
// does not let anyone use the session).
func SessionID(token string) string {
	sum := sha256.Sum256([]byte("kompeten-session:" + token))
	return hex.EncodeToString(sum[:9])
}

// OpenUserSession records that token belongs to userID, signed in now from
// the given browser and address. Called at sign-in, before scs writes the
// session row itself.
func (s *Store) OpenUserSession(ctx context.Context, token string, userID int64, userAgent, ip string) error {
	now := s.Now().Unix()
	_, err := s.db.ExecContext(ctx, `INSERT INTO user_session (token, user_id, created_at, seen_at, user_agent, ip)
		VALUES ($1, $2, $3, $3, $4, $5) ON CONFLICT (token) DO UPDATE SET user_id = excluded.user_id, seen_at = excluded.seen_at`,
		token, userID, now, truncate(userAgent, 300), truncate(ip, 64))
	return err
}

// TouchUserSession records activity on token at the store's now.
func (s *Store) TouchUserSession(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `UPDATE user_session SET seen_at = $1 WHERE token = $2`, s.Now().Unix(), token)
	return err
}

// UserSessions lists the live sessions of userID, most recently active first.
func (s *Store) UserSessions(ctx context.Context, userID int64) ([]UserSession, error) {
	var out []UserSession
	var u UserSession
	var created, seen int64
	if err := eachRow(ctx, s.db, `SELECT us.token, us.created_at, us.seen_at, us.user_agent, us.ip
		FROM user_session us JOIN session s ON s.token = us.token
		WHERE us.user_id = $1 AND s.expiry > $2 ORDER BY us.seen_at DESC, us.created_at DESC`, []any{userID, s.Now().Unix()}, []any{&u.token, &created, &seen, &u.UserAgent, &u.IP}, func() {
		u.ID, u.Created, u.Seen = SessionID(u.token), unixTime(created), unixTime(seen)
		out = append(out, u)
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// EndUserSession ends the session of userID whose public ID is id, audited.
// An unknown ID (or another account's session) is "not found".
func (s *Store) EndUserSession(ctx context.Context, a model.Actor, userID int64, id string) error {
	list, err := s.UserSessions(ctx, userID)
	if err != nil {
		return err
	}
	for _, u := range list {
		if u.ID == id {
			return s.endSessions(ctx, a, userID, []string{u.token}, "session.end")
		}
	}
	return apperr.New(apperr.ENOTFOUND, "err.session.not_found")
}

// EndOtherUserSessions ends every session of userID except keep (the
// caller's own; "" ends all), audited. It returns how many ended.
func (s *Store) EndOtherUserSessions(ctx context.Context, a model.Actor, userID int64, keep string) (int, error) {
	var tokens []string
	var t string
	err := eachRow(ctx, s.db, `SELECT token FROM user_session WHERE user_id = $1 AND token <> $2`, []any{userID, keep}, []any{&t}, func() {
		tokens = append(tokens, t)
	})
	if err != nil || len(tokens) == 0 {
		return 0, err
	}
	return len(tokens), s.endSessions(ctx, a, userID, tokens, "session.end_others")
}

// endSessions deletes the sessions (scs's rows and ours) in one
// transaction with one audit row.
func (s *Store) endSessions(ctx context.Context, a model.Actor, userID int64, tokens []string, action string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range tokens {
			if _, err := tx.ExecContext(ctx, `DELETE FROM session WHERE token = $1`, t); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM user_session WHERE token = $1`, t); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, action, "user", userID, map[string]any{"sessions": len(tokens)})
	})
}

// truncate cuts s to at most n bytes on a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// endAllSessionsTx deletes every session of userID inside tx. Copies this
// node holds in memory expire within the session cache's two seconds, and
// the sign-in fingerprint check refuses them meanwhile.
func endAllSessionsTx(ctx context.Context, tx *sql.Tx, userID int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM session WHERE token IN (SELECT token FROM user_session WHERE user_id = $1)`, userID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM user_session WHERE user_id = $1`, userID)
	return err
}
