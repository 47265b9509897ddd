package store

import (
	"context"
	"database/sql"
	"fmt"
)

// deriveSupervisors sets the supervisor of every employee whose supervisor
// was not given explicitly: the holder of their unit's head post, or for
// the head themself (or a unit without a head) the head of the nearest
// ancestor unit that has one. An acting head (Plt./Plh.) counts when the head
// post has no holder. It runs one UPDATE per unit, inside the caller's
// transaction, and only touches rows whose supervisor actually changes.
func (s *Store) deriveSupervisors(ctx context.Context, tx *sql.Tx) error {
	type unit struct {
		id, parent int64
		head       int64 // employee heading this unit, 0 if vacant
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, COALESCE(parent_id, 0) FROM org_unit ORDER BY depth`)
	if err != nil {
		return fmt.Errorf("store: derive supervisors: %w", err)
	}
	var units []*unit
	byID := map[int64]*unit{}
	for rows.Next() {
		u := &unit{}
		if err := rows.Scan(&u.id, &u.parent); err != nil {
			rows.Close()
			return err
		}
		units = append(units, u)
		byID[u.id] = u
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	today := dateText(s.Now())
	heads, err := tx.QueryContext(ctx, `
		SELECT p.unit_id, MIN(e.id) FROM position p JOIN employee e ON e.position_id = p.id
		WHERE p.is_head = TRUE AND e.status = 'aktif' GROUP BY p.unit_id
		UNION ALL
		SELECT p.unit_id, MIN(a.employee_id) FROM position p JOIN acting_assignment a ON a.position_id = p.id
		WHERE p.is_head = TRUE AND a.from_date <= $1 AND (a.until_date = '' OR a.until_date >= $1) GROUP BY p.unit_id`, today)
	if err != nil {
		return fmt.Errorf("store: derive supervisors: heads: %w", err)
	}
	for heads.Next() {
		var unitID, empID int64
		if err := heads.Scan(&unitID, &empID); err != nil {
			heads.Close()
			return err
		}
		if u := byID[unitID]; u != nil && u.head == 0 { // holders come first, acting heads only fill vacancies
			u.head = empID
		}
	}
	heads.Close()
	if err := heads.Err(); err != nil {
		return err
	}
	// headAbove returns the nearest head strictly above unit u.
	headAbove := func(u *unit) int64 {
		for p := byID[u.parent]; p != nil; p = byID[p.parent] {
			if p.head != 0 {
				return p.head
			}
		}
		return 0
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
	for _, u := range units {
		above := headAbove(u)
		sup := u.head
		if sup == 0 {
			sup = above
		}
		if _, err := staff.ExecContext(ctx, nullID(sup), u.id, u.head); err != nil {
			return fmt.Errorf("store: derive supervisors of unit %d: %w", u.id, err)
		}
		if u.head != 0 {
			if _, err := head.ExecContext(ctx, nullID(above), u.head, u.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// DeriveSupervisors recomputes derived supervisors for the whole registry.
func (s *Store) DeriveSupervisors(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.deriveSupervisors(ctx, tx) })
}
