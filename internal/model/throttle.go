package model

import "time"

// ThrottleRule says how one login_throttle key paces sign-in attempts.
// blocked_until is the key's next free slot: an attempt is admitted at the
// latest next slot of its keys, and each key's next slot moves to that
// slot plus Spacing(failures). The failure count is forgiven after Forget
// without failures, or, when Leak is set, drains by one failure per Leak.
type ThrottleRule struct {
	Key     string
	Spacing func(failures int) time.Duration
	Forget  time.Duration
	Leak    time.Duration
}

// Count is the rule's failure count at now, before a new failure.
func (r ThrottleRule) Count(failures int, last, now time.Time) int {
	elapsed := max(now.Sub(last), 0) // last is a slot, which may lie ahead
	if r.Leak > 0 {
		return max(failures-int(elapsed/r.Leak), 0)
	}
	if elapsed > r.Forget {
		return 0
	}
	return failures
}

// CeilUnix is t+d in Unix seconds, rounded up so that a gap is never
// shorter than d; without a gap it is t rounded down, so that a free
// attempt never holds the next one.
func CeilUnix(t time.Time, d time.Duration) int64 {
	if d <= 0 {
		return t.Unix()
	}
	t = t.Add(d)
	if t.Nanosecond() > 0 {
		return t.Unix() + 1
	}
	return t.Unix()
}
