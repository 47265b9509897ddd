package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

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

func (k *rowSink) date(t time.Time) { k.row = append(k.row, dateText(t)) }

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

// bulkState is the bulk path's state: the import writes into an empty
// employee table with IDs it assigns itself (from the row's line, in file
// order) and, when the caller names each unit's head row, derived
// supervisors computed before the rows are written.
type bulkState struct {
	emp       *rowSink
	words     *wordSorter
	sorted    chan struct{} // closed when words are sorted
	plan      *supPlan
	inline    bool  // derived supervisors are written with the rows
	base      int64 // id = base + line
	firstID   int64 // the first row's id
	started   bool
	lastLine  int
	confirmed map[int64]bool // units whose named head row was seen
	mismatch  bool           // a row disagrees with HeadLines: derive afterwards
	maxID     int64
}

var bulkEmployeeCols = []string{"id", "nip", "name", "gelar_depan", "gelar_belakang", "sort_name", "birth_place", "birth_date",
	"gender", "kind", "golongan", "position_id", "unit_id", "supervisor_id", "supervisor_set", "email", "phone", "status",
	"retirement_date", "updated_at"}

// startBulk prepares the sinks and the supervisor plan.
func (ei *employeeImporter) startBulk(ctx context.Context, tx *sql.Tx) error {
	s := ei.s
	b := &bulkState{confirmed: map[int64]bool{}}
	p, err := loadSupPlan(ctx, tx)
	if err != nil {
		return err
	}
	b.plan = p
	for _, np := range ei.imp.NewPositions {
		if p.byID[np.UnitID] == nil { // checked here: SQLite's foreign keys may be off
			return apperr.Invalid("unit", "unit %d dari jabatan baru %s tidak ada", np.UnitID, np.Title)
		}
	}
	b.emp = newRowSink(ctx, s.dialect, ei.conn, tx, "employee", bulkEmployeeCols, 500)
	if s.dialect == Postgres {
		b.emp.batch = 5000
	}
	b.words = newWordSorter(ei.imp.Expected)
	ei.bulk = b
	return nil
}

