package store

import (
	"errors"
	"strings"
)

// Packed columns: the text columns of a hot read (fifty list rows a page)
// fetched as one value. The pure-Go SQLite driver makes three calls into
// the engine for every text column of every row (its type, its text, its
// length), each taking and releasing the connection's mutex; that
// bookkeeping was a sixth of a list page's work. One value per row makes it
// three calls in all, and splitting the value in Go is cheap.

// packSep separates packed columns. Stored text does not normally hold it
// (a control character); where one does, unpack says so and the caller
// reads the page again column by column.
const packSep = "\x1f"

// errPacked says a packed value could not be split.
var errPacked = errors.New("store: packed value holds the separator")

// packed is the SQL expression joining the (NOT NULL text) columns with the
// separator, bound at marker sep so that the statement is the same on
// SQLite and PostgreSQL. concat_ws builds the value in one piece (it skips
// NULLs, which these columns never are); a chain of "||" grew it once per
// column, a seventh of an API list page's work at sixteen columns.
func packed(sep string, cols ...string) string {
	return "concat_ws(" + sep + ", " + strings.Join(cols, ", ") + ")"
}

// unpack splits v into exactly len(dst) parts; false if it holds more or
// fewer separators.
func unpack(v string, dst ...*string) bool {
	for _, d := range dst[:len(dst)-1] {
		i := strings.IndexByte(v, packSep[0])
		if i < 0 {
			return false
		}
		*d, v = v[:i], v[i+1:]
	}
	if strings.IndexByte(v, packSep[0]) >= 0 {
		return false
	}
	*dst[len(dst)-1] = v
	return true
}
