package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sort"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// ImportRow is one validated employee row of an import file.
type ImportRow struct {
	// Line is the row's line in the file, for error messages.
	Line int
	// Employee holds the normalised values with UnitID and PositionID
	// resolved. SupervisorSet is true when SupervisorNIP is given.
	Employee model.Employee
	// NewPosition, when not 0, is the 1-based index in
	// EmployeeImport.NewPositions of the position this row holds; it
	// replaces Employee.PositionID once the position is created.
	NewPosition int
	// SupervisorNIP is the NIP of an explicit supervisor (NIP ATASAN), who
	// must be in the database or earlier or later in the same import.
	SupervisorNIP string
}

// EmployeeImport describes one import run for ImportEmployees: rows the
// caller has validated as a whole file (pass 1 of the importer).
type EmployeeImport struct {
	// Actor is who imports, for the audit log.
	Actor model.Actor
	// DryRun classifies every row (create, update, unchanged) without
	// writing anything.
	DryRun bool
	// Provided names the employee fields the file has columns for, as
	// employeeFields names them ("nip", "name", "gelar_depan",
	// "gelar_belakang", "birth_place", "birth_date", "gender", "kind",
	// "golongan", "position_id", "unit_id", "supervisor_id", "email",
	// "phone", "status"). An existing employee keeps the stored value of a
	// field the file lacks; titles split out of the name count as provided.
	Provided map[string]bool
	// NewPositions are created before the rows (not in a dry run).
	NewPositions []model.Position
	// Next returns the next row, or nil at the end. Any order gives the
	// same result; a bulk load is fastest with the rows holding head posts
	// first (it then writes every supervisor with its row).
	Next func() (*ImportRow, error)
	// Expected is the number of rows Next will return; a large load into an
	// empty registry takes the bulk path (import_bulk.go).
	Expected int
	// Detail is the detail of the one "import.employees" audit event (file
	// name, SHA-256, row counts); the created, updated and unchanged counts
	// are added.
	Detail map[string]any
}

// BulkMinRows is the number of rows from which an import into an empty
// registry takes the bulk path.
const BulkMinRows = bulkMinRows

// ImportResult counts what an import did (or, in a dry run, would do).
type ImportResult struct {
	Created, Updated, Unchanged int
	PositionsCreated            int
	// Bulk reports whether the bulk path (empty registry) was taken.
	Bulk bool
}

// Batch sizes: rows per multi-row INSERT (19 parameters each: 9,500 < the
// 32,766 SQLite and 65,535 PostgreSQL limits), words per INSERT (3 each).
const (
	importBatch    = 500
	wordBatch      = 2000
	bulkMinRows    = 5000
	sqliteCacheKiB = 32768 // cache_size for the import connection (32 MiB; sorts use as much again)
	// sqliteBulkCacheKiB is the cache of a bulk load, which appends rows in
	// id order (few pages needed) and rebuilds indexes: a sort's memory
	// follows the cache size, and a small one is faster (SQLite sorts runs
	// that fit the processor's cache and merges them; a 20 MiB run took
	// the four employee index builds at a million rows from 4.2 s to 5.3 s).
	sqliteBulkCacheKiB = 2048
	sqliteDefCache     = -2000 // SQLite's default, restored afterwards
	employeeInsCols    = `nip, name, gelar_depan, gelar_belakang, sort_name, birth_place, birth_date,
		gender, kind, golongan, position_id, unit_id, supervisor_id, supervisor_set, email, phone, status, retirement_date, updated_at`
	employeeInsN = 19
)

// sqliteBulkThreads is the number of helper threads SQLite's sorter may
// use for a bulk load's index builds: one per core besides the
// connection's own.
func sqliteBulkThreads() int { return max(runtime.GOMAXPROCS(0)-1, 0) }

// employeeImporter carries the state of one ImportEmployees run.
type employeeImporter struct {
	s        *Store
	conn     *sql.Conn // the connection of an apply
	fkOff    bool      // SQLite's foreign keys are off: checkReferences runs before the commit
	bulk     *bulkState
	q        queryer
	imp      *EmployeeImport
	res      ImportResult
	posInfo  *posTable            // position → retirement age, head post
	retire   model.RetirementAges // the settings' retirement ages
	newPos   map[int]int64        // number of a new position (NewPosition) → its id
	empty    bool                 // the employee table was empty at the start
	now      int64
	insStmt  *sql.Stmt
	wordStmt *sql.Stmt
	words    []any
	deferred []deferredSup
	created  []idRange // ids of the employees created (ordinary path), in runs as inserted
}

type deferredSup struct {
	id     int64
	supNIP string
}

