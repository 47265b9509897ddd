package i18n

// English messages of education histories and of copying a framework.
func init() {
	extend(enMessages, map[string]string{
		"fwedit.copy":      "Copy into an agency framework",
		"fwedit.copy_from": "Copy of %s: its competencies, levels and indicators are copied. Give it a code of its own; the built-in framework and the standards using it stay as they are.",
	})
}
