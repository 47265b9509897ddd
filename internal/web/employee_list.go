package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// pageSize is the number of employees per list page.
const pageSize = 50

// listData is the employee list with its filter form.
type listData struct {
	Q, Unit, Type, Golongan, Status, Kind string
	UnitName                              string
	Units                                 []model.OrgUnit // the top of the user's tree and the chosen unit
	UnitOptions                           template.HTML   // the <option>s of Units, see unitOptionsHTML
	// The <option>s of the other filter selects, written in Go (see
	// optionsHTML) like the rows: through the template they cost a
	// reflective call or three per option.
	TypeOptions, GolonganOptions, StatusOptions template.HTML
	Rows                                        template.HTML // the table body, see listRowsHTML
	Page                                        int
	PrevURL, NextURL                            string
	First                                       int // 1-based number of the first row
	Options                                     filterOptions
	CanCreate                                   bool
	// Found is the number of matches of a search or filter (0: no count
	// shown); FoundMore says there are more than Found.
	Found     int
	FoundMore bool
}

// countCap bounds the count of a search: past it the list says "more
// than 200" rather than count further. Counting a common surname to
// 10,000 at a million employees made a search page 145 ms at the median
// (from 20 ms), to 1,000 still 41 ms; a clerk facing more than a couple of
// hundred matches narrows the search rather than reads the number.
const countCap = 200

// filterOptions are the choices of the filter selects.
type filterOptions struct {
	Types    []model.PositionType
	Statuses []model.Status
	PNS      []model.Golongan
	PPPK     []string
}

var listOptions = filterOptions{Types: model.PositionTypes, Statuses: model.Statuses, PNS: model.PNSGolongan, PPPK: model.PPPKGolongan}

// employeeList shows a page of the employees in scope, searched and
// filtered by a GET form (GET /pegawai).
func (s *server) employeeList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	q := r.URL.Query()
	d := listData{
		Q: strings.TrimSpace(q.Get("q")), Unit: q.Get("unit"), Type: q.Get("type"),
		Golongan: q.Get("golongan"), Status: q.Get("status"), Kind: q.Get("kind"),
		Options: listOptions, CanCreate: p.Can(policy.EmployeeWrite),
	}
	d.Page, _ = strconv.Atoi(q.Get("page"))
	d.Page = max(d.Page, 1)
	f := store.EmployeeFilter{
		Scope: p.Scope, Query: d.Q, PositionType: model.PositionType(d.Type), Golongan: d.Golongan,
		Status: model.Status(d.Status), Kind: model.EmployeeKind(d.Kind),
		Offset: (d.Page - 1) * pageSize, Limit: pageSize,
	}
	var unit *model.OrgUnit
	if d.Unit != "" {
		id, _ := strconv.ParseInt(d.Unit, 10, 64)
		u, err := s.st.Unit(ctx, id)
		if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !unitVisible(p, u)) {
			return errNotPermitted
		}
		if err != nil {
			return err
		}
		unit, f.UnitID, d.UnitName = u, u.ID, u.Name
	}
	if d.Units, err = s.unitChoices(ctx, p.Scope, unit); err != nil {
		return err
	}
	d.UnitOptions = unitOptionsHTML(d.Units, d.Unit)
	d.TypeOptions, d.GolonganOptions, d.StatusOptions = filterOptionsHTML(langOf(r), d.Type, d.Golongan, d.Status)
	rows, more, err := s.st.EmployeeRows(ctx, f)
	if err != nil {
		return err
	}
	d.First = f.Offset + 1
	d.Rows = listRowsHTML(langOf(r), rows, d.First)
	if d.Page > 1 {
		d.PrevURL = pageURL(q, d.Page-1)
	}
	if more {
		d.NextURL = pageURL(q, d.Page+1)
	}
	searched := d.Q != "" || d.Unit != "" || d.Type != "" || d.Golongan != "" || d.Status != "" || d.Kind != ""
	if searched && len(rows) > 0 {
		// Without a next page the count is known; otherwise it is counted.
		d.Found = f.Offset + len(rows)
		if more {
			if d.Found, err = s.st.CountMatches(ctx, f, countCap); err != nil {
				return err
			}
			d.Found, d.FoundMore = min(d.Found, countCap), d.Found > countCap
		}
	}
	s.render(w, r, http.StatusOK, "employees", "employees.title", d)
	return nil
}

