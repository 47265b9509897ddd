package needs

import (
	"cmp"
	"slices"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Tree is what every needs analysis is summed from: the unit tree, per
// unit with active employees the tallies of its own employees (Own) and of
// its whole subtree (Sub, so that an analysis costs O(rows × competencies)
// whatever the size of the city), and the competency of each column. The
// store fills it (AddColumn, AddOwn, RollUp) and keeps it; it is read-only
// once rolled up.
type Tree struct {
	Units    map[int64]*model.OrgUnit
	Children map[int64][]int64 // parent ID (0: roots) → children, by kind and name
	Cols     Columns
	Own      map[int64]*Tally
	Sub      map[int64]*Tally
	slot     map[int64]int // competency ID → column
}

// NewTree returns a tree of units with no tallies; it sorts units.
func NewTree(units []model.OrgUnit) *Tree {
	t := &Tree{Units: map[int64]*model.OrgUnit{}, Children: map[int64][]int64{}, Own: map[int64]*Tally{},
		Cols: Columns{Names: map[int64]Competency{}}, slot: map[int64]int{}}
	slices.SortFunc(units, func(a, b model.OrgUnit) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for i := range units {
		u := &units[i]
		t.Units[u.ID] = u
		t.Children[u.ParentID] = append(t.Children[u.ParentID], u.ID)
	}
	return t
}

// AddColumn gives competency id a column unless it has one.
func (t *Tree) AddColumn(id int64) {
	if _, ok := t.slot[id]; !ok {
		t.slot[id] = len(t.Cols.IDs)
		t.Cols.IDs = append(t.Cols.IDs, id)
	}
}

// Slots maps each competency with a column to its column.
func (t *Tree) Slots() map[int64]int { return t.slot }

// HasColumn reports whether competency id has a column.
func (t *Tree) HasColumn(id int64) bool {
	_, ok := t.slot[id]
	return ok
}

// AddOwn adds the tallies of some units' own employees.
func (t *Tree) AddOwn(own map[int64]*Tally) {
	for uid, n := range own {
		if o := t.Own[uid]; o != nil {
			o.Add(n)
		} else {
			t.Own[uid] = n
		}
	}
}

// RollUp sums every unit's subtree, once.
func (t *Tree) RollUp() {
	tree := make([]*model.OrgUnit, 0, len(t.Units))
	for _, u := range t.Units {
		tree = append(tree, u)
	}
	t.Sub = RollUp(t.Own, tree, len(t.Cols.IDs))
}

// People is the number of employees counted.
func (t *Tree) People() int {
	n := 0
	for _, u := range t.Own {
		n += u.Employees
	}
	return n
}

// ChildrenOf returns the children of unit id (0: the roots) in order.
func (t *Tree) ChildrenOf(id int64) []model.OrgUnit {
	var out []model.OrgUnit
	for _, c := range t.Children[id] {
		out = append(out, *t.Units[c])
	}
	return out
}

// Base resolves what an analysis covers: the analysed unit (nil for
// several subtrees), the base units whose subtrees count, and the row
// units of the heat-map. unitID 0 is the top of the scope: the pemda (its
// single root, or all roots) for a whole-government scope, else the top
// unit of the scope's subtrees.
func (t *Tree) Base(sc model.Scope, unitID int64) (*model.OrgUnit, []model.OrgUnit, []model.OrgUnit, error) {
	visible := func(u *model.OrgUnit) bool { return sc.Contains(u.Path) }
	if unitID != 0 {
		u, ok := t.Units[unitID]
		if !ok || !visible(u) {
			return nil, nil, nil, apperr.New(apperr.ENOTFOUND, "err.common.unit_not_found", unitID)
		}
		return u, []model.OrgUnit{*u}, t.ChildrenOf(u.ID), nil
	}
	var tops []model.OrgUnit
	if sc.All {
		tops = t.ChildrenOf(0)
	} else {
		for _, p := range sc.UnitPaths {
			inner := false
			for _, q := range sc.UnitPaths {
				if q != p && model.InSubtree(p, q) {
					inner = true
				}
			}
			if id := model.PathLastID(p); !inner && id != 0 {
				if u, ok := t.Units[id]; ok && !slices.ContainsFunc(tops, func(x model.OrgUnit) bool { return x.ID == id }) {
					tops = append(tops, *u)
				}
			}
		}
		slices.SortFunc(tops, func(a, b model.OrgUnit) int { return cmp.Compare(a.Name, b.Name) })
	}
	if len(tops) == 0 {
		return nil, nil, nil, apperr.New(apperr.EFORBIDDEN, "err.needs.no_unit_in_scope")
	}
	if len(tops) == 1 {
		u := t.Units[tops[0].ID]
		return u, tops, t.ChildrenOf(u.ID), nil
	}
	return nil, tops, tops, nil
}

// Analysis is the needs analysis of unitID's subtree within sc (see Base):
// every number comes from the subtree sums, the base units' for the
// totals, each row unit's for its row, the analysed unit's own for the
// direct row. No request walks the tree.
func (t *Tree) Analysis(sc model.Scope, unitID int64) (*Analysis, error) {
	unit, base, rowUnits, err := t.Base(sc, unitID)
	if err != nil {
		return nil, err
	}
	total := NewTally(len(t.Cols.IDs))
	for _, u := range base {
		if n := t.Sub[u.ID]; n != nil {
			total.Add(n)
		}
	}
	rows := make([]Row, len(rowUnits))
	for i, u := range rowUnits {
		rows[i] = Row{Unit: u, HasChildren: len(t.Children[u.ID]) > 0, Tally: t.Sub[u.ID]}
	}
	var direct *Tally
	if unit != nil {
		direct = t.Own[unit.ID]
	}
	return Analyse(unit, t.Cols, total, rows, direct), nil
}
