package i18n

// Messages of the demo city's training part (kompeten demo).
func init() {
	extend(enMessages, map[string]string{
		"err.catalogue.demo_not_empty": "The training catalogue already has partners; use a new database for the demo.",
		"cli.demo.instructor":          "instructor",
		"cli.demo.training": "Training: %d partners, %d programmes, %d sessions, %d plan items (%d decisions), %d enrolments, " +
			"%d attendance marks, %d PPPK work agreements in %s.",
	})
}
