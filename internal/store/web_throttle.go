package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"
)

// ThrottleRule says how one login_throttle key counts failures: Block gives
// the wait after the n-th failure; the count is forgiven after Forget
// without failures, or, when Leak is set, drains by one failure per Leak.
type ThrottleRule struct {
	Key    string
	Block  func(failures int) time.Duration
	Forget time.Duration
	Leak   time.Duration
}

// count is the rule's failure count at now, before a new failure.
func (r ThrottleRule) count(failures int, last, now time.Time) int {
	elapsed := now.Sub(last)
	if r.Leak > 0 {
		return max(failures-int(elapsed/r.Leak), 0)
	}
	if elapsed > r.Forget {
		return 0
	}
	return failures
}

// ceilUnix is now+d in Unix seconds, rounded up so that a block is never
// shorter than d.
func ceilUnix(now time.Time, d time.Duration) int64 {
	if d <= 0 {
		return now.Unix()
	}
	t := now.Add(d)
	if t.Nanosecond() > 0 {
		return t.Unix() + 1
	}
	return t.Unix()
}

// errThrottled ends a BeginLoginAttempt transaction without counting.
var errThrottled = errors.New("throttled")

// BeginLoginAttempt checks and counts one sign-in attempt in a single
// transaction, so that parallel attempts cannot all pass the check before
// any of them is counted. When a key is blocked at now, nothing is counted
// and the latest blocked-until time is returned. Otherwise every key
// counts the attempt as a failure (a pending one: the caller takes it back
// with UndoLoginAttempt or ClearLoginFailures when the password was right)
// and the zero time is returned. Rows are locked in key order.
func (s *Store) BeginLoginAttempt(ctx context.Context, rules []ThrottleRule) (time.Time, error) {
	rules = slices.Clone(rules)
	slices.SortFunc(rules, func(a, b ThrottleRule) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	lock := ""
	if s.dialect == Postgres {
		lock = " FOR UPDATE"
	}
	var blocked time.Time
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		type state struct{ failures, last, until int64 }
		states := make([]state, len(rules))
		for i, r := range rules {
			// Make sure the row exists, so that it can be locked: on
			// PostgreSQL a concurrent insert of the same key waits here.
			if _, err := tx.ExecContext(ctx, `INSERT INTO login_throttle (key, failures, last_failure, blocked_until)
				VALUES ($1, 0, 0, 0) ON CONFLICT (key) DO NOTHING`, r.Key); err != nil {
				return err
			}
			st := &states[i]
			if err := tx.QueryRowContext(ctx, `SELECT failures, last_failure, blocked_until FROM login_throttle WHERE key = $1`+lock,
				r.Key).Scan(&st.failures, &st.last, &st.until); err != nil {
				return err
			}
			if u := unixTime(st.until); u.After(now) && u.After(blocked) {
				blocked = u
			}
		}
		if !blocked.IsZero() {
			return errThrottled
		}
		for i, r := range rules {
			st := states[i]
			n := r.count(int(st.failures), unixTime(st.last), now) + 1
			if _, err := tx.ExecContext(ctx, `UPDATE login_throttle SET failures = $1, last_failure = $2, blocked_until = $3 WHERE key = $4`,
				n, now.Unix(), ceilUnix(now, r.Block(n)), r.Key); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errThrottled) {
		return blocked, nil
	}
	return time.Time{}, err
}

// UndoLoginAttempt takes back one attempt counted by BeginLoginAttempt on
// the rule's key (the password was right), shortening its block to what
// the lower count gives.
func (s *Store) UndoLoginAttempt(ctx context.Context, r ThrottleRule) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		lock := ""
		if s.dialect == Postgres {
			lock = " FOR UPDATE"
		}
		var failures, last, until int64
		err := tx.QueryRowContext(ctx, `SELECT failures, last_failure, blocked_until FROM login_throttle WHERE key = $1`+lock,
			r.Key).Scan(&failures, &last, &until)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		n := max(failures-1, 0)
		until = min(until, unixTime(last).Add(r.Block(int(n))).Unix())
		_, err = tx.ExecContext(ctx, `UPDATE login_throttle SET failures = $1, blocked_until = $2 WHERE key = $3`, n, until, r.Key)
		return err
	})
}

// RememberLoginMark stores a marker key valid until the given time (kept
// in blocked_until; failures stay 0), e.g. "this browser signed in to this
// account".
func (s *Store) RememberLoginMark(ctx context.Context, key string, until time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO login_throttle (key, failures, last_failure, blocked_until) VALUES ($1, 0, $2, $3)
		ON CONFLICT (key) DO UPDATE SET failures = 0, last_failure = excluded.last_failure, blocked_until = excluded.blocked_until`,
		key, s.Now().Unix(), until.Unix())
	return err
}

// LoginMarkValid reports whether a marker stored by RememberLoginMark is
// still valid.
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

// DeleteStaleLoginThrottle removes the rows that no longer matter: not
// blocked, no failure since quiet ago, and (markers) expired.
func (s *Store) DeleteStaleLoginThrottle(ctx context.Context, quiet time.Duration) error {
	now := s.Now()
	_, err := s.db.ExecContext(ctx, `DELETE FROM login_throttle WHERE blocked_until <= $1 AND last_failure < $2`,
		now.Unix(), now.Add(-quiet).Unix())
	return err
}
