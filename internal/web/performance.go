package web

import (
	"errors"
	"net/http"
	"sort"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// performanceView is the profile's "Kinerja (SKP)" section: the yearly
// predikat the 9-box reads, entered here one employee at a time by the
// admins of the employee's unit (whole files go through /penilaian/impor).
type performanceView struct {
	Lang       i18n.Lang
	EmployeeID int64
	Years      []yearPredikat // newest first
	CanWrite   bool
	Predikats  []string
	ThisYear   int
	Error      string
	Form       map[string]string
}

type yearPredikat struct {
	Year     int
	Predikat string
}

// performanceFor returns the section as p may see it: the employee and the
// admins of their unit (others: nil).
func (s *server) performanceFor(r *http.Request, p *auth.Principal, id int64, canWrite bool) (*performanceView, error) {
	if !canWrite && p.User.EmployeeID != id {
		return nil, nil
	}
	byYear, err := s.st.Performance(r.Context(), id)
	if err != nil {
		return nil, err
	}
	v := &performanceView{Lang: langOf(r), EmployeeID: id, CanWrite: canWrite && !policy.RecordsAboutSelf(p, id),
		Predikats: model.Predikats,
		ThisYear:  s.st.Now().Year(), Form: map[string]string{}}
	for y, pr := range byYear {
		v.Years = append(v.Years, yearPredikat{y, pr})
	}
	sort.Slice(v.Years, func(i, j int) bool { return v.Years[i].Year > v.Years[j].Year })
	return v, nil
}

// performanceSet records one year's predikat (POST /pegawai/{id}/kinerja).
func (s *server) performanceSet(w http.ResponseWriter, r *http.Request) error {
	p, d, err := s.adminTarget(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	year := f.Int("year", "err.performance.year_not_number", r.PostFormValue("year"))
	if err = f.Err(); err == nil {
		err = s.st.SetPerformance(r.Context(), actor(p), d.E.ID, year, r.PostFormValue("predikat"))
	}
	if err != nil {
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || d.Performance == nil {
			return err
		}
		d.Performance.Error = ae.Text(langOf(r))
		d.Performance.Form["year"], d.Performance.Form["predikat"] = r.PostFormValue("year"), r.PostFormValue("predikat")
		s.renderProfile(w, r, http.StatusUnprocessableEntity, d)
		return nil
	}
	http.Redirect(w, r, "/pegawai/"+strconv.FormatInt(d.E.ID, 10)+"?ok=performance_set#performance", http.StatusSeeOther)
	return nil
}
