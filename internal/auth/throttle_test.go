package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// clock is a store clock the tests move by hand.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time      { return c.now }
func (c *clock) add(d time.Duration) { c.now = c.now.Add(d) }
func newClock(s *store.Store) *clock {
	c := &clock{time.Date(2026, 11, 22, 9, 0, 0, 5e8, time.UTC)} // mid-second: slots are whole seconds
	s.Now = c.Now
	return c
}
func refused(err error) bool             { return apperr.Code(err) == apperr.ETOOMANY }
func held(a *auth.Attempt) time.Duration { return a.Wait }

// guess is a wrong password as the web handler makes it: admitted, held
// for its wait (the clock moves on), then recorded as failed. It returns
// the attempt, or nil when it was refused.
func guess(t *testing.T, th *auth.Throttle, c *clock, username, addr, device string) *auth.Attempt {
	t.Helper()
	a, err := th.Begin(context.Background(), username, 0, addr, device)
	if refused(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if a.Wait > auth.MaxHold {
		t.Fatalf("an attempt held %v (at most %v)", a.Wait, auth.MaxHold)
	}
	c.add(a.Wait)
	if err := th.Failed(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

// signIn is the owner's right password: admitted (held at most MaxHold,
// never refused), then passed. It returns the device token and the wait.
func signIn(t *testing.T, th *auth.Throttle, c *clock, username, addr, device string) (string, time.Duration) {
	t.Helper()
	a, err := th.Begin(context.Background(), username, 7, addr, device)
	if err != nil {
		t.Fatalf("the owner's right password from %s (device %t) is refused: %v", addr, device != "", err)
	}
	if a.Wait > auth.MaxHold {
		t.Fatalf("the owner is held %v (at most %v)", a.Wait, auth.MaxHold)
	}
	c.add(a.Wait)
	tok, err := th.Passed(context.Background(), a, true)
	if err != nil {
		t.Fatal(err)
	}
	return tok, a.Wait
}

// TestThrottleOwnerNotLockedOut (issue 10, point 7): a colleague behind
// the same office address types the owner's NIP wrongly, five times and
// then a few times every hour. Before, the owner's right password from a
// new browser at that address answered 429 for minutes; now it is held a
// few seconds at most and lets them in, every hour of the day.
func TestThrottleOwnerNotLockedOut(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		c := newClock(s)
		th := &auth.Throttle{St: s}
		const office, victim = "10.20.0.1", "197005121995031002"
		for i := 0; i < 5; i++ {
			guess(t, th, c, victim, office, "")
		}
		for hour := 0; hour < 24; hour++ {
			for i := 0; i < 3; i++ {
				guess(t, th, c, victim, office, "")
			}
			signIn(t, th, c, victim, office, "") // a new browser each time
			c.add(time.Hour)
		}
	})
}

// TestThrottlePacesAGuesser: one address guessing one account gets five
// free tries, then a hold growing to MaxSpacing per try; parallel tries
// queue beyond MaxHold are refused, and nothing lets it go faster than one
// guess per MaxSpacing.
func TestThrottlePacesAGuesser(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock(s)
		th := &auth.Throttle{St: s}
		const addr, victim = "203.0.113.9", "197005121995031002"
		for i := 0; i < 5; i++ {
			if a := guess(t, th, c, victim, addr, ""); a == nil || held(a) != 0 {
				t.Fatalf("free attempt %d held or refused", i+1)
			}
		}
		// Parallel tries at one instant: each books a later slot until
		// the queue passes MaxHold.
		admitted, refusals := 0, 0
		for i := 0; i < 10; i++ {
			a, err := th.Begin(ctx, victim, 0, addr, "")
			switch {
			case refused(err):
				refusals++
			case err != nil:
				t.Fatal(err)
			default:
				admitted++
				if a.Wait == 0 || a.Wait > auth.MaxHold {
					t.Errorf("queued attempt %d held %v, want (0, %v]", i+1, a.Wait, auth.MaxHold)
				}
			}
		}
		if admitted == 0 || refusals == 0 || admitted > int(auth.MaxHold/time.Second) {
			t.Errorf("10 parallel tries: %d admitted, %d refused", admitted, refusals)
		}
		// A patient guesser for an hour: at most one guess per MaxSpacing.
		c.add(time.Minute)
		n := 0
		for end := c.now.Add(time.Hour); c.now.Before(end); {
			if guess(t, th, c, victim, addr, "") != nil {
				n++
			} else {
				c.add(time.Second)
			}
		}
		if most := int(time.Hour/auth.MaxSpacing) + 1; n > most {
			t.Errorf("%d guesses in an hour (at most %d)", n, most)
		}
		if n < int(time.Hour/auth.MaxSpacing)/2 {
			t.Errorf("only %d guesses in an hour: the delay grows beyond a few seconds", n)
		}
	})
}

