package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// rawTestConn is a connection to a new SQLite file, closed with the test.
func rawTestConn(t *testing.T) *sql.Conn {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "raw.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// TestRawInserterValues writes rows of every value kind through the raw
// inserter, in full batches and a tail, and reads back exactly what was
// given: text stays text (also empty, with quotes, separators, a NUL and
// multi-byte letters), integers and booleans integers, nil NULL.
func TestRawInserterValues(t *testing.T) {
	ctx := context.Background()
	conn := rawTestConn(t)
	if _, err := conn.ExecContext(ctx, `CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL UNIQUE, n INTEGER, b INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newRawInserter(ctx, conn, "t", []string{"id", "s", "n", "b"}, 7)
	if r == nil {
		t.Fatal("the engine handle of modernc.org/sqlite's connection was not found: bulk loads fall back to database/sql")
	}
	texts := []string{"", "Dr. Ahmad, S.T., M.Kom.", `say "hi"`, "a\x00b", "Siti Nurhaliza Br. Siregar", "Ñoño ÄÖÜ 日本", "x\x1fy"}
	const rows = 30 // four full batches and a tail of two
	for i := 0; i < rows; i++ {
		var n any = int64(i * 1000)
		if i%3 == 0 {
			n = nil
		}
		s := fmt.Sprintf("%d:%s", i, texts[i%len(texts)])
		if err := r.add(int64(i+1), s, n, i%2 == 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.close(); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	q, err := conn.QueryContext(ctx, `SELECT id, s, typeof(s), n, b FROM t ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	got := 0
	for q.Next() {
		var id, b int64
		var s, typ string
		var n sql.NullInt64
		if err := q.Scan(&id, &s, &typ, &n, &b); err != nil {
			t.Fatal(err)
		}
		i := int(id - 1)
		if want := fmt.Sprintf("%d:%s", i, texts[i%len(texts)]); s != want || typ != "text" {
			t.Errorf("row %d: s = %q (%s), want %q (text)", id, s, typ, want)
		}
		if n.Valid != (i%3 != 0) || (n.Valid && n.Int64 != int64(i*1000)) {
			t.Errorf("row %d: n = %v", id, n)
		}
		if (b == 1) != (i%2 == 0) {
			t.Errorf("row %d: b = %d", id, b)
		}
		got++
	}
	if got != rows {
		t.Fatalf("%d rows read back, want %d", got, rows)
	}
}

// TestRawInserterConstraint checks that a constraint failure comes back as
// the error the import turns into its conflict message, and that OR
// ROLLBACK has undone the transaction.
func TestRawInserterConstraint(t *testing.T) {
	ctx := context.Background()
	conn := rawTestConn(t)
	if _, err := conn.ExecContext(ctx, `CREATE TABLE t (nip TEXT NOT NULL UNIQUE)`); err != nil {
		t.Fatal(err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := newRawInserter(ctx, conn, "t", []string{"nip"}, 2)
	if err := r.add("198001012005011001"); err != nil {
		t.Fatal(err)
	}
	err = r.add("198001012005011001") // the batch of two runs here
	if !isUniqueViolation(err) {
		t.Fatalf("duplicate: err = %v, want a unique violation", err)
	}
	r.close()
	tx.Rollback()
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM t`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("after the failed load: %d rows (%v), want 0", n, err)
	}
}

// TestHandleOfOtherDrivers: anything but modernc.org/sqlite's connection
// is refused, so that the load falls back to database/sql.
func TestHandleOfOtherDrivers(t *testing.T) {
	type conn struct{ db uintptr }
	for _, v := range []any{nil, 42, &conn{db: 1}, "sqlite.conn"} {
		if _, ok := handleOf(v); ok {
			t.Errorf("handleOf(%T) accepted", v)
		}
	}
}

// TestRawInserterTyped: the typed calls store what add stores; a date is
// stored as dateText ("" for the zero time), and a row of the wrong width
// is refused before it reaches the engine.
func TestRawInserterTyped(t *testing.T) {
	ctx := context.Background()
	conn := rawTestConn(t)
	if _, err := conn.ExecContext(ctx, `CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL, d TEXT NOT NULL, n INTEGER)`); err != nil {
		t.Fatal(err)
	}
	r := newRawInserter(ctx, conn, "t", []string{"id", "s", "d", "n"}, 3)
	day := time.Date(1966, 1, 8, 0, 0, 0, 0, time.UTC)
	for i := int64(1); i <= 5; i++ {
		r.int(i)
		r.text(fmt.Sprint("row ", i))
		if i%2 == 0 {
			r.date(time.Time{})
			r.null()
		} else {
			r.date(day.AddDate(0, 0, int(i)))
			r.int(i * 10)
		}
		if err := r.endRow(); err != nil {
			t.Fatal(err)
		}
	}
	r.int(6)
	if err := r.endRow(); err == nil {
		t.Fatal("a row of one value for four columns was accepted")
	}
	r.discard()
	r = newRawInserter(ctx, conn, "t", []string{"id", "s", "d", "n"}, 3)
	defer r.discard()
	q, err := conn.QueryContext(ctx, `SELECT id, s, d, n FROM t ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	var got []string
	for q.Next() {
		var id int64
		var s, d string
		var n sql.NullInt64
		if err := q.Scan(&id, &s, &d, &n); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d|%s|%s|%v", id, s, d, n))
	}
	// Rows 4 and 5 were queued in a batch not yet full when the bad row
	// came; discard drops them.
	want := []string{"1|row 1|1966-01-09|{10 true}", "2|row 2||{0 false}", "3|row 3|1966-01-11|{30 true}"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("rows\n%q\nwant\n%q", got, want)
	}
}

// TestRawQuery reads rows straight from the engine: integers, text (an
// empty one as no bytes), every row once, and an SQL error as an error.
func TestRawQuery(t *testing.T) {
	ctx := context.Background()
	conn := rawTestConn(t)
	if _, err := conn.ExecContext(ctx, `CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT NOT NULL);
		INSERT INTO t VALUES (1, 'Kota Medan'), (2, ''), (3, 'Dinas Pendidikan')`); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := rawQuery(ctx, conn, `SELECT id, s FROM t ORDER BY id`, func(c rawCols) error {
		got = append(got, fmt.Sprintf("%d:%s:%v", c.int(0), c.bytes(1), c.bytes(1) == nil))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[1:Kota Medan:false 2::true 3:Dinas Pendidikan:false]"; fmt.Sprint(got) != want {
		t.Fatalf("rows %v, want %s", got, want)
	}
	if err := rawQuery(ctx, conn, `SELECT nope FROM t`, func(rawCols) error { return nil }); err == nil {
		t.Fatal("a query of a missing column gave no error")
	}
}