// ImportEmployees applies a stream of validated rows in one transaction:
// it creates the new positions, inserts new employees (with their search
// words and retirement date), updates existing ones (matched by NIP) whose
// fields changed through the same path as UpdateEmployee (an
// "employee.update" audit entry with the changed fields, history rows for
// position, unit, status and golongan), skips unchanged ones, derives
// supervisors once at the end and writes one "import.employees" audit
// event, which records the ids of the employees created as ranges
// (createdRanges) instead of an audit row per employee. A row without an
// explicit supervisor keeps the derived one, so re-importing the same rows
// changes nothing.
//
// Rows into an empty registry, at least BulkMinRows of them, take the bulk
// path (import_bulk.go); everything else the ordinary one (import_rows.go).
// In a dry run nothing is written; the result counts what an apply would do.
func (s *Store) ImportEmployees(ctx context.Context, imp *EmployeeImport) (*ImportResult, error) {
	ei := &employeeImporter{s: s, imp: imp, now: s.Now().Unix()}
	if imp.DryRun {
		ei.q = s.db
		if err := ei.run(ctx); err != nil {
			return nil, err
		}
		return &ei.res, nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: import: %w", err)
	}
	defer conn.Close()
	ei.conn = conn
	if s.dialect == SQLite {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", sqliteCacheKiB)); err != nil {
			return nil, err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", sqliteDefCache))
	}
	// A large load into what is now an empty registry runs with SQLite's
	// foreign keys off (they cannot change inside a transaction) and checks
	// the references once, set-based, before the commit (checkReferences),
	// as PostgreSQL's bulk load does by adding its foreign keys back: one
	// parent lookup per row and reference cost ≈ 4 s of CPU at a million
	// rows (bench/RESULTS.md, session 5).
	if s.dialect == SQLite && imp.Expected >= bulkMinRows {
		if err := conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM employee)`).Scan(&ei.fkOff); err != nil {
			return nil, fmt.Errorf("store: import: %w", err)
		}
		if ei.fkOff {
			if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
				return nil, err
			}
			defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
			// The bulk load's index builds sort on every core: SQLite's
			// sorter hands runs to helper threads (goroutines in the pure-Go
			// engine) while the connection's own thread reads on.
			if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA threads = %d", sqliteBulkThreads())); err != nil {
				return nil, err
			}
			defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA threads = 0`)
		}
	}
	if err := ei.applyTx(ctx, conn); err != nil {
		return nil, err
	}
	return &ei.res, nil
}

func (ei *employeeImporter) applyTx(ctx context.Context, conn *sql.Conn) error {
	defer ei.s.writes.Add(1)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: import: begin: %w", err)
	}
	ei.q = tx
	if ei.s.dialect == SQLite {
		if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := ei.apply(ctx, tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: import: commit: %w", err)
	}
	return nil
}

