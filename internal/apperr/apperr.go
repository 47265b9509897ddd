// Package apperr is Kompeten's application error: a code that the web UI, the
// JSON API and the CLI each map to their own form (HTTP status, exit code) in
// one place, plus a message meant for the user, carried as a catalogue key
// and its arguments so that each face shows it in its user's language.
package apperr

import (
	"errors"
	"fmt"

	"github.com/kompeten/kompeten/internal/i18n"
)

// Error codes.
const (
	EINVALID      = "invalid"      // the input breaks a rule; the message says which
	ENOTFOUND     = "not_found"    // no such record (or not visible to the caller)
	ECONFLICT     = "conflict"     // the write clashes with existing data
	EUNAUTHORIZED = "unauthorized" // not signed in
	EFORBIDDEN    = "forbidden"    // signed in, but role or scope does not allow it
	ETOOMANY      = "too_many"     // rate limited
	EINTERNAL     = "internal"     // a bug or an outage; details are logged, not shown
)

// Error is an application error with a code and a user-facing message. The
// message is not a sentence but a key of the i18n catalogues and the
// arguments of its format: it is translated only where it leaves the program
// (Text), in the language of the user it goes to.
type Error struct {
	Code  string
	Key   string // i18n catalogue key of the message
	Args  []any  // format arguments; an error, an i18n.Localized or an i18n.Key among them is translated too
	Field string // optional: the form field or column at fault
}

// Error renders the message in Indonesian, the default language: it is what
// logs and wrapped errors show.
func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Text(i18n.ID))
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Text(i18n.ID))
}

// Text returns the message in lang. A key missing from the catalogues is
// taken as an Indonesian format (the messages of code not yet moved to keys).
func (e *Error) Text(lang i18n.Lang) string {
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		if l, ok := a.(i18n.Localized); ok {
			a = l.Text(lang)
		} else if err, ok := a.(error); ok {
			var ae *Error
			if errors.As(err, &ae) {
				a = ae.Text(lang)
			} else {
				a = err.Error() // not an application error: its own words
			}
		}
		args[i] = a
	}
	if !i18n.Has(e.Key) {
		if len(args) == 0 {
			return e.Key
		}
		return fmt.Sprintf(e.Key, args...)
	}
	return i18n.T(lang, e.Key, args...)
}

// New returns an *Error with the message key and its arguments.
func New(code, key string, args ...any) *Error {
	return &Error{Code: code, Key: key, Args: args}
}

// Invalid returns an EINVALID error about one field.
func Invalid(field, key string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Key: key, Args: args}
}

// Code returns the code of the first *Error in err's chain, EINTERNAL for any
// other non-nil error, and "" for nil.
func Code(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Message returns the user-facing message of err in lang: the *Error's
// message, or a generic one for internal errors so that no internals leak.
func Message(lang i18n.Lang, err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Text(lang)
	}
	return i18n.T(lang, "err.internal")
}
