package i18n

// Grants beside roles and partners' accounts (issue 13).
func init() {
	extend(enMessages, map[string]string{
		"err.grant.email":             "e-mail address %q is not valid",
		"err.grant.unknown":           "grant %q is not known",
		"err.grant.provider_role":     "only a provider account is bound to a partner",
		"err.grant.provider_required": "a provider account must be bound to a partner",
		"err.grant.provider_employee": "an employee's account cannot be a provider account",
		"err.grant.provider_grants":   "a provider account cannot hold grants",
		"err.grant.email_required":    "the e-mail address is required",

		"grant.operator":        "Competency development operator",
		"nav.provider_accounts": "Provider accounts",

		"accounts.grants":                 "Grants",
		"accounts.provider":               "Partner",
		"accounts.email":                  "E-mail",
		"accounts.provider_title":         "Provider accounts",
		"accounts.provider_intro":         "Accounts of the training partners' staff. Such an account sees only its own partner's programmes, sessions and participants, never personnel records, assessments or disciplinary penalties.",
		"accounts.provider_password":      "Initial password",
		"accounts.provider_password_hint": "At least 10 characters. Leave it empty to keep the account inactive until it is activated with a new password.",
		"accounts.provider_create":        "Create provider account",
		"accounts.provider_created":       "Provider account created.",
		"accounts.provider_none":          "No provider accounts yet.",
		"accounts.provider_no_partner":    "No partners yet. Add a partner first.",
		"accounts.choose":                 "— choose —",

		"cli.flag.user.grants":   "comma-separated grants (set-grants; create): operator, or empty to remove them",
		"cli.flag.user.provider": "partner ID of a provider account (create --role penyelenggara)",
		"cli.flag.user.email":    "e-mail address of a provider account (create)",
		"cli.user.grants":        "account %s: grants %s",
	})
}
