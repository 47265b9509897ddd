package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// The bulk path: rows into an empty employee table, at least BulkMinRows
// of them. The secondary indexes of employee and employee_word (and on
// PostgreSQL employee's foreign keys and the word table's primary key) are
// dropped inside the transaction and rebuilt after the load (DDL is
// transactional on both engines); the rows go in with ids the import
// numbers itself (so no RETURNING is needed, and COPY can carry them on
// PostgreSQL); the search words are sorted in memory by employee_word's
// key (bulk_words.go) and appended in that order; supervisors are written
// with the rows as far as the rows so far settle them, and the rest by id
// (settleOpen) before the indexes are rebuilt. The result is
// the ordinary path's (TestBulkPathMatchesNormalPath in the importer).

// bulkState is the bulk path's state.
type bulkState struct {
	emp     *rowSink
	words   *wordSorter
	firstID int64 // the first row's id
	maxID   int64 // the last row's id (firstID-1 while none)
	line    int   // the last row's line, for an error of the last batch
	// plan is the unit tree with each unit's head as loadHeads will find
	// it once the rows are in, as far as the rows so far tell: the first
	// (lowest id) active holder of the unit's head post. The table was
	// empty, so no one else holds one, and no acting head can be recorded
	// (acting_assignment refers to employees).
	plan *model.SupervisorPlan
	// open are the rows written without a supervisor although they may
	// get one once every row is in (inlineSupervisor returned 0).
	open []openSup
}

// openSup is a row written without its derived supervisor.
type openSup struct{ id, unit int64 }

var bulkEmployeeCols = []string{"id", "nip", "name", "gelar_depan", "gelar_belakang", "sort_name", "birth_place", "birth_date",
	"gender", "kind", "golongan", "position_id", "unit_id", "supervisor_id", "supervisor_set", "email", "phone", "status",
	"retirement_date", "updated_at"}

