package attend

import (
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

var key = []byte("0123456789abcdef0123456789abcdef")

func TestToken(t *testing.T) {
	at := time.Date(2026, 8, 10, 1, 0, 10, 0, time.UTC)
	tok := Token(key, 7, "2026-08-10", at)
	cases := []struct {
		name    string
		token   string
		now     time.Time
		wantErr string
	}{
		{"same slot", tok, at, ""},
		{"next slot, a scan as the code rotates", tok, at.Add(Slot), ""},
		{"two slots on: a forwarded picture has died", tok, at.Add(2 * Slot), "err.attend.token_expired"},
		{"from the future", tok, at.Add(-Slot), "err.attend.token_expired"},
		{"another key", Token([]byte("another key"), 7, "2026-08-10", at), at, "err.attend.token_invalid"},
		{"session changed", strings.Replace(tok, "7.", "8.", 1), at, "err.attend.token_invalid"},
		{"day changed", strings.Replace(tok, "20260810", "20260811", 1), at, "err.attend.token_invalid"},
		{"slot pushed forward", bumpSlot(tok), at, "err.attend.token_invalid"},
		{"garbage", "not-a-token", at, "err.attend.token_invalid"},
		{"empty", "", at, "err.attend.token_invalid"},
	}
	for _, c := range cases {
		now := c.now
		if now.IsZero() {
			now = at
		}
		sid, day, err := Check(key, c.token, now)
		if c.wantErr == "" {
			if err != nil || sid != 7 || day != "2026-08-10" {
				t.Errorf("%s: %d %s %v", c.name, sid, day, err)
			}
			continue
		}
		if e, ok := err.(*apperr.Error); !ok || e.Key != c.wantErr {
			t.Errorf("%s: %v, want %s", c.name, err, c.wantErr)
		}
	}
}

// bumpSlot moves a token's slot one on, keeping its signature.
func bumpSlot(tok string) string {
	p := strings.Split(tok, ".")
	b := []byte(p[2])
	b[len(b)-1] = '0' + (b[len(b)-1]-'0'+1)%10
	p[2] = string(b)
	return strings.Join(p, ".")
}

func TestCode(t *testing.T) {
	at := time.Date(2026, 8, 11, 2, 0, 0, 0, time.UTC)
	days := []string{"2026-08-10", "2026-08-11", "2026-08-12"}
	c := Code(key, 7, "2026-08-11", at)
	if len(c) != CodeLen || strings.ContainsAny(c, "01OIL") {
		t.Fatalf("code %q", c)
	}
	if d, err := CheckCode(key, 7, days, " "+strings.ToLower(c)+" ", at.Add(Slot)); err != nil || d != "2026-08-11" {
		t.Errorf("typed in lower case a slot later: %s %v", d, err)
	}
	if _, err := CheckCode(key, 7, days, c, at.Add(2*Slot)); err == nil {
		t.Error("an old code was taken")
	}
	if _, err := CheckCode(key, 8, []string{"2026-08-11"}, c, at); err == nil {
		t.Error("another session's code was taken")
	}
	if _, err := CheckCode(key, 7, []string{"2026-08-10"}, c, at); err == nil {
		t.Error("a code for a day not offered was taken")
	}
}
