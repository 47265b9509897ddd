package gap

import "fmt"

// MappingCategory is the JPM category of competency mapping (pemetaan):
// how well an employee fits the position they hold.
type MappingCategory int

// Mapping categories, lowest first. The zero value means no category could
// be computed (the position has no standard).
const (
	MappingUnknown MappingCategory = iota // no standard, nothing to compare
	KurangOptimal                         // below the Cukup Optimal threshold: development priority
	CukupOptimal                          // between the two thresholds
	Optimal                               // at or above the Optimal threshold
)

// String returns a stable code for storage and JSON.
func (c MappingCategory) String() string {
	switch c {
	case KurangOptimal:
		return "kurang_optimal"
	case CukupOptimal:
		return "cukup_optimal"
	case Optimal:
		return "optimal"
	}
	return "unknown"
}

// ParseMapping is the inverse of MappingCategory.String, for stored codes:
// MappingUnknown for anything it does not name.
func ParseMapping(code string) MappingCategory {
	for _, c := range []MappingCategory{KurangOptimal, CukupOptimal, Optimal} {
		if code == c.String() {
			return c
		}
	}
	return MappingUnknown
}

// Label is the Indonesian label the UI shows.
func (c MappingCategory) Label() string {
	switch c {
	case KurangOptimal:
		return "Kurang Optimal"
	case CukupOptimal:
		return "Cukup Optimal"
	case Optimal:
		return "Optimal"
	}
	return "Belum dapat ditentukan"
}

// LabelEN is the English label the UI shows.
func (c MappingCategory) LabelEN() string {
	switch c {
	case KurangOptimal:
		return "Less than optimal"
	case CukupOptimal:
		return "Fairly optimal"
	case Optimal:
		return "Optimal"
	}
	return "Not determined"
}

// FillingCategory is the JPM category for filling a position (pengisian
// jabatan): whether a candidate qualifies for a post.
type FillingCategory int

// Filling categories, lowest first. The zero value means no category could
// be computed (the position has no standard).
const (
	FillingUnknown       FillingCategory = iota // no standard, nothing to compare
	KurangMemenuhiSyarat                        // below the Masih Memenuhi Syarat threshold: does not qualify
	MasihMemenuhiSyarat                         // qualifies with development conditions
	MemenuhiSyarat                              // qualifies for the position
)

// String returns a stable code for storage and JSON.
func (c FillingCategory) String() string {
	switch c {
	case KurangMemenuhiSyarat:
		return "kurang_memenuhi_syarat"
	case MasihMemenuhiSyarat:
		return "masih_memenuhi_syarat"
	case MemenuhiSyarat:
		return "memenuhi_syarat"
	}
	return "unknown"
}

// Label is the Indonesian label the UI shows.
func (c FillingCategory) Label() string {
	switch c {
	case KurangMemenuhiSyarat:
		return "Kurang Memenuhi Syarat"
	case MasihMemenuhiSyarat:
		return "Masih Memenuhi Syarat"
	case MemenuhiSyarat:
		return "Memenuhi Syarat"
	}
	return "Belum dapat ditentukan"
}

// LabelEN is the English label the UI shows.
func (c FillingCategory) LabelEN() string {
	switch c {
	case KurangMemenuhiSyarat:
		return "Does not qualify"
	case MasihMemenuhiSyarat:
		return "Still qualifies"
	case MemenuhiSyarat:
		return "Qualifies"
	}
	return "Not determined"
}

// Thresholds are the lower bounds of the JPM categories. They are data, not
// rules, because domain.md §3 marks the scales as secondary-source defaults
// an administrator may change.
type Thresholds struct {
	// Optimal and CukupOptimal are the lower bounds of the mapping
	// categories Optimal and Cukup Optimal; below CukupOptimal is Kurang
	// Optimal.
	Optimal, CukupOptimal Fixed
	// MemenuhiSyarat and MasihMemenuhiSyarat are the lower bounds of the
	// filling categories; below MasihMemenuhiSyarat is Kurang Memenuhi
	// Syarat.
	MemenuhiSyarat, MasihMemenuhiSyarat Fixed
	// UseRaw computes the categories from the raw JPM instead of the capped
	// one. Off by default: with the raw value a surplus in one competency
	// could make up for a shortfall in another.
	UseRaw bool
}

