package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestEmailLinks: an activation link is queued to the account's address
// (not to an account without one, not twice within two minutes), sets the
// password and activates the account once, and is refused after use.
func TestEmailLinks(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		now := time.Date(2026, 8, 2, 9, 0, 0, 0, time.UTC)
		c := testcity.New(t, s, testcity.WithClock(now))
		sri := c.SriUser // inactive, no address
		if sent, err := s.SendEmailLink(ctx, admin, sri.ID, store.LinkActivate, "h0", "/atur-sandi?token=t0"); err != nil || sent {
			t.Fatalf("a link to an account without an address: %v %v", sent, err)
		}
		u, _ := s.User(ctx, sri.ID)
		u.Email = "sri@pemkomedan.test"
		must(t, s.UpdateUser(ctx, admin, u))
		sent, err := s.SendEmailLink(ctx, admin, sri.ID, store.LinkActivate, "h1", "/atur-sandi?token=t1")
		must(t, err)
		again, _ := s.SendEmailLink(ctx, admin, sri.ID, store.LinkActivate, "h2", "/atur-sandi?token=t2")
		if !sent || again {
			t.Fatalf("sent %v, again at once %v", sent, again)
		}
		mails, _ := s.Mails(ctx, sri.ID)
		if len(mails) != 1 || mails[0].To != "sri@pemkomedan.test" || !strings.Contains(mails[0].Body, "http://localhost:8080/atur-sandi?token=t1") {
			t.Fatalf("queued: %+v", mails)
		}
		got, purpose, err := s.EmailLinkUser(ctx, "h1")
		must(t, err)
		if got.ID != sri.ID || purpose != store.LinkActivate {
			t.Errorf("link owner %d, purpose %s", got.ID, purpose)
		}
		used, err := s.UseEmailLink(ctx, "h1", "new-hash")
		must(t, err)
		if !used.Active || used.PasswordHash != "new-hash" {
			t.Errorf("after activation: active %v", used.Active)
		}
		if _, err := s.UseEmailLink(ctx, "h1", "other"); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("a link used twice: %v", err)
		}
		s.Now = func() time.Time { return now.Add(time.Hour) }
		sentReset, err := s.SendEmailLink(ctx, admin, sri.ID, store.LinkReset, "h3", "/atur-sandi?token=t3")
		must(t, err)
		s.Now = func() time.Time { return now.Add(2*time.Hour + time.Second) }
		if _, _, err := s.EmailLinkUser(ctx, "h3"); !sentReset || apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("a reset link after its hour: %v", err)
		}
	})
}
