package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
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