// firstRow fixes the id base from the first row's line and, for inline
// supervisors, the heads' ids. HeadLines is read here, not before: the
// caller may set it until Next hands out the first row.
func (ei *employeeImporter) firstRow(ctx context.Context, line int) error {
	b := ei.bulk
	if ei.imp.HeadLines != nil {
		var acting bool
		if err := ei.q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM acting_assignment)`).Scan(&acting); err != nil {
			return err
		}
		b.inline = !acting
	}
	start := int64(1)
	if ei.s.dialect == Postgres {
		if err := ei.q.QueryRowContext(ctx, `SELECT nextval(pg_get_serial_sequence('employee', 'id'))`).Scan(&start); err != nil {
			return fmt.Errorf("store: import: ids: %w", err)
		}
	}
	b.base = start - int64(line)
	b.firstID = start
	if b.inline {
		for unit, l := range ei.imp.HeadLines {
			if u := b.plan.byID[unit]; u != nil {
				u.head = b.base + int64(l)
			}
		}
		b.plan.resolve()
	}
	b.started = true
	return nil
}

// insertBulk writes new employees on the bulk path and returns their ids.
func (ei *employeeImporter) insertBulk(ctx context.Context, rows []*ImportRow) ([]int64, error) {
	b := ei.bulk
	ids := make([]int64, len(rows))
	for i, r := range rows {
		if !b.started {
			if err := ei.firstRow(ctx, r.Line); err != nil {
				return nil, err
			}
		} else if r.Line <= b.lastLine {
			return nil, fmt.Errorf("store: import: line %d after line %d", r.Line, b.lastLine)
		}
		b.lastLine = r.Line
		e := &r.Employee
		e.ID = b.base + int64(r.Line)
		ids[i] = e.ID
		b.maxID = e.ID
		// The references, checked here (see ImportEmployees).
		pk, ok := ei.posInfo.get(e.PositionID)
		if (e.PositionID != 0 && !ok) || b.plan.byID[e.UnitID] == nil {
			return nil, apperr.Invalid("unit", "unit atau jabatan pada baris %d tidak ada", r.Line)
		}
		if b.inline && pk.isHead && e.Status == model.StatusAktif {
			switch l := ei.imp.HeadLines[pk.unit]; {
			case l == r.Line:
				b.confirmed[pk.unit] = true
			case l == 0 || l > r.Line:
				b.mismatch = true
			}
		}
		if !e.SupervisorSet && b.inline {
			e.SupervisorID = b.plan.supervisor(e.UnitID, e.ID)
		}
		key, words := r.SortKey, r.Words
		if words == nil {
			key, words = names.KeyAndWords(e.Name)
		}
		k := b.emp // the columns of bulkEmployeeCols, in order
		k.int(e.ID)
		k.text(e.NIP)
		k.text(e.Name)
		k.text(e.GelarDepan)
		k.text(e.GelarBelakang)
		k.text(key)
		k.text(e.BirthPlace)
		k.date(e.BirthDate)
		k.text(string(e.Gender))
		k.text(string(e.Kind))
		k.text(e.Golongan)
		k.id(e.PositionID)
		k.int(e.UnitID)
		k.id(e.SupervisorID)
		k.bool(e.SupervisorSet)
		k.text(e.Email)
		k.text(e.Phone)
		k.text(string(e.Status))
		k.date(model.RetirementDate(e.BirthDate, ei.retireAge(pk, e.PositionID)))
		k.int(ei.now)
		if err := k.endRow(); err != nil {
			return nil, insertErr(err, rows)
		}
		b.words.add(e.ID, key, words)
	}
	return ids, nil
}

// finishBulk writes the rows still queued, starts sorting the search words
// (on another goroutine: the database meanwhile rebuilds employee's
// indexes; writeBulkWords waits for it) and reports whether supervisors
// must be derived after the load.
func (ei *employeeImporter) finishBulk(ctx context.Context, tx *sql.Tx) (deriveAfter bool, err error) {
	b := ei.bulk
	if err := b.emp.close(); err != nil {
		return false, insertErr(err, []*ImportRow{{Line: b.lastLine}})
	}
	b.sorted = b.words.sortAsync()
	if ei.s.dialect == Postgres && b.started {
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('employee', 'id'), $1)`, b.maxID); err != nil {
			return false, fmt.Errorf("store: import: ids: %w", err)
		}
	}
	if b.inline && !b.mismatch {
		for unit := range ei.imp.HeadLines {
			if !b.confirmed[unit] && b.plan.byID[unit] != nil {
				b.mismatch = true
				break
			}
		}
	}
	return !b.inline || b.mismatch, nil
}

// writeBulkWords appends the sorted search words to employee_word.
func (ei *employeeImporter) writeBulkWords(ctx context.Context, tx *sql.Tx) error {
	b := ei.bulk
	<-b.sorted
	return ei.s.writeSortedWords(ctx, ei.conn, tx, b.words)
}

// writeSortedWords writes the words of a sorted wordSorter to employee_word,
// whose key is their order: each row is appended at the end of the B-tree
// (SQLite) or of the heap whose primary key is built afterwards by one sort
// of already ordered rows (PostgreSQL).
func (s *Store) writeSortedWords(ctx context.Context, conn *sql.Conn, tx *sql.Tx, w *wordSorter) error {
	batch := 2000
	if s.dialect == Postgres {
		batch = 20000
	}
	k := newRowSink(ctx, s.dialect, conn, tx, "employee_word", []string{"word", "sort_name", "employee_id"}, batch)
	defer k.discard()
	err := w.each(func(word, key string, id int64) error {
		k.text(word)
		k.text(key)
		k.int(id)
		return k.endRow()
	})
	if err == nil {
		err = k.close()
	}
	if err != nil {
		return fmt.Errorf("store: bulk load: search words: %w", err)
	}
	return nil
}