// apply creates the new positions, writes the rows by one of the two paths,
// derives supervisors and writes the audit event.
func (ei *employeeImporter) apply(ctx context.Context, tx *sql.Tx) error {
	s := ei.s
	ei.newPos = map[int]int64{}
	for i := range ei.imp.NewPositions {
		p := ei.imp.NewPositions[i]
		if err := ei.createPosition(ctx, tx, i+1, &p); err != nil {
			return err
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM employee)`).Scan(&ei.empty); err != nil {
		return err
	}
	ei.created = ei.created[:0]
	var err error
	if ei.empty && ei.imp.Expected >= bulkMinRows {
		err = ei.loadBulk(ctx, tx)
	} else {
		err = ei.writeRows(ctx, tx)
	}
	if err != nil {
		return err
	}
	if ei.fkOff {
		if err := ei.checkReferences(ctx, tx); err != nil {
			return err
		}
	}
	detail := map[string]any{}
	for k, v := range ei.imp.Detail {
		detail[k] = v
	}
	detail["created"], detail["updated"], detail["unchanged"] = ei.res.Created, ei.res.Updated, ei.res.Unchanged
	detail["positions_created"] = ei.res.PositionsCreated
	created := ei.createdRanges()
	if len(created) > 0 {
		ids := make([][2]int64, len(created))
		for i, r := range created {
			ids[i] = [2]int64{r.first, r.last}
		}
		detail["created_ids"] = ids
	}
	id, err := s.auditID(ctx, tx, ei.imp.Actor, "import.employees", "import", 0, detail)
	if err != nil {
		return err
	}
	// The employees created are audited through the event: see
	// createdRanges.
	return s.auditRange(ctx, tx, id, "employee", created)
}

// writeRows is the ordinary path: multi-row INSERTs into the indexed
// tables (ids returned by the database), updates through the same helper
// as UpdateEmployee.
func (ei *employeeImporter) writeRows(ctx context.Context, tx *sql.Tx) error {
	s := ei.s
	var err error
	ei.insStmt, err = tx.PrepareContext(ctx, insertEmployeesSQL(s.dialect, importBatch))
	if err != nil {
		return err
	}
	defer ei.insStmt.Close()
	ei.wordStmt, err = tx.PrepareContext(ctx, insertWordsSQL(s.dialect, wordBatch))
	if err != nil {
		return err
	}
	defer ei.wordStmt.Close()
	if err := ei.run(ctx); err != nil {
		return err
	}
	if err := ei.flushWords(ctx, true); err != nil {
		return err
	}
	if err := ei.resolveDeferred(ctx); err != nil {
		return err
	}
	if ei.res.Created+ei.res.Updated+ei.res.PositionsCreated > 0 {
		return s.deriveAllSupervisors(ctx, tx)
	}
	return nil
}

// createPosition creates new position number n of the import.
// The importer has validated it (type, level, head post of its unit).
func (ei *employeeImporter) createPosition(ctx context.Context, tx *sql.Tx, n int, p *model.Position) error {
	if err := ei.s.createPositionTx(ctx, tx, ei.imp.Actor, p); err != nil {
		return err
	}
	ei.newPos[n] = p.ID
	ei.res.PositionsCreated++
	if ei.posInfo != nil {
		ei.posInfo.set(p.ID, posKind{age: int32(ei.retire.Age(p.Type, p.Jenjang, p.Title)), isHead: p.IsHead, unit: p.UnitID})
	}
	return nil
}

// createdRanges returns the ids of the employees this import created as
// sorted, disjoint ranges, which the import's one "import.employees" event
// records (audit_range, and "created_ids" in its detail) so that AuditLog
// shows the event in each such employee's history. One audit row per
// created employee, as imports wrote before, cost ≈ 2.6 s and a million
// rows at a million-row import; what an employee was created with is the
// file's row, which the event names (file name and SHA-256), and every later
// change is audited on its own.
//
// The bulk path writes into an empty table holding it to itself (SQLite's
// one writer; on PostgreSQL DROP INDEX locks the table until the commit and
// the sequence is moved past the last id), so its ids from the first to the
// last row are one range (it numbers the rows one after the other). The
// ordinary path takes ids one after
// the other (SQLite: the highest id plus one; PostgreSQL: the sequence,
// where another transaction may draw ids in between), so it keeps the ids
// it was given as runs.
func (ei *employeeImporter) createdRanges() []idRange {
	if b := ei.bulk; b != nil {
		if b.maxID < b.firstID {
			return nil
		}
		return []idRange{{b.firstID, b.maxID}}
	}
	r := ei.created
	sort.Slice(r, func(i, j int) bool { return r[i].first < r[j].first })
	out := r[:0]
	for _, x := range r {
		if n := len(out); n > 0 && x.first <= out[n-1].last+1 {
			out[n-1].last = max(out[n-1].last, x.last)
			continue
		}
		out = append(out, x)
	}
	return out
}

// addCreated notes the ids of employees the ordinary path created.
func (ei *employeeImporter) addCreated(ids []int64) {
	for _, id := range ids {
		if n := len(ei.created); n > 0 && ei.created[n-1].last+1 == id {
			ei.created[n-1].last = id
			continue
		}
		ei.created = append(ei.created, idRange{id, id})
	}
}

// checkReferences does what SQLite's foreign keys would have done for the
// rows an import writes with them off: every unit and position an employee
// refers to, and every new position's unit, exists. It reads the distinct
// references from the indexes, so it runs after they are rebuilt. The
// other references of the load are made by the store itself (ids of rows
// it has just written).
func (ei *employeeImporter) checkReferences(ctx context.Context, tx *sql.Tx) error {
	for _, c := range []struct{ missing, holder, msg string }{
		{`SELECT x.id FROM (SELECT DISTINCT unit_id AS id FROM employee) x
			WHERE NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = x.id) LIMIT 1`,
			`SELECT nip FROM employee WHERE unit_id = $1 LIMIT 1`, "unit atau jabatan pegawai NIP %s tidak ada"},
		{`SELECT x.id FROM (SELECT DISTINCT position_id AS id FROM employee WHERE position_id IS NOT NULL) x
			WHERE NOT EXISTS (SELECT 1 FROM position p WHERE p.id = x.id) LIMIT 1`,
			`SELECT nip FROM employee WHERE position_id = $1 LIMIT 1`, "unit atau jabatan pegawai NIP %s tidak ada"},
	} {
		var id int64
		err := tx.QueryRowContext(ctx, c.missing).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		var holder string
		if err == nil {
			err = tx.QueryRowContext(ctx, c.holder, id).Scan(&holder)
		}
		if err != nil {
			return fmt.Errorf("store: import: references: %w", err)
		}
		return apperr.Invalid("unit", c.msg, holder)
	}
	for _, id := range ei.newPos {
		var ok bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM org_unit u JOIN position p ON p.unit_id = u.id WHERE p.id = $1)`, id).Scan(&ok); err != nil {
			return fmt.Errorf("store: import: references: %w", err)
		}
		if !ok {
			return apperr.Invalid("unit", "unit dari jabatan baru %d tidak ada", id)
		}
	}
	return nil
}
