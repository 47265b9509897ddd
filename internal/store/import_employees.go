package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
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
	// Position, in a streamed import (EmployeeImport.Stream), is the new
	// position numbered NewPosition, given with the first row that holds
	// it: the store creates it then.
	Position *model.Position
	// SortKey and Words, when Words is not nil, are names.KeyAndWords of
	// Employee.Name, worked out by the caller (a one-pass import does it
	// on the reading core, the writing core being the busier one).
	SortKey string
	Words   []string
}

// EmployeeImport describes one import run for ImportEmployees.
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
	// Next returns the next row, or nil at the end.
	Next func() (*ImportRow, error)
	// Expected is the number of rows Next will return; a large load into an
	// empty registry takes the bulk path (indexes rebuilt after the load).
	Expected int
	// HeadLines, for the bulk path, names for each unit the Line of the
	// first row (in Next order, which must be line order) that holds an
	// active head post of the unit (a position with is_head, grouped by the
	// position's unit). With it the bulk path writes each row with its
	// derived supervisor and needs no UPDATE afterwards. The store checks
	// the rows against it and derives supervisors afterwards when they
	// disagree, so a wrong hint costs time, never correctness. It may be
	// set until Next returns the first row (the store reads it then).
	HeadLines map[int64]int
	// Detail is the detail of the one "import.employees" audit event (file
	// name, SHA-256, row counts); the created, updated and unchanged counts
	// are added. Finish may fill it.
	Detail map[string]any
	// Stream marks a one-pass load: rows arrive while the file is still
	// being read and validated, so Expected is the file's row count, new
	// positions come with their first row (ImportRow.Position) and the
	// whole-file checks run in Finish. Only the bulk path streams: if the
	// registry is not empty, ImportEmployees returns ErrNotBulk before
	// reading any row.
	Stream bool
	// Finish, when set, is called after Next has returned the last row and
	// before anything is finalised; an error rolls the import back and is
	// returned.
	Finish func() error
}

// ErrNotBulk is returned for a streamed import that cannot take the bulk
// path (the registry is not empty): nothing was written and the caller
// falls back to a validated two-pass import.
var ErrNotBulk = errors.New("store: import: the registry is not empty")

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
	// sqliteLoadCacheKiB is the cache while a bulk load appends rows
	// (appending needs few pages, and the Go side holds its most memory
	// then) and sqliteSortCacheKiB while it rebuilds indexes. A sort's
	// memory follows the cache size, and a small one is faster: SQLite
	// sorts runs that fit the processor's cache and merges them, where a
	// 20 MiB run took the four employee index builds at a million rows
	// from 4.2 s to 5.3 s (and 80 MiB slower still).
	sqliteLoadCacheKiB = 2048
	sqliteSortCacheKiB = 2048
	sqliteDefCache     = -2000 // SQLite's default, restored afterwards
	employeeInsCols    = `nip, name, gelar_depan, gelar_belakang, sort_name, birth_place, birth_date,
		gender, kind, golongan, position_id, unit_id, supervisor_id, supervisor_set, email, phone, status, retirement_date, updated_at`
	employeeInsN = 19
)

// importer carries the state of one ImportEmployees run.
type employeeImporter struct {
	s         *Store
	conn      *sql.Conn // the connection of an apply
	fkOff     bool      // SQLite foreign keys are off: the bulk path checks references
	bulk      *bulkState
	q         queryer
	imp       *EmployeeImport
	res       ImportResult
	posInfo   *posTable     // position → retirement age, head post
	newPos    map[int]int64 // number of a new position (NewPosition) → its id
	empty     bool          // the employee table was empty at the start
	now       int64
	insStmt   *sql.Stmt
	wordStmt  *sql.Stmt
	words     []any
	wordTable string // employee_word (the bulk path sorts its words in memory: bulk_words.go)
	deferred  []deferredSup
	created   []idRange // ids of the employees created (ordinary path), in runs as inserted
}

// posKind is what the import needs of a position: a few bytes each, as a
// city has hundreds of thousands of positions.
type posKind struct {
	age    int32 // retirement age
	isHead bool
	known  bool // set for every stored position (posTable)
	unit   int64
}

// posTable finds a position's posKind by id: in a slice indexed by id
// (position ids come from a sequence, so they are dense: 16 bytes per
// position instead of a map's ≈ 30), with a map for ids far beyond it.
type posTable struct {
	dense []posKind
	other map[int64]posKind
}

func (t *posTable) get(id int64) (posKind, bool) {
	if id >= 0 && id < int64(len(t.dense)) {
		k := t.dense[id]
		return k, k.known
	}
	k, ok := t.other[id]
	return k, ok
}

