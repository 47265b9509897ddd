package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// LoginAttempt is one sign-in attempt as the security audit records it.
type LoginAttempt struct {
	Username    string // as looked up (a NIP's 18 digits, or a username)
	UserID      int64  // 0 when no account has that username
	Addr        string // the peer address
	KnownDevice bool   // the browser holds a device token of a good sign-in to this account
}

// Security audit entries: entity AuditSecurity, entity ID the account
// (0 for an unknown username), actor the typed username.
const (
	AuditSecurity   = "login"
	ActionLoginOK   = "login.ok"        // right password, session started
	ActionInactive  = "login.inactive"  // right password, account switched off
	ActionLoginBad  = "login.failed"    // wrong password or unknown username
	ActionThrottled = "login.throttled" // refused before the password check: wait longer
)

// auditLogin appends a security audit entry for a.
func (s *Store) auditLogin(ctx context.Context, q queryer, action string, a LoginAttempt, wait time.Duration) error {
	detail := map[string]any{"ip": a.Addr}
	if a.KnownDevice {
		detail["device"] = true
	}
	if wait > 0 {
		detail["wait_ms"] = wait.Milliseconds()
	}
	name := a.Username
	if len(name) > 64 {
		name = name[:64] // whatever was typed, bounded
	}
	return s.audit(ctx, q, model.Actor{UserID: a.UserID, Name: "masuk:" + name}, action, AuditSecurity, a.UserID, detail)
}

// BeginLoginAttempt checks and counts one sign-in attempt in a single
// transaction, so that parallel attempts cannot all pass the check before
// any of them is counted. The attempt's slot is the latest next slot of
// its keys (now when all are free). When the slot lies more than maxHold
// ahead, nothing is counted, a login.throttled entry is written and the
// wait is returned with refused set. Otherwise every key counts the
// attempt as a failure (a pending one: the caller takes it back with
// LoginPassed) and moves its next slot on, and the wait until the slot
// (at most maxHold) is returned: the caller holds the attempt that long
// before checking the password. Rows are locked in key order.
func (s *Store) BeginLoginAttempt(ctx context.Context, rules []model.ThrottleRule, maxHold time.Duration, a LoginAttempt) (wait time.Duration, refused bool, err error) {
	rules = slices.Clone(rules)
	slices.SortFunc(rules, func(a, b model.ThrottleRule) int { return strings.Compare(a.Key, b.Key) })
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE"
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		slot := now
		type state struct{ failures, last int64 }
		states := make([]state, len(rules))
		for i, r := range rules {
			// Make sure the row exists, so that it can be locked: on
			// PostgreSQL a concurrent insert of the same key waits here.
			if _, err := tx.ExecContext(ctx, `INSERT INTO login_throttle (key, failures, last_failure, blocked_until)
				VALUES ($1, 0, 0, 0) ON CONFLICT (key) DO NOTHING`, r.Key); err != nil {
				return err
			}
			var next int64
			st := &states[i]
			if err := tx.QueryRowContext(ctx, `SELECT failures, last_failure, blocked_until FROM login_throttle WHERE key = $1`+lock,
				r.Key).Scan(&st.failures, &st.last, &next); err != nil {
				return err
			}
			if u := unixTime(next); u.After(slot) {
				slot = u
			}
		}
		wait = slot.Sub(now)
		if wait > maxHold {
			refused = true
			return s.auditLogin(ctx, tx, ActionThrottled, a, wait)
		}
		for i, r := range rules {
			st := states[i]
			n := r.Count(int(st.failures), unixTime(st.last), slot) + 1
			if _, err := tx.ExecContext(ctx, `UPDATE login_throttle SET failures = $1, last_failure = $2, blocked_until = $3 WHERE key = $4`,
				n, slot.Unix(), model.CeilUnix(slot, r.Spacing(n)), r.Key); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, false, err
	}
	return wait, refused, nil
}

// LoginFailed writes the security audit entry of an attempt whose
// password was wrong (BeginLoginAttempt already counted it).
func (s *Store) LoginFailed(ctx context.Context, a LoginAttempt, wait time.Duration) error {
	return s.auditLogin(ctx, s.db, ActionLoginBad, a, wait)
}

// LoginPassed records, in one transaction with its audit entry, that the
// attempt counted by BeginLoginAttempt had the right password: each rule
// in undo takes the attempt back (its count goes down by one and its next
// slot comes no later than the lower count gives), each key in clear is
// forgotten, and the marker mark is stored valid until markUntil (see
// RememberLoginMark). action is ActionLoginOK or ActionInactive.
func (s *Store) LoginPassed(ctx context.Context, undo []model.ThrottleRule, clear []string, mark string, markUntil time.Time,
	action string, a LoginAttempt, wait time.Duration) error {
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE"
	}
	undo = slices.Clone(undo)
	slices.SortFunc(undo, func(a, b model.ThrottleRule) int { return strings.Compare(a.Key, b.Key) })
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range undo {
			var failures, last, next int64
			err := tx.QueryRowContext(ctx, `SELECT failures, last_failure, blocked_until FROM login_throttle WHERE key = $1`+lock,
				r.Key).Scan(&failures, &last, &next)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			n := max(failures-1, 0)
			next = min(next, model.CeilUnix(unixTime(last), r.Spacing(int(n))))
			if _, err := tx.ExecContext(ctx, `UPDATE login_throttle SET failures = $1, blocked_until = $2 WHERE key = $3`,
				n, next, r.Key); err != nil {
				return err
			}
		}
		for _, k := range clear {
			if _, err := tx.ExecContext(ctx, `DELETE FROM login_throttle WHERE key = $1`, k); err != nil {
				return err
			}
		}
		if mark != "" {
			if err := rememberLoginMark(ctx, tx, mark, s.Now(), markUntil); err != nil {
				return err
			}
		}
		return s.auditLogin(ctx, tx, action, a, wait)
	})
}

// rememberLoginMark stores a marker key valid until the given time (kept
// in blocked_until; failures stay 0), e.g. "this browser signed in to this
// account".
func rememberLoginMark(ctx context.Context, q queryer, key string, now, until time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO login_throttle (key, failures, last_failure, blocked_until) VALUES ($1, 0, $2, $3)
		ON CONFLICT (key) DO UPDATE SET failures = 0, last_failure = excluded.last_failure, blocked_until = excluded.blocked_until`,
		key, now.Unix(), until.Unix())
	return err
}

// LoginMarkValid reports whether a marker stored by LoginPassed is still
// valid.
func (s *Store) LoginMarkValid(ctx context.Context, key string) (bool, error) {
	var until int64
	err := s.db.QueryRowContext(ctx, `SELECT blocked_until FROM login_throttle WHERE key = $1 AND failures = 0`, key).Scan(&until)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return unixTime(until).After(s.Now()), nil
}

// DeleteStaleLoginThrottle removes the rows that no longer matter: no
// slot ahead, no failure since quiet ago, and (markers) expired.
func (s *Store) DeleteStaleLoginThrottle(ctx context.Context, quiet time.Duration) error {
	now := s.Now()
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_throttle WHERE blocked_until <= $1 AND last_failure < $2`,
		now.Unix(), now.Add(-quiet).Unix())
	return err
}
