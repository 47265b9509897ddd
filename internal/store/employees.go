package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// EmployeeView is an employee with the names of what it points at, as lists
// and profiles show it.
type EmployeeView struct {
	model.Employee
	UnitName       string
	UnitPath       string
	PositionTitle  string
	PositionType   model.PositionType
	Jenjang        string
	SupervisorName string
	SupervisorNIP  string
	RetirementDate time.Time
}

const employeeCols = `e.id, e.nip, e.name, e.gelar_depan, e.gelar_belakang, e.birth_place, e.birth_date, e.gender, e.kind,
	e.golongan, COALESCE(e.position_id, 0), e.unit_id, COALESCE(e.supervisor_id, 0), e.supervisor_set, e.email, e.phone,
	e.status, e.retirement_date, e.updated_at`

const employeeViewFrom = ` FROM employee e
	JOIN org_unit u ON u.id = e.unit_id
	LEFT JOIN position p ON p.id = e.position_id
	LEFT JOIN employee s ON s.id = e.supervisor_id`

const employeeViewCols = employeeCols + `, ` + unitPlaceU + `, u.path, COALESCE(p.title, ''), COALESCE(p.type, ''), COALESCE(p.jenjang, ''),
	COALESCE(s.name, ''), COALESCE(s.gelar_depan, ''), COALESCE(s.gelar_belakang, ''), COALESCE(s.nip, '')`

func scanEmployee(sc interface{ Scan(...any) error }, e *model.Employee, extra ...any) (retire string, err error) {
	var birth string
	var updated int64
	dest := []any{&e.ID, &e.NIP, &e.Name, &e.GelarDepan, &e.GelarBelakang, &e.BirthPlace, &birth, &e.Gender, &e.Kind,
		&e.Golongan, &e.PositionID, &e.UnitID, &e.SupervisorID, &e.SupervisorSet, &e.Email, &e.Phone,
		&e.Status, &retire, &updated}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return "", err
	}
	e.BirthDate = date.ParseStored(birth)
	e.UpdatedAt = unixTime(updated)
	return retire, nil
}

func scanEmployeeView(sc interface{ Scan(...any) error }, v *EmployeeView) error {
	var supName, supFront, supBack string
	retire, err := scanEmployee(sc, &v.Employee, &v.UnitName, &v.UnitPath, &v.PositionTitle, &v.PositionType, &v.Jenjang,
		&supName, &supFront, &supBack, &v.SupervisorNIP)
	if err != nil {
		return err
	}
	v.RetirementDate = date.ParseStored(retire)
	if supName != "" {
		v.SupervisorName = names.Display(supFront, supName, supBack)
	}
	return nil
}

// Employee returns one employee with display fields.
func (s *Store) Employee(ctx context.Context, id int64) (*EmployeeView, error) {
	var v EmployeeView
	err := scanEmployeeView(s.db.QueryRowContext(ctx, `SELECT `+employeeViewCols+employeeViewFrom+` WHERE e.id = $1`, id), &v)
	if err != nil {
		return nil, notFound(err, "err.common.employee_not_found", id)
	}
	return &v, nil
}

// EmployeeByNIP returns one employee by NIP (digits only).
func (s *Store) EmployeeByNIP(ctx context.Context, nip string) (*EmployeeView, error) {
	var v EmployeeView
	err := scanEmployeeView(s.db.QueryRowContext(ctx, `SELECT `+employeeViewCols+employeeViewFrom+` WHERE e.nip = $1`, nip), &v)
	if err != nil {
		return nil, notFound(err, "err.employee.nip_not_found", nip)
	}
	return &v, nil
}

// retirementFor computes the retirement date from the birth date and the
// position (its type, jenjang and title decide the age in the settings).
func retirementFor(ctx context.Context, q queryer, e *model.Employee) (string, error) {
	var t model.PositionType
	var jenjang, title string
	if e.PositionID != 0 {
		if err := q.QueryRowContext(ctx, `SELECT type, jenjang, title FROM position WHERE id = $1`, e.PositionID).Scan(&t, &jenjang, &title); err != nil {
			return "", notFound(err, "err.employee.position_does_not_exist", e.PositionID)
		}
	}
	set, err := loadSettings(ctx, q)
	if err != nil {
		return "", err
	}
	return date.Format(model.RetirementDate(e.BirthDate, set.Retirement.Age(t, jenjang, title))), nil
}