// TestThrottleAccountCeiling (issue 10, point 7): before, four addresses
// guessing five times each got 20 guesses at full speed (each address had
// its own 5 free). Now the account counts across addresses: after 10
// failures every try waits, and a botnet of many addresses gets no more
// than one guess per MaxSpacing. The owner's own browser (the device
// token of a good sign-in) is not slowed by it at all; the owner on a new
// browser, when admitted, is held at most MaxHold and signs in.
func TestThrottleAccountCeiling(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock(s)
		th := &auth.Throttle{St: s}
		const victim = "197005121995031002"
		device, _ := signIn(t, th, c, victim, "10.0.0.7", "")
		c.add(time.Hour)

		unheld := 0
		for a := 0; a < 4; a++ {
			for i := 0; i < 5; i++ {
				if at := guess(t, th, c, victim, fmt.Sprintf("198.51.100.%d", a), ""); at != nil && held(at) == 0 {
					unheld++
				}
			}
		}
		if unheld > 10 {
			t.Errorf("4 addresses × 5 guesses: %d went unthrottled (the account allows 10)", unheld)
		}

		// A botnet: every second a new address tries, for ten minutes;
		// held requests wait in parallel (the clock does not wait for them).
		n := 0
		for i := 0; i < 600; i++ {
			a, err := th.Begin(ctx, victim, 0, fmt.Sprintf("100.64.%d.%d", i/250, i%250), "")
			if err == nil {
				n++
				err = th.Failed(ctx, a)
			}
			if err != nil && !refused(err) {
				t.Fatal(err)
			}
			c.add(time.Second)
			if i%60 == 30 {
				if _, wait := signIn(t, th, c, victim, "10.0.0.7", device); wait != 0 {
					t.Errorf("the owner's own browser is held %v by a botnet", wait)
				}
			}
		}
		if most := int(10*time.Minute/auth.MaxSpacing) + 2; n > most {
			t.Errorf("a botnet got %d guesses in ten minutes (the ceiling allows %d)", n, most)
		}
		// The owner on a new browser during the attack: admitted at the
		// next free slot, held at most MaxHold, and in.
		for {
			a, err := th.Begin(ctx, victim, 7, "10.0.0.8", "")
			if refused(err) {
				c.add(time.Second)
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Wait > auth.MaxHold {
				t.Fatalf("held %v", a.Wait)
			}
			if _, err := th.Passed(ctx, a, true); err != nil {
				t.Fatal(err)
			}
			break
		}
	})
}

// TestThrottleDevice: a browser that signed in is counted on its own; a
// forged or expired token counts as none; the address rule still slows a
// machine spraying one password over many accounts, by seconds only.
func TestThrottleDevice(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock(s)
		th := &auth.Throttle{St: s}
		const office, victim = "10.20.0.1", "197005121995031002"
		device, _ := signIn(t, th, c, victim, office, "")
		if device == "" {
			t.Fatal("no device token")
		}
		for i := 0; i < 20; i++ {
			guess(t, th, c, victim, office, "")
		}
		if a, err := th.Begin(ctx, victim, 7, office, device); err != nil || a.Wait != 0 || !a.KnownDevice {
			t.Errorf("the owner's browser is slowed by a colleague's guesses: %+v %v", a, err)
		}
		a, err := th.Begin(ctx, victim, 7, office, "forged-"+device)
		if err == nil && (a.KnownDevice || a.Wait == 0) {
			t.Errorf("a forged device token counts as a known device")
		}
		// Spraying one password over 300 accounts from one address.
		c.add(25 * time.Hour)
		slowed := false
		for i := 0; i < 300; i++ {
			if a := guess(t, th, c, fmt.Sprintf("19900101201001%04d", i), "198.51.100.77", ""); a == nil || a.Wait > 0 {
				slowed = true
			}
		}
		if !slowed {
			t.Error("300 guesses over as many accounts from one address went unslowed")
		}
		// The device is remembered for DeviceTTL only.
		c.add(auth.DeviceTTL + time.Hour)
		if a, err := th.Begin(ctx, victim, 7, office, device); err == nil && a.KnownDevice {
			t.Error("an expired device token still counts")
		}
	})
}
