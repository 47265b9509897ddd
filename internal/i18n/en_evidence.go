package i18n

func init() {
	extend(enMessages, map[string]string{
		"evidence.title":           "Work evidence",
		"evidence.hint":            "Upload a work document (PDF, JPEG or PNG, at most 5 MB) for one competency of your position's standard. Your supervisor reviews it; once accepted, its level counts as an evidence rating.",
		"evidence.competency":      "Competency",
		"evidence.claimed_level":   "Level claimed",
		"evidence.level":           "Level",
		"evidence.note":            "Note",
		"evidence.file":            "File",
		"evidence.file_help":       "PDF, JPEG or PNG, at most 5 MB.",
		"evidence.submit":          "Submit evidence",
		"evidence.mine":            "Evidence you submitted",
		"evidence.submitted_at":    "Submitted",
		"evidence.status":          "Status",
		"evidence.status.pending":  "Awaiting review",
		"evidence.status.accepted": "Accepted",
		"evidence.status.rejected": "Rejected",
		"evidence.pending":         "Evidence awaiting review",
		"evidence.review_note":     "Note",
		"evidence.accept":          "Accept",
		"evidence.reject_reason":   "Reason for rejection",
		"evidence.reject":          "Reject",
		"evidence.submitted":       "Work evidence submitted; it awaits your supervisor's review.",
		"evidence.reviewed":        "Evidence review saved.",
	})
}
