package auth

import (
	"context"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/store"
)

// Throttle slows password guessing. Failures are counted per (account,
// client address) pair and per client address. A pair is delayed after 5
// failures, doubling up to 15 minutes; an address after 50 failures on any
// accounts. Nobody can lock a colleague out by typing their NIP wrongly from
// another machine: the colleague's own address keeps its own count, and a
// good sign-in clears it.
type Throttle struct {
	St *store.Store
}

const (
	pairFree = 5
	addrFree = 50
	maxDelay = 15 * time.Minute
)

func delayAfter(free int) func(int) time.Duration {
	return func(failures int) time.Duration {
		if failures < free {
			return 0
		}
		d := time.Second << min(failures-free, 20)
		return min(d, maxDelay)
	}
}

func pairKey(username, addr string) string { return "u:" + strings.ToLower(username) + "|" + addr }
func addrKey(addr string) string           { return "a:" + addr }

// Check returns an ETOOMANY error when username from addr must wait.
func (t *Throttle) Check(ctx context.Context, username, addr string) error {
	now := t.St.Now()
	for _, key := range []string{pairKey(username, addr), addrKey(addr)} {
		th, err := t.St.LoginThrottle(ctx, key)
		if err != nil {
			return err
		}
		if th.BlockedUntil.After(now) {
			wait := th.BlockedUntil.Sub(now).Round(time.Second)
			return apperr.New(apperr.ETOOMANY, "terlalu banyak percobaan masuk yang gagal; coba lagi dalam %s", wait)
		}
	}
	return nil
}

// Failed records a failed sign-in.
func (t *Throttle) Failed(ctx context.Context, username, addr string) error {
	if err := t.St.RecordLoginFailure(ctx, pairKey(username, addr), delayAfter(pairFree)); err != nil {
		return err
	}
	return t.St.RecordLoginFailure(ctx, addrKey(addr), delayAfter(addrFree))
}

// Succeeded clears the pair's failures.
func (t *Throttle) Succeeded(ctx context.Context, username, addr string) error {
	return t.St.ClearLoginFailures(ctx, pairKey(username, addr))
}
