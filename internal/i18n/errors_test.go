package i18n

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// errKey is a message key of an error as Go code writes it.
var errKey = regexp.MustCompile(`"(err\.[a-z_]+\.[a-z0-9_]+)"`)

// TestErrorKeysExist: every error key the Go code uses is in both
// catalogues with a text, so that no user ever reads a bare key.
func TestErrorKeysExist(t *testing.T) {
	seen := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		if filepath.Dir(path) == "." { // the catalogues themselves
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range errKey.FindAllStringSubmatch(string(src), -1) {
			seen++
			for _, lang := range Langs {
				if catalogues[lang][m[1]] == "" {
					t.Errorf("%s: key %s has no %s text", path, m[1], lang)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 200 {
		t.Errorf("found only %d error keys in the code: is the walk looking in the right place?", seen)
	}
}

// verb is a fmt verb in a message.
var verb = regexp.MustCompile(`%[a-z]`)

// TestErrorArgsAgree: the Indonesian and the English text of an error take
// the same arguments in the same order, so one set of arguments fits both.
func TestErrorArgsAgree(t *testing.T) {
	for k, id := range idMessages {
		if !strings.HasPrefix(k, "err.") {
			continue
		}
		a, b := strings.Join(verb.FindAllString(id, -1), " "), strings.Join(verb.FindAllString(enMessages[k], -1), " ")
		if a != b {
			t.Errorf("%s: id takes %q, en takes %q", k, a, b)
		}
	}
}
