package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/model"
)

// loadSupPlan reads the unit tree (without heads).
func loadSupPlan(ctx context.Context, q queryer) (*model.SupervisorPlan, error) {
	p := model.NewSupervisorPlan(0)
	var id, parent int64
	if err := eachRow(ctx, q, `SELECT id, COALESCE(parent_id, 0) FROM org_unit ORDER BY depth, id`, nil, []any{&id, &parent}, func() {
		p.Add(id, parent)
	}); err != nil {
		return nil, fmt.Errorf("store: derive supervisors: %w", err)
	}
	return p, nil
}

// loadHeads sets each unit's head from the database: the first (lowest id)
// active holder of a head post, else an acting head (Plt./Plh.) today.
func (s *Store) loadHeads(ctx context.Context, q queryer, p *model.SupervisorPlan) error {
	today := s.today()
	var unitID, empID int64
	if err := eachRow(ctx, q, `
		SELECT p.unit_id, MIN(e.id) FROM position p JOIN employee e ON e.position_id = p.id
		WHERE p.is_head = TRUE AND e.status = 'aktif' GROUP BY p.unit_id
		UNION ALL
		SELECT p.unit_id, MIN(a.employee_id) FROM position p JOIN acting_assignment a ON a.position_id = p.id
		WHERE p.is_head = TRUE AND a.from_date <= $1 AND (a.until_date = '' OR a.until_date >= $1) GROUP BY p.unit_id`, []any{today}, []any{&unitID, &empID}, func() {
		p.SetHead(unitID, empID) // holders come first, acting heads only fill vacancies
	}); err != nil {
		return fmt.Errorf("store: derive supervisors: heads: %w", err)
	}
	return nil
}

func (s *Store) loadResolvedPlan(ctx context.Context, q queryer) (*model.SupervisorPlan, error) {
	p, err := loadSupPlan(ctx, q)
	if err != nil {
		return nil, err
	}
	if err := s.loadHeads(ctx, q, p); err != nil {
		return nil, err
	}
	p.Resolve()
	return p, nil
}

// deriveSupervisors sets the supervisor of every employee whose supervisor
// was not given explicitly (see model.SupervisorPlan). It runs one UPDATE per unit,
// inside the caller's transaction, and only touches rows whose supervisor
// actually changes: cheap when one edit changes a few rows. Loads that may
// change many rows use deriveAllSupervisors.
func (s *Store) deriveSupervisors(ctx context.Context, tx *sql.Tx) error {
	p, err := s.loadResolvedPlan(ctx, tx)
	if err != nil {
		return err
	}
	staff, err := tx.PrepareContext(ctx, `UPDATE employee SET supervisor_id = $1
		WHERE unit_id = $2 AND supervisor_set = FALSE AND id <> $3 AND supervisor_id IS DISTINCT FROM $1`)
	if err != nil {
		return err
	}
	defer staff.Close()
	head, err := tx.PrepareContext(ctx, `UPDATE employee SET supervisor_id = $1
		WHERE id = $2 AND unit_id = $3 AND supervisor_set = FALSE AND supervisor_id IS DISTINCT FROM $1`)
	if err != nil {
		return err
	}
	defer head.Close()
	// The same conditions, first recorded in the audit log and history.
	staffAudit, err := prepareBoth(ctx, tx, auditSupervisorChanges(`CAST($1 AS BIGINT)`,
		`employee.unit_id = $2 AND employee.supervisor_set = FALSE AND employee.id <> $3`, ``, "$4"))
	if err != nil {
		return err
	}
	defer closeBoth(staffAudit)
	headAudit, err := prepareBoth(ctx, tx, auditSupervisorChanges(`CAST($1 AS BIGINT)`,
		`employee.id = $2 AND employee.unit_id = $3 AND employee.supervisor_set = FALSE`, ``, "$4"))
	if err != nil {
		return err
	}
	defer closeBoth(headAudit)
	now := s.Now().Unix()
	for _, u := range p.Units {
		sup := u.Staff()
		if err := execPrepared(ctx, staffAudit, nullID(sup), u.ID, u.Head, now); err != nil {
			return fmt.Errorf("store: audit derived supervisors of unit %d: %w", u.ID, err)
		}
		if u.Head != 0 {
			if err := execPrepared(ctx, headAudit, nullID(u.Above), u.Head, u.ID, now); err != nil {
				return err
			}
		}
		if _, err := staff.ExecContext(ctx, nullID(sup), u.ID, u.Head); err != nil {
			return fmt.Errorf("store: derive supervisors of unit %d: %w", u.ID, err)
		}
		if u.Head != 0 {
			if _, err := head.ExecContext(ctx, nullID(u.Above), u.Head, u.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// deriveAllSupervisors does what deriveSupervisors does with one set-based
// UPDATE over a temporary unit → supervisor table: one pass over the
// employee table in storage order instead of one statement per unit, which
// is what a load of many rows wants.
func (s *Store) deriveAllSupervisors(ctx context.Context, tx *sql.Tx) error {
	p, err := s.loadResolvedPlan(ctx, tx)
	if err != nil {
		return err
	}
	return s.applyPlan(ctx, tx, p, true)
}

// applyPlan writes the supervisors of a resolved plan, set-based (see
// deriveAllSupervisors), with the changes audited when audit is set. A
// bulk load into an empty registry has nothing to audit: every employee is
// new in its transaction, and a supervisor derived at creation belongs to
// the creation's own audit entry (auditSupervisorChanges); the two audit
// statements would scan every row for nothing.
func (s *Store) applyPlan(ctx context.Context, tx *sql.Tx, p *model.SupervisorPlan, audit bool) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE unit_sup (unit_id BIGINT PRIMARY KEY, head_id BIGINT, staff_sup BIGINT, head_sup BIGINT)`); err != nil {
		return fmt.Errorf("store: derive supervisors: %w", err)
	}
	b := newBulkInserter(ctx, tx, "unit_sup", []string{"unit_id", "head_id", "staff_sup", "head_sup"}, 500)
	b.anon = s.dialect == SQLite
	for _, u := range p.Units {
		if err := b.add(u.ID, nullID(u.Head), nullID(u.Staff()), nullID(u.Above)); err != nil {
			return fmt.Errorf("store: derive supervisors: %w", err)
		}
	}
	if err := b.close(); err != nil {
		return fmt.Errorf("store: derive supervisors: %w", err)
	}
	if s.dialect == Postgres {
		if _, err := tx.ExecContext(ctx, `ANALYZE unit_sup`); err != nil {
			return err
		}
	}
	const sup = `CASE WHEN employee.id = u.head_id THEN u.head_sup ELSE u.staff_sup END`
	if audit {
		if err := execBoth(ctx, tx, auditSupervisorChanges(sup, `employee.supervisor_set = FALSE`,
			` JOIN unit_sup u ON u.unit_id = employee.unit_id`, "$1"), s.Now().Unix()); err != nil {
			return fmt.Errorf("store: audit derived supervisors: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE employee SET supervisor_id = `+sup+` FROM unit_sup u
		WHERE employee.unit_id = u.unit_id AND employee.supervisor_set = FALSE AND employee.supervisor_id IS DISTINCT FROM `+sup); err != nil {
		return fmt.Errorf("store: derive supervisors: %w", err)
	}
	_, err := tx.ExecContext(ctx, `DROP TABLE unit_sup`)
	return err
}

// DeriveSupervisors recomputes derived supervisors for the whole registry.
func (s *Store) DeriveSupervisors(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.deriveAllSupervisors(ctx, tx) })
}

