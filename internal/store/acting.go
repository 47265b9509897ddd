package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
)

// Acting assignments (Plt./Plh.) are read by scope (UnitsHeadedBy), by
// supervisor derivation (loadHeads) and by who may rate or be named
// supervisor, each comparing the dates with today: an assignment ends by
// itself on its end date without a job. Only the supervisors stored per
// employee need a write when an assignment starts or ends on a later day
// than it was recorded: RefreshActingSupervisors, run by the server's
// daily pass (cli serve), re-derives them.

// AddActing records an acting assignment, checked by
// model.ActingAssignment.Validate and against the stored facts: the post
// is a unit's head post, the employee active and not its holder, and no
// other assignment to the post shares a day with it. Supervisors are
// re-derived and the change audited in the same transaction. Callers
// check policy.OrgWrite.
func (s *Store) AddActing(ctx context.Context, a model.Actor, x *model.ActingAssignment) error {
	if err := x.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		detail, err := s.addActingTx(ctx, tx, x)
		if err != nil {
			return err
		}
		if err := s.deriveSupervisors(ctx, tx); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "acting.add", "employee", x.EmployeeID, detail)
	})
}

// addActingTx checks and inserts x inside tx, without deriving supervisors
// or auditing, and returns the audit detail.
func (s *Store) addActingTx(ctx context.Context, tx *sql.Tx, x *model.ActingAssignment) (map[string]any, error) {
	if err := checkActing(ctx, tx, x); err != nil {
		return nil, err
	}
	id, err := insertID(ctx, tx, `INSERT INTO acting_assignment (employee_id, position_id, kind, from_date, until_date, decree_no, decree_date, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, x.EmployeeID, x.PositionID, x.Kind, date.Format(x.From), date.Format(x.Until),
		x.DecreeNo, date.Format(x.DecreeDate), s.Now().Unix())
	if err != nil {
		return nil, fmt.Errorf("store: add acting assignment: %w", err)
	}
	x.ID = id
	return map[string]any{"acting": id, "position_id": x.PositionID, "kind": x.Kind, "from": date.Format(x.From),
		"until": date.Format(x.Until), "decree_no": x.DecreeNo, "decree_date": date.Format(x.DecreeDate)}, nil
}

// checkActing checks x against the stored post, employee and the other
// assignments to the post.
func checkActing(ctx context.Context, tx *sql.Tx, x *model.ActingAssignment) error {
	var p model.Position
	if err := scanPosition(tx.QueryRowContext(ctx, `SELECT `+positionCols+` FROM position WHERE id = $1`, x.PositionID), &p); err != nil {
		return notFound(err, "err.acting.position_not_found", x.PositionID)
	}
	if !p.IsHead {
		return apperr.Invalid("position", "err.acting.not_head_post", p.Title)
	}
	var status string
	var pos sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT status, position_id FROM employee WHERE id = $1`, x.EmployeeID).Scan(&status, &pos); err != nil {
		return notFound(err, "err.common.employee_not_found", x.EmployeeID)
	}
	if status != string(model.StatusAktif) {
		return apperr.Invalid("employee", "err.acting.employee_not_active")
	}
	if pos.Int64 == x.PositionID {
		return apperr.Invalid("employee", "err.acting.holds_post")
	}
	return actingOverlap(ctx, tx, x, p.Title)
}

// actingOverlap refuses x when another assignment to its post shares a day
// with it (title names the post in the message).
func actingOverlap(ctx context.Context, tx *sql.Tx, x *model.ActingAssignment, title string) error {
	var o model.ActingAssignment
	var from, until string
	var clash error
	if err := eachRow(ctx, tx, `SELECT id, from_date, until_date FROM acting_assignment WHERE position_id = $1 AND id <> $2`,
		[]any{x.PositionID, x.ID}, []any{&o.ID, &from, &until}, func() {
			o.From, o.Until = date.ParseStored(from), date.ParseStored(until)
			if clash == nil && o.Overlaps(x) {
				clash = apperr.New(apperr.ECONFLICT, "err.acting.overlap", title, from, until)
			}
		}); err != nil {
		return fmt.Errorf("store: acting assignments of post %d: %w", x.PositionID, err)
	}
	return clash
}

