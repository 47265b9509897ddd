package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// Needs analysis (AKPK, Analisis Kebutuhan Pengembangan Kompetensi): for
// every competency required by the standards in force, how many active
// employees are assessed against it, how many fall short (actual level
// below the required one), by how much on average, and the weighted need
// Σ shortfall × weight. The weight of a standard item is the "position
// criticality" of domain.md: a competency the decree weighs 3 in a post
// counts three times as much as one weighed 1. Unassessed competencies add
// nothing to the need (see gap.Gap.Shortfall) but are counted separately,
// because an unknown level is a need for assessment, not for training.
//
// Only active employees (status "aktif") holding a position with a current
// standard count. Read scope is the organisation subtrees of model.Scope
// (the whole pemda for whole-government roles); the records a user sees
// only as their own or as direct reports are not part of an analysis.
//
// Cost: the numbers come from one set-based aggregate grouped by (unit,
// competency) over employee → position_standard (current) → standard_item
// → current_level (left join), O(E × C) for E active employees with C
// standard competencies each (index lookups on each join), kept per store
// (see needsCache): every unit's and every scope's analysis is then summed
// in Go from the per-unit rows, O(U × K) for U units and K competencies,
// whatever the number of employees.

// MaxHeatColumns is the number of competencies, highest need first, that
// the heat-map shows.
const MaxHeatColumns = 12

// Need is one competency of the ranked needs list.
type Need struct {
	CompetencyID int64
	Code, Name   string
	Group        string
	// Required is the number of employees whose standard requires the
	// competency; Assessed of them have a level, NotAssessed do not.
	Required, Assessed, NotAssessed int
	// Short counts the assessed employees below the required level.
	Short int
	// Shortfall is Σ (required − actual) over those short, in levels.
	Shortfall int
	// AvgShortfall is Shortfall ÷ Short in hundredths of a level (150 =
	// 1,50 levels), rounded half up; 0 when nobody is short.
	AvgShortfall int
	// WeightedNeed is Σ (required − actual) × weight over those short: the
	// ranking key.
	WeightedNeed int
	// ShareShort is Short ÷ Assessed in hundredths of a percent; -1 when
	// nobody is assessed.
	ShareShort gap.Fixed
}

// HeatCell is one cell of the heat-map: a unit's subtree in one competency.
type HeatCell struct {
	CompetencyID    int64
	Required        int // employees of the row whose standard requires the competency
	Assessed, Short int
	NotAssessed     int
	Shortfall       int       // Σ (required − actual) over those short, in levels
	ShareShort      gap.Fixed // hundredths of a percent; -1 when nobody is assessed
	WeightedNeed    int
}

// HeatRow is one row of the heat-map: a child unit with its whole subtree,
// or (Direct) the employees placed in the analysed unit itself.
type HeatRow struct {
	Unit model.OrgUnit
	// Direct marks the row of the employees placed directly in the
	// analysed unit rather than in one of its children.
	Direct bool
	// HasChildren reports whether the unit has subunits to drill into.
	HasChildren bool
	// Employees counts the active employees with a standard in the row.
	Employees int
	// JPM splits Employees by the mapping category of their JPM, indexed by
	// gap.MappingCategory (MappingUnknown: no JPM computed).
	JPM   [4]int
	Cells []HeatCell // one per Needs.Columns, in that order
}

// Needs is the needs analysis of a unit's subtree or of a whole scope.
type Needs struct {
	// Unit is the analysed unit; nil when the analysis covers several
	// subtrees (the roots of the pemda, or a user's several scope units).
	Unit *model.OrgUnit
	// Employees counts the active employees with a current standard.
	Employees int
	// JPM splits Employees by the mapping category of their JPM, as
	// HeatRow.JPM does.
	JPM     [4]int
	Needs   []Need // every required competency, highest weighted need first
	Columns []Need // the first MaxHeatColumns of Needs: the heat-map's columns
	Rows    []HeatRow
	// AsOf is when the underlying numbers were computed; Stale is set when
	// a newer computation is running in the background (large cities only).
	AsOf  time.Time
	Stale bool
}

// NeedPerson is one employee short in a competency (drill-down).
type NeedPerson struct {
	EmployeeID               int64
	NIP                      string
	Kind                     model.EmployeeKind
	Name, GelarDepan         string
	GelarBelakang            string
	Position                 string
	UnitID                   int64
	UnitName                 string
	Required, Actual, Weight int
}

