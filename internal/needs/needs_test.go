package needs

import (
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

func TestAggCount(t *testing.T) {
	tests := []struct {
		name                    string
		required, level, weight int
		want                    Agg
	}{
		{"not assessed: required only", 3, -1, 2, Agg{Required: 1}},
		{"at the level", 3, 3, 2, Agg{Required: 1, Assessed: 1}},
		{"above the level", 2, 5, 2, Agg{Required: 1, Assessed: 1}},
		{"one short, weight 2", 3, 2, 2, Agg{Required: 1, Assessed: 1, Short: 1, Shortfall: 1, Weighted: 2}},
		{"two short, weight 3", 4, 2, 3, Agg{Required: 1, Assessed: 1, Short: 1, Shortfall: 2, Weighted: 6}},
		{"level 0 is not assessed, never short", 2, 0, 1, Agg{Required: 1}},
	}
	for _, tt := range tests {
		var a Agg
		a.Count(tt.required, tt.level, tt.weight)
		if a != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, a, tt.want)
		}
	}
	a := Agg{1, 2, 3, 4, 5}
	a.Add(Agg{10, 20, 30, 40, 50})
	if a != (Agg{11, 22, 33, 44, 55}) {
		t.Errorf("Add: %+v", a)
	}
}

func TestShareAndAverage(t *testing.T) {
	for _, tt := range []struct {
		short, assessed int
		want            gap.Fixed
	}{
		{0, 0, -1}, {3, 0, -1}, {0, 4, 0}, {3, 4, 7500}, {1, 3, 3333}, {2, 3, 6667}, {1, 8, 1250}, {4, 4, 10000},
		{1, 7, 1429}, // 14.2857 % rounds to 14.29
	} {
		if got := Share(tt.short, tt.assessed); got != tt.want {
			t.Errorf("Share(%d, %d) = %d, want %d", tt.short, tt.assessed, got, tt.want)
		}
	}
	for _, tt := range []struct{ shortfall, short, want int }{
		{0, 0, 0}, {5, 0, 0}, {3, 2, 150}, {4, 3, 133}, {5, 3, 167}, {2, 1, 200}, {1, 8, 13}, // 0.125 → 0.13: half up
	} {
		if got := AvgShortfall(tt.shortfall, tt.short); got != tt.want {
			t.Errorf("AvgShortfall(%d, %d) = %d, want %d", tt.shortfall, tt.short, got, tt.want)
		}
	}
}

