package auth

import (
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
)

// TestCheckNewPassword: what a guesser tries first is refused with the
// reason, and long unusual passwords pass, whatever their characters.
func TestCheckNewPassword(t *testing.T) {
	const user = "198001022005011003"
	cases := []struct {
		pw, key string
	}{
		{"short", "err.password.too_short"},
		{user, "err.password.is_username"},
		{"x" + user + "!", "err.password.contains_username"},
		{"1234567890", "err.password.too_simple"},
		{"0987654321", "err.password.too_simple"},
		{"7890123456", "err.password.too_simple"},
		{"qwertyuiop", "err.password.too_simple"},
		{"abcdefghijk", "err.password.too_simple"},
		{"1212121212", "err.password.too_simple"},
		{"aaaaaaaaaaaa", "err.password.too_simple"},
		{"Password2026!", "err.password.common"},
		{"p4ssw0rd1234", "err.password.common"},
		{"bismillah123", "err.password.common"},
		{"@Medan2026!!", "err.password.common"},
		{"Kompeten01234", "err.password.common"},
		{"kuda-hijau-berlari-pagi", ""},
		{"Sipirok 1978 durian", ""},
		{"kucingOren7", ""},
		{"ĉĥĵŝŭ ĝ ŭŝĵ", ""},
	}
	for _, c := range cases {
		err := CheckNewPassword(c.pw, user)
		var ae *apperr.Error
		switch {
		case c.key == "" && err != nil:
			t.Errorf("%q refused: %v", c.pw, err)
		case c.key != "" && (!errors.As(err, &ae) || ae.Key != c.key):
			t.Errorf("%q: %v, want %s", c.pw, err, c.key)
		}
	}
	// A short username is not searched for inside passwords ("ana" is in
	// many words).
	if err := CheckNewPassword("pisang-ranum-manis", "ana"); err != nil {
		t.Errorf("short username: %v", err)
	}
}
