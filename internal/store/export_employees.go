package store

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/model"
)

// ExportEmployee is one employee as export files write it: the record with
// the codes and names of what it points at.
type ExportEmployee struct {
	model.Employee
	PositionCode  string
	PositionTitle string
	PositionType  model.PositionType
	Jenjang       string
	UnitCode      string
	UnitName      string
	// SupervisorNIP is set only for an explicit supervisor (SupervisorSet).
	SupervisorNIP string
}

// ExportEmployees calls fn for every employee in scope, in NIP order,
// streaming from one query so that a million rows stay within memory
// bounds. fn must not use the store (on SQLite the query holds a
// connection).
func (s *Store) ExportEmployees(ctx context.Context, sc model.Scope, fn func(*ExportEmployee) error) error {
	var a args
	cond := scopeClause(sc, &a)
	rows, err := s.db.QueryContext(ctx, `SELECT `+employeeCols+`, u.code, u.name, COALESCE(p.code, ''), COALESCE(p.title, ''),
		COALESCE(p.type, ''), COALESCE(p.jenjang, ''), CASE WHEN e.supervisor_set THEN COALESCE(s.nip, '') ELSE '' END
		FROM employee e JOIN org_unit u ON u.id = e.unit_id
		LEFT JOIN position p ON p.id = e.position_id
		LEFT JOIN employee s ON s.id = e.supervisor_id
		WHERE `+cond+` ORDER BY e.nip`, a...)
	if err != nil {
		return fmt.Errorf("store: export employees: %w", err)
	}
	defer rows.Close()
	var x ExportEmployee
	for rows.Next() {
		x = ExportEmployee{}
		if _, err := scanEmployee(rows, &x.Employee, &x.UnitCode, &x.UnitName, &x.PositionCode, &x.PositionTitle,
			&x.PositionType, &x.Jenjang, &x.SupervisorNIP); err != nil {
			return err
		}
		if err := fn(&x); err != nil {
			return err
		}
	}
	return rows.Err()
}

// UnitsInScope returns the units a scope covers (all for sc.All), ordered
// by depth then code, so that parents come before their children.
func (s *Store) UnitsInScope(ctx context.Context, sc model.Scope) ([]model.OrgUnit, error) {
	if sc.All {
		return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit ORDER BY depth, code`)
	}
	var out []model.OrgUnit
	seen := map[int64]bool{}
	for _, p := range sc.UnitPaths {
		us, err := s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE path >= $1 AND path < $2 ORDER BY depth, code`, p, pathUpper(p))
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if !seen[u.ID] {
				seen[u.ID] = true
				out = append(out, u)
			}
		}
	}
	return out, nil
}
