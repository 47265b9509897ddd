// Package auth holds what decides who may do what: argon2id password
// hashes, the organisational scope of a user, role checks, and the sign-in
// throttle. HTTP session handling lives in package web.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: 19 MiB, two passes, one lane (the OWASP minimum
// for argon2id), 16-byte salt, 32-byte key.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns an encoded argon2id hash of password in the PHC
// string format ($argon2id$v=19$m=...,t=...,p=...$salt$key).
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches an encoded hash. It reads
// the parameters from the hash, so older hashes keep working after the
// defaults change.
func CheckPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	want, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when an account does not exist, so that the
// response time does not reveal which usernames are real.
var dummyHash, _ = HashPassword("kompeten-dummy-password")

// CheckMissing burns the same time as CheckPassword for a missing account.
func CheckMissing(password string) { CheckPassword(dummyHash, password) }

// RandomSecret returns n random bytes as URL-safe text: generated passwords
// and API tokens.
func RandomSecret(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// RandomPassword returns a readable generated password (no look-alike
// characters), for demo accounts and resets.
func RandomPassword() string {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// TokenHash is how API tokens are stored: a SHA-256, since tokens are long
// random secrets and need no slow hash.
func TokenHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// PasswordFingerprint is a short digest of an encoded password hash. A web
// session keeps the fingerprint of the hash it was opened with, so that a
// password reset (a new hash) ends every session opened before it.
func PasswordFingerprint(encoded string) string {
	h := sha256.Sum256([]byte("kompeten-session|" + encoded))
	return hex.EncodeToString(h[:8])
}
