package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// disciplineView is the profile's "Hukuman disiplin" section. Penalties are
// restricted personal data: only the employee and the administrators of
// their unit see them, and only those administrators record or revoke one.
type disciplineView struct {
	Lang       i18n.Lang
	EmployeeID int64
	List       []model.DisciplinePenalty
	CanWrite   bool
	Levels     []string
	Form       map[string]string // the values of a refused submission
	Error      string            // why it was refused
	ErrorField string
	Today      time.Time
}

// disciplineFor returns the section for employee id as p may see it, or nil
// when p may not see it.
func (s *server) disciplineFor(r *http.Request, p *auth.Principal, id int64, canWrite bool) (*disciplineView, error) {
	canWrite = canWrite && !policy.RecordsAboutSelf(p, id) // never one's own penalties (adminTarget)
	if !canWrite && p.User.EmployeeID != id {
		return nil, nil
	}
	list, err := s.st.Penalties(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return &disciplineView{Lang: langOf(r), EmployeeID: id, List: list, CanWrite: canWrite, Levels: model.PenaltyLevels,
		Form: map[string]string{}, Today: s.st.Now()}, nil
}

// adminTarget checks that p administers employee id (and is not that
// employee: restricted records are kept by another admin) and returns the
// profile data to re-render on a refused submission.
func (s *server) adminTarget(r *http.Request) (*auth.Principal, *profileData, error) {
	p, id, err := s.userID(r)
	if err != nil {
		return nil, nil, err
	}
	if policy.RecordsAboutSelf(p, id) {
		// An admin placed in the unit they administer records and revokes
		// no penalty of their own: another administrator does.
		return nil, nil, errForbidden
	}
	if _, err := s.employeeInScope(r.Context(), adminScope(p), id); err != nil {
		return nil, nil, err
	}
	d, err := s.profile(r, p, id)
	if err != nil {
		return nil, nil, err
	}
	return p, d, nil
}

// penaltyAdd records a penalty (POST /pegawai/{id}/disiplin).
func (s *server) penaltyAdd(w http.ResponseWriter, r *http.Request) error {
	p, d, err := s.adminTarget(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	pen := model.DisciplinePenalty{EmployeeID: d.E.ID, Level: r.PostFormValue("level"),
		Kind: r.PostFormValue("kind"), DecreeNo: r.PostFormValue("decree_no"),
		DecreeDate: f.Date("decree_date", "err.penalty.date_unknown"),
		StartsOn:   f.Date("starts_on", "err.penalty.date_unknown"),
		EndsOn:     f.Date("ends_on", "err.penalty.date_unknown")}
	if err = f.Err(); err == nil {
		err = s.st.AddPenalty(r.Context(), actor(p), &pen)
	}
	if err != nil {
		return s.refusePenalty(w, r, d, err)
	}
	http.Redirect(w, r, "/pegawai/"+strconv.FormatInt(d.E.ID, 10)+"?ok=penalty_added#discipline", http.StatusSeeOther)
	return nil
}

// penaltyRevoke revokes one penalty with a reason
// (POST /pegawai/{id}/disiplin/{pid}/cabut).
func (s *server) penaltyRevoke(w http.ResponseWriter, r *http.Request) error {
	p, d, err := s.adminTarget(r)
	if err != nil {
		return err
	}
	pid, err := strconv.ParseInt(r.PathValue("pid"), 10, 64)
	if err != nil || pid <= 0 {
		return errNotPermitted
	}
	if err := s.st.RevokePenalty(r.Context(), actor(p), d.E.ID, pid, r.PostFormValue("note")); err != nil {
		return s.refusePenalty(w, r, d, err)
	}
	http.Redirect(w, r, "/pegawai/"+strconv.FormatInt(d.E.ID, 10)+"?ok=penalty_revoked#discipline", http.StatusSeeOther)
	return nil
}

// refusePenalty shows the profile again with the reason next to the form
// and the values typed, or fails the request for other errors.
func (s *server) refusePenalty(w http.ResponseWriter, r *http.Request, d *profileData, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || d.Discipline == nil {
		return err
	}
	d.Discipline.Error, d.Discipline.ErrorField = ae.Text(langOf(r)), ae.Field
	for _, f := range []string{"level", "kind", "decree_no", "decree_date", "starts_on", "ends_on", "note"} {
		d.Discipline.Form[f] = r.PostFormValue(f)
	}
	s.renderProfile(w, r, http.StatusUnprocessableEntity, d)
	return nil
}
