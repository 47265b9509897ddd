package gap

import "fmt"

// Requirement is one competency of a position's standard (SKJ): the level
// the position requires and how much the competency weighs in the needs
// analysis. The required level is data set by decree (domain.md §2).
type Requirement struct {
	CompetencyID int64 // the competency of the dictionary this row requires
	// Required is the required level, 1–5.
	Required int
	// Weight is a percent or relative weight, ≥ 1. It does not change JPM
	// (the regulation's formula is unweighted); it only ranks development
	// needs in WeightedShortfall. Values below 1 are read as 1.
	Weight int
	// Mandatory marks a competency that must be met; unmet ones are counted
	// in Result.MandatoryUnmet. It does not change JPM or its categories.
	Mandatory bool
}

// Actual is an employee's current level in one competency, typically the
// Level of an assess.Resolution.
type Actual struct {
	CompetencyID int64 // matched against Requirement.CompetencyID
	// Level is 1–5, or 0 when the competency has not been assessed (a
	// negative value is read as 0 too).
	Level int
}

// Gap is the comparison for one competency of the standard.
type Gap struct {
	CompetencyID int64 // as in the Requirement
	Required     int   // the required level
	// Actual is the employee's level; 0 means no level (Assessed false),
	// never a level of 0.
	Actual int
	// Gap is Actual − Required: negative is a development need, positive a
	// surplus. It is 0 for an unassessed competency, whose gap is unknown:
	// check Assessed before showing it.
	Gap       int
	Weight    int  // the requirement's weight, at least 1
	Mandatory bool // copied from the Requirement
	Assessed  bool // false when the competency has no level yet ("belum dinilai")
}

// Shortfall is how many levels the employee lacks: max(0, Required−Actual).
// It is 0 for a competency that has not been assessed, because an unknown
// level is a need for assessment, not for training.
func (g Gap) Shortfall() int {
	if !g.Assessed || g.Actual >= g.Required {
		return 0
	}
	return g.Required - g.Actual
}

// Result is the Job Person Match of one employee against one position
// standard, with every intermediate number so that the UI can show how it
// was computed (see Explain).
type Result struct {
	// Gaps has one entry per requirement, in the order of the standard.
	Gaps []Gap
	// SumStandard is Σ required levels of the whole standard.
	SumStandard int
	// SumRequired is Σ required levels, SumActual Σ actual levels and
	// SumCapped Σ min(actual, required), all over the assessed
	// competencies only: an unassessed one is unknown, not level 0.
	SumRequired, SumActual, SumCapped int
	// JPMRaw is SumActual ÷ SumRequired × 100 and may exceed 100 %;
	// JPMCapped is SumCapped ÷ SumRequired × 100, at most 100 %. Both are 0
	// when nothing is assessed, and provisional (see Provisional) when
	// the assessment is incomplete.
	JPMRaw, JPMCapped Fixed
	// Mapping and Filling are the categories of the JPM chosen by
	// Thresholds.UseRaw (capped by default); unknown unless Complete.
	Mapping MappingCategory // scale of competency mapping (pemetaan)
	Filling FillingCategory // scale of filling a position (pengisian jabatan)
	// Assessed counts the competencies of the standard with a level; Total
	// counts the competencies of the standard.
	Assessed, Total int
	// Complete is true when every competency of a non-empty standard has
	// been assessed. When false there is no category, and the UI shows
	// "belum dinilai" with Assessed of Total and any JPM as provisional.
	Complete bool
	// MandatoryUnmet counts assessed mandatory competencies whose level is
	// below the requirement.
	MandatoryUnmet int
	// Thresholds are the thresholds the categories were computed with, kept
	// so that Explain can state the ranges.
	Thresholds Thresholds
}

// Compute compares actual levels with a position's requirements using
// DefaultThresholds. Actual levels for competencies outside the standard are
// ignored; when actual lists a competency twice the first entry counts. It
// allocates only the Gaps slice; see ComputeInto to avoid even that.
func Compute(reqs []Requirement, actual []Actual) Result {
	return ComputeWith(DefaultThresholds(), reqs, actual)
}

// ComputeWith is Compute with an agency's configured thresholds.
func ComputeWith(t Thresholds, reqs []Requirement, actual []Actual) Result {
	r := Result{Gaps: make([]Gap, 0, len(reqs))}
	ComputeIntoWith(&r, t, reqs, actual)
	return r
}

