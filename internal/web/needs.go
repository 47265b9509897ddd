package web

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/report"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/table"
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
	key := needsBodyKey{srv: s, asOf: n.AsOf, stale: n.Stale, scope: scopeKey(p.Scope), unit: unitID, lang: lang}
	if b, ok := cachedNeedsBody(key); ok {
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
	d.Legend = []legendBin{{"heat-0", "0–19 %"}, {"heat-1", "20–39 %"}, {"heat-2", "40–59 %"}, {"heat-3", "60–79 %"}, {"heat-4", "80–100 %"},
		{"heat-na", i18n.T(lang, "needs.not_assessed_bin")}}
	// The body ("needs-body") is rendered on its own and kept (needs_cache.go);
	// the page's "content" only prints it.
	var buf bytes.Buffer
	if err := s.pages["needs"].in(lang).ExecuteTemplate(&buf, "needs-body", &view{Lang: lang, Data: d}); err != nil {
		return err
	}
	b := needsBody{html: template.HTML(buf.String()), title: d.Title}
	keepNeedsBody(key, b)
	s.renderView(w, r, http.StatusOK, "needs", &view{Title: "needs.title", TitleArg: b.title, Data: b})
	return nil
}

// needPeopleData is what needs_people.html shows.
type needPeopleData struct {
	Unit         *model.OrgUnit
	UnitID       int64
	Code, Name   string
	People       []needPerson
	Back         string
	Page         int
	PrevURL      string
	NextURL      string
	CompetencyID int64
}

// needPerson is one line of the drill-down.
type needPerson struct {
	store.NeedPerson
	FullName, NIPText string
	Short             int
}

// needPeoplePerPage is the page size of the drill-down.
const needPeoplePerPage = 50

// needPeoplePage lists the people short in a competency within a unit's
// subtree (GET /analisis/orang?unit=&kompetensi=&hal=).
func (s *server) needPeoplePage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.needsReader(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	compID, err := queryID(r, "kompetensi")
	if err == nil && compID == 0 {
		err = errNotPermitted
	}
	if err != nil {
		return err
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("hal"))
	page = max(page, 1)
	d := needPeopleData{UnitID: unitID, CompetencyID: compID, Page: page, Back: "/analisis"}
	if d.Code, d.Name, err = s.st.NeedCompetency(ctx, compID); err != nil {
		return err
	}
	people, more, err := s.st.NeedPeople(ctx, p.Scope, unitID, compID, (page-1)*needPeoplePerPage, needPeoplePerPage)
	if err != nil {
		return err
	}
	if unitID != 0 {
		if d.Unit, err = s.st.Unit(ctx, unitID); err != nil {
			return err
		}
		d.Back = fmt.Sprintf("/analisis?unit=%d", unitID)
	}
	for _, x := range people {
		d.People = append(d.People, needPerson{NeedPerson: x, FullName: names.Display(x.GelarDepan, x.Name, x.GelarBelakang),
			NIPText: nip.FormatAuto(x.NIP, x.Kind), Short: x.Required - x.Actual})
	}
	pageURL := func(n int) string {
		q := url.Values{"kompetensi": {strconv.FormatInt(compID, 10)}, "hal": {strconv.Itoa(n)}}
		if unitID != 0 {
			q.Set("unit", strconv.FormatInt(unitID, 10))
		}
		return "/analisis/orang?" + q.Encode()
	}
	if page > 1 {
		d.PrevURL = pageURL(page - 1)
	}
	if more {
		d.NextURL = pageURL(page + 1)
	}
	s.renderView(w, r, http.StatusOK, "needs_people", &view{Title: "needs.people_title", TitleArg: d.Name, Data: d})
	return nil
}

// needsExport writes the ranked needs and the heat-map of a unit as an
// XLSX workbook with two sheets (GET /analisis/ekspor.xlsx?unit=ID).
func (s *server) needsExport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.needsReader(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	n, err := s.st.NeedsAnalysis(r.Context(), p.Scope, unitID)
	if err != nil {
		return err
	}
	f, err := needsWorkbook(lang, n)
	if err != nil {
		return err
	}
	defer f.Close()
	name := fmt.Sprintf("analisis-kebutuhan-%s.xlsx", s.st.Now().In(s.loc).Format("20060102"))
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	if err := f.Write(w); err != nil {
		s.log.Error("web: needs export", "err", err)
	}
	return nil
}

// needsSheetNames are the two sheets of the export.
const (
	needsSheetRanked = "Kebutuhan"
	needsSheetHeat   = "Peta panas"
)

// needsWorkbook builds the export: sheet "Kebutuhan" with the ranked needs
// (numbers as numbers: shares in percent, average shortfall in levels) and
// sheet "Peta panas" with the share short per unit and competency (empty
// when nobody is assessed).
func needsWorkbook(lang i18n.Lang, n *needs.Analysis) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", needsSheetRanked); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.NewSheet(needsSheetHeat); err != nil {
		f.Close()
		return nil, err
	}
	t := func(k string) string { return i18n.T(lang, k) }
	// Every text cell goes through table.SafeCell: competency and unit
	// names are typed by users and may look like formulas.
	put := func(sheet string, row int, vals []any) error {
		for i, v := range vals {
			if s, ok := v.(string); ok {
				vals[i] = table.SafeCell(s)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return f.SetSheetRow(sheet, cell, &vals)
	}
	head := []any{t("needs.rank"), t("needs.code"), t("needs.competency"), t("needs.group"), t("needs.required"), t("needs.assessed"),
		t("needs.not_assessed"), t("needs.short"), t("needs.share_pct"), t("needs.avg_short"), t("needs.weighted")}
	if err := put(needsSheetRanked, 1, head); err != nil {
		f.Close()
		return nil, err
	}
	for i, nd := range n.Needs {
		var pct any = ""
		if nd.ShareShort >= 0 {
			pct = float64(nd.ShareShort) / 100
		}
		if err := put(needsSheetRanked, i+2, []any{i + 1, nd.Code, nd.Name, nd.Group, nd.Required, nd.Assessed, nd.NotAssessed, nd.Short,
			pct, float64(nd.AvgShortfall) / 100, nd.WeightedNeed}); err != nil {
			f.Close()
			return nil, err
		}
	}
	hh := []any{t("needs.unit"), t("needs.employees")}
	for _, c := range n.Columns {
		hh = append(hh, c.Name+" (% "+t("needs.short_lc")+")")
	}
	if err := put(needsSheetHeat, 1, hh); err != nil {
		f.Close()
		return nil, err
	}
	for i, hr := range n.Rows {
		name := hr.Unit.Name
		if hr.Direct {
			name += " (" + t("needs.direct") + ")"
		}
		vals := []any{name, hr.Employees}
		for _, c := range hr.Cells {
			if c.ShareShort < 0 {
				vals = append(vals, "")
			} else {
				vals = append(vals, float64(c.ShareShort)/100)
			}
		}
		if err := put(needsSheetHeat, i+2, vals); err != nil {
			f.Close()
			return nil, err
		}
	}
	return f, nil
}
