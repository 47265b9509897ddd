package gap

// PlaceTalentWith places one employee on the 9-box with the given potential
// thresholds and box wording (an administrator's settings): performance from
// the SKP predikat of the talent years (oldest first; "" unknown;
// PerformanceOverYears: the lower of the two), potential from the capped JPM
// (hasJPM false: none computed, so unknown), and excluded when a moderate or
// heavy discipline penalty is in force (see BoxTable.Place).
func PlaceTalentWith(t PotentialThresholds, boxes BoxTable, predikat [2]string, jpmCapped Fixed, hasJPM, excluded bool) Box {
	pot := PotentialUnknown
	if hasJPM {
		pot = PotentialFromJPM(jpmCapped, t)
	}
	var perf [2]Performance
	for i, p := range predikat {
		perf[i], _ = PerformanceFromPredikat(p)
	}
	return boxes.Place(PerformanceOverYears(perf[:]), pot, excluded)
}
