package store

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"strings"
	"time"
	"unsafe"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
	sqlite3 "modernc.org/sqlite/lib"
)

// rawInserter writes the rows of a bulk load straight into a prepared
// multi-row INSERT of the pure-Go SQLite engine, under the import's own
// connection and transaction. Through database/sql every value of every
// row is converted, looked up by parameter name, copied into freshly
// allocated engine memory and freed again: for a million employees that
// took ≈ 4 s of the writer's core, three times what SQLite itself needs to
// store the rows. Here the text values of a batch are gathered in one Go
// buffer, copied at once into one block of the engine's memory and bound
// where they lie (SQLITE_STATIC), and integers are bound as they are.
//
// The engine's handle is read from the driver's connection (modernc.org/
// sqlite keeps it in the unexported fields db and tls, checked by name and
// type at run time); when that fails, newRawInserter returns nil and the
// load goes through database/sql as before. Every call into the engine
// runs inside sql.Conn.Raw, so database/sql holds the connection's lock
// meanwhile.
type rawInserter struct {
	ctx   context.Context
	conn  *sql.Conn
	head  string // "INSERT OR ROLLBACK INTO t (a, b)"
	cols  int
	batch int
	full  uintptr // prepared statement of a full batch, 0 until needed
	vals  []rawVal
	buf   []byte // text values of the batch after a pad byte (the block is never empty, no text's address NULL)
}

// rawVal is one bound value: an integer, NULL, or buf[off:off+n].
type rawVal struct {
	kind rawKind
	i    int64 // the integer, or the text's offset
	n    int32
}

type rawKind uint8

const (
	rawNull rawKind = iota
	rawInt
	rawText
)

// rawHandle is the engine's connection handle under a driver connection.
type rawHandle struct {
	tls *libc.TLS
	db  uintptr
}

// handleOf reads the handle from modernc.org/sqlite's connection, or
// reports that its shape is not the one known.
func handleOf(dc any) (rawHandle, bool) {
	v := reflect.ValueOf(dc)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct || v.Type().String() != "*sqlite.conn" {
		return rawHandle{}, false
	}
	s := v.Elem()
	db, tls := s.FieldByName("db"), s.FieldByName("tls")
	if !db.IsValid() || db.Kind() != reflect.Uintptr || !tls.IsValid() || tls.Type() != reflect.TypeFor[*libc.TLS]() {
		return rawHandle{}, false
	}
	h := rawHandle{
		db:  *(*uintptr)(unsafe.Pointer(db.UnsafeAddr())),
		tls: *(**libc.TLS)(unsafe.Pointer(tls.UnsafeAddr())),
	}
	return h, h.db != 0 && h.tls != nil
}

// newRawInserter returns an inserter into table, or nil when the
// connection's engine handle cannot be reached.
func newRawInserter(ctx context.Context, conn *sql.Conn, table string, cols []string, batch int) *rawInserter {
	ok := false
	conn.Raw(func(dc any) error {
		_, ok = handleOf(dc)
		return nil
	})
	if !ok {
		return nil
	}
	if max := 30000 / len(cols); batch > max {
		batch = max
	}
	return &rawInserter{ctx: ctx, conn: conn, cols: len(cols), batch: batch,
		head: "INSERT OR ROLLBACK INTO " + table + " (" + strings.Join(cols, ", ") + ")",
		vals: make([]rawVal, 0, batch*len(cols)), buf: make([]byte, 1, 64*batch*len(cols))}
}

// The typed calls queue one value each (text, int, null, date: the stored
// form of dateText, appended without an intermediate string); endRow ends
// the row. They spare the boxing of add's values, a string each.
func (r *rawInserter) text(s string) {
	r.vals = append(r.vals, rawVal{kind: rawText, i: int64(len(r.buf)), n: int32(len(s))})
	r.buf = append(r.buf, s...)
}

func (r *rawInserter) int(v int64) { r.vals = append(r.vals, rawVal{kind: rawInt, i: v}) }

func (r *rawInserter) null() { r.vals = append(r.vals, rawVal{kind: rawNull}) }

func (r *rawInserter) date(t time.Time) {
	off := len(r.buf)
	if !t.IsZero() {
		r.buf = t.AppendFormat(r.buf, "2006-01-02")
	}
	r.vals = append(r.vals, rawVal{kind: rawText, i: int64(off), n: int32(len(r.buf) - off)})
}

// endRow ends a row of typed values and runs the batch when it is full.
func (r *rawInserter) endRow() error {
	if len(r.vals)%r.cols != 0 {
		return fmt.Errorf("store: bulk insert: a row of %d values for %d columns", len(r.vals)%r.cols, r.cols)
	}
	if len(r.vals) == r.batch*r.cols {
		return r.flush(true)
	}
	return nil
}

