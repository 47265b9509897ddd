package needs

import (
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// A pemda (1) with two OPDs (2 "Dinas B", 3 "Dinas A") and a bidang (4)
// under 2; one employee in 2 and one in 4, both short in competency 9.
func testTree() *Tree {
	t := NewTree([]model.OrgUnit{
		{ID: 1, Path: "/1/", Name: "Pemda"},
		{ID: 2, ParentID: 1, Path: "/1/2/", Name: "Dinas B"},
		{ID: 3, ParentID: 1, Path: "/1/3/", Name: "Dinas A"},
		{ID: 4, ParentID: 2, Path: "/1/2/4/", Name: "Bidang"},
	})
	t.AddColumn(9)
	t.AddColumn(9) // a column once
	reqs := []gap.Requirement{{CompetencyID: 9, Required: 3, Weight: 1}}
	for _, unit := range []int64{2, 4} {
		n := NewTally(len(t.Cols.IDs))
		n.AddEmployee(gap.MappingUnknown, reqs, []int{1}, t.Slots())
		t.AddOwn(map[int64]*Tally{unit: n})
	}
	t.RollUp()
	return t
}

func TestTreeBaseByScope(t *testing.T) {
	tr := testTree()
	for _, c := range []struct {
		name    string
		sc      model.Scope
		unitID  int64
		unit    int64 // the analysed unit, 0 for several
		rows    int
		code    string
		rowName string // the first row
	}{
		{"whole government: the pemda", model.Scope{All: true}, 0, 1, 2, "", "Dinas A"},
		{"one OPD", model.Scope{UnitPaths: []string{"/1/2/"}}, 0, 2, 1, "", "Bidang"},
		{"two OPDs: both, by name", model.Scope{UnitPaths: []string{"/1/2/", "/1/3/"}}, 0, 0, 2, "", "Dinas A"},
		{"a unit inside another of the scope counts once", model.Scope{UnitPaths: []string{"/1/2/", "/1/2/4/"}}, 0, 2, 1, "", "Bidang"},
		{"a unit outside the scope is not found", model.Scope{UnitPaths: []string{"/1/3/"}}, 2, 0, 0, apperr.ENOTFOUND, ""},
		{"no unit in scope", model.Scope{SelfID: 7}, 0, 0, 0, apperr.EFORBIDDEN, ""},
	} {
		u, _, rows, err := tr.Base(c.sc, c.unitID)
		if apperr.Code(err) != c.code {
			t.Errorf("%s: error %v, want %q", c.name, err, c.code)
			continue
		}
		if err != nil {
			continue
		}
		if got := int64(0); u != nil {
			got = u.ID
			if got != c.unit {
				t.Errorf("%s: unit %d, want %d", c.name, got, c.unit)
			}
		} else if c.unit != 0 {
			t.Errorf("%s: no unit, want %d", c.name, c.unit)
		}
		if len(rows) != c.rows || rows[0].Name != c.rowName {
			t.Errorf("%s: rows %v, want %d starting with %s", c.name, rows, c.rows, c.rowName)
		}
	}
}

func TestTreeAnalysisSumsSubtrees(t *testing.T) {
	an, err := testTree().Analysis(model.Scope{All: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if an.Employees != 2 || len(an.Needs) != 1 || an.Needs[0].Short != 2 {
		t.Fatalf("analysis %+v, want 2 employees both short in one competency", an)
	}
	an, err = testTree().Analysis(model.Scope{All: true}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if an.Employees != 2 || an.Unit.ID != 2 {
		t.Errorf("OPD 2 counts %d employees (its own and its bidang's), want 2", an.Employees)
	}
}
