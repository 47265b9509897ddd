package table

import (
	"strings"
	"unicode"
)

// HeaderKey reduces a header cell to the upper-case letters and digits of
// it, so that "Tgl. Lahir", "TGL LAHIR", "tgl_lahir" and "\ufeffTgl Lahir"
// all match: case, spaces, punctuation and a byte order mark do not count.
// Every import compares headers through it.
func HeaderKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// Field is one column an import knows: its key, the header exports write,
// and the other headers agencies write. Each import keeps its own table of
// fields.
type Field struct {
	Key     string
	Header  string
	Aliases []string
}

// Lookup resolves a header (or a field key) to the key of the field it
// names: the keys and canonical headers first, then the aliases, so that an
// alias of one field never shadows the header of another.
func Lookup(fields []Field, header string) (string, bool) {
	k := HeaderKey(header)
	if k == "" {
		return "", false
	}
	for _, f := range fields {
		if HeaderKey(f.Key) == k || HeaderKey(f.Header) == k {
			return f.Key, true
		}
	}
	for _, f := range fields {
		for _, a := range f.Aliases {
			if HeaderKey(a) == k {
				return f.Key, true
			}
		}
	}
	return "", false
}

// Columns maps each field named in a header row to its column: the first
// column wins when two name the same field.
func Columns(fields []Field, row []string) map[string]int {
	col := map[string]int{}
	for i, h := range row {
		if k, ok := Lookup(fields, h); ok {
			if _, dup := col[k]; !dup {
				col[k] = i
			}
		}
	}
	return col
}
