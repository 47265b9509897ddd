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
	// Actual is the employee's level, 0 when not assessed.
	Actual int
	// Gap is Actual − Required: negative is a development need, positive a
	// surplus. For an unassessed competency it is −Required, like JPM's
	// treatment; check Assessed before calling it a need.
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
	// SumRequired is Σ required levels; SumActual Σ actual levels;
	// SumCapped Σ min(actual, required).
	SumRequired, SumActual, SumCapped int
	// JPMRaw is SumActual ÷ SumRequired × 100 and may exceed 100 %;
	// JPMCapped is SumCapped ÷ SumRequired × 100, at most 100 %.
	JPMRaw, JPMCapped Fixed
	// Mapping and Filling are the categories of the JPM chosen by
	// Thresholds.UseRaw (capped by default); unknown when Total is 0.
	Mapping MappingCategory // scale of competency mapping (pemetaan)
	Filling FillingCategory // scale of filling a position (pengisian jabatan)
	// Assessed counts the competencies of the standard with a level; Total
	// counts the competencies of the standard.
	Assessed, Total int
	// Complete is true when every competency of a non-empty standard has
	// been assessed. When false, unassessed competencies counted as 0 and
	// the UI shows the result as "belum lengkap".
	Complete bool
	// MandatoryUnmet counts mandatory competencies whose actual level is
	// below the requirement, unassessed ones included.
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
	var sumReq, sumAct, sumCap, assessed, unmet int
	for _, rq := range reqs {
		req := max(rq.Required, 0)
		lvl := 0
		for j := range actual {
			if actual[j].CompetencyID == rq.CompetencyID {
				lvl = max(actual[j].Level, 0)
				break
			}
		}
		sumReq += req
		sumAct += lvl
		sumCap += min(lvl, req)
		if lvl > 0 {
			assessed++
		}
		if rq.Mandatory && lvl < req {
			unmet++
		}
		gaps = append(gaps, Gap{
			CompetencyID: rq.CompetencyID,
			Required:     req,
			Actual:       lvl,
			Gap:          lvl - req,
			Weight:       max(rq.Weight, 1),
			Mandatory:    rq.Mandatory,
			Assessed:     lvl > 0,
		})
	}
	*dst = Result{
		Gaps:           gaps,
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
		jpm := dst.JPMCapped
		if t.UseRaw {
			jpm = dst.JPMRaw
		}
		dst.Mapping = t.Mapping(jpm)
		dst.Filling = t.Filling(jpm)
	}
}

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
