package i18n

// English messages of "not assessed is not level 0" (id_unassessed.go).
func init() {
	extend(enMessages, map[string]string{
		"jpm.not_assessed":       "Not assessed — complete the assessment",
		"jpm.not_assessed_short": "Not assessed",
		"jpm.assessed_of":        "%d of %d competencies assessed",
		"jpm.provisional":        "provisional",
		"jpm.none":               "—",
		"talent.not_assessed":    "Not assessed — complete the assessment: %s employees (no box; included in the count above).",
		"needs.unassessed_count": "Not fully assessed: %s employees without a JPM category, counted apart from the categories.",
	})
}
