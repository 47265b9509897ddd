package gap

import "time"

// TalentYears returns the two SKP years the talent map looks at in the
// year of now, oldest first: the two years before the current one (a
// year's SKP is final only after it ends).
func TalentYears(now time.Time) [2]int {
	y := now.Year()
	return [2]int{y - 2, y - 1}
}

// PlaceTalent places one employee on the 9-box with the product's wording:
// performance from the SKP predikat of the talent years (oldest first; ""
// unknown; PerformanceOverYears: the lower of the two), potential from the
// capped JPM with the default thresholds when all total competencies of the
// standard are assessed (otherwise unknown: a provisional JPM places
// nobody, and the box says "belum dinilai" with NotAssessed), and excluded
// when a moderate or heavy discipline penalty is in force (see
// BoxTable.Place). total 0 means no JPM at all (no standard).
func PlaceTalent(predikat [2]string, jpmCapped Fixed, assessed, total int, excluded bool) Box {
	return PlaceTalentWith(DefaultPotentialThresholds(), defaultBoxes, predikat, jpmCapped, assessed, total, excluded)
}

// TalentMap is the 9-box of the active employees in a scope (Permen PANRB
// 3/2020, domain.md §3): how many in each box.
type TalentMap struct {
	// Years are the two SKP years looked at, oldest first (TalentYears).
	Years [2]int
	// Counts per box number; index 0 counts employees who cannot be placed
	// (no SKP rating in either year, or no JPM).
	Counts [10]int
	Total  int
	// NotEligible counts those in boxes 7–9 kept out of the succession pool
	// by a moderate or heavy discipline penalty in force.
	NotEligible int
	// NotAssessed counts those of box 0 whose standard is not fully
	// assessed ("belum dinilai — lengkapi penilaian"), apart from those
	// lacking SKP ratings or a standard.
	NotAssessed int
	// Boxes are the nine boxes' wording and counts (index = box number,
	// index 0 the "cannot be placed" box).
	Boxes [10]Box
	// DisciplineKnown is true since Kompeten records discipline penalties:
	// a moderate or heavy one in force excludes its holder from the
	// succession pool. Kept so API clients can tell.
	DisciplineKnown bool
}

// NewTalentMap returns an empty talent map of the talent years of now,
// with the product's wording of the boxes.
func NewTalentMap(now time.Time) *TalentMap {
	m := &TalentMap{Years: TalentYears(now), Boxes: DefaultBoxes(), DisciplineKnown: true}
	for i := range m.Boxes {
		m.Boxes[i].Number = i
	}
	return m
}

// Add counts one employee placed in box b.
func (m *TalentMap) Add(b Box) {
	m.Counts[b.Number]++
	m.Total++
	if b.NotEligible {
		m.NotEligible++
	}
	if b.NotAssessed {
		m.NotAssessed++
	}
}
