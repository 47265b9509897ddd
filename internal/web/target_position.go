package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/store"
)

// targetView is the profile's "Jabatan target" section: the position the
// employee is prepared for, the gap of their current levels to its
// standard, and for the administrators of the employee's unit the form that
// records it (issue 11 point 6).
type targetView struct {
	Lang       i18n.Lang
	EmployeeID int64
	Target     *store.TargetPosition
	Rows       []targetRow
	JPM        string // capped JPM against the target (provisional marked, "—" when nothing is assessed)
	Mapping    string // its filling category, or "belum dinilai"
	AssessedOf string
	CanWrite   bool
	Options    []store.TargetOption
	Error      string
	Form       map[string]string
}

// targetRow is one competency of the target's standard.
type targetRow struct {
	Name     string
	Required int
	Actual   int
	Assessed bool
	Gap      string
}

// targetFor returns the section for employee id; the form only when
// canWrite (the employee edit rule: an administrator of their unit).
func (s *server) targetFor(r *http.Request, id int64, canWrite bool) (*targetView, error) {
	ctx := r.Context()
	lang := langOf(r)
	v := &targetView{Lang: lang, EmployeeID: id, CanWrite: canWrite, Form: map[string]string{}}
	t, err := s.st.TargetPosition(ctx, id)
	if err != nil {
		return nil, err
	}
	v.Target = t
	if t != nil && t.Result.Total > 0 {
		res := t.Result
		v.JPM = jpmText(lang, res.JPMCapped, res.Assessed, res.Total)
		v.Mapping = res.Filling.Label()
		if lang == i18n.EN {
			v.Mapping = res.Filling.LabelEN()
		}
		if res.NotAssessed() {
			v.Mapping = i18n.T(lang, "jpm.not_assessed")
		}
		v.AssessedOf = i18n.T(lang, "jpm.assessed_of", res.Assessed, res.Total)
		for i, g := range res.Gaps {
			v.Rows = append(v.Rows, targetRow{Name: t.Names[i], Required: g.Required, Actual: g.Actual, Assessed: g.Assessed,
				Gap: competencyRow{CompetencyItem: store.CompetencyItem{Gap: g.Gap}}.GapText()})
		}
	}
	if v.CanWrite {
		if v.Options, err = s.st.TargetOptions(ctx, id); err != nil {
			return nil, err
		}
		if t != nil {
			v.Form["position"] = strconv.FormatInt(t.PositionID, 10)
			v.Form["note"] = t.Note
		}
	}
	return v, nil
}

// targetSet records or clears the target position (POST
// /pegawai/{id}/jabatan-target; clear=1 clears it).
func (s *server) targetSet(w http.ResponseWriter, r *http.Request) error {
	// The rule of editing the employee (policy.EmployeeWrite in the
	// administered scope), one's own record included, as the edit form.
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := s.employeeInScope(ctx, adminScope(p), id); err != nil {
		return err
	}
	d, err := s.profile(r, p, id)
	if err != nil {
		return err
	}
	notice := "target_set"
	if r.PostFormValue("clear") != "" {
		notice = "target_cleared"
		err = s.st.ClearTargetPosition(ctx, actor(p), d.E.ID)
	} else {
		f := newForm(r)
		pos := f.Int64("position", "err.target.position_unknown", f.Text("position"))
		if err = f.Err(); err == nil {
			err = s.st.SetTargetPosition(ctx, actor(p), d.E.ID, pos, f.Text("note"))
		}
	}
	if err != nil {
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || d.Target == nil {
			return err
		}
		d.Target.Error = ae.Text(langOf(r))
		d.Target.Form["position"], d.Target.Form["note"] = r.PostFormValue("position"), r.PostFormValue("note")
		s.renderProfile(w, r, http.StatusUnprocessableEntity, d)
		return nil
	}
	http.Redirect(w, r, "/pegawai/"+strconv.FormatInt(d.E.ID, 10)+"?ok="+notice+"#target", http.StatusSeeOther)
	return nil
}
