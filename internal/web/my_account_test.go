package web

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

var sessionRowID = regexp.MustCompile(`<tr id="session-([0-9a-f]+)">(.*?)</tr>`)

// otherSession returns the ID of the one listed session that is not this
// browser's.
func otherSession(t *testing.T, p page) string {
	t.Helper()
	var ids []string
	for _, m := range sessionRowID.FindAllStringSubmatch(strings.ReplaceAll(p.Body, "\n", " "), -1) {
		if !strings.Contains(m[2], "peramban ini") {
			ids = append(ids, m[1])
		}
	}
	if len(ids) != 1 {
		t.Fatalf("want one other session, got %v", ids)
	}
	return ids[0]
}

// TestMySessionsAndPasswordChange: a person sees the browsers signed in
// with their account, ends one, changes their password (which ends every
// other session but keeps this browser signed in), and is refused a wrong
// current password or a weak new one.
func TestMySessionsAndPasswordChange(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		phone, laptop := f.client(t), f.client(t)
		phone.login(nipBudi, pwBudi)
		laptop.login(nipBudi, pwBudi)

		p := laptop.get("/akun-saya")
		status(t, p, 200)
		if n := len(sessionRowID.FindAllString(strings.ReplaceAll(p.Body, "\n", " "), -1)); n != 2 {
			t.Fatalf("%d sessions listed, want 2", n)
		}
		contains(t, p, "peramban ini", `id="end-others"`)
		p = laptop.post("/akun-saya/sesi/akhiri", url.Values{"id": {otherSession(t, p)}})
		contains(t, p, "Sesi diakhiri.")
		if p := phone.get("/"); p.URL != "/masuk" {
			t.Errorf("the ended session still opens %s", p.URL)
		}
		// Another account's session cannot be named.
		status(t, laptop.post("/akun-saya/sesi/akhiri", url.Values{"id": {"00112233445566778899"}}), 404)

		for _, c := range []struct{ current, next, again, want string }{
			{"salah-sekali", "kata-sandi-baru-1", "kata-sandi-baru-1", "kata sandi saat ini salah"},
			{pwBudi, "pendek", "pendek", "paling sedikit 10 karakter"},
			{pwBudi, nipBudi, nipBudi, "tidak boleh sama dengan nama pengguna"},
			{pwBudi, "kata-sandi-baru-1", "kata-sandi-baru-2", "tidak sama"},
		} {
			p := laptop.post("/akun-saya/sandi", url.Values{"current_password": {c.current}, "new_password": {c.next}, "new_password2": {c.again}})
			status(t, p, 400)
			contains(t, p, c.want)
		}

		phone.login(nipBudi, pwBudi)
		p = laptop.post("/akun-saya/sandi", url.Values{"current_password": {pwBudi}, "new_password": {"kata-sandi-baru-1"}, "new_password2": {"kata-sandi-baru-1"}})
		status(t, p, 200)
		contains(t, p, "Kata sandi diganti")
		if p := laptop.get("/"); p.URL != "/" {
			t.Errorf("the browser that changed the password must stay signed in, got %s", p.URL)
		}
		if p := phone.get("/"); p.URL != "/masuk" {
			t.Errorf("a password change must end the other sessions, got %s", p.URL)
		}
		if p := phone.post("/masuk", url.Values{"username": {nipBudi}, "password": {pwBudi}}); p.URL == "/" {
			t.Error("the old password still signs in")
		}
		phone.login(nipBudi, "kata-sandi-baru-1")
		var n int
		must(t, st.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = 'user.update'`).Scan(&n))
		if n == 0 {
			t.Error("the password change is not audited")
		}
	})
}

// TestIdleSessionEnds: a session unused for longer than the idle timeout
// (30 minutes by default) is signed out; activity keeps it alive, and a
// read within the refresh interval writes nothing.
func TestIdleSessionEnds(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st)
	now := time.Now().UTC()
	st.Now = func() time.Time { return now }
	c := f.client(t)
	c.login(nipBudi, pwBudi)
	var before, after int
	must(t, st.DB().QueryRow(`SELECT seen_at FROM user_session`).Scan(&before))
	now = now.Add(30 * time.Second)
	c.get("/")
	must(t, st.DB().QueryRow(`SELECT seen_at FROM user_session`).Scan(&after))
	if after != before {
		t.Error("a request within the refresh interval must not write the session")
	}
	now = now.Add(4 * time.Minute) // past the 3-minute refresh: renewed
	if p := c.get("/"); p.URL != "/" {
		t.Fatalf("an active session ended: %s", p.URL)
	}
	now = now.Add(28 * time.Minute) // 32 minutes after sign-in, 28 after the last request
	if p := c.get("/"); p.URL != "/" {
		t.Fatalf("a session used 28 minutes ago ended: %s", p.URL)
	}
	now = now.Add(31 * time.Minute)
	if p := c.get("/"); p.URL != "/masuk" {
		t.Errorf("a session idle for 31 minutes must be signed out, got %s", p.URL)
	}
}

var newTokenValue = regexp.MustCompile(`<code id="new-token-value">([^<]+)</code>`)

// TestMyAPITokens: a person makes a named, read-only token on their account
// page, sees it once, finds it listed with its expiry, and revokes it.
func TestMyAPITokens(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st)
	c := f.client(t)
	c.login(nipBudi, pwBudi)
	status(t, c.post("/akun-saya/token", url.Values{"name": {" "}, "days": {"30"}}), 400)
	p := c.post("/akun-saya/token", url.Values{"name": {"rekap kinerja"}, "days": {"30"}, "read_only": {"1"}})
	status(t, p, 200)
	m := newTokenValue.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("the new token is not shown:\n%s", p.Body)
	}
	contains(t, p, "rekap kinerja", "hanya membaca", "Token API dibuat.")
	u, tok, err := st.TokenOwner(t.Context(), auth.TokenHash(m[1]))
	if err != nil || u.Username != nipBudi || !tok.ReadOnly || tok.Expires.Sub(st.Now()) > 31*24*time.Hour {
		t.Fatalf("stored token: %v %+v %v", u, tok, err)
	}
	p = c.get("/akun-saya")
	lacks(t, p, m[1])
	p = c.post("/akun-saya/token/cabut", url.Values{"id": {fmt.Sprint(tok.ID)}})
	contains(t, p, "Token API dicabut.")
	if _, _, err := st.TokenOwner(t.Context(), auth.TokenHash(m[1])); err == nil {
		t.Error("a revoked token still opens the API")
	}
	// Another person's token cannot be revoked from here.
	other := f.client(t)
	other.login("admin", pwAdmin)
	c.post("/akun-saya/token", url.Values{"name": {"kedua"}, "days": {"90"}})
	list, _ := st.APITokens(t.Context(), u.ID)
	status(t, other.post("/akun-saya/token/cabut", url.Values{"id": {fmt.Sprint(list[0].ID)}}), 404)
}

// TestDatesInCityZoneOneStyle: an instant stored in UTC late in the evening
// belongs to the next day in WIB, and every page writes dates one way
// ("7 Mei 2026"), never "06-05-2026" or "2026-05-06".
func TestDatesInCityZoneOneStyle(t *testing.T) {
	if got := (&server{loc: time.FixedZone("WIB", 7*3600)}).dateTime(i18n.ID, time.Date(2026, 5, 6, 20, 30, 0, 0, time.UTC)); got != "7 Mei 2026 03.30" {
		t.Errorf("dateTime: %q", got)
	}
	fm := funcs(time.FixedZone("WIB", 7*3600))
	date := fm["date"].(func(i18n.Lang, time.Time) string)
	if got := date(i18n.ID, time.Date(2026, 5, 6, 20, 0, 0, 0, time.UTC)); got != "7 Mei 2026" {
		t.Errorf("date of an evening instant: %q", got)
	}
	if got := fm["isoDate"].(func(i18n.Lang, string) string)(i18n.ID, "2026-01-15"); got != "15 Januari 2026" {
		t.Errorf("isoDate: %q", got)
	}
	res := assess.Resolution{Level: 2, Decided: assess.SourceSupervisor,
		Used: []assess.Contribution{{Source: assess.SourceSupervisor, Level: 2, Count: 1, At: time.Date(2026, 5, 6, 20, 0, 0, 0, time.UTC)}}}
	why := strings.Join(res.In(time.FixedZone("WIB", 7*3600)).Explain("id"), " ")
	if !strings.Contains(why, "7 Mei 2026") || strings.Contains(why, "06-05-2026") {
		t.Errorf("explanation: %s", why)
	}
}
