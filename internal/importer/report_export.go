package importer

import (
	"io"
	"strconv"

	"github.com/kompeten/kompeten/internal/i18n"
)

// WriteReport writes every problem of an import report as "csv" or "xlsx"
// in lang: line, kind (error or warning), column, value as written and the
// reason, so that a clerk with thousands of bad rows can sort and filter
// them in a spreadsheet (a page lists the first hundred). A report that
// stopped listing at MaxProblems says so in a last row. Cells go through
// the same formula guard as every export.
func WriteReport(w io.Writer, format string, r *Report, lang i18n.Lang) error {
	rw, err := newRowWriter(w, format, i18n.T(lang, "import.report_sheet"))
	if err != nil {
		return err
	}
	if err := rw.write([]string{i18n.T(lang, "import.line"), i18n.T(lang, "import.kind"), i18n.T(lang, "import.column"),
		i18n.T(lang, "import.value"), i18n.T(lang, "import.message")}); err != nil {
		return err
	}
	for _, p := range r.Problems {
		kind := i18n.T(lang, "import.kind_error")
		if p.Warning {
			kind = i18n.T(lang, "import.kind_warning")
		}
		if err := rw.write([]string{strconv.Itoa(p.Line), kind, p.Column, p.Value, p.Text(lang)}); err != nil {
			return err
		}
	}
	if r.ProblemsOmitted > 0 {
		if err := rw.write([]string{"", "", "", "", i18n.T(lang, "import.more", r.ProblemsOmitted)}); err != nil {
			return err
		}
	}
	return rw.close()
}
