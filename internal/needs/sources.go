package needs

import "github.com/kompeten/kompeten/internal/gap"

// The sources of AKPK (PP 17/2020 Pasal 205–206, domain.md §4): a need comes
// from the gap to the standard of the position held (the heat-map and
// ranking of Analysis), from the gap to the standard of a target position
// recorded for the employee, or from performance (SKP below expectation).
// The needs report says which.

// Source names where a development need comes from.
type Source string

// The three sources of a need.
const (
	FromCurrent     Source = "current"     // the standard of the position held
	FromTarget      Source = "target"      // the standard of the employee's target position
	FromPerformance Source = "performance" // the SKP predikat, below expectation
)

// PerformanceGap counts the employees of an analysis by the 9-box
// performance level of one year's SKP (gap.PerformanceFromPredikat):
// those below expectation have a performance gap.
type PerformanceGap struct {
	Year                int // the SKP year read (the last final one)
	Employees           int // every employee counted
	Below, Meets, Above int
	Unknown             int // no SKP predikat recorded for the year
}

// Add counts n employees with SKP predikat p ("" none) in the year.
func (g *PerformanceGap) Add(p string, n int) {
	g.Employees += n
	lvl, _ := gap.PerformanceFromPredikat(p)
	switch lvl {
	case gap.Below:
		g.Below += n
	case gap.Meets:
		g.Meets += n
	case gap.Above:
		g.Above += n
	default:
		g.Unknown += n
	}
}

// PerformanceOf is the performance gap of an analysis's employees in year.
func PerformanceOf(year int, perf [4]int) PerformanceGap {
	g := PerformanceGap{Year: year, Below: perf[gap.Below], Meets: perf[gap.Meets], Above: perf[gap.Above],
		Unknown: perf[gap.PerformanceUnknown]}
	g.Employees = g.Below + g.Meets + g.Above + g.Unknown
	return g
}

// ShareBelow is Below ÷ the employees with a known predikat, in hundredths
// of a percent; -1 when nobody's is known.
func (g PerformanceGap) ShareBelow() gap.Fixed { return Share(g.Below, g.Below+g.Meets+g.Above) }

// Sources is what the needs analysis adds to Analysis from its other two
// sources, over the same employees (the active ones of the analysed
// subtree).
type Sources struct {
	// TargetEmployees counts those with a target position whose standard is
	// not empty; Target ranks their needs against it, as Analysis.Needs
	// ranks the needs against the current standard (not assessed is not
	// level 0 here either).
	TargetEmployees int
	Target          []Need
	Performance     PerformanceGap
}

// RankedNeeds is the ranked needs list of a tally: every competency some
// employee's standard requires, highest weighted need first.
func RankedNeeds(cols Columns, t *Tally) []Need {
	var out []Need
	for i, a := range t.Aggs {
		if a.Required == 0 {
			continue
		}
		cid := cols.IDs[i]
		c := cols.Names[cid]
		out = append(out, Need{CompetencyID: cid, Code: c.Code, Name: c.Name, Group: c.Group,
			Required: a.Required, Assessed: a.Assessed, NotAssessed: a.Required - a.Assessed,
			Short: a.Short, Shortfall: a.Shortfall, AvgShortfall: AvgShortfall(a.Shortfall, a.Short),
			WeightedNeed: a.Weighted, ShareShort: Share(a.Short, a.Assessed)})
	}
	Rank(out)
	return out
}