// pageURL is the list URL with the same filters on another page.
func pageURL(q url.Values, page int) string {
	v := url.Values{}
	for k, vs := range q {
		if k != "page" && len(vs) > 0 && vs[0] != "" {
			v.Set(k, vs[0])
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/pegawai"
	}
	return "/pegawai?" + v.Encode()
}

// listRowsHTML writes the body rows of table#employees in Go rather than in
// the template: a page of fifty rows made the template call half a dozen
// functions per row through reflection, which cost more than the queries.
// Every value is HTML-escaped as the template would; first is the number
// of the first row.
func listRowsHTML(l i18n.Lang, rows []store.EmployeeListRow, first int) template.HTML {
	if len(rows) == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	lName, lGol := esc(i18n.T(l, "field.name")), esc(i18n.T(l, "field.golongan"))
	lPos, lUnit, lStatus := esc(i18n.T(l, "field.position")), esc(i18n.T(l, "field.unit")), esc(i18n.T(l, "field.status"))
	statusLabel := map[model.Status]string{}
	var b strings.Builder
	b.Grow(len(rows) * 600)
	for i := range rows {
		e := &rows[i]
		st, ok := statusLabel[e.Status]
		if !ok {
			st = esc(i18n.T(l, "status."+string(e.Status)))
			statusLabel[e.Status] = st
		}
		b.WriteString("<tr>\n<td class=\"num\" data-label=\"#\">")
		b.WriteString(strconv.Itoa(first + i))
		b.WriteString("</td>\n<td class=\"nip\" data-label=\"NIP\">")
		b.WriteString(esc(nip.FormatAuto(e.NIP, e.Kind)))
		b.WriteString("</td>\n<td data-label=\"")
		b.WriteString(lName)
		b.WriteString("\"><a href=\"/pegawai/")
		b.WriteString(strconv.FormatInt(e.ID, 10))
		b.WriteString("\">")
		b.WriteString(esc(names.Display(e.GelarDepan, e.Name, e.GelarBelakang)))
		b.WriteString("</a></td>\n<td data-label=\"")
		b.WriteString(lGol)
		b.WriteString("\">")
		b.WriteString(esc(e.Golongan))
		b.WriteString("</td>\n<td data-label=\"")
		b.WriteString(lPos)
		b.WriteString("\">")
		b.WriteString(esc(e.PositionTitle))
		b.WriteString("</td>\n<td data-label=\"")
		b.WriteString(lUnit)
		b.WriteString("\">")
		b.WriteString(esc(e.UnitName))
		b.WriteString("</td>\n<td data-label=\"")
		b.WriteString(lStatus)
		b.WriteString("\">")
		b.WriteString(st)
		b.WriteString("</td>\n</tr>\n")
	}
	return template.HTML(b.String())
}

// unitOptionsHTML writes the options of the unit filter, indented by depth,
// with selected (the unit parameter) marked, as the template did.
func unitOptionsHTML(units []model.OrgUnit, selected string) template.HTML {
	var b strings.Builder
	for _, u := range units {
		id := strconv.FormatInt(u.ID, 10)
		b.WriteString(`<option value="`)
		b.WriteString(id)
		b.WriteString(`"`)
		if id == selected {
			b.WriteString(" selected")
		}
		b.WriteString(">")
		b.WriteString(strings.Repeat("\u00a0\u00a0", max(u.Depth, 0)))
		b.WriteString(template.HTMLEscapeString(u.Name))
		b.WriteString("</option>")
	}
	return template.HTML(b.String())
}

// option writes one <option> of value with label (both escaped), selected
// when value is sel.
func option(b *strings.Builder, value, label, sel string) {
	b.WriteString(`<option value="`)
	b.WriteString(template.HTMLEscapeString(value))
	b.WriteString(`"`)
	if value == sel {
		b.WriteString(" selected")
	}
	b.WriteString(">")
	b.WriteString(template.HTMLEscapeString(label))
	b.WriteString("</option>")
}

// filterOptionsHTML writes the options of the position type, golongan (PNS
// and PPPK groups) and status selects with the chosen values selected.
func filterOptionsHTML(l i18n.Lang, typ, golongan, status string) (types, gols, statuses template.HTML) {
	var b strings.Builder
	for _, t := range listOptions.Types {
		option(&b, string(t), i18n.T(l, "ptype."+string(t)), typ)
	}
	types = template.HTML(b.String())
	b.Reset()
	b.WriteString(`<optgroup label="PNS">`)
	for _, g := range listOptions.PNS {
		option(&b, g.Code, g.Code, golongan)
	}
	b.WriteString("</optgroup>\n          <optgroup label=\"PPPK\">")
	for _, g := range listOptions.PPPK {
		option(&b, g, g, golongan)
	}
	b.WriteString("</optgroup>")
	gols = template.HTML(b.String())
	b.Reset()
	for _, s := range listOptions.Statuses {
		option(&b, string(s), i18n.T(l, "status."+string(s)), status)
	}
	statuses = template.HTML(b.String())
	return types, gols, statuses
}
