package needs

import (
	"cmp"
	"slices"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// Agg is the tally of one competency over some employees.
type Agg struct {
	Required  int // employees whose standard requires the competency
	Assessed  int // of them, those with a level
	Short     int // of them, those below the required level
	Shortfall int // Σ (required − actual) over those short, in levels
	Weighted  int // Σ (required − actual) × weight over those short
}

// Add adds b's counts to a.
func (a *Agg) Add(b Agg) {
	a.Required += b.Required
	a.Assessed += b.Assessed
	a.Short += b.Short
	a.Shortfall += b.Shortfall
	a.Weighted += b.Weighted
}

// Count adds one employee whose standard requires the competency at
// required with weight; level is their actual level, 0 or negative when
// they are not assessed. Not assessed is not level 0 (domain.md §4): such
// an employee counts as required and not assessed, never as short.
func (a *Agg) Count(required, level, weight int) {
	a.Required++
	if level <= 0 {
		return
	}
	a.Assessed++
	if level < required {
		a.Short++
		a.Shortfall += required - level
		a.Weighted += (required - level) * weight
	}
}

// Tally is the needs of some employees (a unit's own, or its subtree's):
// how many, how many in each mapping category of their stored JPM, and per
// competency column (a slot: see AddEmployee) the counts.
type Tally struct {
	Employees int
	// JPM splits Employees by the mapping category of their JPM, indexed
	// by gap.MappingCategory. Everyone tallied has a standard, so
	// MappingUnknown counts those whose standard is not fully assessed
	// (gap gives them no category): "belum dinilai", counted apart.
	JPM [4]int
	// Perf splits Employees by the 9-box performance level of their SKP
	// predikat of one year (indexed by gap.Performance; PerformanceUnknown:
	// none recorded): the performance source of AKPK.
	Perf [4]int
	Aggs []Agg // one per competency column
}

// NewTally returns an empty tally of k competency columns.
func NewTally(k int) *Tally { return &Tally{Aggs: make([]Agg, k)} }

// Add adds o's counts to t (both of the same columns).
func (t *Tally) Add(o *Tally) {
	t.Employees += o.Employees
	for i, n := range o.JPM {
		t.JPM[i] += n
	}
	for i, n := range o.Perf {
		t.Perf[i] += n
	}
	for i := range o.Aggs {
		t.Aggs[i].Add(o.Aggs[i])
	}
}

// AddEmployee counts one employee: cat is the mapping category of their
// stored JPM, reqs their standard, levels[i] their level in reqs[i]
// (0 or negative: not assessed) and slot the column of each competency.
func (t *Tally) AddEmployee(cat gap.MappingCategory, reqs []gap.Requirement, levels []int, slot map[int64]int) {
	t.Employees++
	t.JPM[cat]++
	for i, r := range reqs {
		t.Aggs[slot[r.CompetencyID]].Count(r.Required, levels[i], r.Weight)
	}
}

// RollUp returns every unit's subtree tally: its own (own, by unit ID; a
// unit without employees has none) plus those of all its descendants,
// summed deepest first so that the tree is walked once. units is the whole
// tree; k the number of competency columns. own is not changed.
func RollUp(own map[int64]*Tally, units []*model.OrgUnit, k int) map[int64]*Tally {
	sub := make(map[int64]*Tally, len(own))
	for id, n := range own {
		cp := NewTally(k)
		cp.Add(n)
		sub[id] = cp
	}
	order := slices.Clone(units)
	// A unit's path is longer than its parent's.
	slices.SortFunc(order, func(a, b *model.OrgUnit) int { return cmp.Compare(len(b.Path), len(a.Path)) })
	for _, u := range order {
		n := sub[u.ID]
		if n == nil || u.ParentID == 0 {
			continue
		}
		p := sub[u.ParentID]
		if p == nil {
			p = NewTally(k)
			sub[u.ParentID] = p
		}
		p.Add(n)
	}
	return sub
}
