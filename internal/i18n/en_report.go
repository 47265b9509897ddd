package i18n

// English messages of the printable reports; see id_report.go.
func init() {
	extend(enMessages, map[string]string{
		"report.needs_title":   "Competency Development Needs Analysis (AKPK)",
		"report.profile_title": "Employee Competency Profile",
		"report.page":          "Page",
		"report.unit":          "Unit",
		"report.position":      "Position",
		"report.date":          "Date",
		"report.exported_by":   "Exported by",
		"report.employees":     "Employees with a competency standard",
		"report.as_of":         "Figures computed at",
		"report.heat_help":     "Each cell: the share of assessed employees whose level is below the standard, then the number short/the number assessed. Column numbers = rank in the needs table before.",
		"report.jpm_title":     "JPM categories per unit",
		"report.jpm_help":      "Employees per JPM (Job Person Match) mapping category in each unit with all its subunits. The bar shows the proportions; the columns on the right give the numbers of employees.",
		"report.jpm_share":     "Proportion",
		"report.total":         "Total",
		"report.jpm_desc":      "Stacked bar chart: for each unit, the share of employees whose JPM category is less than optimal, fairly optimal, optimal, or not yet fully assessed (no category); the numbers are in the columns on the right.",
		"report.download_pdf":  "Download PDF",
		"report.profile_pdf":   "Download competency profile (PDF)",
	})
}
