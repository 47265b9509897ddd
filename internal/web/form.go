package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
)

// form reads the fields of a posted form: text trimmed, numbers and dates
// parsed. The first field that does not parse is kept as an invalid-field
// error with the catalogue key the caller names (later problems are
// dropped), so a handler reads all its fields and then asks Err once instead
// of checking after each.
type form struct {
	r   *http.Request
	err error
}

func newForm(r *http.Request) *form { return &form{r: r} }

// Text is the field's value without surrounding spaces.
func (f *form) Text(name string) string { return strings.TrimSpace(f.r.PostFormValue(name)) }

// Int is the field as an int; key (with args) is the error when it is not a
// number.
func (f *form) Int(name, key string, args ...any) int {
	n, err := strconv.Atoi(f.Text(name))
	if err != nil {
		f.refuse(name, key, args)
		return 0
	}
	return n
}

// Int64 is the field as an int64 (an ID); key (with args) is the error when
// it is not a number.
func (f *form) Int64(name, key string, args ...any) int64 {
	n, err := strconv.ParseInt(f.Text(name), 10, 64)
	if err != nil {
		f.refuse(name, key, args)
		return 0
	}
	return n
}

// Date is the field as a date in any form date.Parse knows, the zero time
// when empty; key is the error when it is no date, with the value typed as
// its argument.
func (f *form) Date(name, key string) time.Time {
	v := f.Text(name)
	if v == "" {
		return time.Time{}
	}
	t, err := date.Parse(v)
	if err != nil {
		f.refuse(name, key, []any{v})
		return time.Time{}
	}
	return t
}

// Err is the first field that did not parse, or nil.
func (f *form) Err() error { return f.err }

func (f *form) refuse(name, key string, args []any) {
	if f.err == nil {
		f.err = apperr.Invalid(name, key, args...)
	}
}
