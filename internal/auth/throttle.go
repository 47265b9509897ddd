package auth

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Throttle paces password guessing, with its state kept in the database so
// that every app node shares it. It delays rather than refuses: each key
// below has a next free slot; an attempt is admitted at the latest slot of
// its keys and the server holds the request until then (at most MaxHold)
// before checking the password. After a key's free failures every failure
// pushes its next slot further, 1 s doubling up to MaxSpacing. Only when
// parallel attempts have booked a key's slots more than MaxHold ahead is an
// attempt refused ("try again in N seconds", the form still filled in),
// and that refusal counts nothing.
//
// Keys of an attempt on account U from address A:
//
//   - A browser holding a device token of a good sign-in to U in the last
//     DeviceTTL (an HttpOnly cookie, obtainable only by signing in) counts
//     under (U, that device) only: 5 free failures. The account and
//     address keys below do not touch it, so no guesser anywhere delays the
//     owner's own browser.
//   - Any other browser counts under
//     (U, A): 5 free failures, forgiven after 24 h without one;
//     U across all addresses: 10 free failures, forgiven after 24 h (the
//     per-account ceiling: however many addresses a botnet has, U gets at
//     most one guess per MaxSpacing once it has failed 10 times);
//     A across all accounts: 100 free failures draining by one per 30 s (a
//     machine spraying one password over many accounts).
//
// Every attempt is counted as a failure when it is admitted, before the
// slow password check, and taken back when the password was right
// (Passed): parallel requests cannot all pass the check before any failure
// is counted.
//
// Why delays, never lockouts. A guesser and the account's owner on a new
// browser behind the same office NAT (or the same reverse proxy: the peer
// address is used, no forwarding header is trusted) look alike until the
// password is checked. A refusal that grows with failures lets a colleague
// keep the owner out with a few wrong tries an hour; a delay of at most
// MaxSpacing lets the owner in a few seconds later with the right password,
// while a guesser gets at most one guess per MaxSpacing per account (900
// an hour, against generated 12-character passwords of about 69 bits).
// The server holds the request rather than asking the browser to retry so
// that the page needs no JavaScript and a single sign-in just takes a
// moment longer; the hold is bounded, so a held request costs one idle
// goroutine for a few seconds.
type Throttle struct {
	St *store.Store

	lastSweep atomic.Int64 // Unix seconds of the last removal of stale rows
}

// Limits of the rules and the device token.
const (
	// MaxSpacing is the longest gap a key puts between two attempts.
	MaxSpacing = 4 * time.Second
	// MaxHold is the longest the server holds an attempt before its
	// password check; an attempt whose slot is further away is refused.
	MaxHold = 5 * time.Second

	pairFree    = 5
	deviceFree  = 5
	accountFree = 10
	forget      = 24 * time.Hour
	addrFree    = 100
	addrLeak    = 30 * time.Second
	// DeviceTTL is how long a browser's sign-in to an account is remembered.
	DeviceTTL = 30 * 24 * time.Hour
)

// spacingAfter is the gap a key puts after its n-th failure.
func spacingAfter(free int) func(int) time.Duration {
	return func(failures int) time.Duration {
		if failures < free {
			return 0
		}
		return min(time.Second<<min(failures-free, 20), MaxSpacing)
	}
}

func user(username string) string { return strings.ToLower(username) }

func pairRule(username, addr string) model.ThrottleRule {
	return model.ThrottleRule{Key: "u:" + user(username) + "|" + addr, Spacing: spacingAfter(pairFree), Forget: forget}
}

func deviceRule(username, device string) model.ThrottleRule {
	return model.ThrottleRule{Key: "u:" + user(username) + "|d:" + TokenHash(device)[:32], Spacing: spacingAfter(deviceFree), Forget: forget}
}

func accountRule(username string) model.ThrottleRule {
	return model.ThrottleRule{Key: "n:" + user(username), Spacing: spacingAfter(accountFree), Forget: forget}
}

func addrRule(addr string) model.ThrottleRule {
	return model.ThrottleRule{Key: "a:" + addr, Spacing: spacingAfter(addrFree), Leak: addrLeak}
}

// deviceMark is the key remembering that the browser holding device signed
// in to username.
func deviceMark(username, device string) string {
	return "k:" + TokenHash(user(username)+"|"+device)
}

// Attempt is one sign-in attempt: what Begin found and Passed needs.
type Attempt struct {
	store.LoginAttempt
	Device string        // the browser's device token, "" for none
	Wait   time.Duration // how long the server must hold it before the password check
	rules  []model.ThrottleRule
}

// Begin starts a sign-in attempt on username (the account userID, 0 when
// there is none) from addr, by a browser that presented device ("" for
// none). It returns an ETOOMANY error when the attempt is refused (and
// audited as such); otherwise the attempt is counted as a failure and
// stays one unless Passed is called, and the caller must hold it for
// Attempt.Wait before checking the password.
func (t *Throttle) Begin(ctx context.Context, username string, userID int64, addr, device string) (*Attempt, error) {
	a := &Attempt{LoginAttempt: store.LoginAttempt{Username: username, UserID: userID, Addr: addr}, Device: device}
	if device != "" {
		known, err := t.St.LoginMarkValid(ctx, deviceMark(username, device))
		if err != nil {
			return nil, err
		}
		a.KnownDevice = known
	}
	if a.KnownDevice {
		a.rules = []model.ThrottleRule{deviceRule(username, device)}
	} else {
		a.rules = []model.ThrottleRule{pairRule(username, addr), accountRule(username), addrRule(addr)}
	}
	wait, refused, err := t.St.BeginLoginAttempt(ctx, a.rules, MaxHold, a.LoginAttempt)
	if err != nil {
		return nil, err
	}
	if refused {
		// Sent again after wait-MaxHold, the attempt is held at most MaxHold.
		secs := max(int((wait-MaxHold+time.Second-1)/time.Second), 1)
		return nil, apperr.New(apperr.ETOOMANY, "err.auth.too_many_attempts", secs)
	}
	a.Wait = wait
	return a, nil
}

// Failed records (in the security audit) that the attempt's password was
// wrong; Begin already counted it.
func (t *Throttle) Failed(ctx context.Context, a *Attempt) error {
	return t.St.LoginFailed(ctx, a.LoginAttempt, a.Wait)
}

// Passed records that the attempt had the right password (active: the
// account may sign in): it takes the attempt back from every count, clears
// the failures of the owner's own browser, and remembers the browser for
// DeviceTTL. It returns the device token the browser should keep: the one
// it presented (one browser may be remembered for several accounts), else
// a new one.
//
// A good sign-in takes back only its own attempt from the account and
// address counts, never a guesser's: the owner signing in during an attack
// does not reset the per-account ceiling for the attacker.
func (t *Throttle) Passed(ctx context.Context, a *Attempt, active bool) (string, error) {
	device := a.Device
	var clear []string
	if a.KnownDevice {
		clear = []string{a.rules[0].Key}
	}
	if device == "" {
		device = RandomSecret(24)
	}
	action := store.ActionLoginOK
	if !active {
		action = store.ActionInactive
	}
	now := t.St.Now()
	if err := t.St.LoginPassed(ctx, a.rules, clear, deviceMark(a.Username, device), now.Add(DeviceTTL), action, a.LoginAttempt, a.Wait); err != nil {
		return "", err
	}
	if last := t.lastSweep.Load(); now.Unix()-last > int64(time.Hour/time.Second) && t.lastSweep.CompareAndSwap(last, now.Unix()) {
		if err := t.St.DeleteStaleLoginThrottle(ctx, forget); err != nil {
			return "", err
		}
	}
	return device, nil
}
