package i18n

// One's own account: password and sessions (English).
func init() {
	extend(enMessages, map[string]string{
		"myaccount.title":            "My account",
		"myaccount.username":         "Username",
		"myaccount.password":         "Change password",
		"myaccount.current":          "Current password",
		"myaccount.new":              "New password",
		"myaccount.repeat":           "Repeat the new password",
		"myaccount.rule":             "At least 10 characters, not the username. Once changed, every other session and API token of this account ends.",
		"myaccount.change":           "Change password",
		"myaccount.sessions":         "Signed-in sessions",
		"myaccount.sessions_hint":    "Browsers signed in with this account. A session ends by itself after %d minutes without activity or 12 hours after signing in.",
		"myaccount.browser":          "Browser",
		"myaccount.address":          "IP address",
		"myaccount.since":            "Signed in",
		"myaccount.seen":             "Last active",
		"myaccount.this":             "this browser",
		"myaccount.end":              "End",
		"myaccount.end_others":       "End every other session",
		"myaccount.password_changed": "Password changed. Other sessions and this account's API tokens have ended.",
		"myaccount.session_ended":    "Session ended.",
		"myaccount.others_ended":     "Every other session ended.",
	})
}
