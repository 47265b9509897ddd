package apperr

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

func TestCodeMessageStatus(t *testing.T) {
	wrapped := fmt.Errorf("store: create employee: %w", Invalid("nip", "NIP harus 18 digit"))
	cases := []struct {
		err    error
		code   string
		msg    string
		status int
	}{
		{nil, "", "", http.StatusOK},
		{wrapped, EINVALID, "NIP harus 18 digit", http.StatusUnprocessableEntity},
		{New(ENOTFOUND, "pegawai %d tidak ditemukan", 7), ENOTFOUND, "pegawai 7 tidak ditemukan", http.StatusNotFound},
		{New(ETOOMANY, "tunggu"), ETOOMANY, "tunggu", http.StatusTooManyRequests},
		{errors.New("disk I/O error: /var/lib/kompeten"), EINTERNAL, "terjadi kesalahan internal", http.StatusInternalServerError},
	}
	for _, c := range cases {
		if got := Code(c.err); got != c.code {
			t.Errorf("Code(%v) = %q, want %q", c.err, got, c.code)
		}
		if c.err != nil && Message(c.err) != c.msg {
			t.Errorf("Message(%v) = %q, want %q (internal details must not leak)", c.err, Message(c.err), c.msg)
		}
		if got := HTTPStatus(Code(c.err)); got != c.status {
			t.Errorf("HTTPStatus(%q) = %d, want %d", c.code, got, c.status)
		}
	}
}
