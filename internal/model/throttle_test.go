package model

import (
	"testing"
	"time"
)

func TestThrottleCountForgetsOrLeaks(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	forget := ThrottleRule{Forget: 10 * time.Minute}
	leak := ThrottleRule{Leak: time.Minute}
	for _, c := range []struct {
		name     string
		r        ThrottleRule
		failures int
		ago      time.Duration
		want     int
	}{
		{"kept within Forget", forget, 5, 10 * time.Minute, 5},
		{"forgiven after Forget", forget, 5, 10*time.Minute + time.Second, 0},
		{"a slot ahead counts as now", forget, 5, -time.Hour, 5},
		{"drains one per Leak", leak, 5, 3*time.Minute + 59*time.Second, 2},
		{"drains to zero, not below", leak, 2, time.Hour, 0},
	} {
		if got := c.r.Count(c.failures, now.Add(-c.ago), now); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

func TestCeilUnixNeverShortensAGap(t *testing.T) {
	at := time.Unix(100, 400_000_000)
	for _, c := range []struct {
		d    time.Duration
		want int64
	}{{0, 100}, {-time.Second, 100}, {time.Second, 102}, {600 * time.Millisecond, 101}} {
		if got := CeilUnix(at, c.d); got != c.want {
			t.Errorf("%v: %d, want %d", c.d, got, c.want)
		}
	}
}
