package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/report"
)

// The needs analysis (AKPK) pages: /analisis shows the ranked needs and the
// heat-map (units × competencies, colour by share short) of a unit's
// subtree, /analisis/orang the people short in one competency, and
// /analisis/ekspor.xlsx both tables as a workbook. They are open to
// whole-government roles and to users who read organisation subtrees
// (unit heads, unit admins), limited to what they read.

// canReadNeeds reports whether p may open the needs analysis: whole
// government, or at least one unit subtree in the read scope
// (policy.NeedsRead).
func canReadNeeds(p *auth.Principal) bool { return policy.Allowed(p, policy.NeedsRead) }

// needsReader is user for the needs pages.
func (s *server) needsReader(r *http.Request) (*auth.Principal, error) {
	p, err := s.user(r)
	if err != nil {
		return nil, err
	}
	if !canReadNeeds(p) {
		return nil, errForbidden
	}
	return p, nil
}

// queryID reads a positive integer query parameter; absent is 0, anything
// else invalid is "not found".
func queryID(r *http.Request, name string) (int64, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotPermitted
	}
	return id, nil
}

// heatBin is the colour class of a share short: five bins of 20 points,
// and "na" when nobody is assessed (report.HeatBin, which the PDF's
// heat-map uses too).
func heatBin(f gap.Fixed) string {
	if f < 0 {
		return "heat-na"
	}
	return fmt.Sprintf("heat-%d", report.HeatBin(f))
}

// pctWhole writes a share as a whole percentage ("75 %", "75%"); "—" when
// nobody is assessed.
func pctWhole(lang i18n.Lang, f gap.Fixed) string { return report.PercentWhole(lang, f) }

// needsCell is a heat-map cell as the template shows it.
type needsCell struct {
	needs.HeatCell
	Class, Pct, Link string
	Title            string
}

// needsRow is a heat-map row as the template shows it.
type needsRow struct {
	needs.HeatRow
	Link  string // drill into the unit; "" for the direct row
	Cells []needsCell
}

// needsLine is a line of the ranked needs table.
type needsLine struct {
	needs.Need
	Rank               int
	Pct, Avg, ShareBin string
	Link               string
}

// needsData is what needs.html shows.
type needsData struct {
	N       *needs.Analysis
	Title   string
	UnitID  int64
	Crumbs  []crumb
	Lines   []needsLine
	Columns []needsLine
	Rows    []needsRow
	Export  string
	// ExportPDF is the PDF export's address; JPMChart the JPM distribution
	// per row unit (jpm_chart.go).
	ExportPDF string
	JPMChart  template.HTML
	Legend    []legendBin
	// Sources are the needs from the other two sources of AKPK (target
	// positions, SKP); TargetLines their ranked target needs.
	Sources     *needs.Sources
	TargetLines []needsLine
	PerfShare   string // the share below expectation, whole percent
}

// legendBin is one entry of the colour legend.
type legendBin struct{ Class, Label string }

// needsPage shows the needs analysis of a unit (GET /analisis?unit=ID; no
// unit: the top of the user's scope).
func (s *server) needsPage(w http.ResponseWriter, r *http.Request) error {
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
	key := needsBodyKey{asOf: n.AsOf, stale: n.Stale, scope: scopeKey(p.Scope), unit: unitID, lang: lang}
	if b, ok := s.needsBodies.Get(key); ok {
		s.renderView(w, r, http.StatusOK, "needs", &view{Title: "needs.title", TitleArg: b.title, Data: b})
		return nil
	}
	d := needsData{N: n, Export: "/analisis/ekspor.xlsx", ExportPDF: "/analisis/ekspor.pdf", JPMChart: jpmChartSVG(lang, n)}
	if n.Unit != nil {
		d.Title, d.UnitID = n.Unit.Name, n.Unit.ID
		d.Export += fmt.Sprintf("?unit=%d", n.Unit.ID)
		d.ExportPDF += fmt.Sprintf("?unit=%d", n.Unit.ID)
		anc, err := s.st.Ancestors(ctx, n.Unit.ID)
		if err != nil {
			return err
		}
		for _, a := range anc {
			if a.ID != n.Unit.ID {
				d.Crumbs = append(d.Crumbs, crumb{ID: a.ID, Name: a.Name, Link: unitVisible(p, &a)})
			}
		}
	}
	peopleLink := func(unit, comp int64) string {
		q := url.Values{"kompetensi": {strconv.FormatInt(comp, 10)}}
		if unit != 0 {
			q.Set("unit", strconv.FormatInt(unit, 10))
		}
		return "/analisis/orang?" + q.Encode()
	}
	for i, nd := range n.Needs {
		l := needsLine{Need: nd, Rank: i + 1, Pct: pctWhole(lang, nd.ShareShort), Avg: gap.Fixed(nd.AvgShortfall).Format(string(lang)),
			ShareBin: heatBin(nd.ShareShort)}
		if nd.Short > 0 {
			l.Link = peopleLink(d.UnitID, nd.CompetencyID)
		}
		d.Lines = append(d.Lines, l)
	}
	d.Columns = d.Lines[:len(n.Columns)]
	for _, hr := range n.Rows {
		row := needsRow{HeatRow: hr}
		if !hr.Direct {
			row.Link = fmt.Sprintf("/analisis?unit=%d", hr.Unit.ID)
		}
		for i, c := range hr.Cells {
			cell := needsCell{HeatCell: c, Class: heatBin(c.ShareShort), Pct: pctWhole(lang, c.ShareShort),
				Title: i18n.T(lang, "needs.cell_title", d.Columns[i].Name, c.Short, c.Assessed, c.NotAssessed)}
			if c.Short > 0 && !hr.Direct {
				cell.Link = peopleLink(hr.Unit.ID, c.CompetencyID)
			}
			row.Cells = append(row.Cells, cell)
		}
		d.Rows = append(d.Rows, row)
	}
	src, err := s.st.NeedsSources(ctx, p.Scope, unitID)
	if err != nil {
		return err
	}
	d.Sources, d.PerfShare = src, pctWhole(lang, src.Performance.ShareBelow())
	for i, nd := range src.Target {
		d.TargetLines = append(d.TargetLines, needsLine{Need: nd, Rank: i + 1, Pct: pctWhole(lang, nd.ShareShort),
			Avg: gap.Fixed(nd.AvgShortfall).Format(string(lang)), ShareBin: heatBin(nd.ShareShort)})
	}
	d.Legend = []legendBin{{"heat-0", "0–19 %"}, {"heat-1", "20–39 %"}, {"heat-2", "40–59 %"}, {"heat-3", "60–79 %"}, {"heat-4", "80–100 %"},
		{"heat-na", i18n.T(lang, "needs.not_assessed_bin")}}
	// The body ("needs-body") is rendered on its own and kept (needs_cache.go);
	// the page's "content" only prints it.
	var buf bytes.Buffer
	if err := s.pages["needs"].in(lang).ExecuteTemplate(&buf, "needs-body", &view{Lang: lang, Data: d}); err != nil {
		return err
	}
	b := needsBody{html: template.HTML(buf.String()), title: d.Title}
	s.needsBodies.Put(key, b)
	s.renderView(w, r, http.StatusOK, "needs", &view{Title: "needs.title", TitleArg: b.title, Data: b})
	return nil
}