func (t *posTable) set(id int64, k posKind) {
	k.known = true
	if id >= 0 && id < int64(len(t.dense)) {
		t.dense[id] = k
		return
	}
	if t.other == nil {
		t.other = map[int64]posKind{}
	}
	t.other[id] = k
}

// retireAge is the retirement age of the holder of position id (0: none).
func (ei *employeeImporter) retireAge(pk posKind, id int64) int {
	if id == 0 {
		return model.RetirementAge("", "")
	}
	return int(pk.age)
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
// The bulk path: when the employee table is empty and at least 5,000 rows
// are expected, the secondary indexes of employee and employee_word are
// dropped inside the transaction and rebuilt after the load (DDL is
// transactional on both engines), and on SQLite the connection's page cache
// is raised for the load.
//
// In a dry run nothing is written; the result counts what an apply would do.
func (s *Store) ImportEmployees(ctx context.Context, imp *EmployeeImport) (*ImportResult, error) {
	ei := &employeeImporter{s: s, imp: imp, now: s.Now().Unix(), wordTable: "employee_word"}
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
	// A SQLite bulk load checks references itself (units and positions
	// read inside the transaction, which on SQLite no one else can write
	// meanwhile) instead of one parent lookup per row and reference: the
	// lookups miss the page cache at a million rows. foreign_keys cannot
	// change inside a transaction, so it is switched off before, and the
	// import starts again with it on should the table turn out not empty.
	if s.dialect == SQLite && imp.Expected >= bulkMinRows {
		var empty bool
		if err := conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM employee)`).Scan(&empty); err != nil {
			return nil, fmt.Errorf("store: import: %w", err)
		}
		if empty {
			if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
				return nil, err
			}
			// Rows are appended in id order: a small cache does; the
			// index builds get the large one (sortCache).
			if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", sqliteLoadCacheKiB)); err != nil {
				return nil, err
			}
			ei.fkOff = true
			defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
			if restore := s.rollbackJournalAlone(ctx, conn); restore != nil {
				defer restore()
			}
		}
	}
	for {
		err := ei.applyTx(ctx, conn)
		if errors.Is(err, errFKRetry) {
			if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
				return nil, err
			}
			ei.fkOff = false
			continue
		}
		if err != nil {
			return nil, err
		}
		return &ei.res, nil
	}
}

// rollbackJournalAlone switches a SQLite database from WAL to a rollback
// journal for a bulk load when this connection has the file to itself (a
// first import from the command line, no server running), and returns
// what switches it back. In WAL mode every page of a new million-row
// registry is written twice, to the log and then into the database; with a
// rollback journal the new pages go straight into the file and the journal
// keeps only the few pages that existed, which a crash rolls back just the
// same. With any other connection open (a running server) the switch is
// refused at once (no busy wait) and the load stays in WAL mode, where
// readers are never blocked. It returns nil when nothing was switched.
func (s *Store) rollbackJournalAlone(ctx context.Context, conn *sql.Conn) (restore func()) {
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return nil
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA busy_timeout = %d`, sqliteBusyMS))
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode); err != nil || mode != "delete" {
		return nil
	}
	// Back to WAL; waits as long as any write would for a reader that
	// came meanwhile. The mode is stored in the file, so should this fail
	// the next Open sets WAL again.
	restore = func() {
		ctx := context.WithoutCancel(ctx)
		conn.ExecContext(ctx, `PRAGMA journal_mode = WAL`)
		conn.ExecContext(ctx, `PRAGMA synchronous = NORMAL`)
	}
	// A rollback journal is crash-safe with full syncs (as the sqlite3
	// shell runs it); NORMAL is only safe in WAL mode.
	if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = FULL`); err != nil {
		restore()
		return nil
	}
	return restore
}

// errFKRetry asks for the import to start again with foreign keys on.
var errFKRetry = errors.New("store: import: registry not empty, retry with foreign keys")

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
	TraceImport("committed")
	return nil
}

func (ei *employeeImporter) apply(ctx context.Context, tx *sql.Tx) error {
	s := ei.s
	// New positions first.
	ei.newPos = map[int]int64{}
	for i := range ei.imp.NewPositions {
		p := ei.imp.NewPositions[i]
		if err := ei.createPosition(ctx, tx, i+1, &p); err != nil {
			return err
		}
	}
	var dropped *rebuildDDL
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM employee)`).Scan(&ei.empty); err != nil {
		return err
	}
	ei.created = ei.created[:0]
	if ei.fkOff && !(ei.empty && ei.imp.Expected >= bulkMinRows) {
		return errFKRetry
	}
	if ei.imp.Stream && !(ei.empty && ei.imp.Expected >= bulkMinRows) {
		return ErrNotBulk
	}
	if ei.empty && ei.imp.Expected >= bulkMinRows {
		ei.res.Bulk = true
		var err error
		if dropped, err = s.dropImportIndexes(ctx, tx); err != nil {
			return err
		}
	}
	var err error
	derive := ei.res.Created+ei.res.Updated > 0 || ei.res.PositionsCreated > 0
	if ei.res.Bulk {
		// Rows go in with their ids and (given HeadLines) supervisors;
		// words go to an unindexed staging table and into the word index in
		// index order at the end.
		if err := ei.startBulk(ctx, tx); err != nil {
			return err
		}
		defer ei.bulk.emp.discard()
		if err := ei.run(ctx); err != nil {
			return err
		}
		if err := ei.finish(); err != nil {
			return err
		}
		after, err := ei.finishBulk(ctx, tx)
		if err != nil {
			return err
		}
		if err := ei.resolveDeferred(ctx); err != nil {
			return err
		}
		// With the supervisor index still dropped, a set-based UPDATE is
		// one pass in storage order.
		if after && ei.res.Created+ei.res.PositionsCreated > 0 {
			if err := s.deriveAllSupervisors(ctx, tx); err != nil {
				return err
			}
		}
		derive = false
		// employee's indexes while the words are sorted, then the words
		// in order, then their indexes.
		if err := s.sortCache(ctx, tx); err != nil {
			return err
		}
		TraceImport("rows written")
		if err := rebuildIndexes(ctx, tx, dropped.emp); err != nil {
			return err
		}
		TraceImport("indexes built")
		if err := ei.writeBulkWords(ctx, tx); err != nil {
			return err
		}
		TraceImport("search words written")
		if err := rebuildIndexes(ctx, tx, dropped.words); err != nil {
			return err
		}
	} else {
		ei.insStmt, err = tx.PrepareContext(ctx, insertEmployeesSQL(s.dialect, importBatch))
		if err != nil {
			return err
		}
		defer ei.insStmt.Close()
		ei.wordStmt, err = tx.PrepareContext(ctx, insertWordsSQL(s.dialect, ei.wordTable, wordBatch))
		if err != nil {
			return err
		}
		defer ei.wordStmt.Close()
		if err := ei.run(ctx); err != nil {
			return err
		}
		if err := ei.finish(); err != nil {
			return err
		}
		if err := ei.flushWords(ctx, true); err != nil {
			return err
		}
		if err := ei.resolveDeferred(ctx); err != nil {
			return err
		}
		derive = derive || ei.res.Created+ei.res.Updated > 0
	}
	if derive {
		if err := s.deriveAllSupervisors(ctx, tx); err != nil {
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

// sortCache sets a SQLite connection's page cache for the index builds (a
// sort's memory follows the cache size: see sqliteSortCacheKiB).
func (s *Store) sortCache(ctx context.Context, tx *sql.Tx) error {
	if s.dialect != SQLite {
		return nil
	}
	_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", sqliteSortCacheKiB))
	return err
}

// finish runs the caller's Finish.
func (ei *employeeImporter) finish() error {
	if ei.imp.Finish == nil {
		return nil
	}
	return ei.imp.Finish()
}

// createPosition creates new position number n of the import.
func (ei *employeeImporter) createPosition(ctx context.Context, tx *sql.Tx, n int, p *model.Position) error {
	if err := validatePosition(p); err != nil {
		return err
	}
	if ei.bulk != nil && ei.bulk.plan.byID[p.UnitID] == nil { // checked here: SQLite's foreign keys may be off
		return apperr.Invalid("unit", "unit %d dari jabatan baru %s tidak ada", p.UnitID, p.Title)
	}
	if err := ei.s.createPositionTx(ctx, tx, ei.imp.Actor, p); err != nil {
		return err
	}
	ei.newPos[n] = p.ID
	ei.res.PositionsCreated++
	if ei.posInfo != nil {
		ei.posInfo.set(p.ID, posKind{age: int32(model.RetirementAge(p.Type, p.Jenjang)), isHead: p.IsHead, unit: p.UnitID})
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
// last row are one range: ids in between that no row took (the lines of bad
// rows) are never given out later. The ordinary path takes ids one after
// the other (SQLite: the highest id plus one; PostgreSQL: the sequence,
// where another transaction may draw ids in between), so it keeps the ids
// it was given as runs.
func (ei *employeeImporter) createdRanges() []idRange {
	if b := ei.bulk; b != nil {
		if !b.started || b.maxID < b.firstID {
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

// run reads every row in batches and classifies (and, unless dry, writes) it.
func (ei *employeeImporter) run(ctx context.Context) error {
	TraceImport("store: begun")
	if err := ei.loadPositions(ctx); err != nil {
		return err
	}
	TraceImport("store: positions loaded")
	if ei.imp.DryRun {
		if err := ei.q.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM employee)`).Scan(&ei.empty); err != nil {
			return err
		}
	}
	batch := make([]*ImportRow, 0, importBatch)
	for {
		r, err := ei.imp.Next()
		if err != nil {
			return err
		}
		if r != nil {
			batch = append(batch, r)
		}
		if len(batch) == importBatch || (r == nil && len(batch) > 0) {
			if err := ei.batch(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
		if r == nil {
			return nil
		}
	}
}

func (ei *employeeImporter) loadPositions(ctx context.Context) error {
	var n, maxID int64
	if err := ei.q.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0) FROM position`).Scan(&n, &maxID); err != nil {
		return fmt.Errorf("store: import: positions: %w", err)
	}
	ei.posInfo = &posTable{}
	if maxID <= 2*n+1024 {
		ei.posInfo.dense = make([]posKind, maxID+1)
	}
	// Retirement ages by type and level: a few dozen pairs, looked up
	// without building a key per position.
	ages := map[string]map[string]int32{}
	add := func(id int64, t, jenjang []byte, isHead bool, unit int64) {
		byLevel := ages[string(t)]
		if byLevel == nil {
			byLevel = map[string]int32{}
			ages[string(t)] = byLevel
		}
		age, ok := byLevel[string(jenjang)]
		if !ok {
			age = int32(model.RetirementAge(model.PositionType(t), string(jenjang)))
			byLevel[string(jenjang)] = age
		}
		ei.posInfo.set(id, posKind{age: age, isHead: isHead, unit: unit})
	}
	const q = `SELECT id, type, jenjang, is_head, unit_id FROM position`
	rows, err := ei.q.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("store: import: positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, unit int64
		var t, jenjang sql.RawBytes
		var isHead bool
		if err := rows.Scan(&id, &t, &jenjang, &isHead, &unit); err != nil {
			return err
		}
		add(id, t, jenjang, isHead, unit)
	}
	return rows.Err()
}

// existing is a stored employee with its explicit supervisor's NIP.
type existing struct {
	model.Employee
	supNIP string
}

func (ei *employeeImporter) batch(ctx context.Context, rows []*ImportRow) error {
	// Existing employees of this batch, by NIP.
	old := map[string]*existing{}
	if !ei.empty {
		var err error
		if old, err = ei.fetchExisting(ctx, rows); err != nil {
			return err
		}
	}
	// Explicit supervisors, by NIP.
	supIDs, err := ei.supervisorIDs(ctx, rows, old)
	if err != nil {
		return err
	}
	var ins []*ImportRow
	var insPending []deferredSup // id: index in ins
	for _, r := range rows {
		e := &r.Employee
		if r.NewPosition > 0 {
			if ei.imp.DryRun {
				e.PositionID = -int64(r.NewPosition) // placeholder: a change in any case
			} else if id, ok := ei.newPos[r.NewPosition]; ok {
				e.PositionID = id
			} else if r.Position != nil && ei.imp.Stream {
				p := *r.Position
				if err := ei.createPosition(ctx, ei.q.(*sql.Tx), r.NewPosition, &p); err != nil {
					return fmt.Errorf("baris %d: %w", r.Line, err)
				}
				e.PositionID = p.ID
			} else {
				return fmt.Errorf("store: import: line %d: new position %d unknown", r.Line, r.NewPosition)
			}
		}
		o := old[e.NIP]
		if o != nil {
			ei.merge(e, o)
		}
		pendingSup := ""
		if r.SupervisorNIP != "" {
			e.SupervisorSet = true
			switch {
			case o != nil && o.SupervisorSet && o.supNIP == r.SupervisorNIP:
				e.SupervisorID = o.SupervisorID
			case supIDs[r.SupervisorNIP] != 0:
				e.SupervisorID = supIDs[r.SupervisorNIP]
			default:
				e.SupervisorID = 0 // later in the file: set after the load
				pendingSup = r.SupervisorNIP
			}
		}
		if o == nil {
			if pendingSup != "" {
				insPending = append(insPending, deferredSup{id: int64(len(ins)), supNIP: pendingSup})
			}
			ins = append(ins, r)
			continue
		}
		e.ID = o.ID
		if !e.SupervisorSet {
			e.SupervisorID = o.SupervisorID // derived; recomputed after the load
		}
		ch := employeeChanges(&o.Employee, e)
		if pendingSup != "" {
			ch["supervisor_id"] = Change{supervisorField(&o.Employee), "NIP " + pendingSup}
		}
		if len(ch) == 0 {
			ei.res.Unchanged++
			continue
		}
		ei.res.Updated++
		if ei.imp.DryRun {
			continue
		}
		if err := ei.s.writeEmployeeChanges(ctx, ei.q, ei.imp.Actor, &o.Employee, e, ch, "employee.update"); err != nil {
			return fmt.Errorf("baris %d: %w", r.Line, err)
		}
		if pendingSup != "" {
			ei.deferred = append(ei.deferred, deferredSup{id: e.ID, supNIP: pendingSup})
		}
	}
	ei.res.Created += len(ins)
	if ei.imp.DryRun || len(ins) == 0 {
		return nil
	}
	var ids []int64
	if ei.bulk != nil {
		ids, err = ei.insertBulk(ctx, ins)
	} else {
		ids, err = ei.insert(ctx, ins)
		ei.addCreated(ids)
	}
	if err != nil {
		return err
	}
	for _, d := range insPending {
		ei.deferred = append(ei.deferred, deferredSup{id: ids[d.id], supNIP: d.supNIP})
	}
	return nil
}

// merge keeps the stored value of every field the file has no column for.
func (ei *employeeImporter) merge(e *model.Employee, o *existing) {
	p := ei.imp.Provided
	if !p["name"] {
		e.Name = o.Name
	}
	if !p["gelar_depan"] && !p["gelar_belakang"] && e.GelarDepan == "" && e.GelarBelakang == "" {
		e.GelarDepan, e.GelarBelakang = o.GelarDepan, o.GelarBelakang
	}
	if !p["birth_place"] {
		e.BirthPlace = o.BirthPlace
	}
	if !p["birth_date"] {
		e.BirthDate = o.BirthDate
	}
	if !p["gender"] {
		e.Gender = o.Gender
	}
	if !p["kind"] {
		e.Kind = o.Kind
	}
	if !p["golongan"] {
		e.Golongan = o.Golongan
	}
	if !p["position_id"] {
		e.PositionID = o.PositionID
	}
	if !p["unit_id"] {
		e.UnitID = o.UnitID
	}
	if !p["supervisor_id"] {
		e.SupervisorID, e.SupervisorSet = o.SupervisorID, o.SupervisorSet
	}
	if !p["email"] {
		e.Email = o.Email
	}
	if !p["phone"] {
		e.Phone = o.Phone
	}
	if !p["status"] {
		e.Status = o.Status
	}
}

func (ei *employeeImporter) fetchExisting(ctx context.Context, rows []*ImportRow) (map[string]*existing, error) {
	out := make(map[string]*existing, len(rows))
	marks := make([]string, len(rows))
	a := make([]any, len(rows))
	for i, r := range rows {
		a[i] = r.Employee.NIP
		marks[i] = "$" + strconv.Itoa(i+1)
	}
	q, err := ei.q.QueryContext(ctx, `SELECT `+employeeCols+`, COALESCE(s.nip, '') FROM employee e
		LEFT JOIN employee s ON s.id = e.supervisor_id WHERE e.nip IN (`+strings.Join(marks, ",")+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: import: existing employees: %w", err)
	}
	defer q.Close()
	for q.Next() {
		o := &existing{}
		if _, err := scanEmployee(q, &o.Employee, &o.supNIP); err != nil {
			return nil, err
		}
		out[o.NIP] = o
	}
	return out, q.Err()
}

// supervisorIDs looks up the ids of the batch's explicit supervisors that
// are already stored (earlier in this import or before it).
func (ei *employeeImporter) supervisorIDs(ctx context.Context, rows []*ImportRow, old map[string]*existing) (map[string]int64, error) {
	var a []any
	var marks []string
	seen := map[string]bool{}
	for _, r := range rows {
		n := r.SupervisorNIP
		if n == "" || seen[n] {
			continue
		}
		if o := old[r.Employee.NIP]; o != nil && o.SupervisorSet && o.supNIP == n {
			continue
		}
		seen[n] = true
		a = append(a, n)
		marks = append(marks, "$"+strconv.Itoa(len(a)))
	}
	out := map[string]int64{}
	if len(a) == 0 {
		return out, nil
	}
	q, err := ei.q.QueryContext(ctx, `SELECT id, nip FROM employee WHERE nip IN (`+strings.Join(marks, ",")+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: import: supervisors: %w", err)
	}
	defer q.Close()
	for q.Next() {
		var id int64
		var n string
		if err := q.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[n] = id
	}
	return out, q.Err()
}

// placeholder returns parameter marker number i (1-based): "$i" on
// PostgreSQL, "?" on SQLite. Large multi-row statements use anonymous
// markers on SQLite because the driver looks up the name of every
// parameter, which costs time quadratic in the parameter count for "$N".
func (d Dialect) placeholder(b *strings.Builder, i int) {
	if d == SQLite {
		b.WriteByte('?')
		return
	}
	b.WriteByte('$')
	b.WriteString(strconv.Itoa(i))
}

// insertVerb starts the bulk INSERTs. On SQLite "OR ROLLBACK" (with foreign
// keys deferred to the commit) spares every multi-row statement a statement
// journal: otherwise each statement first copies every existing page it
// touches to a temporary file, which on a million-row load into the
// randomly ordered word index costs more than the inserts themselves. A
// failing row rolls back the whole import, which is what an import wants.
func (d Dialect) insertVerb() string {
	if d == SQLite {
		return "INSERT OR ROLLBACK INTO"
	}
	return "INSERT INTO"
}

func insertEmployeesSQL(d Dialect, n int) string {
	var b strings.Builder
	b.Grow(n * 100)
	b.WriteString(d.insertVerb() + ` employee (` + employeeInsCols + `) VALUES `)
	p := 1
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		for j := 0; j < employeeInsN; j++ {
			if j > 0 {
				b.WriteByte(',')
			}
			d.placeholder(&b, p)
			p++
		}
		b.WriteByte(')')
	}
	b.WriteString(` RETURNING id, nip`)
	return b.String()
}

func insertWordsSQL(d Dialect, table string, n int) string {
	var b strings.Builder
	b.WriteString(d.insertVerb() + ` ` + table + ` (word, sort_name, employee_id) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		d.placeholder(&b, 3*i+1)
		b.WriteByte(',')
		d.placeholder(&b, 3*i+2)
		b.WriteByte(',')
		d.placeholder(&b, 3*i+3)
		b.WriteByte(')')
	}
	return b.String()
}

// insert writes new employees with multi-row INSERTs and queues their
// search words; it returns the new ids in the order of rows.
func (ei *employeeImporter) insert(ctx context.Context, rows []*ImportRow) ([]int64, error) {
	args := make([]any, 0, len(rows)*employeeInsN)
	keys := make([]string, len(rows))
	for i, r := range rows {
		e := &r.Employee
		pk, known := ei.posInfo.get(e.PositionID)
		if e.PositionID != 0 {
			if !known {
				var k posKind
				var t model.PositionType
				var jenjang string
				if err := ei.q.QueryRowContext(ctx, `SELECT type, jenjang, is_head, unit_id FROM position WHERE id = $1`, e.PositionID).Scan(&t, &jenjang, &k.isHead, &k.unit); err != nil {
					return nil, notFound(err, "jabatan %d tidak ada", e.PositionID)
				}
				k.age = int32(model.RetirementAge(t, jenjang))
				ei.posInfo.set(e.PositionID, k)
				pk = k
			}
		}
		retire := dateText(model.RetirementDate(e.BirthDate, ei.retireAge(pk, e.PositionID)))
		keys[i] = names.SortKey(e.Name)
		args = append(args, e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, keys[i], e.BirthPlace, dateText(e.BirthDate),
			string(e.Gender), string(e.Kind), e.Golongan, nullID(e.PositionID), e.UnitID, nullID(e.SupervisorID), e.SupervisorSet,
			e.Email, e.Phone, string(e.Status), retire, ei.now)
	}
	var q *sql.Rows
	var err error
	if len(rows) == importBatch {
		q, err = ei.insStmt.QueryContext(ctx, args...)
	} else {
		q, err = ei.q.QueryContext(ctx, insertEmployeesSQL(ei.s.dialect, len(rows)), args...)
	}
	if err != nil {
		return nil, insertErr(err, rows)
	}
	byNIP := make(map[string]int64, len(rows))
	for q.Next() {
		var id int64
		var n string
		if err := q.Scan(&id, &n); err != nil {
			q.Close()
			return nil, err
		}
		byNIP[n] = id
	}
	q.Close()
	if err := q.Err(); err != nil {
		return nil, insertErr(err, rows)
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = byNIP[r.Employee.NIP]
		if ids[i] == 0 {
			return nil, fmt.Errorf("store: import: no id returned for NIP %s", r.Employee.NIP)
		}
		r.Employee.ID = ids[i]
		for _, w := range names.SearchWords(r.Employee.Name) {
			ei.words = append(ei.words, w, keys[i], ids[i])
		}
	}
	return ids, ei.flushWords(ctx, false)
}

func insertErr(err error, rows []*ImportRow) error {
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "NIP baris %d–%d sudah terdaftar (diubah oleh pengguna lain selama impor?)", rows[0].Line, rows[len(rows)-1].Line)
	}
	if isForeignKeyViolation(err) {
		return apperr.Invalid("unit", "unit atau jabatan pada baris %d–%d tidak ada", rows[0].Line, rows[len(rows)-1].Line)
	}
	return fmt.Errorf("store: import employees: %w", err)
}

// flushWords writes queued search words in full batches, and the rest when
// final.
func (ei *employeeImporter) flushWords(ctx context.Context, final bool) error {
	for len(ei.words) >= 3*wordBatch {
		if _, err := ei.wordStmt.ExecContext(ctx, ei.words[:3*wordBatch]...); err != nil {
			return fmt.Errorf("store: import: search words: %w", err)
		}
		ei.words = append(ei.words[:0], ei.words[3*wordBatch:]...)
	}
	if final && len(ei.words) > 0 {
		if _, err := ei.q.ExecContext(ctx, insertWordsSQL(ei.s.dialect, ei.wordTable, len(ei.words)/3), ei.words...); err != nil {
			return fmt.Errorf("store: import: search words: %w", err)
		}
		ei.words = ei.words[:0]
	}
	return nil
}

// resolveDeferred sets explicit supervisors that appeared later in the file
// than the rows naming them.
func (ei *employeeImporter) resolveDeferred(ctx context.Context) error {
	if len(ei.deferred) == 0 {
		return nil
	}
	stmt, err := ei.q.(*sql.Tx).PrepareContext(ctx, `UPDATE employee SET supervisor_id = (SELECT s.id FROM employee s WHERE s.nip = $1), supervisor_set = TRUE WHERE id = $2`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, d := range ei.deferred {
		if _, err := stmt.ExecContext(ctx, d.supNIP, d.id); err != nil {
			return fmt.Errorf("store: import: supervisor %s: %w", d.supNIP, err)
		}
	}
	ei.deferred = nil
	return nil
}

// rebuildDDL is what dropImportIndexes dropped, as the DDL that recreates
// it: employee's part is rebuilt before the search words are written,
// employee_word's after.
type rebuildDDL struct {
	emp, words []string
}

// run executes the statements of one part.
func rebuildIndexes(ctx context.Context, tx *sql.Tx, ddl []string) error {
	for _, d := range ddl {
		if _, err := tx.ExecContext(ctx, d); err != nil {
			return fmt.Errorf("store: bulk load: rebuild index: %w", err)
		}
	}
	return nil
}

// dropImportIndexes drops the secondary (non-unique) indexes of employee and
// employee_word (and on PostgreSQL employee's foreign keys and the word
// table's primary key) and returns the DDL that recreates them. The indexes
// are listed from the catalogue, so the list follows the schema: since
// migration 011 employee_word has no secondary index (employee_word_emp
// served only renames, which now delete by the primary key), and on SQLite
// its part of the DDL is empty.
func (s *Store) dropImportIndexes(ctx context.Context, tx *sql.Tx) (*rebuildDDL, error) {
	var q string
	if s.dialect == SQLite {
		q = `SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('employee', 'employee_word')
			AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`
	} else {
		q = `SELECT indexname, indexdef, tablename FROM pg_indexes WHERE schemaname = current_schema()
			AND tablename IN ('employee', 'employee_word') AND indexdef NOT LIKE 'CREATE UNIQUE%'`
	}
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: import: list indexes: %w", err)
	}
	var idx []string
	ddl := &rebuildDDL{}
	for rows.Next() {
		var name, def, table string
		if err := rows.Scan(&name, &def, &table); err != nil {
			rows.Close()
			return nil, err
		}
		idx = append(idx, name)
		if table == "employee_word" {
			ddl.words = append(ddl.words, def)
		} else {
			ddl.emp = append(ddl.emp, def)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range idx {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+name); err != nil {
			return nil, fmt.Errorf("store: import: drop index %s: %w", name, err)
		}
	}
	if s.dialect == Postgres {
		// Foreign keys too: re-adding one checks every row in one join,
		// where COPY would fire a check per row and reference. DROP INDEX
		// has locked the table for the transaction already.
		rows, err := tx.QueryContext(ctx, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = 'employee'::regclass AND contype = 'f' ORDER BY conname`)
		if err != nil {
			return nil, fmt.Errorf("store: import: list foreign keys: %w", err)
		}
		var fks []string
		for rows.Next() {
			var name, def string
			if err := rows.Scan(&name, &def); err != nil {
				rows.Close()
				return nil, err
			}
			fks = append(fks, name)
			ddl.emp = append(ddl.emp, `ALTER TABLE employee ADD CONSTRAINT `+name+` `+def)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, name := range fks {
			if _, err := tx.ExecContext(ctx, `ALTER TABLE employee DROP CONSTRAINT `+name); err != nil {
				return nil, fmt.Errorf("store: import: drop foreign key %s: %w", name, err)
			}
		}
		// And the word table's primary key: COPY then goes straight into
		// the heap and the key is built by one sort.
		var name, def string
		if err := tx.QueryRowContext(ctx, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
			WHERE conrelid = 'employee_word'::regclass AND contype = 'p'`).Scan(&name, &def); err != nil {
			return nil, fmt.Errorf("store: import: word key: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `ALTER TABLE employee_word DROP CONSTRAINT `+name); err != nil {
			return nil, fmt.Errorf("store: import: drop word key: %w", err)
		}
		ddl.words = append([]string{`ALTER TABLE employee_word ADD CONSTRAINT ` + name + ` ` + def}, ddl.words...)
		// Index builds sort in server memory rather than in temporary files.
		if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '256MB'`); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}

// EmployeeNIPsInUnits calls fn with the NIP and display name of every
// employee directly in one of the units, in NIP order; import reports use it
// to list the employees a file leaves out.
func (s *Store) EmployeeNIPsInUnits(ctx context.Context, unitIDs []int64, fn func(nip, name string) error) error {
	for len(unitIDs) > 0 {
		n := min(len(unitIDs), 500)
		var a args
		var marks []string
		for _, id := range unitIDs[:n] {
			marks = append(marks, a.add(id))
		}
		unitIDs = unitIDs[n:]
		rows, err := s.db.QueryContext(ctx, `SELECT nip, name, gelar_depan, gelar_belakang FROM employee WHERE unit_id IN (`+strings.Join(marks, ",")+`) ORDER BY nip`, a...)
		if err != nil {
			return fmt.Errorf("store: employees in units: %w", err)
		}
		for rows.Next() {
			var nip, name, front, back string
			if err := rows.Scan(&nip, &name, &front, &back); err != nil {
				rows.Close()
				return err
			}
			if err := fn(nip, names.Display(front, name, back)); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// PositionCount returns the number of positions.
func (s *Store) PositionCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM position`).Scan(&n)
	return n, err
}

// PositionRow is a position as ScanPositions hands it out: the text
// columns are valid only until the callback returns.
type PositionRow struct {
	ID, UnitID                 int64
	Code, Title, Type, Jenjang []byte
	IsHead                     bool
}

// ScanPositions calls fn with every position in storage order (no sort of
// hundreds of thousands of rows), reusing p and its bytes between calls: an
// import keeps what it needs of them in compact form.
func (s *Store) ScanPositions(ctx context.Context, fn func(p *PositionRow) error) error {
	const q = `SELECT id, unit_id, is_head, code, title, type, jenjang FROM position`
	var p PositionRow
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("store: positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var code, title, typ, jenjang sql.RawBytes
		if err := rows.Scan(&p.ID, &p.UnitID, &p.IsHead, &code, &title, &typ, &jenjang); err != nil {
			return err
		}
		p.Code, p.Title, p.Type, p.Jenjang = code, title, typ, jenjang
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// HeadPostNames returns the codes and titles of the head posts (positions
// with is_head): what a first read of an import file needs to pick out
// the rows that may hold one, before all positions are loaded.
func (s *Store) HeadPostNames(ctx context.Context) (codes, titles []string, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT code, title FROM position WHERE is_head = TRUE`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: head posts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			return nil, nil, err
		}
		codes, titles = append(codes, c), append(titles, t)
	}
	return codes, titles, rows.Err()
}

// HasEmployees reports whether the registry holds any employee.
func (s *Store) HasEmployees(ctx context.Context) (bool, error) {
	var has bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM employee)`).Scan(&has); err != nil {
		return false, fmt.Errorf("store: employees: %w", err)
	}
	return has, nil
}

// ExistingNIPs returns which of the given NIPs are stored.
func (s *Store) ExistingNIPs(ctx context.Context, nips []string) (map[string]bool, error) {
	out := map[string]bool{}
	for len(nips) > 0 {
		n := min(len(nips), 500)
		var a args
		var marks []string
		for _, v := range nips[:n] {
			marks = append(marks, a.add(v))
		}
		nips = nips[n:]
		rows, err := s.db.QueryContext(ctx, `SELECT nip FROM employee WHERE nip IN (`+strings.Join(marks, ",")+`)`, a...)
		if err != nil {
			return nil, fmt.Errorf("store: existing NIPs: %w", err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, err
			}
			out[v] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EmployeeUnitsByNIP returns the unit of each stored employee among the
// given NIPs (at most a few hundred per call), by NIP.
func (s *Store) EmployeeUnitsByNIP(ctx context.Context, nips []string) (map[string]int64, error) {
	out := map[string]int64{}
	if len(nips) == 0 {
		return out, nil
	}
	var a args
	marks := make([]string, len(nips))
	for i, v := range nips {
		marks[i] = a.add(v)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT nip, unit_id FROM employee WHERE nip IN (`+strings.Join(marks, ",")+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: employee units: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		var id int64
		if err := rows.Scan(&n, &id); err != nil {
			return nil, err
		}
		out[n] = id
	}
	return out, rows.Err()
}
