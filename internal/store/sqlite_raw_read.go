package store

import (
	"context"
	"database/sql"
	"errors"

	sqlite3 "modernc.org/sqlite/lib"
)

// errNoRaw says the connection's engine handle cannot be reached: the
// caller reads through database/sql instead.
var errNoRaw = errors.New("store: no raw SQLite handle")

// rawCols reads the columns of the current row of a raw query.
type rawCols struct {
	h    rawHandle
	stmt uintptr
}

func (c rawCols) int(i int) int64 { return sqlite3.Xsqlite3_column_int64(c.h.tls, c.stmt, int32(i)) }

// bytes is a text column as the engine holds it: valid only until the
// callback returns (copy what is kept).
func (c rawCols) bytes(i int) []byte {
	p := sqlite3.Xsqlite3_column_text(c.h.tls, c.stmt, int32(i))
	n := sqlite3.Xsqlite3_column_bytes(c.h.tls, c.stmt, int32(i))
	if p == 0 || n == 0 {
		return nil
	}
	return engineMem(p, int(n))
}

// rawQuery runs a query without parameters on the connection's engine
// handle and calls fn for every row. Reading a few hundred thousand rows
// this way skips database/sql's per-column conversions and copies (an
// import reads every position before its first row). It returns errNoRaw,
// having read nothing, when the handle cannot be reached.
func rawQuery(ctx context.Context, conn *sql.Conn, q string, fn func(rawCols) error) error {
	return conn.Raw(func(dc any) error {
		h, ok := handleOf(dc)
		if !ok {
			return errNoRaw
		}
		stmt, err := h.prepare(q)
		if err != nil {
			return err
		}
		defer sqlite3.Xsqlite3_finalize(h.tls, stmt)
		c := rawCols{h: h, stmt: stmt}
		for n := 0; ; n++ {
			if n%4096 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			switch rc := sqlite3.Xsqlite3_step(h.tls, stmt); rc {
			case sqlite3.SQLITE_ROW:
				if err := fn(c); err != nil {
					return err
				}
			case sqlite3.SQLITE_DONE:
				return nil
			default:
				return h.err(rc)
			}
		}
	})
}
