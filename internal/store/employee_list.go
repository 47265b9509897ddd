package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
)

// EmployeeFilter selects a page of employees. Every query is limited to
// Scope; the zero Scope returns nothing.
type EmployeeFilter struct {
	Scope        model.Scope
	Query        string // words of the name (any word, prefix of the last) or NIP digits
	UnitID       int64  // the unit's whole subtree
	PositionType model.PositionType
	Golongan     string
	Status       model.Status
	Kind         model.EmployeeKind
	Offset       int
	Limit        int // default 50, at most 200
}

// scopeClause returns the SQL condition limiting employee alias e to scope.
func scopeClause(sc model.Scope, a *args) string {
	if sc.All {
		return "TRUE"
	}
	var or []string
	for _, p := range sc.UnitPaths {
		or = append(or, "e.unit_id IN (SELECT id FROM org_unit WHERE "+pathRange("path", p, a)+")")
	}
	if sc.SelfID != 0 {
		or = append(or, "e.id = "+a.add(sc.SelfID))
	}
	if sc.SupervisorID != 0 {
		or = append(or, "e.supervisor_id = "+a.add(sc.SupervisorID))
	}
	if len(or) == 0 {
		return "FALSE"
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// InScope reports whether employee id is visible in scope.
func (s *Store) InScope(ctx context.Context, sc model.Scope, id int64) (bool, error) {
	var a args
	cond := scopeClause(sc, &a)
	var n int
	err := s.queryRow(ctx, `SELECT COUNT(*) FROM employee e WHERE e.id = `+a.add(id)+` AND `+cond, a...).Scan(&n)
	return n > 0, err
}

// Employees returns one page of employees in scope matching f, ordered by
// name, and whether more follow. It runs in two steps: the first finds the
// page's IDs touching only indexes (a name query scans the word index in
// (word, name) order, a list the name index), the second loads those rows
// with their joins. So the first page of any search costs the same at a
// thousand employees or a million, and skipping to a later page does not
// pay for the joins of the rows it skips.
func (s *Store) Employees(ctx context.Context, f EmployeeFilter) ([]EmployeeView, bool, error) {
	ids, more, err := s.employeeIDs(ctx, f)
	if err != nil || len(ids) == 0 {
		return nil, false, err
	}
	out, err := s.employeesByID(ctx, ids)
	return out, more, err
}

// EmployeeListRow is what a list of employees shows of each: no supervisor,
// contact or dates (see EmployeeView for the whole record).
type EmployeeListRow struct {
	ID            int64
	NIP           string
	Name          string
	GelarDepan    string
	GelarBelakang string
	Kind          model.EmployeeKind
	Golongan      string
	Status        model.Status
	PositionTitle string
	UnitName      string
}

// EmployeeRows is Employees for lists: the same page, the same scope and
// order, but only the columns a list shows, without the supervisor join.
func (s *Store) EmployeeRows(ctx context.Context, f EmployeeFilter) ([]EmployeeListRow, bool, error) {
	ids, more, err := s.employeeIDs(ctx, f)
	if err != nil || len(ids) == 0 {
		return nil, false, err
	}
	got, err := s.listRows(ctx, ids, true)
	if errors.Is(err, errPacked) {
		got, err = s.listRows(ctx, ids, false)
	}
	if err != nil {
		return nil, false, err
	}
	unitIDs, posIDs := make([]int64, len(got)), make([]int64, len(got))
	for i := range got {
		unitIDs[i], posIDs[i] = got[i].unit, got[i].position
	}
	units, positions, err := s.labels(ctx, unitIDs, posIDs)
	if err != nil {
		return nil, false, err
	}
	out := make([]EmployeeListRow, 0, len(got))
	for _, i := range inIDOrder(ids, got, func(l *listedRow) int64 { return l.row.ID }) {
		l := &got[i]
		l.row.UnitName = units[l.unit].Name
		l.row.PositionTitle = positions[l.position].Title
		out = append(out, l.row)
	}
	return out, more, nil
}

// viewRows reads the employee columns of ids, packed as listRows does.
func (s *Store) viewRows(ctx context.Context, ids []int64, pack bool) ([]EmployeeView, error) {
	if !pack {
		var a args
		rows, err := s.query(ctx, `SELECT `+employeeCols+` FROM employee e WHERE e.id IN (`+paddedIDs(ids, &a)+`)`, a...)
		if err != nil {
			return nil, fmt.Errorf("store: load employees: %w", err)
		}
		defer rows.Close()
		got := make([]EmployeeView, 0, len(ids))
		for rows.Next() {
			got = append(got, EmployeeView{})
			v := &got[len(got)-1]
			retire, err := scanEmployee(rows, &v.Employee)
			if err != nil {
				return nil, err
			}
			v.RetirementDate = date.ParseStored(retire)
		}
		return got, rows.Err()
	}
	var a args
	text := packed(a.add(packSep), "e.nip", "e.name", "e.gelar_depan", "e.gelar_belakang", "e.birth_place", "e.birth_date",
		"e.gender", "e.kind", "e.golongan", "e.email", "e.phone", "e.status", "e.retirement_date")
	rows, err := s.query(ctx, `SELECT e.id, COALESCE(e.position_id, 0), e.unit_id, COALESCE(e.supervisor_id, 0), e.supervisor_set,
	e.updated_at, `+text+` FROM employee e WHERE e.id IN (`+paddedIDs(ids, &a)+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: load employees: %w", err)
	}
	defer rows.Close()
	got := make([]EmployeeView, 0, len(ids))
	var all, birth, gender, kind, status, retire string
	var updated int64
	for rows.Next() {
		got = append(got, EmployeeView{})
		v := &got[len(got)-1]
		e := &v.Employee
		if err := rows.Scan(&e.ID, &e.PositionID, &e.UnitID, &e.SupervisorID, &e.SupervisorSet, &updated, &all); err != nil {
			return nil, err
		}
		if !unpack(all, &e.NIP, &e.Name, &e.GelarDepan, &e.GelarBelakang, &e.BirthPlace, &birth, &gender, &kind, &e.Golongan,
			&e.Email, &e.Phone, &status, &retire) {
			return nil, errPacked
		}
		e.Gender, e.Kind, e.Status = model.Gender(gender), model.EmployeeKind(kind), model.Status(status)
		e.BirthDate, e.UpdatedAt, v.RetirementDate = date.ParseStored(birth), unixTime(updated), date.ParseStored(retire)
	}
	return got, rows.Err()
}

// listedRow is a list row as read, with the references its labels need.
type listedRow struct {
	row            EmployeeListRow
	unit, position int64
}

// listRows reads the list columns of employees ids. With pack, the text
// columns come as one value (see packed); errPacked says a value held the
// separator, and the caller reads again without.
func (s *Store) listRows(ctx context.Context, ids []int64, pack bool) ([]listedRow, error) {
	var a args
	text := "e.nip, e.name, e.gelar_depan, e.gelar_belakang, e.kind, e.golongan, e.status"
	if pack {
		text = packed(a.add(packSep), "e.nip", "e.name", "e.gelar_depan", "e.gelar_belakang", "e.kind", "e.golongan", "e.status")
	}
	rows, err := s.query(ctx, `SELECT e.id, e.unit_id, COALESCE(e.position_id, 0), `+text+`
	FROM employee e WHERE e.id IN (`+paddedIDs(ids, &a)+`)`, a...)
	if err != nil {
		return nil, fmt.Errorf("store: load employees: %w", err)
	}
	defer rows.Close()
	got := make([]listedRow, 0, len(ids))
	var kind, status, all string
	for rows.Next() {
		got = append(got, listedRow{})
		l := &got[len(got)-1]
		v := &l.row
		if pack {
			err = rows.Scan(&v.ID, &l.unit, &l.position, &all)
			if err == nil && !unpack(all, &v.NIP, &v.Name, &v.GelarDepan, &v.GelarBelakang, &kind, &v.Golongan, &status) {
				return nil, errPacked
			}
		} else {
			err = rows.Scan(&v.ID, &l.unit, &l.position, &v.NIP, &v.Name, &v.GelarDepan, &v.GelarBelakang, &kind, &v.Golongan, &status)
		}
		if err != nil {
			return nil, err
		}
		v.Kind, v.Status = model.EmployeeKind(kind), model.Status(status)
	}
	return got, rows.Err()
}

// employeeIDs returns the IDs of one page of Employees, and whether more
// follow.
func (s *Store) employeeIDs(ctx context.Context, f EmployeeFilter) ([]int64, bool, error) {
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 50
	}
	f.Offset = max(f.Offset, 0)
	q, ok, err := s.employeeQuery(ctx, f)
	if err != nil || !ok {
		return nil, false, err
	}
	rows, err := s.query(ctx, fmt.Sprintf(`SELECT %s FROM %s%s ORDER BY %s LIMIT %d OFFSET %d`, q.idCol, q.from, q.cond, q.order, f.Limit+1, f.Offset), q.args...)
	if err != nil {
		return nil, false, fmt.Errorf("store: list employees: %w", err)
	}
	var ids []int64
	seen := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, false, err
		}
		if !seen[id] { // a prefix may match two words of one name
			seen[id] = true
			ids = append(ids, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	more := len(ids) > f.Limit
	if more {
		ids = ids[:f.Limit]
	}
	return ids, more, nil
}

// employeeQuery is the ID step of a list: the ID column, the row source,
// the condition (with its leading WHERE) and order, and the arguments.
type employeeQuery struct {
	idCol, from, cond, order string
	args                     args
}

// employeeQuery builds the ID step of f; ok is false when f can match
// nobody (a query of titles or punctuation only).
func (s *Store) employeeQuery(ctx context.Context, f EmployeeFilter) (employeeQuery, bool, error) {
	var a args
	where := []string{}
	if !f.Scope.All {
		where = append(where, scopeClause(f.Scope, &a))
	}
	// The base row source and order of the ID step.
	from := "employee e"
	idCol := "e.id"
	order := "e.sort_name, e.id"
	if digits, ok := nip.SearchDigits(f.Query); ok {
		where = append(where, fmt.Sprintf("e.nip >= %s AND e.nip < %s", a.add(digits), a.add(digits+":")))
		order = "e.nip"
	} else if words := names.QueryWords(f.Query); len(words) == 1 {
		// One word: scan its range of the word index in order.
		from = "employee_word w JOIN employee e ON e.id = w.employee_id"
		idCol = "w.employee_id"
		where = append(where, wordRange("w.word", words[0], true, &a))
		order = "w.word, w.sort_name, w.employee_id"
	} else if len(words) > 1 {
		// Several words: intersect their ID sets (each a range scan of the
		// covering word index), then order the few matches by name. Every
		// word but the last must match whole; the last may be a prefix.
		var sets []string
		for i, w := range words {
			sets = append(sets, "SELECT employee_id FROM employee_word WHERE "+wordRange("word", w, i == len(words)-1, &a))
		}
		where = append(where, "e.id IN ("+strings.Join(sets, " INTERSECT ")+")")
	} else if strings.TrimSpace(f.Query) != "" {
		return employeeQuery{}, false, nil // only titles or punctuation: nothing to look for
	}
	if f.UnitID != 0 {
		u, err := s.Unit(ctx, f.UnitID)
		if err != nil {
			return employeeQuery{}, false, err
		}
		where = append(where, "e.unit_id IN (SELECT id FROM org_unit WHERE "+pathRange("path", u.Path, &a)+")")
	}
	if f.PositionType != "" {
		where = append(where, "e.position_id IN (SELECT id FROM position WHERE type = "+a.add(string(f.PositionType))+")")
	}
	if f.Golongan != "" {
		where = append(where, "e.golongan = "+a.add(f.Golongan))
	}
	if f.Status != "" {
		where = append(where, "e.status = "+a.add(string(f.Status)))
	}
	if f.Kind != "" {
		where = append(where, "e.kind = "+a.add(string(f.Kind)))
	}
	if len(where) == 0 && idCol == "e.id" {
		where = append(where, "TRUE")
	}
	if idCol == "w.employee_id" && f.Scope.All && len(where) == 1 {
		from = "employee_word w" // the word index alone answers
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	return employeeQuery{idCol: idCol, from: from, cond: cond, order: order, args: a}, true, nil
}

// employeesByID loads employees with display fields, in the order of ids.
// Unit and position labels and supervisors' names come from the label
// cache (labels.go): a join to the supervisor was a second random row read
// per listed employee, though most of a page shares a few supervisors.
func (s *Store) employeesByID(ctx context.Context, ids []int64) ([]EmployeeView, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	got, err := s.viewRows(ctx, ids, true)
	if errors.Is(err, errPacked) {
		got, err = s.viewRows(ctx, ids, false)
	}
	if err != nil {
		return nil, err
	}
	var unitIDs, posIDs, supIDs []int64
	for i := range got {
		v := &got[i]
		unitIDs, posIDs, supIDs = append(unitIDs, v.UnitID), append(posIDs, v.PositionID), append(supIDs, v.SupervisorID)
	}
	units, positions, err := s.labels(ctx, unitIDs, posIDs)
	if err != nil {
		return nil, err
	}
	sups, err := s.personLabels(ctx, supIDs)
	if err != nil {
		return nil, err
	}
	out := make([]EmployeeView, 0, len(got))
	for _, i := range inIDOrder(ids, got, func(v *EmployeeView) int64 { return v.ID }) {
		v := got[i]
		u, p, sp := units[v.UnitID], positions[v.PositionID], sups[v.SupervisorID]
		v.UnitName, v.UnitPath = u.Name, u.Path
		v.PositionTitle, v.PositionType, v.Jenjang = p.Title, model.PositionType(p.Type), p.Jenjang
		v.SupervisorName, v.SupervisorNIP = sp.Name, sp.NIP
		out = append(out, v)
	}
	return out, nil
}

// CountMatches counts the employees f matches (its Offset and Limit
// aside), up to limit: a search shows how many it found, and a broad one
// ("a") need not count a million rows to say "more than 10.000". It
// returns limit+1 when there are more than limit.
func (s *Store) CountMatches(ctx context.Context, f EmployeeFilter, limit int) (int, error) {
	q, ok, err := s.employeeQuery(ctx, f)
	if err != nil || !ok {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) FROM (SELECT DISTINCT %s FROM %s%s LIMIT %d) m`,
		q.idCol, q.from, q.cond, limit+1), q.args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count employees: %w", err)
	}
	return n, nil
}
