package gap

// PlaceTalentWith places one employee on the 9-box with the given potential
// thresholds and box wording (an administrator's settings): performance from
// the SKP predikat of the talent years (oldest first; "" unknown;
// PerformanceOverYears: the lower of the two), potential from the capped JPM
// only when all total competencies of the standard are assessed (a
// provisional JPM places nobody: the box says so with NotAssessed, n of m),
// and excluded when a moderate or heavy discipline penalty is in force (see
// BoxTable.Place). total 0 means no JPM at all (no standard).
func PlaceTalentWith(t PotentialThresholds, boxes BoxTable, predikat [2]string, jpmCapped Fixed, assessed, total int, excluded bool) Box {
	pot := PotentialUnknown
	if total > 0 && assessed >= total {
		pot = PotentialFromJPM(jpmCapped, t)
	}
	var perf [2]Performance
	for i, p := range predikat {
		perf[i], _ = PerformanceFromPredikat(p)
	}
	b := boxes.Place(PerformanceOverYears(perf[:]), pot, excluded)
	if total > 0 && assessed < total {
		b.NotAssessed, b.Assessed, b.Total = true, assessed, total
	}
	return b
}
