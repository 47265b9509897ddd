package i18n

func init() {
	extend(enMessages, map[string]string{
		"discipline.title":        "Discipline penalties",
		"discipline.hint":         "Restricted data: only the employee and the administrators of their unit see it. A moderate or heavy penalty in force keeps the employee out of the succession pool (Permen PANRB 3/2020).",
		"discipline.level":        "Level",
		"discipline.level.ringan": "Light",
		"discipline.level.sedang": "Moderate",
		"discipline.level.berat":  "Heavy",
		"discipline.kind":         "Penalty",
		"discipline.kind_example": "e.g. 25% cut of the performance allowance for 6 months",
		"discipline.decree":       "Decree",
		"discipline.decree_no":    "Decree number",
		"discipline.decree_date":  "Decree date",
		"discipline.starts_on":    "In force from",
		"discipline.ends_on":      "Ends (leave empty for a light penalty)",
		"discipline.period":       "Period",
		"discipline.state":        "State",
		"discipline.excludes":     "In force: outside the succession pool",
		"discipline.revoked_tag":  "Revoked",
		"discipline.revoke":       "Revoke",
		"discipline.revoke_note":  "Reason for revoking",
		"discipline.none":         "No discipline penalty is recorded.",
		"discipline.add":          "Record a discipline penalty",
		"discipline.save":         "Save",
		"discipline.added":        "Discipline penalty recorded.",
		"discipline.revoked":      "Discipline penalty revoked.",
		"talent.discipline_known": "Employees with a moderate or heavy discipline penalty in force are not in the succession pool; their box is still shown, with the reason.",
		"talent.not_eligible":     "%s employees in boxes 7–9 are outside the succession pool because of a discipline penalty.",
	})
}
