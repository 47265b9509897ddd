package i18n

func init() {
	extend(enMessages, map[string]string{
		"err.acting.employee_required":    "the employee assigned is required",
		"err.acting.position_required":    "the post acted in is required",
		"err.acting.kind_unknown":         "unknown kind of assignment %q (Plt. or Plh.)",
		"err.acting.from_required":        "the start date is required",
		"err.acting.until_required":       "the end date is required",
		"err.acting.until_before_from":    "the end date (%s) is before the start date (%s)",
		"err.acting.decree_no_required":   "the decree (SK) number is required",
		"err.acting.decree_no_at_most":    "the decree number is at most %d characters",
		"err.acting.decree_date_required": "the decree date is required",
		"err.acting.decree_after_start":   "the decree is dated more than a year after the start: check both dates",
		"err.acting.position_not_found":   "post %d not found",
		"err.acting.not_head_post":        "%s is not the head post of a unit: Plt./Plh. are for leadership posts",
		"err.acting.employee_not_active":  "an employee who is not active cannot be made Plt./Plh.",
		"err.acting.holds_post":           "this employee holds that post",
		"err.acting.overlap":              "post %s already has a Plt./Plh. from %s to %s",
		"err.acting.not_found":            "acting assignment %d not found",
	})
}
