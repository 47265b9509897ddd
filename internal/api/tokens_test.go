package api

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestTokensExpireReadOnlyAndRevoke: an API token works until its expiry
// and then says it expired; a read-only token reads but cannot write; the
// last use is recorded (at most hourly, so reads stay reads); a revoked
// token is unknown.
func TestTokensExpireReadOnlyAndRevoke(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		u, err := st.UserByUsername(ctx, "adminkominfo")
		if err != nil {
			t.Fatal(err)
		}
		make := func(name string, days int, readOnly bool) (string, *model.APIToken) {
			tok := auth.RandomSecret(32)
			m := &model.APIToken{UserID: u.ID, Name: name, ReadOnly: readOnly, Expires: st.Now().Add(time.Duration(days) * 24 * time.Hour)}
			if err := st.CreateAPIToken(ctx, model.Actor{Name: "test"}, m, auth.TokenHash(tok)); err != nil {
				t.Fatal(err)
			}
			return tok, m
		}
		ro, roMeta := make("laporan bulanan", 30, true)
		rw, _ := make("sinkron SIASN", 90, false)

		f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID), ro, nil).want(t, 200)
		upd := map[string]any{"name": "Siti Aminah", "gender": "P", "golongan": "III/b", "position_id": f.staffA.ID,
			"unit_id": f.unitA.ID, "nip": f.a2.NIP}
		if r := f.doLang("PUT", "/api/v1/employees/"+itoa(f.a2.ID), ro, upd, "en").want(t, 403); !strings.Contains(string(r.raw), "may only read") {
			t.Errorf("read-only write: %s", r.raw)
		}
		f.do("PUT", "/api/v1/employees/"+itoa(f.a2.ID), rw, upd).want(t, 200)

		list, err := st.APITokens(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		used := map[string]bool{}
		for _, tk := range list {
			used[tk.Name] = !tk.LastUsed.IsZero()
		}
		if !used["laporan bulanan"] || !used["sinkron SIASN"] || len(list) < 3 {
			t.Errorf("last use not recorded or token missing: %+v", list)
		}

		// 31 days on, the 30-day token has expired; the 90-day one works.
		later := testNow.Add(31 * 24 * time.Hour)
		st.Now = func() time.Time { return later }
		if r := f.doLang("GET", "/api/v1/me", ro, nil, "en").want(t, 401); !strings.Contains(string(r.raw), "expired") {
			t.Errorf("expired token: %s", r.raw)
		}
		f.do("GET", "/api/v1/me", rw, nil).want(t, 200)

		if err := st.RevokeAPIToken(ctx, model.Actor{Name: "test"}, u.ID, roMeta.ID); err != nil {
			t.Fatal(err)
		}
		if err := st.RevokeAPIToken(ctx, model.Actor{Name: "test"}, u.ID+1000, roMeta.ID); err == nil {
			t.Error("revoking another account's token must fail")
		}
		// A token without a name, or past its limits, is refused.
		for _, bad := range []*model.APIToken{
			{UserID: u.ID, Name: " ", Expires: later.Add(time.Hour)},
			{UserID: u.ID, Name: "x", Expires: later.Add(-time.Hour)},
			{UserID: u.ID, Name: "x", Expires: later.Add(400 * 24 * time.Hour)},
		} {
			if err := st.CreateAPIToken(ctx, model.Actor{}, bad, auth.TokenHash(auth.RandomSecret(32))); err == nil {
				t.Errorf("token %+v accepted", bad)
			}
		}
	})
}
