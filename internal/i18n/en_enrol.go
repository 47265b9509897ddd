package i18n

// Enrolment, waiting lists, attendance, completion and PPPK agreements
// (issue 13 points 4 and 5).
func init() {
	extend(enMessages, map[string]string{
		"err.enrol.not_found":                  "enrolment %d not found",
		"err.enrol.field_required":             "%s is required",
		"err.enrol.session_cancelled":          "this session was cancelled",
		"err.enrol.window_closed":              "enrolment for this session is not open",
		"err.enrol.duplicate":                  "this employee already holds a place or waits in this session",
		"err.enrol.not_cancellable":            "this enrolment can no longer be cancelled",
		"err.enrol.plan_item_not_found":        "plan item %d not found",
		"err.enrol.plan_not_approved":          "this plan item is not approved or names no session",
		"err.enrol.no_seat":                    "this participant holds no seat in this session",
		"err.enrol.score":                      "score between 0 and 100",
		"err.enrol.attendance_below":           "attendance %d%% is below the minimum %d%%: completion cannot be recorded",
		"err.enrol.agreement_date":             "date %q is not valid (YYYY-MM-DD)",
		"err.enrol.agreement_end_before_start": "the agreement must end after it starts",
		"err.enrol.agreement_pns":              "work agreements are for PPPK only",
		"err.attend.token_invalid":             "this QR code is not valid",
		"err.attend.token_expired":             "this QR code has expired: scan the code on the screen again",
		"err.attend.code_invalid":              "the attendance code is wrong or has expired",
		"err.attend.not_a_day":                 "%s is not a day of this session",
		"err.attend.not_enrolled":              "you do not hold a seat in this session",
		"err.attend.mark_not_found":            "attendance mark not found",

		"notice.enrolment.confirmed.subject":  "Enrolled: %s",
		"notice.enrolment.confirmed.body":     "You have a seat in %s, %s (%s to %s).",
		"notice.enrolment.waitlisted.subject": "Waiting list: %s",
		"notice.enrolment.waitlisted.body":    "The seats of %s, %s (%s to %s) are taken: you are on the waiting list and will be told when a seat comes free.",
		"notice.enrolment.promoted.subject":   "A seat for you: %s",
		"notice.enrolment.promoted.body":      "A seat came free in %s, %s (%s to %s) and is now yours.",
	})
}