// auditSupervisorChanges returns two INSERT … SELECT statements, one for
// the audit log and one for the employees' history, that record each
// employee whose derived supervisor is about to change from someone to
// someone else (newSup, for the rows matching where, joined through join).
// A supervisor derived for the first time, at creation or import, belongs to
// that creation's own audit entry. The JSON detail is built in SQL, so a head
// leaving a post with hundreds of staff costs two statements, not hundreds.
// at is the placeholder of the timestamp.
func auditSupervisorChanges(newSup, where, join, at string) [2]string {
	from := ` FROM employee` + join + ` WHERE ` + where +
		` AND employee.supervisor_id IS NOT NULL AND employee.supervisor_id IS DISTINCT FROM ` + newSup
	oldS, newS := `CAST(employee.supervisor_id AS TEXT)`, `COALESCE(CAST(`+newSup+` AS TEXT), '')`
	return [2]string{
		`INSERT INTO audit_log (at, actor, action, entity, entity_id, detail)
		SELECT ` + at + `, 'system', 'employee.supervisor_derived', 'employee', CAST(employee.id AS TEXT),
			'{"supervisor_id":["' || ` + oldS + ` || '","' || ` + newS + ` || '"]}'` + from,
		`INSERT INTO employee_history (employee_id, at, field, old_value, new_value)
		SELECT employee.id, ` + at + `, 'supervisor_id', ` + oldS + `, ` + newS + from,
	}
}

// execBoth runs both statements of auditSupervisorChanges.
func execBoth(ctx context.Context, q queryer, stmts [2]string, args ...any) error {
	for _, st := range stmts {
		if _, err := q.ExecContext(ctx, st, args...); err != nil {
			return err
		}
	}
	return nil
}

func prepareBoth(ctx context.Context, tx *sql.Tx, stmts [2]string) ([2]*sql.Stmt, error) {
	var out [2]*sql.Stmt
	for i, q := range stmts {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			closeBoth(out)
			return out, err
		}
		out[i] = st
	}
	return out, nil
}

func execPrepared(ctx context.Context, stmts [2]*sql.Stmt, args ...any) error {
	for _, st := range stmts {
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

func closeBoth(stmts [2]*sql.Stmt) {
	for _, st := range stmts {
		if st != nil {
			st.Close()
		}
	}
}
