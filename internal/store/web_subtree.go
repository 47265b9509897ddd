package store

import (
	"context"
	"fmt"
	"strings"
)

// SubtreeCountsOf returns, for each unit of ids, the number of employees in
// its whole subtree (units without employees map to 0). Each count is an
// index range over the unit's subtree paths joined to the employee_unit
// index: the cost grows with the employees counted, not with the tree.
func (s *Store) SubtreeCountsOf(ctx context.Context, ids []int64) (map[int64]int, error) {
	out := make(map[int64]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	marks := make([]string, len(ids))
	for i, id := range ids {
		args[i] = id
		marks[i] = fmt.Sprintf("$%d", i+1)
	}
	var id int64
	var n int
	if err := eachRow(ctx, s.db, `SELECT c.id, (SELECT COUNT(*) FROM org_unit d JOIN employee e ON e.unit_id = d.id
			WHERE d.path >= c.path AND d.path < SUBSTR(c.path, 1, LENGTH(c.path) - 1) || '0')
		FROM org_unit c WHERE c.id IN (`+strings.Join(marks, ",")+`)`, args, []any{&id, &n}, func() {
		out[id] = n
	}); err != nil {
		return nil, fmt.Errorf("store: subtree counts: %w", err)
	}
	return out, nil
}

// DirectCount returns the number of employees placed in unit id itself.
func (s *Store) DirectCount(ctx context.Context, id int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee WHERE unit_id = $1`, id).Scan(&n)
	return n, err
}
