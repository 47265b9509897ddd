package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// The rows of an import, classified against the stored employees (create,
// update, unchanged) and, on the ordinary path, written: used by dry runs,
// by the ordinary path and, for classifying, by the bulk path.

// posKind is what the import needs of a position: a few bytes each, as a
// city has hundreds of thousands of positions.
type posKind struct {
	age    int32 // retirement age
	isHead bool  // a head post (of unit)
	known  bool  // set for every stored position (posTable)
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
		return ei.retire.Age("", "", "")
	}
	return int(pk.age)
}

// run reads every row in batches and classifies (and, unless dry, writes) it.
func (ei *employeeImporter) run(ctx context.Context) error {
	set, err := loadSettings(ctx, ei.q)
	if err != nil {
		return err
	}
	ei.retire = set.Retirement
	if err := ei.loadPositions(ctx); err != nil {
		return err
	}
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
	add := func(id int64, t, jenjang, title []byte, isHead bool, unit int64) {
		if model.IsTeacherPost(model.PositionType(t), string(title)) {
			ei.posInfo.set(id, posKind{age: int32(ei.retire.Teacher), isHead: isHead, unit: unit})
			return
		}
		byLevel := ages[string(t)]
		if byLevel == nil {
			byLevel = map[string]int32{}
			ages[string(t)] = byLevel
		}
		age, ok := byLevel[string(jenjang)]
		if !ok {
			age = int32(ei.retire.Age(model.PositionType(t), string(jenjang), ""))
			byLevel[string(jenjang)] = age
		}
		ei.posInfo.set(id, posKind{age: age, isHead: isHead, unit: unit})
	}
	const q = `SELECT id, type, jenjang, title, is_head, unit_id FROM position`
	rows, err := ei.q.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("store: import: positions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, unit int64
		var t, jenjang, title sql.RawBytes
		var isHead bool
		if err := rows.Scan(&id, &t, &jenjang, &title, &isHead, &unit); err != nil {
			return err
		}
		add(id, t, jenjang, title, isHead, unit)
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
			} else {
				return fmt.Errorf("store: import: line %d: new position %d unknown", r.Line, r.NewPosition)
			}
		}
		o := old[e.NIP]
		if o != nil {
			e.KeepUnprovided(&o.Employee, ei.imp.Provided)
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
		ids, err = ei.insertBulk(ins)
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
				var jenjang, title string
				if err := ei.q.QueryRowContext(ctx, `SELECT type, jenjang, title, is_head, unit_id FROM position WHERE id = $1`, e.PositionID).Scan(&t, &jenjang, &title, &k.isHead, &k.unit); err != nil {
					return nil, notFound(err, "jabatan %d tidak ada", e.PositionID)
				}
				k.age = int32(ei.retire.Age(t, jenjang, title))
				ei.posInfo.set(e.PositionID, k)
				pk = k
			}
		}
		retire := date.Format(model.RetirementDate(e.BirthDate, ei.retireAge(pk, e.PositionID)))
		keys[i] = names.SortKey(e.Name)
		args = append(args, e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, keys[i], e.BirthPlace, date.Format(e.BirthDate),
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
		if _, err := ei.q.ExecContext(ctx, insertWordsSQL(ei.s.dialect, len(ei.words)/3), ei.words...); err != nil {
			return fmt.Errorf("store: import: search words: %w", err)
		}
		ei.words = ei.words[:0]
	}
	return nil
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
	return valuesSQL(d.insertVerb()+` employee (`+employeeInsCols+`)`, n, employeeInsN, d == SQLite) + ` RETURNING id, nip`
}

func insertWordsSQL(d Dialect, n int) string {
	return valuesSQL(d.insertVerb()+` employee_word (word, sort_name, employee_id)`, n, 3, d == SQLite)
}