// ComputeInto is Compute writing into dst and reusing dst.Gaps's storage, so
// that a batch over a million employees allocates nothing per employee.
// Every field of dst is overwritten.
func ComputeInto(dst *Result, reqs []Requirement, actual []Actual) {
	ComputeIntoWith(dst, DefaultThresholds(), reqs, actual)
}

// ComputeIntoWith is ComputeInto with an agency's configured thresholds.
func ComputeIntoWith(dst *Result, t Thresholds, reqs []Requirement, actual []Actual) {
	gaps := dst.Gaps[:0]
	var sumStd, sumReq, sumAct, sumCap, assessed, unmet int
	for _, rq := range reqs {
		req := max(rq.Required, 0)
		lvl := 0
		for j := range actual {
			if actual[j].CompetencyID == rq.CompetencyID {
				lvl = max(actual[j].Level, 0)
				break
			}
		}
		sumStd += req
		g := Gap{CompetencyID: rq.CompetencyID, Required: req, Weight: max(rq.Weight, 1), Mandatory: rq.Mandatory}
		if lvl > 0 { // an unassessed competency is unknown, not level 0: it adds to no sum
			assessed++
			sumReq += req
			sumAct += lvl
			sumCap += min(lvl, req)
			if rq.Mandatory && lvl < req {
				unmet++
			}
			g.Actual, g.Gap, g.Assessed = lvl, lvl-req, true
		}
		gaps = append(gaps, g)
	}
	*dst = Result{
		Gaps:           gaps,
		SumStandard:    sumStd,
		SumRequired:    sumReq,
		SumActual:      sumAct,
		SumCapped:      sumCap,
		Assessed:       assessed,
		Total:          len(reqs),
		Complete:       len(reqs) > 0 && assessed == len(reqs),
		MandatoryUnmet: unmet,
		Thresholds:     t,
	}
	if sumReq > 0 {
		dst.JPMRaw = ratio(sumAct, sumReq)
		dst.JPMCapped = ratio(sumCap, sumReq)
	}
	if dst.Complete {
		dst.Mapping, dst.Filling = t.Categories(dst.JPMRaw, dst.JPMCapped)
	}
}

// Provisional reports a JPM computed over part of the standard: some
// competencies are assessed, not all. The UI labels such a JPM "sementara"
// and gives it no category (domain.md §4: not assessed is not level 0).
func (r Result) Provisional() bool { return r.Assessed > 0 && !r.Complete }

// NotAssessed reports a standard that is not fully assessed (none or some
// of its competencies): no category, no 9-box box, counted apart.
func (r Result) NotAssessed() bool { return r.Total > 0 && !r.Complete }

// WeightedShortfall ranks development needs for the needs analysis (AKPK):
// Σ max(0, required − actual) × weight over the assessed competencies. A
// two-level shortfall in a competency weighted 30 outranks a one-level
// shortfall weighted 20. Unassessed competencies add nothing (see
// Gap.Shortfall): otherwise employees who were never assessed would look the
// neediest and draw the training budget. Weights below 1 are read as 1.
func WeightedShortfall(g []Gap) int {
	total := 0
	for _, x := range g {
		total += x.Shortfall() * max(x.Weight, 1)
	}
	return total
}

// Validate reports the first problem in a standard and a set of actual
// levels that Compute would otherwise silently tolerate: a required level
// outside 1–5, a weight below 1, a competency listed twice, or an actual
// level outside 0–5. Call it where the data is entered, not per computation.
func Validate(reqs []Requirement, actual []Actual) error {
	seen := make(map[int64]bool, len(reqs))
	for _, rq := range reqs {
		switch {
		case rq.Required < 1 || rq.Required > 5:
			return fmt.Errorf("gap: competency %d: required level %d outside 1–5", rq.CompetencyID, rq.Required)
		case rq.Weight < 1:
			return fmt.Errorf("gap: competency %d: weight %d below 1", rq.CompetencyID, rq.Weight)
		case seen[rq.CompetencyID]:
			return fmt.Errorf("gap: competency %d required twice", rq.CompetencyID)
		}
		seen[rq.CompetencyID] = true
	}
	clear(seen)
	for _, a := range actual {
		switch {
		case a.Level < 0 || a.Level > 5:
			return fmt.Errorf("gap: competency %d: actual level %d outside 0–5", a.CompetencyID, a.Level)
		case seen[a.CompetencyID]:
			return fmt.Errorf("gap: competency %d has two actual levels", a.CompetencyID)
		}
		seen[a.CompetencyID] = true
	}
	return nil
}
