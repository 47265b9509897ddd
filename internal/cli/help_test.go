package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
)

// TestHelpAndOptionsAnywhere: -h on a command or after its first word
// lists the kinds and options and exits 0 (it was read as a file name, and
// `user create -h` made an account named "-h"); options work before or
// after the positional arguments.
func TestHelpAndOptionsAnywhere(t *testing.T) {
	t.Setenv("KOMPETEN_LANG", "id")
	db := filepath.Join(t.TempDir(), "k.db")
	for _, args := range [][]string{{"import", "-h"}, {"import", "employees", "-h"}, {"export", "-h"}} {
		out, code := run(t, args...)
		if code != 0 || !strings.Contains(out, "Jenis:") || !strings.Contains(out, "employees") || !strings.Contains(out, "-db") {
			t.Errorf("%v: %d\n%s", args, code, out)
		}
	}
	if out, code := run(t, "user", "create", "-h", "--db", db); code != 0 || !strings.Contains(out, "Penggunaan") {
		t.Errorf("user create -h: %d %s", code, out)
	}
	// Options before the positionals.
	if out, code := run(t, "user", "--db", db, "create", "operator", "--role", "admin_bkpsdm"); code != 0 || !strings.Contains(out, "operator") {
		t.Fatalf("options first: %d %s", code, out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.UserByUsername(context.Background(), "operator"); err != nil {
		t.Fatalf("the operator account: %v", err)
	}
	if _, err := st.UserByUsername(context.Background(), "-h"); err == nil {
		t.Error("user create -h made an account named -h")
	}
	st.Close()
	csv := filepath.Join(t.TempDir(), "unit.csv")
	if out, code := run(t, "export", "--db", db, "units", csv); code != 0 {
		t.Errorf("export with options first: %d %s", code, out)
	}
	if out, code := run(t, "import", "--db", db, "units", csv); code != 0 {
		t.Errorf("import with options first: %d %s", code, out)
	}
}

// TestHelpInOneLanguage: every command's -h, and the command list, speak
// the command line's language and only it: an English locale gets no
// Indonesian words and an Indonesian one no English (the flag package's own
// listing, "Usage of" and "(default …)", used to leak through).
func TestHelpInOneLanguage(t *testing.T) {
	foreign := map[string][]string{
		"en": {"Penggunaan", "Opsi", "bawaan", "berkas", "jumlah", "Perintah", "kata sandi", "basis data"},
		"id": {"Usage", "Options", "default", "Commands", "the ", "file"},
	}
	own := map[string]string{"en": "Usage", "id": "Penggunaan"}
	for lang, words := range foreign {
		t.Setenv("KOMPETEN_LANG", lang)
		calls := [][]string{{"-h"}}
		for name := range commands {
			calls = append(calls, []string{name, "-h"})
		}
		for _, args := range calls {
			out, _ := run(t, args...)
			if !strings.Contains(out, own[lang]) {
				t.Errorf("%s %v: no %q in\n%s", lang, args, own[lang], out)
			}
			for _, w := range words {
				if strings.Contains(out, w) {
					t.Errorf("%s %v: %q in\n%s", lang, args, w, out)
				}
			}
		}
	}
}
