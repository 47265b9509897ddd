package i18n

// English messages of the target position and the sources of AKPK
// (id_target.go).
func init() {
	extend(enMessages, map[string]string{
		"talent.set_target":           "set a target position",
		"err.target.note_too_long":    "The target position's note is at most %d characters long.",
		"err.target.position_unknown": "Target position %d not found.",
		"err.target.same_as_held":     "The target position must differ from the position held.",
		"target.title":                "Target position",
		"target.hint":                 "The position this employee is being prepared for (PP 17/2020 Articles 205–206). The needs analysis compares their levels with the target position's standard beside the current position's.",
		"target.none":                 "No target position yet.",
		"target.position":             "Target position",
		"target.note":                 "Note",
		"target.set_at":               "Recorded",
		"target.save":                 "Save target position",
		"target.clear":                "Remove target position",
		"target.choose":               "— choose a position —",
		"target.no_standard":          "The target position has no competency standard yet.",
		"target.gaps":                 "Gaps to the target position's standard",
		"target.jpm":                  "JPM against the target position",
		"notice.target_set":           "Target position saved.",
		"notice.target_cleared":       "Target position removed.",
		"needs.sources":               "Sources of needs",
		"needs.sources_help":          "Development needs come from three sources (PP 17/2020 Articles 205–206): the gap to the current position's standard (the heat-map and ranking above), to the target position's standard, and the performance gap from SKP.",
		"needs.source.current":        "Current position",
		"needs.source.target":         "Target position",
		"needs.source.performance":    "Performance (SKP)",
		"needs.source":                "Source",
		"needs.target_title":          "Needs against target positions",
		"needs.target_count":          "%s employees with a target position that has a competency standard.",
		"needs.target_none":           "No employee of this unit has a target position yet.",
		"needs.performance_title":     "Performance gap (SKP %d)",
		"needs.performance_line":      "Below expectations: %s · meets expectations: %s · above expectations: %s · no SKP: %s",
		"needs.performance_below":     "Performance below expectations",
		"needs.performance_share":     "%s of the employees whose SKP is known perform below expectations.",
	})
}