func TestRank(t *testing.T) {
	ns := []Need{
		{CompetencyID: 1, Code: "A", WeightedNeed: 5, Short: 1, Required: 9},
		{CompetencyID: 2, Code: "B", WeightedNeed: 9},
		{CompetencyID: 3, Code: "C", WeightedNeed: 5, Short: 2, Required: 1},
		{CompetencyID: 4, Code: "D", WeightedNeed: 5, Short: 1, Required: 10},
		{CompetencyID: 6, Code: "E", WeightedNeed: 0, Required: 3},
		{CompetencyID: 5, Code: "E", WeightedNeed: 0, Required: 3},
		{CompetencyID: 7, Code: "A2", WeightedNeed: 0, Required: 3},
	}
	Rank(ns)
	got := ""
	for _, n := range ns {
		got += fmt.Sprint(n.CompetencyID, " ")
	}
	// weighted need, then more short, then more required, then code, then ID
	if want := "2 3 4 1 7 5 6 "; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

// competency columns: 0 → competency 100, 1 → 200, 2 → 300.
var slot = map[int64]int{100: 0, 200: 1, 300: 2}

func TestAddEmployee(t *testing.T) {
	tl := NewTally(3)
	reqs := []gap.Requirement{{CompetencyID: 300, Required: 3, Weight: 2}, {CompetencyID: 100, Required: 2, Weight: 1}}
	tl.AddEmployee(gap.KurangOptimal, reqs, []int{1, -1}, slot)
	tl.AddEmployee(gap.Optimal, reqs[:1], []int{4}, slot)
	tl.AddEmployee(gap.MappingUnknown, nil, nil, slot)
	if tl.Employees != 3 || tl.JPM[gap.KurangOptimal] != 1 || tl.JPM[gap.Optimal] != 1 || tl.JPM[gap.MappingUnknown] != 1 {
		t.Errorf("employees %d jpm %v", tl.Employees, tl.JPM)
	}
	want := []Agg{{Required: 1}, {}, {Required: 2, Assessed: 2, Short: 1, Shortfall: 2, Weighted: 4}}
	for i, a := range tl.Aggs {
		if a != want[i] {
			t.Errorf("column %d: %+v, want %+v", i, a, want[i])
		}
	}
}

// tree: 1 root; 2 and 3 below it; 4 below 2; 5 below 4 (nobody in 2 or 5).
var tree = []*model.OrgUnit{
	{ID: 4, ParentID: 2, Path: "/1/2/4/"}, {ID: 1, Path: "/1/"}, {ID: 5, ParentID: 4, Path: "/1/2/4/5/"},
	{ID: 2, ParentID: 1, Path: "/1/2/"}, {ID: 3, ParentID: 1, Path: "/1/3/"},
}

func tally(emps int, a0 Agg) *Tally {
	t := NewTally(3)
	t.Employees, t.JPM[gap.Optimal], t.Aggs[0] = emps, emps, a0
	return t
}

func TestRollUp(t *testing.T) {
	own := map[int64]*Tally{
		1: tally(1, Agg{Required: 1, Assessed: 1}),
		3: tally(2, Agg{Required: 2, Assessed: 2, Short: 1, Shortfall: 1, Weighted: 3}),
		4: tally(4, Agg{Required: 4, Assessed: 3, Short: 2, Shortfall: 3, Weighted: 3}),
	}
	sub := RollUp(own, tree, 3)
	for id, want := range map[int64]struct {
		emps int
		a0   Agg
	}{
		1: {7, Agg{Required: 7, Assessed: 6, Short: 3, Shortfall: 4, Weighted: 6}},
		2: {4, Agg{Required: 4, Assessed: 3, Short: 2, Shortfall: 3, Weighted: 3}},
		3: {2, Agg{Required: 2, Assessed: 2, Short: 1, Shortfall: 1, Weighted: 3}},
		4: {4, Agg{Required: 4, Assessed: 3, Short: 2, Shortfall: 3, Weighted: 3}},
	} {
		n := sub[id]
		if n == nil || n.Employees != want.emps || n.JPM[gap.Optimal] != want.emps || n.Aggs[0] != want.a0 {
			t.Errorf("subtree of %d: %+v, want %d employees, %+v", id, n, want.emps, want.a0)
		}
	}
	if sub[5] != nil {
		t.Errorf("an empty leaf has a tally: %+v", sub[5])
	}
	if own[1].Employees != 1 || own[4].Employees != 4 {
		t.Errorf("RollUp changed own: %d %d", own[1].Employees, own[4].Employees)
	}
}

func TestAnalyse(t *testing.T) {
	cols := Columns{IDs: []int64{100, 200, 300}, Names: map[int64]Competency{
		100: {"I", "Integritas", "manajerial"}, 300: {"K", "Kerja sama", "manajerial"}}}
	unit := &model.OrgUnit{ID: 2, Name: "Dinas", Path: "/1/2/"}
	child := NewTally(3)
	child.Employees, child.JPM[gap.CukupOptimal] = 3, 3
	child.Aggs[0] = Agg{Required: 3, Assessed: 2, Short: 2, Shortfall: 3, Weighted: 5}
	child.Aggs[2] = Agg{Required: 3, Assessed: 3, Short: 1, Shortfall: 1, Weighted: 1}
	direct := NewTally(3)
	direct.Employees, direct.JPM[gap.Optimal] = 1, 1
	direct.Aggs[2] = Agg{Required: 1, Assessed: 1}
	total := NewTally(3)
	total.Add(child)
	total.Add(direct)
	rows := []Row{{Unit: model.OrgUnit{ID: 4, Name: "Bidang"}, HasChildren: true, Tally: child}, {Unit: model.OrgUnit{ID: 6, Name: "Kosong"}}}
	a := Analyse(unit, cols, total, rows, direct)

	if a.Unit != unit || a.Employees != 4 || a.JPM[gap.CukupOptimal] != 3 || a.JPM[gap.Optimal] != 1 {
		t.Errorf("totals: %+v", a)
	}
	// Competency 200 is required by nobody: not a need, not a column.
	want := []Need{
		{CompetencyID: 100, Code: "I", Name: "Integritas", Group: "manajerial", Required: 3, Assessed: 2, NotAssessed: 1,
			Short: 2, Shortfall: 3, AvgShortfall: 150, WeightedNeed: 5, ShareShort: 10000},
		{CompetencyID: 300, Code: "K", Name: "Kerja sama", Group: "manajerial", Required: 4, Assessed: 4,
			Short: 1, Shortfall: 1, AvgShortfall: 100, WeightedNeed: 1, ShareShort: 2500},
	}
	if len(a.Needs) != len(want) || len(a.Columns) != len(want) {
		t.Fatalf("needs %+v columns %d", a.Needs, len(a.Columns))
	}
	for i := range want {
		if a.Needs[i] != want[i] {
			t.Errorf("need %d:\n got %+v\nwant %+v", i, a.Needs[i], want[i])
		}
	}
	cell := func(r HeatRow, i int) string {
		c := r.Cells[i]
		return fmt.Sprintf("%d:%d/%d/%d/%d %d %d", c.CompetencyID, c.Short, c.Assessed, c.NotAssessed, c.Required, c.ShareShort, c.WeightedNeed)
	}
	if len(a.Rows) != 3 {
		t.Fatalf("rows %+v", a.Rows)
	}
	bidang, kosong, own := a.Rows[0], a.Rows[1], a.Rows[2]
	for _, tt := range []struct {
		row  HeatRow
		i    int
		want string
	}{
		{bidang, 0, "100:2/2/1/3 10000 5"}, {bidang, 1, "300:1/3/0/3 3333 1"},
		{kosong, 0, "100:0/0/0/0 -1 0"}, {kosong, 1, "300:0/0/0/0 -1 0"},
		{own, 0, "100:0/0/0/0 -1 0"}, {own, 1, "300:0/1/0/1 0 0"},
	} {
		if got := cell(tt.row, tt.i); got != tt.want {
			t.Errorf("cell %s × %d = %s, want %s", tt.row.Unit.Name, tt.i, got, tt.want)
		}
	}
	if !bidang.HasChildren || bidang.Direct || bidang.Employees != 3 || kosong.Employees != 0 || kosong.HasChildren {
		t.Errorf("rows: %+v %+v", bidang, kosong)
	}
	if !own.Direct || own.Unit.ID != unit.ID || own.Employees != 1 || own.JPM[gap.Optimal] != 1 {
		t.Errorf("direct row: %+v", own)
	}

	// Nobody placed in the unit itself, or several subtrees (no unit): no
	// direct row.
	if a := Analyse(unit, cols, total, rows, NewTally(3)); len(a.Rows) != 2 {
		t.Errorf("empty direct tally made a row: %+v", a.Rows)
	}
	if a := Analyse(nil, cols, total, rows, direct); len(a.Rows) != 2 || a.Unit != nil {
		t.Errorf("several subtrees made a direct row: %+v", a.Rows)
	}
}

func TestAnalyseColumnsAreTheTopNeeds(t *testing.T) {
	k := MaxHeatColumns + 3
	cols := Columns{Names: map[int64]Competency{}}
	total := NewTally(k)
	for i := range k {
		cols.IDs = append(cols.IDs, int64(i+1))
		total.Aggs[i] = Agg{Required: 1, Assessed: 1, Short: 1, Shortfall: 1, Weighted: i + 1}
	}
	a := Analyse(nil, cols, total, []Row{{Tally: total}}, nil)
	if len(a.Needs) != k || len(a.Columns) != MaxHeatColumns || len(a.Rows[0].Cells) != MaxHeatColumns {
		t.Fatalf("needs %d columns %d cells %d", len(a.Needs), len(a.Columns), len(a.Rows[0].Cells))
	}
	for i, c := range a.Columns {
		if c.CompetencyID != int64(k-i) || a.Rows[0].Cells[i].CompetencyID != c.CompetencyID {
			t.Errorf("column %d is competency %d (cell %d), want %d", i, c.CompetencyID, a.Rows[0].Cells[i].CompetencyID, k-i)
		}
	}
}

// TestPerformanceGap: SKP predikats fall on the 9-box performance levels;
// below expectation is the performance gap, its share of those known.
func TestPerformanceGap(t *testing.T) {
	var g PerformanceGap
	g.Add("Sangat Baik", 2)
	g.Add("Baik", 5)
	g.Add("Butuh Perbaikan", 1)
	g.Add("kurang", 1)
	g.Add("Sangat Kurang", 1)
	g.Add("", 4)
	if g.Employees != 14 || g.Above != 2 || g.Meets != 5 || g.Below != 3 || g.Unknown != 4 || g.ShareBelow() != 3000 {
		t.Errorf("%+v share %v", g, g.ShareBelow())
	}
	if (PerformanceGap{Unknown: 3}).ShareBelow() != -1 {
		t.Error("nobody known: the share is unknown, not 0")
	}
}

// TestRankedNeedsOfTargets: needs against a target standard rank as the
// current ones do, and an unassessed competency is a need for assessment,
// never a shortfall.
func TestRankedNeedsOfTargets(t *testing.T) {
	cols := Columns{IDs: []int64{100, 200, 300}, Names: map[int64]Competency{100: {Code: "A"}, 200: {Code: "B"}, 300: {Code: "C"}}}
	tl := NewTally(3)
	reqs := []gap.Requirement{{CompetencyID: 100, Required: 4, Weight: 1}, {CompetencyID: 300, Required: 3, Weight: 5}}
	tl.AddEmployee(gap.MappingUnknown, reqs, []int{2, 0}, slot)
	tl.AddEmployee(gap.MappingUnknown, reqs, []int{4, 1}, slot)
	got := RankedNeeds(cols, tl)
	if len(got) != 2 || got[0].Code != "C" || got[0].WeightedNeed != 10 || got[0].NotAssessed != 1 ||
		got[1].Code != "A" || got[1].Short != 1 || got[1].Shortfall != 2 || got[1].Assessed != 2 {
		t.Errorf("ranked %+v", got)
	}
}

// TestPerformanceRollsUp: the SKP split of a tally adds up the tree like
// the rest, and PerformanceOf reads it as the performance gap.
func TestPerformanceRollsUp(t *testing.T) {
	a, b := NewTally(3), NewTally(3)
	a.Employees, a.Perf[gap.Below], a.Perf[gap.Meets] = 3, 1, 2
	b.Employees, b.Perf[gap.Above], b.Perf[gap.PerformanceUnknown] = 2, 1, 1
	a.Add(b)
	g := PerformanceOf(2025, a.Perf)
	if g.Year != 2025 || g.Employees != 5 || g.Below != 1 || g.Meets != 2 || g.Above != 1 || g.Unknown != 1 || g.ShareBelow() != 2500 {
		t.Errorf("%+v", g)
	}
	n := Analyse(nil, Columns{IDs: []int64{100, 200, 300}, Names: map[int64]Competency{}}, a, nil, nil)
	if n.Perf != a.Perf {
		t.Errorf("analysis perf %v, tally %v", n.Perf, a.Perf)
	}
}
