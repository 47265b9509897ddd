package i18n

// English messages of education histories and of copying a framework.
func init() {
	extend(enMessages, map[string]string{
		"fwedit.copy":                    "Copy into an agency framework",
		"fwedit.copy_from":               "Copy of %s: its competencies, levels and indicators are copied. Give it a code of its own; the built-in framework and the standards using it stay as they are.",
		"err.education.level":            "unknown education level %q (SD, SMP, SMA, D-I to D-IV, S-1 to S-3, or a SIASN code)",
		"err.education.year":             "the graduation year must be %d to %d",
		"err.education.major_long":       "the major is at most %d characters",
		"err.education.institution_long": "the school or university name is at most %d characters",
		"err.education.certificate_long": "the certificate number is at most %d characters",
	})
}
