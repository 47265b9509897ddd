// Package attend signs and checks the attendance QR tokens and typed codes
// (issue 13). A token binds a session, one of its days and a 30-second
// slot of the clock, signed with HMAC-SHA256 under the deployment's key
// (store.AttendanceKey), so that any node can check what any other node
// showed. A token is honoured in its own slot and the one after it: a scan
// that starts as the code rotates still counts, while a forwarded picture
// dies within a minute at most. The 6-character typed code is the same
// signature, shortened, for a phone whose camera will not read the screen.
// No I/O here: the caller passes the key and the clock.
package attend

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Slot is the life of one QR code.
const Slot = 30 * time.Second

// codeAlphabet leaves out letters and digits people confuse (0/O, 1/I/L).
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CodeLen is the length of the typed code.
const CodeLen = 6

// SlotOf is the slot number of t.
func SlotOf(t time.Time) int64 { return t.Unix() / int64(Slot/time.Second) }

func mac(key []byte, purpose string, sessionID int64, day string, slot int64) []byte {
	h := hmac.New(sha256.New, key)
	fmt.Fprintf(h, "%s|%d|%s|%d", purpose, sessionID, day, slot)
	return h.Sum(nil)
}

// Token is the signed token of session and day (ISO) for the slot of now.
// It reads "session.day.slot.signature", URL-safe.
func Token(key []byte, sessionID int64, day string, now time.Time) string {
	slot := SlotOf(now)
	sig := base64.RawURLEncoding.EncodeToString(mac(key, "qr", sessionID, day, slot)[:16])
	return fmt.Sprintf("%d.%s.%d.%s", sessionID, strings.ReplaceAll(day, "-", ""), slot, sig)
}

// Code is the typed code of session and day for the slot of now.
func Code(key []byte, sessionID int64, day string, now time.Time) string {
	return code(key, sessionID, day, SlotOf(now))
}

func code(key []byte, sessionID int64, day string, slot int64) string {
	m := mac(key, "code", sessionID, day, slot)
	var b strings.Builder
	for i := range CodeLen {
		b.WriteByte(codeAlphabet[int(m[i])%len(codeAlphabet)])
	}
	return b.String()
}

// fresh reports whether slot is the current slot of now or the one before.
func fresh(slot int64, now time.Time) bool {
	cur := SlotOf(now)
	return slot == cur || slot == cur-1
}

// Check verifies a token at now and returns the session and day it names.
// A malformed or forged token and an expired one are refused with their
// own messages (the second tells the participant to scan again).
func Check(key []byte, token string, now time.Time) (sessionID int64, day string, err error) {
	bad := apperr.New(apperr.EINVALID, "err.attend.token_invalid")
	parts := strings.Split(token, ".")
	if len(parts) != 4 || len(parts[1]) != 8 {
		return 0, "", bad
	}
	sessionID, err1 := strconv.ParseInt(parts[0], 10, 64)
	slot, err2 := strconv.ParseInt(parts[2], 10, 64)
	d, err3 := time.Parse("20060102", parts[1])
	sig, err4 := base64.RawURLEncoding.DecodeString(parts[3])
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
		return 0, "", bad
	}
	day = d.Format(time.DateOnly)
	if !hmac.Equal(sig, mac(key, "qr", sessionID, day, slot)[:16]) {
		return 0, "", bad
	}
	if !fresh(slot, now) {
		return 0, "", apperr.New(apperr.EINVALID, "err.attend.token_expired")
	}
	return sessionID, day, nil
}

// CheckCode finds which of the session's days the typed code was shown for
// at now (the current or the previous slot), case and spaces forgiven.
func CheckCode(key []byte, sessionID int64, days []string, typed string, now time.Time) (day string, err error) {
	typed = strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(typed), " ", ""))
	if len(typed) != CodeLen {
		return "", apperr.Invalid("code", "err.attend.code_invalid")
	}
	cur := SlotOf(now)
	for _, d := range days {
		for _, slot := range []int64{cur, cur - 1} {
			if hmac.Equal([]byte(typed), []byte(code(key, sessionID, d, slot))) {
				return d, nil
			}
		}
	}
	return "", apperr.Invalid("code", "err.attend.code_invalid")
}