// loadBulk writes the rows on the bulk path.
func (ei *employeeImporter) loadBulk(ctx context.Context, tx *sql.Tx) error {
	s := ei.s
	ei.res.Bulk = true
	dropped, err := s.dropImportIndexes(ctx, tx)
	if err != nil {
		return err
	}
	if s.dialect == SQLite {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", sqliteBulkCacheKiB)); err != nil {
			return err
		}
	}
	if err := ei.startBulk(ctx, tx); err != nil {
		return err
	}
	defer ei.bulk.emp.discard()
	if err := ei.run(ctx); err != nil {
		return err
	}
	b := ei.bulk
	if err := b.emp.close(); err != nil {
		return insertErr(err, []*ImportRow{{Line: b.line}})
	}
	// The words are sorted on another core while the database derives
	// supervisors and rebuilds employee's indexes.
	sorted := b.words.sortAsync()
	defer func() { <-sorted }()
	if s.dialect == Postgres && b.maxID >= b.firstID {
		if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('employee', 'id'), $1)`, b.maxID); err != nil {
			return fmt.Errorf("store: import: ids: %w", err)
		}
	}
	if err := ei.resolveDeferred(ctx); err != nil {
		return err
	}
	// The supervisors the rows could not be written with (see
	// inlineSupervisor). The heads are known from the rows (asking the
	// database for them, with employee's indexes dropped, cost ≈ 2 s at a
	// million rows).
	if ei.res.Created+ei.res.PositionsCreated > 0 {
		if err := ei.settleOpen(ctx, tx); err != nil {
			return err
		}
	}
	if err := rebuildIndexes(ctx, tx, dropped.emp); err != nil {
		return err
	}
	<-sorted
	if err := s.writeSortedWords(ctx, ei.conn, tx, b.words); err != nil {
		return err
	}
	return rebuildIndexes(ctx, tx, dropped.words)
}

// startBulk prepares the sink and numbers the rows from the sequence's
// next value (PostgreSQL) or 1 (SQLite, whose empty table gives out 1).
func (ei *employeeImporter) startBulk(ctx context.Context, tx *sql.Tx) error {
	s := ei.s
	b := &bulkState{firstID: 1}
	var err error
	if b.plan, err = loadSupPlan(ctx, tx); err != nil {
		return err
	}
	if s.dialect == Postgres {
		if err := tx.QueryRowContext(ctx, `SELECT nextval(pg_get_serial_sequence('employee', 'id'))`).Scan(&b.firstID); err != nil {
			return fmt.Errorf("store: import: ids: %w", err)
		}
	}
	b.maxID = b.firstID - 1
	b.emp = newRowSink(ctx, s.dialect, ei.conn, tx, "employee", bulkEmployeeCols, 500)
	if s.dialect == Postgres {
		b.emp.batch = 5000
	}
	b.words = newWordSorter(ei.imp.Expected)
	ei.bulk = b
	return nil
}

// insertBulk writes new employees on the bulk path and returns their ids.
func (ei *employeeImporter) insertBulk(rows []*ImportRow) ([]int64, error) {
	b := ei.bulk
	ids := make([]int64, len(rows))
	for i, r := range rows {
		e := &r.Employee
		b.maxID++
		b.line = r.Line
		e.ID = b.maxID
		ids[i] = e.ID
		pk, _ := ei.posInfo.get(e.PositionID)
		if u := b.plan.ByID[pk.unit]; pk.isHead && e.Status == model.StatusAktif && u != nil && u.Head == 0 {
			u.Head = e.ID
		}
		if !e.SupervisorSet {
			e.SupervisorID = b.inlineSupervisor(e.UnitID, e.ID)
			if e.SupervisorID == 0 {
				b.open = append(b.open, openSup{id: e.ID, unit: e.UnitID})
			}
		}
		key, words := names.KeyAndWords(e.Name)
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

// settleOpen writes the derived supervisors of the rows written without
// one (b.open), now that every unit's head is known. With the heads handed
// on first (as the importer does) these are few (≈ 10,000 of a million
// rows, mostly the staff of units without a head), and updating them by id
// spares the pass over every row of the set-based UPDATE (≈ 1 s at a
// million rows); the rest of the rows were written with their final
// supervisor. When many rows are open (staff before their heads), that one
// pass is cheaper than finding each row, and the set-based UPDATE runs.
func (ei *employeeImporter) settleOpen(ctx context.Context, tx *sql.Tx) error {
	b := ei.bulk
	b.plan.Resolve()
	bySup := map[int64][]int64{}
	n := 0
	for _, o := range b.open {
		u := b.plan.ByID[o.unit]
		if u == nil {
			continue // checkReferences refuses the row
		}
		sup := u.Staff()
		if o.id == u.Head {
			sup = u.Above
		}
		if sup != 0 {
			bySup[sup] = append(bySup[sup], o.id)
			n++
		}
	}
	b.open = nil
	if n > int(b.maxID-b.firstID+1)/4 {
		return ei.s.applyPlan(ctx, tx, b.plan, false)
	}
	const chunk = 201 // paddedIDs' longest list
	for sup, ids := range bySup {
		for len(ids) > 0 {
			part := ids[:min(chunk, len(ids))]
			ids = ids[len(part):]
			a := args{sup}
			if _, err := tx.ExecContext(ctx, `UPDATE employee SET supervisor_id = $1 WHERE id IN (`+paddedIDs(part, &a)+`)`, a...); err != nil {
				return fmt.Errorf("store: bulk load: supervisors: %w", err)
			}
		}
	}
	return nil
}

// inlineSupervisor returns the derived supervisor of employee emp of unit
// when the rows so far settle it, else 0 (NULL: derived after the load).
// A unit's head is its first active head-post holder, so once seen it is
// final: staff of a unit with a known head get that head, and a head gets
// the head of the parent unit once that is known (the root's head none).
// Whatever is left open, settleOpen fills in after the load;
// the importer hands the rows holding head posts on first, so that little
// is.
func (b *bulkState) inlineSupervisor(unit, emp int64) int64 {
	u := b.plan.ByID[unit]
	switch {
	case u == nil || u.Head == 0:
		return 0 // the unit may still get a head
	case u.Head != emp:
		return u.Head
	}
	if p := b.plan.ByID[u.Parent]; p != nil {
		return p.Head // 0 while the parent's head is not known
	}
	return 0
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
