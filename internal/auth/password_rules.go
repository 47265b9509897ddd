package auth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Password rules for a password a person chooses.
const (
	MinPasswordLen = 10
	MaxPasswordLen = 128 // argon2id hashes any length; this bounds the work per attempt
	// minDistinct is the fewest different characters a chosen password has:
	// "1212121212" and "aaaaaaaaaa" are long and guessed first.
	minDistinct = 5
)

// CheckNewPassword tells why a chosen password is refused. Length is the
// main rule (NIST SP 800-63B: at least 10 here, no composition rules);
// beside it, what a guesser tries first is refused: the account's own
// username (for an employee, their NIP) or a password containing it, a
// keyboard, alphabet or digit run ("1234567890", "qwertyuiop"), a password
// of a few characters repeated, and a common word with digits or signs
// around it ("Password2026!", "bismillah123", "kompeten01"). The sign-in
// throttle lets about one guess in four seconds through per account, so
// these, the first few hundred guesses, must not be passwords.
func CheckNewPassword(password, username string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLen:
		return apperr.Invalid("new_password", "err.password.too_short", MinPasswordLen)
	case n > MaxPasswordLen:
		return apperr.Invalid("new_password", "err.password.too_long", MaxPasswordLen)
	}
	lower := strings.ToLower(strings.TrimSpace(password))
	user := strings.ToLower(strings.TrimSpace(username))
	switch {
	case lower == user:
		return apperr.Invalid("new_password", "err.password.is_username")
	case utf8.RuneCountInString(user) >= 4 && strings.Contains(lower, user):
		return apperr.Invalid("new_password", "err.password.contains_username")
	case distinct(lower) < minDistinct || isRun(lower):
		return apperr.Invalid("new_password", "err.password.too_simple")
	case commonWords[core(lower)]:
		return apperr.Invalid("new_password", "err.password.common")
	}
	return nil
}

// distinct counts the different characters of s.
func distinct(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

// runs are the sequences a run is taken from, forwards or backwards.
var runs = []string{"0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc"}

// isRun reports whether s is a stretch of one of the runs, forwards or
// backwards, wrapping around ("7890123456").
func isRun(s string) bool {
	for _, r := range runs {
		twice := r + r
		rev := reverse(twice)
		if strings.Contains(twice, s) || strings.Contains(rev, s) {
			return true
		}
	}
	return false
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// core is a password without the digits and signs people put around a word
// ("@Medan2026!" → "medan"), with digits that stand for letters read as
// those letters ("p4ssw0rd" → "password"), for the common-word check.
func core(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return strings.NewReplacer("0", "o", "1", "i", "3", "e", "4", "a", "5", "s", "7", "t", "@", "a", "$", "s").Replace(s)
}

// commonWords are the words a guesser at an Indonesian government office
// tries first, with digits and signs around them: the generic English ones,
// Indonesian words for password and secret, faith and endearment words,
// the country, the city, the agency and this system's own name. Written
// here from what such lists are known to hold, not copied from one.
var commonWords = map[string]bool{
	"password": true, "passw": true, "pass": true, "admin": true, "administrator": true, "welcome": true,
	"letmein": true, "qwerty": true, "iloveyou": true, "login": true, "user": true, "default": true,
	"katasandi": true, "sandi": true, "rahasia": true, "kunci": true, "masuk": true,
	"bismillah": true, "alhamdulillah": true, "sayang": true, "sayangku": true, "cinta": true, "cintaku": true,
	"indonesia": true, "merdeka": true, "garuda": true, "pancasila": true,
	"medan": true, "kotamedan": true, "pemkomedan": true, "sumut": true, "sumaterautara": true,
	"bkpsdm": true, "pegawai": true, "asn": true, "pns": true, "pppk": true,
	"kompeten": true, "kompetensi": true,
}
