// Package apperr is Kompeten's application error: a code that the web UI, the
// JSON API and the CLI each map to their own form (HTTP status, exit code) in
// one place, plus a message meant for the user.
package apperr

import (
	"errors"
	"fmt"
)

// Error codes.
const (
	EINVALID      = "invalid"      // the input breaks a rule; Message says which
	ENOTFOUND     = "not_found"    // no such record (or not visible to the caller)
	ECONFLICT     = "conflict"     // the write clashes with existing data
	EUNAUTHORIZED = "unauthorized" // not signed in
	EFORBIDDEN    = "forbidden"    // signed in, but role or scope does not allow it
	ETOOMANY      = "too_many"     // rate limited
	EINTERNAL     = "internal"     // a bug or an outage; details are logged, not shown
)

// Error is an application error with a code and a user-facing message.
type Error struct {
	Code    string
	Message string
	Field   string // optional: the form field or column at fault
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// New returns an *Error with a formatted message.
func New(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid returns an EINVALID error about one field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...)}
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

// Message returns the user-facing message of err: the *Error's message, or a
// generic one for internal errors so that no internals leak.
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "terjadi kesalahan internal"
}
