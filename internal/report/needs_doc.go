package report

import (
	"io"
	"time"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
)

// NeedsDoc is what the needs-analysis PDF shows: the same numbers as the
// /analisis page and its XLSX export, already summed by the store.
type NeedsDoc struct {
	Lang       i18n.Lang
	Unit       string    // the analysed unit (or the scope's name when several)
	Date       time.Time // day of the export, in the reader's time zone
	ExportedBy string
	Employees  int // active employees with a position standard
	// NotAssessed counts those of them whose standard is not fully
	// assessed: no JPM category, counted apart.
	NotAssessed int
	AsOf        time.Time // when the numbers were computed, in the reader's time zone
	Needs       []Need    // highest weighted need first
	HeatCols    []HeatColumn
	HeatRows    []HeatRow
	JPMRows     []JPMRow // per unit, the last one usually the total
	// Target ranks the needs of the employees with a target position
	// (TargetEmployees) against its standard; Performance is the SKP
	// side. With Needs, the three sources of AKPK (PP 17/2020).
	Target          []Need
	TargetEmployees int
	Performance     SKPGap
}

// SKPGap is the performance side of the needs: the employees by the 9-box
// performance level of one SKP year.
type SKPGap struct {
	Year                         int
	Below, Meets, Above, Unknown int
}

// Need is one line of the ranked needs table.
type Need struct {
	Code, Name                      string
	Required, Assessed, NotAssessed int
	Short                           int
	Share                           gap.Fixed // hundredths of a percent, -1 when nobody is assessed
	AvgShortfall                    int       // hundredths of a level
	Weighted                        int
}

// Rows of a chart placed as one image: more are split over several images
// so that no picture is shrunk below legibility.
const (
	heatRowsPerImage = 14
	jpmRowsPerImage  = 18
)

// NeedsPDF writes the needs analysis as an A4 landscape PDF: a title block
// (unit, date, who exported, how many employees), the ranked needs table,
// the heat-map and the JPM distribution per unit as pictures.
func NeedsPDF(w io.Writer, d NeedsDoc) error {
	l := d.Lang
	t := func(k string, a ...any) string { return i18n.T(l, k, a...) }
	title := t("report.needs_title")
	p, err := newPDF(true, title+" – "+d.Unit, "Kompeten · "+title+" · "+d.Unit, t("report.page"), d.Date)
	if err != nil {
		return err
	}
	if err := p.para(title, 17, true); err != nil {
		return err
	}
	if err := p.para(d.Unit, 13, false); err != nil {
		return err
	}
	p.space(8)
	err = p.facts([][2]string{
		{t("report.unit"), d.Unit},
		{t("report.date"), i18n.Date(l, d.Date)},
		{t("report.exported_by"), d.ExportedBy},
		{t("report.employees"), i18n.Number(l, int64(d.Employees))},
		{t("jpm.not_assessed_short"), i18n.Number(l, int64(d.NotAssessed))},
		{t("report.as_of"), i18n.DateTime(l, d.AsOf, nil)},
	}, 10)
	if err != nil {
		return err
	}
	p.space(10)
	if len(d.Needs) == 0 {
		return finish(p, w, t("needs.empty"))
	}
	source := func(k string) string { return " · " + t("needs.source") + ": " + t(k) }
	if err := p.para(t("needs.ranked")+source("needs.source.current"), 13, true); err != nil {
		return err
	}
	if err := p.para(t("needs.help"), 8.5, false); err != nil {
		return err
	}
	p.space(4)
	if err := needsTable(p, l, d.Needs); err != nil {
		return err
	}
	if err := p.para(t("needs.weight_help"), 8, false); err != nil {
		return err
	}
	p.space(8)
	if err := p.para(t("needs.target_title")+source("needs.source.target"), 13, true); err != nil {
		return err
	}
	if len(d.Target) == 0 {
		err = p.para(t("needs.target_none"), 8.5, false)
	} else if err = p.para(t("needs.target_count", i18n.Number(l, int64(d.TargetEmployees))), 8.5, false); err == nil {
		p.space(4)
		err = needsTable(p, l, d.Target)
	}
	if err != nil {
		return err
	}
	p.space(8)
	pg := d.Performance
	num := func(n int) string { return i18n.Number(l, int64(n)) }
	if err := p.para(t("needs.performance_title", pg.Year)+source("needs.source.performance"), 13, true); err != nil {
		return err
	}
	if err := p.para(t("needs.performance_line", num(pg.Below), num(pg.Meets), num(pg.Above), num(pg.Unknown)), 8.5, false); err != nil {
		return err
	}
	if err := p.newPage(); err != nil {
		return err
	}
	if err := p.para(t("needs.heatmap"), 13, true); err != nil {
		return err
	}
	if err := p.para(t("report.heat_help"), 8.5, false); err != nil {
		return err
	}
	p.space(4)
	for _, part := range chunks(d.HeatRows, heatRowsPerImage) {
		s := HeatMapChart(l, d.HeatCols, part)
		if err := p.chart(s, s.W); err != nil {
			return err
		}
		p.space(8)
	}
	if len(d.JPMRows) > 0 {
		if err := p.ensure(120); err != nil {
			return err
		}
		p.space(6)
		if err := p.para(t("report.jpm_title"), 13, true); err != nil {
			return err
		}
		if err := p.para(t("report.jpm_help"), 8.5, false); err != nil {
			return err
		}
		p.space(4)
		for _, part := range chunks(d.JPMRows, jpmRowsPerImage) {
			s := JPMChart(l, part)
			if err := p.chart(s, s.W); err != nil {
				return err
			}
			p.space(8)
		}
	}
	return p.write(w)
}

// needsTable draws a ranked needs table (current or target).
func needsTable(p *pdfWriter, l i18n.Lang, list []Need) error {
	t := func(k string) string { return i18n.T(l, k) }
	cols := []pdfCol{{"#", 3, true}, {t("needs.competency"), 30, false}, {t("needs.required"), 9, true}, {t("needs.assessed"), 8, true},
		{t("needs.not_assessed"), 8, true}, {t("needs.short"), 8, true}, {t("needs.share"), 8, true}, {t("needs.avg_short"), 10, true},
		{t("needs.weighted"), 10, true}}
	num := func(n int) string { return i18n.Number(l, int64(n)) }
	rows := make([][]string, len(list))
	for i, n := range list {
		avg := "—"
		if n.Short > 0 {
			avg = gap.Fixed(n.AvgShortfall).Format(string(l))
		}
		rows[i] = []string{num(i + 1), n.Name + " (" + n.Code + ")", num(n.Required), num(n.Assessed), num(n.NotAssessed),
			num(n.Short), PercentWhole(l, n.Share), avg, num(n.Weighted)}
	}
	return p.table(cols, rows, 8.5)
}

// finish writes a closing paragraph and the document.
func finish(p *pdfWriter, w io.Writer, msg string) error {
	if err := p.para(msg, 10, false); err != nil {
		return err
	}
	return p.write(w)
}

// chunks splits rows into parts of at most n; none for no rows.
func chunks[T any](rows []T, n int) [][]T {
	var out [][]T
	for len(rows) > 0 {
		k := min(n, len(rows))
		out = append(out, rows[:k])
		rows = rows[k:]
	}
	return out
}