// add queues one row: string, int64, int, bool or nil values.
func (r *rawInserter) add(vals ...any) error {
	if len(vals) != r.cols {
		return fmt.Errorf("store: bulk insert: %d values for %d columns", len(vals), r.cols)
	}
	for _, v := range vals {
		switch x := v.(type) {
		case string:
			r.text(x)
		case int64:
			r.int(x)
		case int:
			r.int(int64(x))
		case bool:
			r.int(boolInt(x))
		case nil:
			r.null()
		default:
			return fmt.Errorf("store: bulk insert: value of type %T", v)
		}
	}
	return r.endRow()
}

// flush runs the queued rows: with the prepared full-batch statement, or
// (the tail) with one prepared for them and finalised after.
func (r *rawInserter) flush(full bool) error {
	if len(r.vals) == 0 {
		return nil
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	err := r.conn.Raw(func(dc any) error {
		h, ok := handleOf(dc)
		if !ok {
			return fmt.Errorf("store: bulk insert: the connection changed")
		}
		stmt := r.full
		if !full || stmt == 0 {
			var err error
			if stmt, err = h.prepare(valuesSQL(r.head, len(r.vals)/r.cols, r.cols, true)); err != nil {
				return err
			}
			if full {
				r.full = stmt
			} else {
				defer sqlite3.Xsqlite3_finalize(h.tls, stmt)
			}
		}
		// The text goes into the engine's own memory for the statement:
		// SQLite may then read it where it lies (SQLITE_STATIC).
		base := libc.Xmalloc(h.tls, types.Size_t(len(r.buf)))
		if base == 0 {
			return fmt.Errorf("store: bulk insert: out of memory")
		}
		defer libc.Xfree(h.tls, base)
		copy(engineMem(base, len(r.buf)), r.buf)
		// Every bind call takes the connection's (recursive) mutex; held
		// here for the batch, the calls only count up and down.
		mu := sqlite3.Xsqlite3_db_mutex(h.tls, h.db)
		sqlite3.Xsqlite3_mutex_enter(h.tls, mu)
		defer sqlite3.Xsqlite3_mutex_leave(h.tls, mu)
		for i, v := range r.vals {
			var rc int32
			switch v.kind {
			case rawText:
				rc = sqlite3.Xsqlite3_bind_text(h.tls, stmt, int32(i+1), base+uintptr(v.i), v.n, 0) // 0: SQLITE_STATIC
			case rawInt:
				rc = sqlite3.Xsqlite3_bind_int64(h.tls, stmt, int32(i+1), v.i)
			default:
				rc = sqlite3.Xsqlite3_bind_null(h.tls, stmt, int32(i+1))
			}
			if rc != sqlite3.SQLITE_OK {
				return h.err(rc)
			}
		}
		rc := sqlite3.Xsqlite3_step(h.tls, stmt)
		sqlite3.Xsqlite3_reset(h.tls, stmt)
		if rc != sqlite3.SQLITE_DONE {
			return h.err(rc)
		}
		return nil
	})
	r.vals, r.buf = r.vals[:0], r.buf[:1]
	return err
}

// close writes the remaining rows and finalises the statement.
func (r *rawInserter) close() error {
	err := r.flush(false)
	if r.full != 0 {
		r.conn.Raw(func(dc any) error {
			if h, ok := handleOf(dc); ok {
				sqlite3.Xsqlite3_finalize(h.tls, r.full)
			}
			return nil
		})
		r.full = 0
	}
	return err
}

// discard finalises the statement without writing what is queued (the
// load failed); close or discard may run twice.
func (r *rawInserter) discard() {
	r.vals, r.buf = r.vals[:0], r.buf[:1]
	r.close()
}

// prepare compiles one statement.
func (h rawHandle) prepare(q string) (uintptr, error) {
	z, err := libc.CString(q)
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(h.tls, z)
	out := libc.Xmalloc(h.tls, 8)
	if out == 0 {
		return 0, fmt.Errorf("store: bulk insert: out of memory")
	}
	defer libc.Xfree(h.tls, out)
	if rc := sqlite3.Xsqlite3_prepare_v2(h.tls, h.db, z, -1, out, 0); rc != sqlite3.SQLITE_OK {
		return 0, h.err(rc)
	}
	return *(*uintptr)(unsafe.Pointer(&engineMem(out, 8)[0])), nil
}

// engineMem is n bytes of the engine's memory at p (from libc.Xmalloc,
// outside the Go heap: the collector neither moves nor frees it). The
// address is read as a pointer through its variable, the form go vet
// accepts for memory Go did not allocate.
func engineMem(p uintptr, n int) []byte {
	return unsafe.Slice((*byte)(*(*unsafe.Pointer)(unsafe.Pointer(&p))), n)
}

// err describes a failed call as the driver would ("UNIQUE constraint
// failed: ..."), which isUniqueViolation and isForeignKeyViolation read.
func (h rawHandle) err(rc int32) error {
	return fmt.Errorf("%s (%d)", libc.GoString(sqlite3.Xsqlite3_errmsg(h.tls, h.db)), rc)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