// EndActing ends an acting assignment on until (its last day): the decree
// revoking it, or a holder appointed. A day before its start is refused, and
// so is a later end that would overlap another assignment to the post; a
// mistaken record is removed with RemoveActing.
func (s *Store) EndActing(ctx context.Context, a model.Actor, id int64, until time.Time) error {
	if until.IsZero() {
		return apperr.Invalid("until", "err.acting.until_required")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		x, err := actingTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if until.Before(x.From) {
			return apperr.Invalid("until", "err.acting.until_before_from", date.Format(until), date.Format(x.From))
		}
		old := x.Until
		if x.Until = until; old.IsZero() || until.After(old) {
			if err := actingOverlap(ctx, tx, x, x.PositionTitle); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE acting_assignment SET until_date = $1 WHERE id = $2`, date.Format(until), id); err != nil {
			return fmt.Errorf("store: end acting assignment: %w", err)
		}
		if err := s.deriveSupervisors(ctx, tx); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "acting.end", "employee", x.EmployeeID, map[string]any{"acting": id,
			"until": Change{date.Format(old), date.Format(until)}})
	})
}

// RemoveActing deletes an assignment recorded by mistake; the audit entry
// keeps what it was.
func (s *Store) RemoveActing(ctx context.Context, a model.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		x, err := actingTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM acting_assignment WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: remove acting assignment: %w", err)
		}
		if err := s.deriveSupervisors(ctx, tx); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "acting.remove", "employee", x.EmployeeID, map[string]any{"acting": id,
			"position_id": x.PositionID, "kind": x.Kind, "from": date.Format(x.From), "until": date.Format(x.Until), "decree_no": x.DecreeNo})
	})
}

const actingCols = `a.id, a.employee_id, a.position_id, a.kind, a.from_date, a.until_date, a.decree_no, a.decree_date,
	e.name, e.nip, p.title, p.unit_id, u.name`

const actingFrom = ` FROM acting_assignment a JOIN employee e ON e.id = a.employee_id
	JOIN position p ON p.id = a.position_id JOIN org_unit u ON u.id = p.unit_id`

// actingReader returns the scan targets of actingCols and a function that
// completes x after each row.
func actingReader(x *model.ActingAssignment) ([]any, func()) {
	var from, until, decree string
	return []any{&x.ID, &x.EmployeeID, &x.PositionID, &x.Kind, &from, &until, &x.DecreeNo, &decree,
			&x.EmployeeName, &x.EmployeeNIP, &x.PositionTitle, &x.UnitID, &x.UnitName}, func() {
			x.From, x.Until, x.DecreeDate = date.ParseStored(from), date.ParseStored(until), date.ParseStored(decree)
		}
}

func actingTx(ctx context.Context, q queryer, id int64) (*model.ActingAssignment, error) {
	var x model.ActingAssignment
	dest, fill := actingReader(&x)
	if err := q.QueryRowContext(ctx, `SELECT `+actingCols+actingFrom+` WHERE a.id = $1`, id).Scan(dest...); err != nil {
		return nil, notFound(err, "err.acting.not_found", id)
	}
	fill()
	return &x, nil
}

// Acting returns one acting assignment.
func (s *Store) Acting(ctx context.Context, id int64) (*model.ActingAssignment, error) {
	return actingTx(ctx, s.db, id)
}

// ActingFilter selects acting assignments: of the posts of one unit, of one
// employee, and only those not ended by today.
type ActingFilter struct {
	UnitID     int64
	EmployeeID int64
	Current    bool // in force today or starting later
	Limit      int  // 0: 500
}

// ActingAssignments lists acting assignments, the latest start first.
func (s *Store) ActingAssignments(ctx context.Context, f ActingFilter) ([]model.ActingAssignment, error) {
	var b args
	where := ` WHERE 1 = 1`
	if f.UnitID != 0 {
		where += ` AND p.unit_id = ` + b.add(f.UnitID)
	}
	if f.EmployeeID != 0 {
		where += ` AND a.employee_id = ` + b.add(f.EmployeeID)
	}
	if f.Current {
		where += ` AND (a.until_date = '' OR a.until_date >= ` + b.add(s.today()) + `)`
	}
	if f.Limit <= 0 {
		f.Limit = 500
	}
	var out []model.ActingAssignment
	var x model.ActingAssignment
	dest, fill := actingReader(&x)
	if err := eachRow(ctx, s.db, `SELECT `+actingCols+actingFrom+where+` ORDER BY a.from_date DESC, a.id DESC LIMIT `+b.add(f.Limit), b, dest, func() {
		fill()
		out = append(out, x)
	}); err != nil {
		return nil, fmt.Errorf("store: acting assignments: %w", err)
	}
	return out, nil
}

// RefreshActingSupervisors re-derives the stored supervisors when an
// acting assignment of a head post started after since or ended before
// today (the day after its last day being the first without it), and
// reports whether it did. The reads of scope need no such pass; the
// supervisor column does, as lists, ratings and exports read it stored.
// Re-deriving writes and audits only the rows whose supervisor changes.
func (s *Store) RefreshActingSupervisors(ctx context.Context, since time.Time) (bool, error) {
	today, from := s.today(), model.CycleToday(since)
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM acting_assignment a JOIN position p ON p.id = a.position_id
		WHERE p.is_head = TRUE AND ((a.from_date > $1 AND a.from_date <= $2) OR (a.until_date <> '' AND a.until_date >= $1 AND a.until_date < $2))`,
		from, today).Scan(&n); err != nil {
		return false, fmt.Errorf("store: acting transitions: %w", err)
	}
	if n == 0 {
		return false, nil
	}
	return true, s.DeriveSupervisors(ctx)
}

// errDryRun rolls back the transaction of an import's dry run.
var errDryRun = errors.New("store: dry run")

// ImportActing checks and, with apply, records the rows of an acting
// assignments file in one transaction: each row is checked as AddActing
// checks one (the rows before it included, so two rows of a file for one
// post on the same days are refused as two records would be), the good ones
// written with one audit row each under the import's event (which keeps the
// file), supervisors re-derived once at the end. A dry run does the same and
// rolls it back, so it reports exactly what the apply would. It returns the
// problem of each row refused, by index in rows (nil: good).
func (s *Store) ImportActing(ctx context.Context, a model.Actor, ev TalentImportEvent, rows []model.ActingAssignment, apply bool) ([]error, error) {
	problems := make([]error, len(rows))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var au *recordAuditor
		if apply {
			eventID, err := s.auditTalentImport(ctx, tx, a, ev, map[string]any{})
			if err != nil {
				return err
			}
			au = s.recordAudit(ctx, tx, a, eventID)
		}
		good := 0
		for i := range rows {
			x := &rows[i]
			if err := x.Validate(); err != nil {
				problems[i] = err
				continue
			}
			detail, err := s.addActingTx(ctx, tx, x)
			if apperr.Code(err) == apperr.EINTERNAL {
				return err
			}
			if problems[i] = err; err != nil {
				continue
			}
			good++
			if au != nil {
				if err := au.add("acting.add", x.EmployeeID, detail); err != nil {
					return err
				}
			}
		}
		if !apply {
			return errDryRun
		}
		if err := au.close(); err != nil || good == 0 {
			return err
		}
		return s.deriveAllSupervisors(ctx, tx)
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return problems, err
}

// PositionsByCode returns the IDs of the positions with the given codes, by
// code; unknown codes are absent.
func (s *Store) PositionsByCode(ctx context.Context, codes []string) (map[string]int64, error) {
	out := map[string]int64{}
	seen := map[string]bool{}
	var uniq []string
	for _, c := range codes {
		if c != "" && !seen[c] {
			seen[c] = true
			uniq = append(uniq, c)
		}
	}
	for len(uniq) > 0 {
		n := min(len(uniq), 500)
		var b args
		var code string
		var id int64
		if err := eachRow(ctx, s.db, `SELECT code, id FROM position WHERE code IN (`+inList(&b, uniq[:n])+`)`, b, []any{&code, &id}, func() {
			out[code] = id
		}); err != nil {
			return nil, fmt.Errorf("store: positions by code: %w", err)
		}
		uniq = uniq[n:]
	}
	return out, nil
}
