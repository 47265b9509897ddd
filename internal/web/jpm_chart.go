package web

import (
	"html/template"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/report"
)

// The JPM distribution chart of the needs analysis: per heat-map row (a
// child unit with its subtree, or the employees placed in the unit itself)
// the employees by JPM mapping category, then the total. The page shows it
// as inline SVG and the PDF export as a PNG of the same report.Scene.

// jpmRows turns an analysis into the chart's rows.
func jpmRows(lang i18n.Lang, n *needs.Analysis) []report.JPMRow {
	var rows []report.JPMRow
	for _, hr := range n.Rows {
		rows = append(rows, report.JPMRow{Label: heatRowLabel(lang, hr, false), Counts: hr.JPM})
	}
	if len(rows) > 1 {
		rows = append(rows, report.JPMRow{Label: i18n.T(lang, "report.total"), Counts: n.JPM, Total: true})
	}
	return rows
}

// heatRowLabel names a heat-map row: the unit, "(directly in this unit)"
// for the direct row, and the number of employees when withCount is set.
func heatRowLabel(lang i18n.Lang, hr needs.HeatRow, withCount bool) string {
	s := hr.Unit.Name
	if hr.Direct {
		s += " (" + i18n.T(lang, "needs.direct") + ")"
	}
	if withCount {
		s += " · " + i18n.Number(lang, int64(hr.Employees))
	}
	return s
}

// jpmChartSVG draws the chart for the /analisis page; "" when the analysis
// has no rows.
func jpmChartSVG(lang i18n.Lang, n *needs.Analysis) template.HTML {
	rows := jpmRows(lang, n)
	if len(rows) == 0 {
		return ""
	}
	return report.JPMChart(lang, rows).SVG(report.SVGOptions{ID: "jpm-chart", Class: "jpm-chart",
		Title: i18n.T(lang, "report.jpm_title"), Desc: i18n.T(lang, "report.jpm_desc"), Natural: true})
}
