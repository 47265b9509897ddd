package model

import (
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
)

// API token lifetimes.
const (
	DefaultTokenLifetime = 90 * 24 * time.Hour
	MaxTokenLifetime     = 365 * 24 * time.Hour
)

// APIToken is a machine client's key to the JSON API, named by its owner.
// Only its hash is stored; the token itself is shown once, when made.
type APIToken struct {
	ID       int64
	UserID   int64
	Name     string
	Created  time.Time
	Expires  time.Time
	LastUsed time.Time // zero: never used
	ReadOnly bool      // only GET and HEAD requests
}

// Validate trims the name and checks it and the expiry against now.
func (t *APIToken) Validate(now time.Time) error {
	t.Name = strings.TrimSpace(t.Name)
	switch {
	case t.Name == "":
		return apperr.Invalid("name", "err.token.name_required")
	case TooLong(t.Name, MaxShortText):
		return apperr.Invalid("name", "err.common.too_long", i18n.Key("token.name"), MaxShortText)
	case !t.Expires.After(now):
		return apperr.Invalid("expires", "err.token.expiry_past")
	case t.Expires.Sub(now) > MaxTokenLifetime+time.Minute:
		return apperr.Invalid("expires", "err.token.expiry_too_far", int(MaxTokenLifetime/(24*time.Hour)))
	}
	return nil
}

// Expired reports whether the token no longer opens the API at now.
func (t *APIToken) Expired(now time.Time) bool { return !now.Before(t.Expires) }
