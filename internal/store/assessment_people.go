package store

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/names"
)

// Ratee is an employee someone may rate, as the assessment pages list them.
type Ratee struct {
	ID            int64
	Name          string // with titles
	PositionTitle string
	UnitName      string
}

// DirectReports returns up to limit employees whose supervisor is
// supervisorID, by name.
func (s *Store) DirectReports(ctx context.Context, supervisorID int64, limit int) ([]Ratee, error) {
	return s.ratees(ctx, `WHERE e.supervisor_id = $1 AND e.status = 'aktif' ORDER BY e.sort_name, e.id LIMIT $2`, supervisorID, limit)
}

// Colleagues returns up to limit active employees of employeeID's own unit
// other than the employee and their supervisor: the peers the assessment
// page offers first (the store accepts any peer of the same OPD).
func (s *Store) Colleagues(ctx context.Context, employeeID int64, limit int) ([]Ratee, error) {
	return s.ratees(ctx, `JOIN employee me ON me.id = $1
		WHERE e.unit_id = me.unit_id AND e.id <> me.id AND (me.supervisor_id IS NULL OR e.id <> me.supervisor_id)
		AND e.status = 'aktif' ORDER BY e.sort_name, e.id LIMIT $2`, employeeID, limit)
}

func (s *Store) ratees(ctx context.Context, where string, id int64, limit int) ([]Ratee, error) {
	var out []Ratee
	var r Ratee
	var n, f, b string
	if err := eachRow(ctx, s.db, `SELECT e.id, e.name, e.gelar_depan, e.gelar_belakang, COALESCE(p.title, ''), `+unitPlaceU+`
		FROM employee e JOIN org_unit u ON u.id = e.unit_id LEFT JOIN position p ON p.id = e.position_id `+where, []any{id, limit}, []any{&r.ID, &n, &f, &b, &r.PositionTitle, &r.UnitName}, func() {
		r.Name = names.Display(f, n, b)
		out = append(out, r)
	}); err != nil {
		return nil, fmt.Errorf("store: ratees: %w", err)
	}
	return out, nil
}
