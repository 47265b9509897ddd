package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// TopUnits returns the units at the top of a tree, for unit selects: the
// units ids and their direct children or, with no ids, the roots and their
// direct children (a pemda and its OPDs). At most limit units, by depth,
// then name. Each part is an indexed lookup (by id, by parent_id), so the
// cost does not grow with the size of the tree below.
func (s *Store) TopUnits(ctx context.Context, ids []int64, limit int) ([]model.OrgUnit, error) {
	if len(ids) == 0 {
		return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE parent_id IS NULL
			UNION ALL
			SELECT `+unitCols+` FROM org_unit WHERE parent_id IN (SELECT id FROM org_unit WHERE parent_id IS NULL)
			ORDER BY depth, name LIMIT $1`, limit)
	}
	args := []any{limit}
	marks := make([]string, len(ids))
	for i, id := range ids {
		args = append(args, id)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	in := strings.Join(marks, ",")
	return s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE id IN (`+in+`)
		UNION
		SELECT `+unitCols+` FROM org_unit WHERE parent_id IN (`+in+`)
		ORDER BY depth, name LIMIT $1`, args...)
}

// ChildUnitsPage returns at most limit direct children of a unit (by kind,
// then name) and whether there are more.
func (s *Store) ChildUnitsPage(ctx context.Context, parentID int64, limit int) ([]model.OrgUnit, bool, error) {
	us, err := s.queryUnits(ctx, `SELECT `+unitCols+` FROM org_unit WHERE parent_id = $1 ORDER BY kind, name LIMIT $2`, parentID, limit+1)
	if err != nil {
		return nil, false, err
	}
	if len(us) > limit {
		return us[:limit], true, nil
	}
	return us, false, nil
}

// UnitPositions returns at most limit positions of one unit (head post
// first, then by title) and whether there are more.
func (s *Store) UnitPositions(ctx context.Context, unitID int64, limit int) ([]model.Position, bool, error) {
	out, err := queryAll(ctx, s.db, `SELECT `+positionCols+` FROM position WHERE unit_id = $1
		ORDER BY is_head DESC, title LIMIT $2`, []any{unitID, limit + 1}, scanPosition)
	if err != nil {
		return nil, false, fmt.Errorf("store: unit positions: %w", err)
	}
	if len(out) > limit {
		return out[:limit], true, nil
	}
	return out, false, nil
}

// UnitByCode returns one unit by its code.
func (s *Store) UnitByCode(ctx context.Context, code string) (*model.OrgUnit, error) {
	var u model.OrgUnit
	if err := scanUnit(s.db.QueryRowContext(ctx, `SELECT `+unitCols+` FROM org_unit WHERE code = $1`, code), &u); err != nil {
		return nil, notFound(err, "err.unit.code_not_found", code)
	}
	return &u, nil
}
