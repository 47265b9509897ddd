package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/report"
)

// needsPDF writes the needs analysis of a unit as a PDF for the leadership
// (GET /analisis/ekspor.pdf?unit=ID): the same scope rule and the same
// store.NeedsAnalysis numbers as the page and the XLSX export, with the
// heat-map and the JPM distribution drawn as charts.
func (s *server) needsPDF(w http.ResponseWriter, r *http.Request) error {
	p, err := s.needsReader(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	lang := langOf(r)
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	n, err := s.st.NeedsAnalysis(ctx, p.Scope, unitID)
	if err != nil {
		return err
	}
	src, err := s.st.NeedsSources(ctx, p.Scope, unitID)
	if err != nil {
		return err
	}
	now := s.st.Now().In(s.loc)
	d := needsDoc(lang, n, src)
	d.Date, d.AsOf, d.ExportedBy = now, n.AsOf.In(s.loc), s.displayName(ctx, p)
	// Built in memory so that a failure can still answer with an error page.
	var buf bytes.Buffer
	if err := report.NeedsPDF(&buf, d); err != nil {
		return err
	}
	s.viewed(p, 0, viewExportNeeds, fmt.Sprintf("pdf unit=%d", unitID))
	sendPDF(w, fmt.Sprintf("analisis-kebutuhan-%s.pdf", now.Format("20060102")), buf.Bytes())
	return nil
}

// reportNeeds maps ranked needs onto the PDF's lines.
func reportNeeds(list []needs.Need) []report.Need {
	var out []report.Need
	for _, nd := range list {
		out = append(out, report.Need{Code: nd.Code, Name: nd.Name, Required: nd.Required, Assessed: nd.Assessed,
			NotAssessed: nd.NotAssessed, Short: nd.Short, Share: nd.ShareShort, AvgShortfall: nd.AvgShortfall, Weighted: nd.WeightedNeed})
	}
	return out
}

// needsDoc maps an analysis and its other sources onto the PDF's content.
func needsDoc(lang i18n.Lang, n *needs.Analysis, src *needs.Sources) report.NeedsDoc {
	d := report.NeedsDoc{Lang: lang, Unit: i18n.T(lang, "needs.top"), Employees: n.Employees, NotAssessed: n.NotAssessed()}
	if n.Unit != nil {
		d.Unit = n.Unit.Name
	}
	d.Needs, d.Target, d.TargetEmployees = reportNeeds(n.Needs), reportNeeds(src.Target), src.TargetEmployees
	pg := src.Performance
	d.Performance = report.SKPGap{Year: pg.Year, Below: pg.Below, Meets: pg.Meets, Above: pg.Above, Unknown: pg.Unknown}
	for i, c := range n.Columns {
		d.HeatCols = append(d.HeatCols, report.HeatColumn{Rank: i + 1, Name: c.Name})
	}
	for _, hr := range n.Rows {
		row := report.HeatRow{Label: heatRowLabel(lang, hr, true)}
		for _, c := range hr.Cells {
			row.Cells = append(row.Cells, report.HeatCell{Share: c.ShareShort, Short: c.Short, Assessed: c.Assessed})
		}
		d.HeatRows = append(d.HeatRows, row)
	}
	d.JPMRows = jpmRows(lang, n)
	return d
}

// displayName is how an export names who made it: the employee's name with
// titles, else the account's user name.
func (s *server) displayName(ctx context.Context, p *auth.Principal) string {
	if p.User.EmployeeID != 0 {
		if gd, n, gb, err := s.st.EmployeeNameParts(ctx, p.User.EmployeeID); err == nil {
			return names.Display(gd, n, gb)
		}
	}
	return p.User.Username
}

// sendPDF answers with a PDF download that no cache keeps.
func sendPDF(w http.ResponseWriter, filename string, pdf []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/pdf")
	h.Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", fmt.Sprint(len(pdf)))
	w.Write(pdf)
}
