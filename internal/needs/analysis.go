package needs

import (
	"cmp"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

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
	// gap.MappingCategory (MappingUnknown: standard not fully assessed, no
	// category; see NotAssessed).
	JPM   [4]int
	Cells []HeatCell // one per Analysis.Columns, in that order
}

// Analysis is the needs analysis of a unit's subtree or of a whole scope.
type Analysis struct {
	// Unit is the analysed unit; nil when the analysis covers several
	// subtrees (the roots of the pemda, or a user's several scope units).
	Unit *model.OrgUnit
	// Employees counts the active employees with a current standard.
	Employees int
	// JPM splits Employees by the mapping category of their JPM, as
	// HeatRow.JPM does.
	JPM [4]int
	// Perf splits Employees by the performance level of their SKP, as
	// Tally.Perf (the year is the store's).
	Perf    [4]int
	Needs   []Need // every required competency, highest weighted need first
	Columns []Need // the first MaxHeatColumns of Needs: the heat-map's columns
	Rows    []HeatRow
	// AsOf is when the underlying numbers were computed; Stale is set when
	// a newer computation is running in the background (large cities only).
	AsOf  time.Time
	Stale bool
}

// NotAssessed counts the row's employees whose standard is not fully
// assessed: they have no JPM category and are counted apart.
func (r HeatRow) NotAssessed() int { return r.JPM[gap.MappingUnknown] }

// NotAssessed counts the analysed employees whose standard is not fully
// assessed ("belum dinilai"): apart from every category of the
// distribution.
func (a *Analysis) NotAssessed() int { return a.JPM[gap.MappingUnknown] }

// Categorised counts the analysed employees with a JPM category (fully
// assessed): the base of the distribution's shares.
func (a *Analysis) Categorised() int { return a.Employees - a.NotAssessed() }

// Share returns short ÷ assessed in hundredths of a percent, rounded half
// up; -1 when nobody is assessed.
func Share(short, assessed int) gap.Fixed {
	if assessed == 0 {
		return -1
	}
	return gap.Fixed((int64(short)*20000 + int64(assessed)) / (2 * int64(assessed)))
}

// AvgShortfall returns shortfall ÷ short in hundredths of a level, rounded
// half up; 0 when nobody is short.
func AvgShortfall(shortfall, short int) int {
	if short <= 0 {
		return 0
	}
	return (shortfall*200 + short) / (2 * short)
}

// Rank orders needs highest weighted need first; ties go to more people
// short, then more people required, then by code and ID, so that the order
// never depends on how the numbers were read.
func Rank(needs []Need) {
	slices.SortFunc(needs, func(a, b Need) int {
		return cmp.Or(cmp.Compare(b.WeightedNeed, a.WeightedNeed), cmp.Compare(b.Short, a.Short),
			cmp.Compare(b.Required, a.Required), cmp.Compare(a.Code, b.Code), cmp.Compare(a.CompetencyID, b.CompetencyID))
	})
}

// Competency names a competency column.
type Competency struct{ Code, Name, Group string }

// Columns are the competency columns of a set of tallies: the competency
// of each slot, and their names.
type Columns struct {
	IDs   []int64 // competency ID of slot i
	Names map[int64]Competency
}

// Row is one heat-map row to assemble: a unit and the tally of its subtree
// (nil: nobody counted there).
type Row struct {
	Unit        model.OrgUnit
	HasChildren bool
	Tally       *Tally
}

// Analyse assembles an analysis: the totals and the ranked needs from
// total (the sum over the analysed subtrees), one heat-map row per row,
// and, when unit is not nil and direct counts someone, a last row of the
// employees placed in unit itself. Cells cover the first MaxHeatColumns
// needs.
func Analyse(unit *model.OrgUnit, cols Columns, total *Tally, rows []Row, direct *Tally) *Analysis {
	out := &Analysis{Unit: unit, Employees: total.Employees, JPM: total.JPM, Perf: total.Perf}
	out.Needs = RankedNeeds(cols, total)
	out.Columns = out.Needs[:min(len(out.Needs), MaxHeatColumns)]
	slotOf := make(map[int64]int, len(cols.IDs))
	for i, cid := range cols.IDs {
		slotOf[cid] = i
	}
	row := func(hr HeatRow, n *Tally) HeatRow {
		if n != nil {
			hr.Employees, hr.JPM = n.Employees, n.JPM
		}
		for _, col := range out.Columns {
			c := HeatCell{CompetencyID: col.CompetencyID, ShareShort: -1}
			if n != nil {
				if a := n.Aggs[slotOf[col.CompetencyID]]; a.Required > 0 {
					c.Required, c.Assessed, c.NotAssessed, c.Short = a.Required, a.Assessed, a.Required-a.Assessed, a.Short
					c.Shortfall, c.WeightedNeed, c.ShareShort = a.Shortfall, a.Weighted, Share(a.Short, a.Assessed)
				}
			}
			hr.Cells = append(hr.Cells, c)
		}
		return hr
	}
	for _, r := range rows {
		out.Rows = append(out.Rows, row(HeatRow{Unit: r.Unit, HasChildren: r.HasChildren}, r.Tally))
	}
	if unit != nil && direct != nil && direct.Employees > 0 { // nobody placed in the unit itself: no row
		out.Rows = append(out.Rows, row(HeatRow{Unit: *unit, Direct: true}, direct))
	}
	return out
}
