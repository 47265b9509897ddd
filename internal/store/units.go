package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

const unitCols = `id, code, name, kind, COALESCE(parent_id, 0), path, depth`

func scanUnit(sc interface{ Scan(...any) error }, u *model.OrgUnit) error {
	return sc.Scan(&u.ID, &u.Code, &u.Name, &u.Kind, &u.ParentID, &u.Path, &u.Depth)
}

// CreateUnit adds a unit under u.ParentID (0 makes a root) and fills u.ID,
// u.Path and u.Depth.
func (s *Store) CreateUnit(ctx context.Context, a model.Actor, u *model.OrgUnit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.createUnitTx(ctx, tx, a, u)
	})
}

func (s *Store) createUnitTx(ctx context.Context, tx *sql.Tx, a model.Actor, u *model.OrgUnit) error {
	parentPath := "/"
	u.Depth = 0
	if u.ParentID != 0 {
		var p model.OrgUnit
		if err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitCols+` FROM org_unit WHERE id = $1`, u.ParentID), &p); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return apperr.Invalid("parent", "err.unit.parent_not_found", u.ParentID)
			}
			return err
		}
		parentPath = p.Path
		u.Depth = p.Depth + 1
	}
	id, err := insertID(ctx, tx, `INSERT INTO org_unit (code, name, kind, parent_id, path, depth) VALUES ($1, $2, $3, $4, '', $5)`,
		u.Code, u.Name, string(u.Kind), nullID(u.ParentID), u.Depth)
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.unit.code_in_use", u.Code)
	}
	if err != nil {
		return fmt.Errorf("store: create unit %s: %w", u.Code, err)
	}
	u.ID = id
	u.Path = fmt.Sprintf("%s%d/", parentPath, id)
	if _, err := tx.ExecContext(ctx, `UPDATE org_unit SET path = $1 WHERE id = $2`, u.Path, id); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "unit.create", "org_unit", id, map[string]string{"code": u.Code, "name": u.Name, "kind": string(u.Kind)})
}

// UpdateUnit changes a unit's code, name and kind (not its place in the tree).
func (s *Store) UpdateUnit(ctx context.Context, a model.Actor, u *model.OrgUnit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old model.OrgUnit
		if err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitCols+` FROM org_unit WHERE id = $1`, u.ID), &old); err != nil {
			return notFound(err, "err.common.unit_not_found", u.ID)
		}
		changes := map[string]Change{}
		diff(changes, "code", old.Code, u.Code)
		diff(changes, "name", old.Name, u.Name)
		diff(changes, "kind", string(old.Kind), string(u.Kind))
		if len(changes) == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE org_unit SET code = $1, name = $2, kind = $3 WHERE id = $4`, u.Code, u.Name, string(u.Kind), u.ID)
		if isUniqueViolation(err) {
			return apperr.New(apperr.ECONFLICT, "err.unit.code_in_use", u.Code)
		}
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "unit.update", "org_unit", u.ID, changes)
	})
}

// Unit returns one unit by ID.
func (s *Store) Unit(ctx context.Context, id int64) (*model.OrgUnit, error) {
	var u model.OrgUnit
	if err := scanUnit(s.queryRow(ctx, `SELECT `+unitCols+` FROM org_unit WHERE id = $1`, id), &u); err != nil {
		return nil, notFound(err, "err.common.unit_not_found", id)
	}
	return &u, nil
}

// Units returns every unit ordered by depth, then name.
// A pemda has hundreds to a few thousand units, so this stays small.
func (s *Store) Units(ctx context.Context) ([]model.OrgUnit, error) {
	return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit ORDER BY depth, name`)
}

// ChildUnits returns the direct children of a unit (parent 0: the roots).
func (s *Store) ChildUnits(ctx context.Context, parentID int64) ([]model.OrgUnit, error) {
	if parentID == 0 {
		return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE parent_id IS NULL ORDER BY name`)
	}
	return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE parent_id = $1 ORDER BY kind, name`, parentID)
}

// Ancestors returns the chain from the root down to and including unit id.
func (s *Store) Ancestors(ctx context.Context, id int64) ([]model.OrgUnit, error) {
	u, err := s.Unit(ctx, id)
	if err != nil {
		return nil, err
	}
	var ids []any
	var marks []string
	for _, p := range strings.Split(strings.Trim(u.Path, "/"), "/") {
		ids = append(ids, p)
		marks = append(marks, fmt.Sprintf("$%d", len(ids)))
	}
	return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE CAST(id AS TEXT) IN (`+strings.Join(marks, ",")+`) ORDER BY depth`, ids...)
}

func (s *Store) queryUnits(ctx context.Context, q string, args ...any) ([]model.OrgUnit, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: units: %w", err)
	}
	defer rows.Close()
	var out []model.OrgUnit
	for rows.Next() {
		var u model.OrgUnit
		if err := scanUnit(rows, &u); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func notFound(err error, format string, args ...any) error {
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.New(apperr.ENOTFOUND, format, args...)
	}
	return err
}

// changes compares two records' audited fields (field → text) and returns
// those that differ, as the audit row's detail.
func changes(was, now map[string]string) map[string]Change {
	ch := map[string]Change{}
	for k, v := range now {
		diff(ch, k, was[k], v)
	}
	return ch
}

func diff(m map[string]Change, field, old, new string) {
	if old != new {
		m[field] = Change{old, new}
	}
}

// UnitsHeadedBy returns the units whose head post the employee holds, or
// holds as an acting head (Plt./Plh.) today.
func (s *Store) UnitsHeadedBy(ctx context.Context, employeeID int64) ([]model.OrgUnit, error) {
	today := s.today()
	return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE id IN (
		SELECT p.unit_id FROM position p JOIN employee e ON e.position_id = p.id WHERE e.id = $1 AND p.is_head = TRUE
		UNION
		SELECT p.unit_id FROM position p JOIN acting_assignment a ON a.position_id = p.id
		WHERE a.employee_id = $1 AND p.is_head = TRUE AND a.from_date <= $2 AND (a.until_date = '' OR a.until_date >= $2))`, employeeID, today)
}
