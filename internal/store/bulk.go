package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/kompeten/kompeten/internal/date"
)

// bulkInserter batches rows into multi-row INSERT statements: one prepared
// statement for full batches, one more for the tail. Both engines parse a
// 200-row statement once and then only bind values, which is what makes
// loading a million rows a matter of seconds.
type bulkInserter struct {
	ctx   context.Context
	tx    *sql.Tx
	head  string // "INSERT INTO t (a, b, c)"
	cols  int
	batch int
	full  *sql.Stmt
	buf   []any
	// anon uses "?" markers (SQLite only): modernc looks up "$N" markers by
	// name at a cost quadratic in the statement's parameter count.
	anon bool
}

func newBulkInserter(ctx context.Context, tx *sql.Tx, table string, cols []string, batch int) *bulkInserter {
	if max := 30000 / len(cols); batch > max {
		batch = max
	}
	return &bulkInserter{ctx: ctx, tx: tx, head: "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ")",
		cols: len(cols), batch: batch, buf: make([]any, 0, batch*len(cols))}
}

func (b *bulkInserter) sql(rows int) string { return valuesSQL(b.head, rows, b.cols, b.anon) }

// valuesSQL is head ("INSERT INTO t (a, b)") with a VALUES list of rows
// rows of cols markers each: "?" when anon, else "$1", "$2", ….
func valuesSQL(head string, rows, cols int, anon bool) string {
	var sb strings.Builder
	sb.Grow(len(head) + rows*(2*cols+2) + 8)
	sb.WriteString(head)
	sb.WriteString(" VALUES ")
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				sb.WriteByte(',')
			}
			if anon {
				sb.WriteByte('?')
			} else {
				fmt.Fprintf(&sb, "$%d", n)
			}
			n++
		}
		sb.WriteByte(')')
	}
	return sb.String()
}

// add queues one row (len(vals) must equal the column count).
func (b *bulkInserter) add(vals ...any) error {
	b.buf = append(b.buf, vals...)
	if len(b.buf) == b.batch*b.cols {
		return b.flushFull()
	}
	return nil
}

func (b *bulkInserter) flushFull() error {
	if b.full == nil {
		st, err := b.tx.PrepareContext(b.ctx, b.sql(b.batch))
		if err != nil {
			return err
		}
		b.full = st
	}
	_, err := b.full.ExecContext(b.ctx, b.buf...)
	b.buf = b.buf[:0]
	return err
}

// close writes the remaining rows and releases the statement.
func (b *bulkInserter) close() error {
	defer b.discard()
	if len(b.buf) == 0 {
		return nil
	}
	_, err := b.tx.ExecContext(b.ctx, b.sql(len(b.buf)/b.cols), b.buf...)
	b.buf = b.buf[:0]
	return err
}

// discard releases the statement without writing what is queued (after a
// failure: the transaction is rolled back anyway).
func (b *bulkInserter) discard() {
	if b.full != nil {
		b.full.Close()
		b.full = nil
	}
	b.buf = b.buf[:0]
}

// rowSink writes rows of one table in bulk inside the import's transaction:
// multi-row INSERTs through database/sql on SQLite, COPY on PostgreSQL (through
// the pgx connection under the same *sql.Conn, so inside the same
// transaction).
//
// On PostgreSQL a full batch is copied on another goroutine while the next
// one is gathered, so that the server stores rows while the import
// prepares more (the server, the reader and the writer then share the two
// cores instead of taking turns). The copy holds the connection: any other
// statement of the transaction meanwhile waits for it (database/sql locks
// the connection), so nothing can interleave with a COPY.
type rowSink struct {
	ctx      context.Context
	conn     *sql.Conn
	table    string
	cols     []string
	ins      *bulkInserter // SQLite
	rows     [][]any       // PostgreSQL: queued for the next COPY
	batch    int
	inFlight chan error // PostgreSQL: the COPY under way, if any
	row      []any      // the row the typed calls gather
}

func newRowSink(ctx context.Context, d Dialect, conn *sql.Conn, tx *sql.Tx, table string, cols []string, batch int) *rowSink {
	k := &rowSink{ctx: ctx, conn: conn, table: table, cols: cols, batch: batch}
	if d == SQLite {
		k.ins = newBulkInserter(ctx, tx, table, cols, batch)
		k.ins.anon = true
		k.ins.head = d.insertVerb() + k.ins.head[len("INSERT INTO"):]
	}
	return k
}

// The typed calls gather the values of one row, endRow queues it. A NULL
// id is 0; a date is stored as dateText.
func (k *rowSink) text(s string) { k.row = append(k.row, s) }
func (k *rowSink) int(v int64)   { k.row = append(k.row, v) }
func (k *rowSink) bool(v bool)   { k.row = append(k.row, v) }

func (k *rowSink) id(v int64) {
	if v == 0 {
		k.row = append(k.row, nil)
		return
	}
	k.row = append(k.row, v)
}

func (k *rowSink) date(t time.Time) { k.row = append(k.row, date.Format(t)) }

func (k *rowSink) endRow() error {
	err := k.add(k.row...)
	k.row = k.row[:0]
	return err
}

// add queues one row; vals is copied on PostgreSQL.
func (k *rowSink) add(vals ...any) error {
	if k.ins != nil {
		return k.ins.add(vals...)
	}
	k.rows = append(k.rows, append([]any(nil), vals...))
	if len(k.rows) >= k.batch {
		if err := k.wait(); err != nil {
			return err
		}
		rows := k.rows
		k.rows = make([][]any, 0, k.batch)
		k.inFlight = make(chan error, 1)
		go func(done chan error) { done <- k.copy(rows) }(k.inFlight)
	}
	return nil
}

// wait returns the result of the COPY under way, if any.
func (k *rowSink) wait() error {
	if k.inFlight == nil {
		return nil
	}
	err := <-k.inFlight
	k.inFlight = nil
	return err
}

func (k *rowSink) copy(rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	return k.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: COPY needs a pgx connection, not %T", dc)
		}
		_, err := c.Conn().CopyFrom(k.ctx, pgx.Identifier{k.table}, k.cols, pgx.CopyFromRows(rows))
		return err
	})
}

// discard ends the sink after a failure: on SQLite its statement is
// finalised, on PostgreSQL a COPY under way is waited for, so that nothing
// of the load is left on the connection. After close it does nothing.
func (k *rowSink) discard() {
	if k.ins != nil {
		k.ins.discard()
	}
	k.wait()
	k.rows = nil
}

// close writes what is queued and waits for it.
func (k *rowSink) close() error {
	if k.ins != nil {
		return k.ins.close()
	}
	err := k.wait()
	if err == nil {
		err = k.copy(k.rows)
	}
	k.rows = nil
	return err
}
