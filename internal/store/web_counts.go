package store

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/model"
)

// ScopeCounts are the headline numbers of a user's scope for the home page.
type ScopeCounts struct {
	Employees int // every employee in scope
	Active    int // of which status aktif
	PNS       int // of which PNS
	PPPK      int // of which PPPK
}

// CountEmployees counts the employees visible in sc.
func (s *Store) CountEmployees(ctx context.Context, sc model.Scope) (ScopeCounts, error) {
	var a args
	cond := scopeClause(sc, &a)
	var c ScopeCounts
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*),
		COALESCE(SUM(CASE WHEN e.status = 'aktif' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN e.kind = 'PNS' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN e.kind = 'PPPK' THEN 1 ELSE 0 END), 0)
		FROM employee e WHERE `+cond, a...).Scan(&c.Employees, &c.Active, &c.PNS, &c.PPPK)
	if err != nil {
		return c, fmt.Errorf("store: count employees: %w", err)
	}
	return c, nil
}

// EmployeesInScope reports which of ids are visible in sc.
func (s *Store) EmployeesInScope(ctx context.Context, sc model.Scope, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	var a args
	cond := scopeClause(sc, &a)
	marks := ""
	for i, id := range ids {
		if i > 0 {
			marks += ","
		}
		marks += a.add(id)
	}
	var id int64
	if err := eachRow(ctx, s.db, `SELECT e.id FROM employee e WHERE e.id IN (`+marks+`) AND `+cond, a, []any{&id}, func() {
		out[id] = true
	}); err != nil {
		return nil, fmt.Errorf("store: employees in scope: %w", err)
	}
	return out, nil
}
