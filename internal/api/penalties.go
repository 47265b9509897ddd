package api

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Discipline penalties (hukuman disiplin, PP 94/2021) as JSON, over
// store/discipline.go with the rules of the profile section
// (web/discipline.go): restricted personal data, read only by the employee
// themself and by whoever may edit the employee (an admin of their unit or
// above, with employees.write); only the latter record one. Anyone else is
// told the list does not exist.

// penaltyJSON is one recorded penalty. in_force tells whether it keeps the
// employee out of the succession pool today (moderate or heavy, not
// revoked, between its start and end).
type penaltyJSON struct {
	ID         int64  `json:"id"`
	EmployeeID int64  `json:"employee_id"`
	Level      string `json:"level"`
	Kind       string `json:"kind"`
	DecreeNo   string `json:"decree_no"`
	DecreeDate string `json:"decree_date"`
	StartsOn   string `json:"starts_on"`
	EndsOn     string `json:"ends_on"`
	Revoked    bool   `json:"revoked"`
	RevokeNote string `json:"revoke_note"`
	InForce    bool   `json:"in_force"`
}

func toPenaltyJSON(p *model.DisciplinePenalty, today time.Time) penaltyJSON {
	return penaltyJSON{ID: p.ID, EmployeeID: p.EmployeeID, Level: p.Level, Kind: p.Kind, DecreeNo: p.DecreeNo,
		DecreeDate: p.DecreeDate.Format(time.DateOnly), StartsOn: p.StartsOn.Format(time.DateOnly), EndsOn: p.EndsOn.Format(time.DateOnly),
		Revoked: p.Revoked, RevokeNote: p.RevokeNote, InForce: p.Excludes(today)}
}

// penaltiesJSON answers GET /employees/{id}/penalties.
type penaltiesJSON struct {
	EmployeeID int64         `json:"employee_id"`
	CanWrite   bool          `json:"can_write"`
	Items      []penaltyJSON `json:"items"`
}

// penaltyWriter reports whether p may record penalties of employee id: p
// may edit employees and administers the employee (web: the profile's
// CanEdit).
func (a *API) penaltyWriter(ctx context.Context, p *auth.Principal, id int64) (bool, error) {
	if !p.Can(policy.PenaltyWrite) {
		return false, nil
	}
	return a.st.InScope(ctx, p.Admin, id)
}

func errPenaltiesNotFound(id int64) error {
	return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", id)
}

// listPenalties returns an employee's penalties, newest first, to the
// employee and to those who may record them; 404 to anyone else.
func (a *API) listPenalties(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := a.visibleEmployee(ctx, p, id); err != nil {
		return err
	}
	canWrite, err := a.penaltyWriter(ctx, p, id)
	if err != nil {
		return err
	}
	if !canWrite && p.User.EmployeeID != id {
		return errPenaltiesNotFound(id)
	}
	list, err := a.st.Penalties(ctx, id)
	if err != nil {
		return err
	}
	a.viewed(p, id, "penalties")
	today := a.st.Now()
	out := penaltiesJSON{EmployeeID: id, CanWrite: canWrite, Items: make([]penaltyJSON, 0, len(list))}
	for i := range list {
		out.Items = append(out.Items, toPenaltyJSON(&list[i], today))
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// penaltyInput is the body of POST /employees/{id}/penalties. ends_on may
// be left out for a light penalty (a reprimand has no period).
type penaltyInput struct {
	Level      string `json:"level"`
	Kind       string `json:"kind"`
	DecreeNo   string `json:"decree_no"`
	DecreeDate string `json:"decree_date"`
	StartsOn   string `json:"starts_on"`
	EndsOn     string `json:"ends_on"`
}

// inputDate reads an optional ISO date field ("" gives the zero time).
func inputDate(field, v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, apperr.Invalid(field, "err.penalty.date_unknown_iso", v)
	}
	return t, nil
}

// createPenalty records a penalty of an employee the caller administers
// (penalty.write: 403 without it, as on the page; 404 for an employee
// outside what the caller administers; 403 for the caller's own record).
func (a *API) createPenalty(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	tg, err := a.employeeTarget(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !p.Admin.Contains(tg.UnitPath)) {
		return errPenaltiesNotFound(id)
	}
	if err != nil {
		return err
	}
	if !policy.May(p, policy.PenaltyWrite, tg) {
		return policy.ErrAboutSelf // administered, so the only refusal left is one's own record
	}
	var in penaltyInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	pen := model.DisciplinePenalty{EmployeeID: id, Level: strings.TrimSpace(in.Level), Kind: in.Kind, DecreeNo: in.DecreeNo}
	for _, f := range []struct {
		name, value string
		dst         *time.Time
	}{{"decree_date", in.DecreeDate, &pen.DecreeDate}, {"starts_on", in.StartsOn, &pen.StartsOn}, {"ends_on", in.EndsOn, &pen.EndsOn}} {
		if *f.dst, err = inputDate(f.name, f.value); err != nil {
			return err
		}
	}
	if err := a.st.AddPenalty(ctx, actor(p), &pen); err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/employees/"+itoa(id)+"/penalties")
	writeJSON(w, http.StatusCreated, toPenaltyJSON(&pen, a.st.Now()))
	return nil
}
