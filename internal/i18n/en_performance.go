package i18n

func init() {
	extend(enMessages, map[string]string{
		"performance.title":    "Performance (SKP)",
		"performance.hint":     "The yearly performance rating (Permen PANRB 6/2022) the talent map reads; a file for many employees is imported under Assessment › Import.",
		"performance.year":     "Year",
		"performance.predikat": "Rating",
		"performance.none":     "No SKP rating is recorded yet.",
		"performance.save":     "Save rating",
		"performance.saved":    "SKP rating saved.",
	})
}