// CreateEmployee inserts a validated employee (see registry.Check) and
// derives supervisors when none was given.
func (s *Store) CreateEmployee(ctx context.Context, a model.Actor, e *model.Employee) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.insertEmployee(ctx, tx, e); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, a, "employee.create", "employee", e.ID, employeeFields(e)); err != nil {
			return err
		}
		if !e.SupervisorSet {
			return s.deriveSupervisors(ctx, tx)
		}
		return nil
	})
}

func (s *Store) insertEmployee(ctx context.Context, tx *sql.Tx, e *model.Employee) error {
	retire, err := retirementFor(ctx, tx, e)
	if err != nil {
		return err
	}
	e.UpdatedAt = s.Now()
	id, err := insertID(ctx, tx, `INSERT INTO employee (nip, name, gelar_depan, gelar_belakang, sort_name, birth_place, birth_date,
		gender, kind, golongan, position_id, unit_id, supervisor_id, supervisor_set, email, phone, status, retirement_date, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
		e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, names.SortKey(e.Name), e.BirthPlace, date.Format(e.BirthDate),
		string(e.Gender), string(e.Kind), e.Golongan, nullID(e.PositionID), e.UnitID, nullID(e.SupervisorID), e.SupervisorSet,
		e.Email, e.Phone, string(e.Status), retire, e.UpdatedAt.Unix())
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.employee.nip_already_registered", e.NIP)
	}
	if isForeignKeyViolation(err) {
		return apperr.Invalid("unit", "err.employee.unit_or_position_missing")
	}
	if err != nil {
		return fmt.Errorf("store: create employee %s: %w", e.NIP, err)
	}
	e.ID = id
	return writeWords(ctx, tx, e.ID, e.Name)
}

// writeWords adds the search words of one employee's new name (after
// deleteWords on a rename). A word already stored is left as it is.
func writeWords(ctx context.Context, q queryer, id int64, name string) error {
	key := names.SortKey(name)
	for _, w := range names.SearchWords(name) {
		if _, err := q.ExecContext(ctx, `INSERT INTO employee_word (word, sort_name, employee_id) VALUES ($1, $2, $3)
			ON CONFLICT DO NOTHING`, w, key, id); err != nil {
			return fmt.Errorf("store: search words of %d: %w", id, err)
		}
	}
	return nil
}

// deleteWords deletes the search words of an employee's stored name and
// sort key, both read by the caller in the same transaction before the
// rename. employee_word has no index on employee_id (a million-row import
// paid ≈ 1.6 s to build one that only renames used), so the words are
// deleted by the primary key (word, sort_name, employee_id): the words of
// the stored name under the stored sort_name, which every path writes with
// the words, and under the key names.SortKey gives for the name today,
// should the two differ. The words are those names.SearchWords gives today:
// a change to how it splits names must rebuild employee_word, or a rename
// would leave words written the old way behind.
func deleteWords(ctx context.Context, q queryer, id int64, storedName, storedKey string) error {
	words := names.SearchWords(storedName)
	if len(words) == 0 {
		return nil
	}
	var a args
	wm := make([]string, len(words))
	for i, w := range words {
		wm[i] = a.add(w)
	}
	km := []string{a.add(storedKey)}
	if k := names.SortKey(storedName); k != storedKey {
		km = append(km, a.add(k))
	}
	_, err := q.ExecContext(ctx, `DELETE FROM employee_word WHERE word IN (`+strings.Join(wm, ",")+`)
		AND sort_name IN (`+strings.Join(km, ",")+`) AND employee_id = `+a.add(id), a...)
	if err != nil {
		return fmt.Errorf("store: search words of %d: %w", id, err)
	}
	return nil
}

// employeeFields is the audit form of an employee: every stored field.
func employeeFields(e *model.Employee) map[string]string {
	return map[string]string{
		"nip": e.NIP, "name": e.Name, "gelar_depan": e.GelarDepan, "gelar_belakang": e.GelarBelakang,
		"birth_place": e.BirthPlace, "birth_date": date.Format(e.BirthDate), "gender": string(e.Gender),
		"kind": string(e.Kind), "golongan": e.Golongan, "position_id": fmt.Sprint(e.PositionID),
		"unit_id": fmt.Sprint(e.UnitID), "supervisor_id": supervisorField(e), "email": e.Email,
		"phone": e.Phone, "status": string(e.Status),
	}
}

func supervisorField(e *model.Employee) string {
	if !e.SupervisorSet {
		return "auto"
	}
	return fmt.Sprint(e.SupervisorID)
}

// historyFields are the changes kept in an employee's own history.
var historyFields = []string{"position_id", "unit_id", "status", "golongan"}

// employeeChanges compares two versions field by field.
func employeeChanges(old, new *model.Employee) map[string]Change {
	a, b := employeeFields(old), employeeFields(new)
	ch := map[string]Change{}
	for k, v := range a {
		diff(ch, k, v, b[k])
	}
	return ch
}

// UpdateEmployee stores a changed employee (matched by e.ID): it records the
// changed fields in the audit log and position, unit, status and golongan
// changes in the employee's history. It reports whether anything changed.
func (s *Store) UpdateEmployee(ctx context.Context, a model.Actor, e *model.Employee) (bool, error) {
	changed := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		old, err := s.employeePosition(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		changed, err = s.updateEmployeeTx(ctx, tx, a, e)
		if err != nil || !changed {
			return err
		}
		if old != e.PositionID { // a new position brings a new standard
			if err := s.recomputeJPM(ctx, tx, e.ID); err != nil {
				return err
			}
		}
		return s.deriveSupervisors(ctx, tx)
	})
	return changed, err
}

func (s *Store) updateEmployeeTx(ctx context.Context, tx *sql.Tx, a model.Actor, e *model.Employee) (bool, error) {
	var old model.Employee
	if _, err := scanEmployee(tx.QueryRowContext(ctx, `SELECT `+employeeCols+` FROM employee e WHERE e.id = $1`, e.ID), &old); err != nil {
		return false, notFound(err, "err.common.employee_not_found", e.ID)
	}
	if !e.SupervisorSet {
		e.SupervisorID = old.SupervisorID // derived; recomputed after the write
	}
	ch := employeeChanges(&old, e)
	if len(ch) == 0 {
		return false, nil
	}
	return true, s.writeEmployeeChanges(ctx, tx, a, &old, e, ch, "employee.update")
}

// employeePosition reads an employee's current position (0: none).
func (s *Store) employeePosition(ctx context.Context, q queryer, id int64) (int64, error) {
	var pos sql.NullInt64
	if err := q.QueryRowContext(ctx, `SELECT position_id FROM employee WHERE id = $1`, id).Scan(&pos); err != nil {
		return 0, notFound(err, "err.common.employee_not_found", id)
	}
	return pos.Int64, nil
}

// writeEmployeeChanges writes e over old, its history and its audit entry.
func (s *Store) writeEmployeeChanges(ctx context.Context, q queryer, a model.Actor, old, e *model.Employee, ch map[string]Change, action string) error {
	retire, err := retirementFor(ctx, q, e)
	if err != nil {
		return err
	}
	// A rename replaces the search words: those of the name and sort key
	// stored now (see deleteWords).
	_, renamed := ch["name"]
	var storedName, storedKey string
	if renamed {
		if err := q.QueryRowContext(ctx, `SELECT name, sort_name FROM employee WHERE id = $1`, e.ID).Scan(&storedName, &storedKey); err != nil {
			return notFound(err, "err.common.employee_not_found", e.ID)
		}
	}
	now := s.Now()
	e.UpdatedAt = now
	_, err = q.ExecContext(ctx, `UPDATE employee SET nip=$1, name=$2, gelar_depan=$3, gelar_belakang=$4, sort_name=$5, birth_place=$6,
		birth_date=$7, gender=$8, kind=$9, golongan=$10, position_id=$11, unit_id=$12, supervisor_id=$13, supervisor_set=$14,
		email=$15, phone=$16, status=$17, retirement_date=$18, updated_at=$19 WHERE id=$20`,
		e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, names.SortKey(e.Name), e.BirthPlace, date.Format(e.BirthDate),
		string(e.Gender), string(e.Kind), e.Golongan, nullID(e.PositionID), e.UnitID, nullID(e.SupervisorID), e.SupervisorSet,
		e.Email, e.Phone, string(e.Status), retire, now.Unix(), e.ID)
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.employee.nip_already_registered", e.NIP)
	}
	if isForeignKeyViolation(err) {
		return apperr.Invalid("unit", "err.employee.unit_or_position_missing")
	}
	if err != nil {
		return fmt.Errorf("store: update employee %s: %w", e.NIP, err)
	}
	if renamed {
		if err := deleteWords(ctx, q, e.ID, storedName, storedKey); err != nil {
			return err
		}
		if err := writeWords(ctx, q, e.ID, e.Name); err != nil {
			return err
		}
	}
	for _, f := range historyFields {
		if c, ok := ch[f]; ok {
			if _, err := q.ExecContext(ctx, `INSERT INTO employee_history (employee_id, at, field, old_value, new_value, actor_id)
				VALUES ($1, $2, $3, $4, $5, $6)`, e.ID, now.Unix(), f, c[0], c[1], nullID(a.UserID)); err != nil {
				return err
			}
		}
	}
	return s.audit(ctx, q, a, action, "employee", e.ID, ch)
}

// History returns an employee's position, unit, status and golongan changes,
// newest first, with IDs resolved to names.
func (s *Store) History(ctx context.Context, employeeID int64) ([]model.HistoryEntry, error) {
	var out []model.HistoryEntry
	var h model.HistoryEntry
	var at int64
	if err := eachRow(ctx, s.db, `SELECT h.id, h.employee_id, h.at, h.field,
		CASE h.field WHEN 'unit_id' THEN COALESCE((SELECT name FROM org_unit WHERE CAST(id AS TEXT) = h.old_value), h.old_value)
		             WHEN 'position_id' THEN COALESCE((SELECT title FROM position WHERE CAST(id AS TEXT) = h.old_value), h.old_value)
		             ELSE h.old_value END,
		CASE h.field WHEN 'unit_id' THEN COALESCE((SELECT name FROM org_unit WHERE CAST(id AS TEXT) = h.new_value), h.new_value)
		             WHEN 'position_id' THEN COALESCE((SELECT title FROM position WHERE CAST(id AS TEXT) = h.new_value), h.new_value)
		             ELSE h.new_value END,
		COALESCE(h.actor_id, 0)
		FROM employee_history h WHERE h.employee_id = $1 ORDER BY h.at DESC, h.id DESC`, []any{employeeID}, []any{&h.ID, &h.EmployeeID, &at, &h.Field, &h.OldValue, &h.NewValue, &h.ActorID}, func() {
		h.At = unixTime(at)
		h.Field = strings.TrimSuffix(h.Field, "_id")
		out = append(out, h)
	}); err != nil {
		return nil, fmt.Errorf("store: history: %w", err)
	}
	return out, nil
}

func unixTime(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// EmployeeNameParts returns an employee's name and titles only, e.g. for
// the signed-in user's name in the page header.
func (s *Store) EmployeeNameParts(ctx context.Context, id int64) (gelarDepan, name, gelarBelakang string, err error) {
	err = s.queryRow(ctx, `SELECT gelar_depan, name, gelar_belakang FROM employee WHERE id = $1`, id).Scan(&gelarDepan, &name, &gelarBelakang)
	if err != nil {
		return "", "", "", notFound(err, "err.common.employee_not_found", id)
	}
	return gelarDepan, name, gelarBelakang, nil
}
