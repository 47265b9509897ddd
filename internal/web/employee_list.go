package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// pageSize is the number of employees per list page.
const pageSize = 50

// listData is the employee list with its filter form.
type listData struct {
	Q, Unit, Type, Golongan, Status, Kind string
	UnitName                              string
	Units                                 []model.OrgUnit // the top of the user's tree and the chosen unit
	Rows                                  []store.EmployeeView
	Page                                  int
	PrevURL, NextURL                      string
	First                                 int // 1-based number of the first row
	Options                               filterOptions
	CanCreate                             bool
}

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
func (s *server) employeeList(w http.ResponseWriter, r *http.Request) {
	p := s.require(w, r, auth.ReadRegistry)
	if p == nil {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	d := listData{
		Q: strings.TrimSpace(q.Get("q")), Unit: q.Get("unit"), Type: q.Get("type"),
		Golongan: q.Get("golongan"), Status: q.Get("status"), Kind: q.Get("kind"),
		Options: listOptions, CanCreate: p.Can(auth.WriteEmployees),
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
			s.fail(w, r, errNotPermitted)
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		unit, f.UnitID, d.UnitName = u, u.ID, u.Name
	}
	var err error
	if d.Units, err = s.unitChoices(ctx, p.Scope, unit); err != nil {
		s.fail(w, r, err)
		return
	}
	rows, more, err := s.st.Employees(ctx, f)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Rows, d.First = rows, f.Offset+1
	if d.Page > 1 {
		d.PrevURL = pageURL(q, d.Page-1)
	}
	if more {
		d.NextURL = pageURL(q, d.Page+1)
	}
	s.render(w, r, http.StatusOK, "employees", "employees.title", d)
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
