package apperr

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
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
		if c.err != nil && Message(i18n.ID, c.err) != c.msg {
			t.Errorf("Message(%v) = %q, want %q (internal details must not leak)", c.err, Message(i18n.ID, c.err), c.msg)
		}
		if got := HTTPStatus(Code(c.err)); got != c.status {
			t.Errorf("HTTPStatus(%q) = %d, want %d", c.code, got, c.status)
		}
	}
}

// twoLang is a problem that carries its message in both languages.
type twoLang struct{ id, en string }

func (p twoLang) Text(lang i18n.Lang) string {
	if lang == i18n.EN {
		return p.en
	}
	return p.id
}

// TestMessageInLanguage: the same error reads in the language of whoever
// receives it, through wrapping, with errors and catalogue keys among its
// arguments translated too.
func TestMessageInLanguage(t *testing.T) {
	notFound := New(ENOTFOUND, "err.common.employee_not_found", 7)
	inner := Invalid("level", "err.common.level_1_5")
	cases := []struct {
		err    error
		id, en string
	}{
		{fmt.Errorf("web: %w", notFound), "pegawai 7 tidak ditemukan", "employee 7 not found"},
		{New(EINVALID, "err.framework.competency_no", 3, inner), "kompetensi ke-3: level harus 1 sampai 5", "competency no. 3: the level must be 1 to 5"},
		{Invalid("golongan", "err.registry.golongan_unknown", "V/a", "PNS", i18n.Key("err.registry.golongan_hint_pns")),
			`golongan "V/a" tidak dikenal untuk PNS (contoh: III/a)`, `golongan "V/a" is not valid for PNS (e.g. III/a)`},
		{New(EINVALID, "err.framework.competency_no", 2, twoLang{"kode wajib diisi", "the code is required"}),
			"kompetensi ke-2: kode wajib diisi", "competency no. 2: the code is required"},
		{errors.New("secret path"), "terjadi kesalahan internal", "an internal error occurred"},
	}
	for _, c := range cases {
		if got := Message(i18n.ID, c.err); got != c.id {
			t.Errorf("id: %q, want %q", got, c.id)
		}
		if got := Message(i18n.EN, c.err); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
	}
	var ae *Error
	if !errors.As(fmt.Errorf("outer: %w", fmt.Errorf("inner: %w", inner)), &ae) || ae.Field != "level" {
		t.Errorf("a doubly wrapped error must still be found with its field, got %+v", ae)
	}
	if got := notFound.Error(); got != "not_found: pegawai 7 tidak ditemukan" {
		t.Errorf("Error() is for logs, in Indonesian: %q", got)
	}
}
