package auth

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/store"
)

// Throttle slows password guessing, with counts kept in the database so
// that every app node shares them. Two rules apply to each attempt:
//
//   - Per (account, client): 5 free failures, then a wait of 1 s doubling up
//     to 15 minutes; forgiven after 24 hours without a failure or by a good
//     sign-in. The client is the browser's device token when it signed in to
//     this account before (see below), else the network address.
//   - Per network address: 100 free failures, draining by one every 30 s,
//     then a wait of 1 s doubling up to only 30 s. It slows one machine
//     spraying guesses over many accounts.
//
// Every attempt is counted as a failure when it starts, before the slow
// password check (Begin), and taken back when the password was right
// (Passed): parallel requests cannot all pass the check before any failure
// is counted.
//
// Shared addresses. In an OPD office every PC leaves through one NAT
// address, and behind a reverse proxy every client has the proxy's address
// (the peer address is used; no forwarding header is trusted). So a
// colleague's typing could delay someone else. Two things bound that:
//
//   - A browser that signed in to an account keeps a device token (a
//     cookie, remembered for 30 days). Attempts on that account with the
//     token are counted under the token, not the address, and skip the
//     address rule: a colleague who types your NIP wrongly at the same NAT,
//     or fails fifty times on other accounts, does not delay you in your
//     own browser. A guesser without the token still meets the per-account
//     delay (the token is HttpOnly and can only be obtained by signing in).
//   - Without a known token (a new browser, cookies cleared), the address
//     rule waits at most 30 s, and only after 100 recent failures at that
//     address.
//
// The trade-off: a guesser spraying one password over many accounts from
// one address gets, after the first 100, about one guess per 30 s (instead
// of a block growing to 15 minutes). Accounts get generated 12-character
// passwords (about 69 bits), which such spraying cannot find, and each
// account keeps its own 5-free, 15-minute rule per address.
type Throttle struct {
	St *store.Store

	lastSweep atomic.Int64 // Unix seconds of the last removal of stale rows
}

// Limits of the two rules and the device token.
const (
	pairFree     = 5
	pairMaxDelay = 15 * time.Minute
	pairForget   = 24 * time.Hour
	addrFree     = 100
	addrMaxDelay = 30 * time.Second
	addrLeak     = 30 * time.Second
	// DeviceTTL is how long a browser's sign-in to an account is remembered.
	DeviceTTL = 30 * 24 * time.Hour
)

func delayAfter(free int, maxDelay time.Duration) func(int) time.Duration {
	return func(failures int) time.Duration {
		if failures < free {
			return 0
		}
		d := time.Second << min(failures-free, 20)
		return min(d, maxDelay)
	}
}

func pairRule(username, client string) store.ThrottleRule {
	return store.ThrottleRule{Key: "u:" + strings.ToLower(username) + "|" + client,
		Block: delayAfter(pairFree, pairMaxDelay), Forget: pairForget}
}

func addrRule(addr string) store.ThrottleRule {
	return store.ThrottleRule{Key: "a:" + addr, Block: delayAfter(addrFree, addrMaxDelay), Leak: addrLeak}
}

// deviceMark is the key remembering that the browser holding device signed
// in to username.
func deviceMark(username, device string) string {
	return "k:" + TokenHash(strings.ToLower(username)+"|"+device)
}

// deviceClient is how a known device is named in a pair key.
func deviceClient(device string) string { return "d:" + TokenHash(device)[:32] }

// knownDevice reports whether the browser holding device signed in to
// username within DeviceTTL.
func (t *Throttle) knownDevice(ctx context.Context, username, device string) (bool, error) {
	if device == "" {
		return false, nil
	}
	return t.St.LoginMarkValid(ctx, deviceMark(username, device))
}

// rules returns the rules an attempt falls under.
func (t *Throttle) rules(ctx context.Context, username, addr, device string) ([]store.ThrottleRule, error) {
	known, err := t.knownDevice(ctx, username, device)
	if err != nil {
		return nil, err
	}
	if known {
		return []store.ThrottleRule{pairRule(username, deviceClient(device))}, nil
	}
	return []store.ThrottleRule{pairRule(username, addr), addrRule(addr)}, nil
}

// Begin starts a sign-in attempt of username from addr, by a browser that
// presented device ("" for none). It returns an ETOOMANY error when the
// attempt must wait; otherwise the attempt is already counted as a failure
// and stays one unless Passed is called.
func (t *Throttle) Begin(ctx context.Context, username, addr, device string) error {
	rules, err := t.rules(ctx, username, addr, device)
	if err != nil {
		return err
	}
	until, err := t.St.BeginLoginAttempt(ctx, rules)
	if err != nil {
		return err
	}
	if !until.IsZero() {
		wait := max(until.Sub(t.St.Now()).Round(time.Second), time.Second)
		return apperr.New(apperr.ETOOMANY, "err.auth.too_many_attempts", wait)
	}
	return nil
}

// Passed records that the attempt started by Begin had the right password:
// it clears the account's failures from this client, takes the attempt
// back from the address count, and remembers the browser for DeviceTTL.
// It returns the device token the browser should keep: device when given,
// else a new one.
func (t *Throttle) Passed(ctx context.Context, username, addr, device string) (string, error) {
	known, err := t.knownDevice(ctx, username, device)
	if err != nil {
		return "", err
	}
	if known {
		err = t.St.ClearLoginFailures(ctx, pairRule(username, deviceClient(device)).Key)
	} else {
		if err = t.St.ClearLoginFailures(ctx, pairRule(username, addr).Key); err == nil {
			err = t.St.UndoLoginAttempt(ctx, addrRule(addr))
		}
	}
	if err != nil {
		return "", err
	}
	if device == "" {
		device = RandomSecret(24)
	}
	now := t.St.Now()
	if err := t.St.RememberLoginMark(ctx, deviceMark(username, device), now.Add(DeviceTTL)); err != nil {
		return "", err
	}
	if last := t.lastSweep.Load(); now.Unix()-last > int64(time.Hour/time.Second) && t.lastSweep.CompareAndSwap(last, now.Unix()) {
		if err := t.St.DeleteStaleLoginThrottle(ctx, pairForget); err != nil {
			return "", err
		}
	}
	return device, nil
}