// DefaultThresholds returns the scales of domain.md §3: mapping Optimal
// ≥ 90 %, Cukup Optimal ≥ 78 %; filling Memenuhi Syarat ≥ 80 %, Masih
// Memenuhi Syarat ≥ 68 %; from the capped JPM. It is a function so that no
// caller can change the defaults for everyone.
func DefaultThresholds() Thresholds {
	return Thresholds{
		Optimal: Percent(90), CukupOptimal: Percent(78),
		MemenuhiSyarat: Percent(80), MasihMemenuhiSyarat: Percent(68),
	}
}

// Validate reports thresholds an administrator entered that cannot work:
// negative, or a lower category bound above the upper one.
func (t Thresholds) Validate() error {
	switch {
	case t.CukupOptimal < 0 || t.MasihMemenuhiSyarat < 0:
		return fmt.Errorf("gap: thresholds must not be negative")
	case t.CukupOptimal > t.Optimal:
		return fmt.Errorf("gap: Cukup Optimal threshold %v above Optimal %v", t.CukupOptimal, t.Optimal)
	case t.MasihMemenuhiSyarat > t.MemenuhiSyarat:
		return fmt.Errorf("gap: Masih Memenuhi Syarat threshold %v above Memenuhi Syarat %v", t.MasihMemenuhiSyarat, t.MemenuhiSyarat)
	}
	return nil
}

// Categories returns the mapping and filling categories of a complete
// assessment's JPM, from the raw or the capped value as UseRaw says. It is
// the one place that reads the thresholds for an employee's JPM.
func (t Thresholds) Categories(raw, capped Fixed) (MappingCategory, FillingCategory) {
	jpm := capped
	if t.UseRaw {
		jpm = raw
	}
	return t.Mapping(jpm), t.Filling(jpm)
}

// Mapping returns the mapping category of a JPM value.
func (t Thresholds) Mapping(jpm Fixed) MappingCategory {
	switch {
	case jpm >= t.Optimal:
		return Optimal
	case jpm >= t.CukupOptimal:
		return CukupOptimal
	}
	return KurangOptimal
}

// Filling returns the filling category of a JPM value.
func (t Thresholds) Filling(jpm Fixed) FillingCategory {
	switch {
	case jpm >= t.MemenuhiSyarat:
		return MemenuhiSyarat
	case jpm >= t.MasihMemenuhiSyarat:
		return MasihMemenuhiSyarat
	}
	return KurangMemenuhiSyarat
}

// mappingRange describes the JPM range of a mapping category for Explain,
// e.g. "78 % ≤ JPM < 90 %".
func (t Thresholds) mappingRange(c MappingCategory, lang string) string {
	switch c {
	case Optimal:
		return rangeText(lang, t.Optimal, -1)
	case CukupOptimal:
		return rangeText(lang, t.CukupOptimal, t.Optimal)
	case KurangOptimal:
		return rangeText(lang, -1, t.CukupOptimal)
	}
	return ""
}

// fillingRange describes the JPM range of a filling category for Explain.
func (t Thresholds) fillingRange(c FillingCategory, lang string) string {
	switch c {
	case MemenuhiSyarat:
		return rangeText(lang, t.MemenuhiSyarat, -1)
	case MasihMemenuhiSyarat:
		return rangeText(lang, t.MasihMemenuhiSyarat, t.MemenuhiSyarat)
	case KurangMemenuhiSyarat:
		return rangeText(lang, -1, t.MasihMemenuhiSyarat)
	}
	return ""
}

// rangeText writes "lo ≤ JPM < hi" leaving out a bound given as -1.
func rangeText(lang string, lo, hi Fixed) string {
	pct := func(f Fixed) string {
		if isEN(lang) {
			return f.short(lang) + "%"
		}
		return f.short(lang) + " %"
	}
	switch {
	case lo < 0:
		return "JPM < " + pct(hi)
	case hi < 0:
		return "JPM ≥ " + pct(lo)
	}
	return pct(lo) + " ≤ JPM < " + pct(hi)
}