// needAgg accumulates the numbers of one competency.
type needAgg struct {
	required, assessed, short, shortfall, weighted int
}

func (a *needAgg) add(b needAgg) {
	a.required += b.required
	a.assessed += b.assessed
	a.short += b.short
	a.shortfall += b.shortfall
	a.weighted += b.weighted
}

// share returns short ÷ assessed in hundredths of a percent, -1 when
// nobody is assessed.
func share(short, assessed int) gap.Fixed {
	if assessed == 0 {
		return -1
	}
	return gap.Fixed((int64(short)*20000 + int64(assessed)) / (2 * int64(assessed)))
}

// needsBase resolves what an analysis covers: the analysed unit (nil for
// several subtrees), the base units whose subtrees count, and the row
// units of the heat-map. unitID 0 is the top of the scope: the pemda (its
// single root, or all roots) for a whole-government scope, else the top
// unit of the scope's subtrees.
func needsBase(snap *needsSnapshot, sc model.Scope, unitID int64) (*model.OrgUnit, []model.OrgUnit, []model.OrgUnit, error) {
	visible := func(u *model.OrgUnit) bool { return sc.Contains(u.Path) }
	if unitID != 0 {
		u, ok := snap.units[unitID]
		if !ok || !visible(u) {
			return nil, nil, nil, apperr.New(apperr.ENOTFOUND, "err.common.unit_not_found", unitID)
		}
		return u, []model.OrgUnit{*u}, snap.childrenOf(u.ID), nil
	}
	var tops []model.OrgUnit
	if sc.All {
		tops = snap.childrenOf(0)
	} else {
		for _, p := range sc.UnitPaths {
			inner := false
			for _, q := range sc.UnitPaths {
				if q != p && strings.HasPrefix(p, q) {
					inner = true
				}
			}
			if id := pathLastID(p); !inner && id != 0 {
				if u, ok := snap.units[id]; ok && !slices.ContainsFunc(tops, func(x model.OrgUnit) bool { return x.ID == id }) {
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
		u := snap.units[tops[0].ID]
		return u, tops, snap.childrenOf(u.ID), nil
	}
	return nil, tops, tops, nil
}

// pathLastID returns the unit ID at the end of a materialised path.
func pathLastID(path string) int64 {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	var id int64
	fmt.Sscan(parts[len(parts)-1], &id)
	return id
}

// NeedsAnalysis returns the needs analysis of unitID's subtree (0: the top
// of the scope, the whole pemda for whole-government roles) within scope:
// the ranked needs and the heat-map whose rows are the unit's children,
// each aggregating its whole subtree, plus a row for the employees placed
// in the unit itself, and whose columns are the MaxHeatColumns competencies
// of highest need. A unit outside the scope is "not found".
func (s *Store) NeedsAnalysis(ctx context.Context, scope model.Scope, unitID int64) (*Needs, error) {
	snap, stale, err := s.needsSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	unit, base, rowUnits, err := needsBase(snap, scope, unitID)
	if err != nil {
		return nil, err
	}
	out := &Needs{Unit: unit, AsOf: snap.at, Stale: stale}
	// Every number comes from the snapshot's subtree sums: the base units'
	// for the totals, each row unit's for its row, the analysed unit's own
	// for the direct row. No request walks the tree.
	k := len(snap.slots)
	total := &unitNeeds{agg: make([]needAgg, k)}
	for _, u := range base {
		if n := snap.sub[u.ID]; n != nil {
			total.add(n)
		}
	}
	out.Employees, out.JPM = total.emps, total.jpm
	for i, t := range total.agg {
		if t.required == 0 {
			continue
		}
		cid := snap.slots[i]
		n := Need{CompetencyID: cid, Required: t.required, Assessed: t.assessed, NotAssessed: t.required - t.assessed,
			Short: t.short, Shortfall: t.shortfall, WeightedNeed: t.weighted, ShareShort: share(t.short, t.assessed)}
		if c, ok := snap.comps[cid]; ok {
			n.Code, n.Name, n.Group = c.code, c.name, c.group
		}
		if t.short > 0 {
			n.AvgShortfall = (t.shortfall*200 + t.short) / (2 * t.short)
		}
		out.Needs = append(out.Needs, n)
	}
	slices.SortFunc(out.Needs, func(a, b Need) int {
		return cmp.Or(cmp.Compare(b.WeightedNeed, a.WeightedNeed), cmp.Compare(b.Short, a.Short),
			cmp.Compare(b.Required, a.Required), cmp.Compare(a.Code, b.Code), cmp.Compare(a.CompetencyID, b.CompetencyID))
	})
	out.Columns = out.Needs[:min(len(out.Needs), MaxHeatColumns)]
	slotOf := make(map[int64]int, k)
	for i, cid := range snap.slots {
		slotOf[cid] = i
	}
	row := func(hr HeatRow, n *unitNeeds) HeatRow {
		if n != nil {
			hr.Employees, hr.JPM = n.emps, n.jpm
		}
		for _, col := range out.Columns {
			c := HeatCell{CompetencyID: col.CompetencyID, ShareShort: -1}
			if n != nil {
				if a := n.agg[slotOf[col.CompetencyID]]; a.required > 0 {
					c.Required, c.Assessed, c.NotAssessed, c.Short = a.required, a.assessed, a.required-a.assessed, a.short
					c.Shortfall, c.WeightedNeed, c.ShareShort = a.shortfall, a.weighted, share(a.short, a.assessed)
				}
			}
			hr.Cells = append(hr.Cells, c)
		}
		return hr
	}
	for _, u := range rowUnits {
		out.Rows = append(out.Rows, row(HeatRow{Unit: u, HasChildren: len(snap.children[u.ID]) > 0}, snap.sub[u.ID]))
	}
	if unit != nil {
		if n := snap.own[unit.ID]; n != nil && n.emps > 0 { // nobody placed in the unit itself: no row
			out.Rows = append(out.Rows, row(HeatRow{Unit: *unit, Direct: true}, n))
		}
	}
	return out, nil
}

// NeedPeople lists, a page at a time, the active employees of unitID's
// subtree (0: the top of the scope, as in NeedsAnalysis) who are assessed
// and short in competency competencyID: largest shortfall first, then by
// name. It returns whether there are more. A unit outside the scope is
// "not found".
func (s *Store) NeedPeople(ctx context.Context, scope model.Scope, unitID, competencyID int64, offset, limit int) ([]NeedPerson, bool, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	offset = max(offset, 0)
	snap, _, err := s.needsSnapshot(ctx)
	if err != nil {
		return nil, false, err
	}
	_, base, _, err := needsBase(snap, scope, unitID)
	if err != nil {
		return nil, false, err
	}
	var a args
	var or []string
	for _, u := range base {
		or = append(or, pathRange("u.path", u.Path, &a))
	}
	comp := a.add(competencyID)
	q := `SELECT e.id, e.nip, e.kind, e.name, e.gelar_depan, e.gelar_belakang, p.title, u.id, u.name, i.required, l.level, i.weight
		FROM org_unit u
		JOIN employee e ON e.unit_id = u.id
		JOIN position p ON p.id = e.position_id
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item i ON i.standard_id = ps.id AND i.competency_id = ` + comp + `
		JOIN current_level l ON l.employee_id = e.id AND l.competency_id = ` + comp + `
		WHERE (` + strings.Join(or, " OR ") + `) AND e.status = 'aktif' AND l.level < i.required
		ORDER BY i.required - l.level DESC, e.sort_name, e.id
		LIMIT ` + a.add(limit+1) + ` OFFSET ` + a.add(offset)
	rows, err := s.db.QueryContext(ctx, q, a...)
	if err != nil {
		return nil, false, fmt.Errorf("store: need people: %w", err)
	}
	defer rows.Close()
	var out []NeedPerson
	for rows.Next() {
		var p NeedPerson
		if err := rows.Scan(&p.EmployeeID, &p.NIP, &p.Kind, &p.Name, &p.GelarDepan, &p.GelarBelakang, &p.Position,
			&p.UnitID, &p.UnitName, &p.Required, &p.Actual, &p.Weight); err != nil {
			return nil, false, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	return out, more, nil
}

// NeedCompetency returns the code and name of a competency for the
// drill-down heading ("not found" when there is none).
func (s *Store) NeedCompetency(ctx context.Context, id int64) (code, name string, err error) {
	err = s.queryRow(ctx, `SELECT code, name FROM competency WHERE id = $1`, id).Scan(&code, &name)
	return code, name, notFound(err, "err.common.competency_not_found", id)
}
