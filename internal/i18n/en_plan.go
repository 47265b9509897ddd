package i18n

// Development plans and approvals (issue 13 point 3).
func init() {
	extend(enMessages, map[string]string{
		"err.plan.year":                      "plan year between %d and %d",
		"err.plan.purpose_required":          "the purpose of the development is required",
		"err.plan.too_long":                  "at most %d characters",
		"err.plan.session_without_programme": "a session can only be chosen for a catalogue programme",
		"err.plan.title_required":            "the activity's name is required",
		"err.plan.jp":                        "JP between 1 and %d",
		"err.plan.cost":                      "the cost cannot be negative",
		"err.plan.form":                      "development form %q is not known (Peraturan LAN 10/2018)",
		"err.plan.reason_required":           "a reason is required to reject or to ask for a change",
		"err.plan.decision":                  "decision %q is not known (setuju, tolak, perbaiki)",
		"err.plan.not_found":                 "proposal %d not found",
		"err.plan.session_not_found":         "session %d not found for this programme",
		"err.plan.session_closed":            "this session is no longer scheduled",
		"err.plan.duplicate":                 "%s is already in the %d plan",
		"err.plan.not_editable":              "a proposal can only be changed while a draft or asked to change",
		"err.plan.not_cancellable":           "this proposal can no longer be cancelled",
		"err.plan.changed":                   "someone else has just changed this proposal; reload the page",
		"err.plan.nominees_required":         "choose at least one employee",
		"err.plan.nominee_outside":           "employee %d not found in the units you administer",
		"err.settings.approval_empty":        "the approval chain needs at least one step",
		"err.settings.approval_step":         "approval step %q is not known (atasan, kepala_opd)",
		"err.settings.approval_twice":        "approval step %q named twice",
	})
}
