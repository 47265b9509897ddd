package cli

import (
	"strings"
	"testing"
)

// TestErrorLanguage: the command line reports errors in KOMPETEN_LANG, else
// in the language of the locale, else in Indonesian.
func TestErrorLanguage(t *testing.T) {
	cases := []struct {
		kompetenLang, lcAll, lang string
		want                      string
	}{
		{"en", "", "", "kompeten user: name an action and a user name"},
		{"en", "id_ID.UTF-8", "", "kompeten user: name an action and a user name"},
		{"", "", "en_US.UTF-8", "kompeten user: name an action and a user name"},
		{"", "C.UTF-8", "en_US.UTF-8", "kompeten user: sebutkan aksi dan nama pengguna"}, // LC_ALL wins over LANG
		{"id", "en_GB.UTF-8", "", "kompeten user: sebutkan aksi dan nama pengguna"},
		{"", "", "", "kompeten user: sebutkan aksi dan nama pengguna"},
	}
	for _, c := range cases {
		t.Setenv("KOMPETEN_LANG", c.kompetenLang)
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", "")
		t.Setenv("LANG", c.lang)
		out, code := run(t, "user")
		if code != 1 || !strings.Contains(out, c.want) {
			t.Errorf("KOMPETEN_LANG=%q LC_ALL=%q LANG=%q: exit %d, output %q, want %q", c.kompetenLang, c.lcAll, c.lang, code, out, c.want)
		}
	}
}
