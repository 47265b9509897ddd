package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/store"
)

// The target position of an employee (jabatan target, issue 11 point 6):
// read by whoever reads the employee's competencies, recorded or cleared by
// an administrator of the employee's unit, audited by the store.

// targetItemJSON is one competency of the target position's standard.
type targetItemJSON struct {
	CompetencyID int64  `json:"competency_id"`
	Name         string `json:"name"`
	Required     int    `json:"required"`
	Actual       *int   `json:"actual"` // null when not assessed (never level 0)
	Gap          *int   `json:"gap"`
}

// targetJSON is a recorded target position with the gap to its standard.
type targetJSON struct {
	PositionID    int64            `json:"position_id"`
	PositionTitle string           `json:"position_title"`
	UnitName      string           `json:"unit_name"`
	Note          string           `json:"note"`
	SetAt         time.Time        `json:"set_at"`
	StandardID    *int64           `json:"standard_id"`
	JPM           *jpmJSON         `json:"jpm"` // null when the target has no standard
	Items         []targetItemJSON `json:"items"`
}

// targetAnswerJSON answers GET and PUT /employees/{id}/target-position.
type targetAnswerJSON struct {
	EmployeeID int64       `json:"employee_id"`
	Target     *targetJSON `json:"target"` // null when none is recorded
}

// targetInput is the body of PUT /employees/{id}/target-position: a
// position ID, or null to clear the target.
type targetInput struct {
	PositionID *int64 `json:"position_id"`
	Note       string `json:"note"`
}

// getTargetPosition answers GET /employees/{id}/target-position.
func (a *API) getTargetPosition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.visibleEmployee(r.Context(), p, id); err != nil {
		return err
	}
	return a.writeTarget(w, r, p, id)
}

// putTargetPosition answers PUT /employees/{id}/target-position.
func (a *API) putTargetPosition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, err := a.visibleEmployee(ctx, p, id)
	if err != nil {
		return err
	}
	// Visible (say as one's own record) is not the same as administered.
	if ok, err := a.unitInScope(ctx, p, "unit_id", e.UnitID); err != nil {
		return err
	} else if !ok {
		return apperr.New(apperr.EFORBIDDEN, "err.employee.outside_your_units", id)
	}
	var in targetInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.PositionID == nil {
		err = a.st.ClearTargetPosition(ctx, actor(p), id)
	} else {
		err = a.st.SetTargetPosition(ctx, actor(p), id, *in.PositionID, in.Note)
	}
	if err != nil {
		return err
	}
	return a.writeTarget(w, r, p, id)
}

// writeTarget answers with the employee's target position as stored now.
func (a *API) writeTarget(w http.ResponseWriter, r *http.Request, p *auth.Principal, id int64) error {
	t, err := a.st.TargetPosition(r.Context(), id)
	if err != nil {
		return err
	}
	out := targetAnswerJSON{EmployeeID: id}
	if t != nil {
		out.Target = toTargetJSON(t, p.User.Lang)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// toTargetJSON maps a stored target with its gaps.
func toTargetJSON(t *store.TargetPosition, lang string) *targetJSON {
	j := &targetJSON{PositionID: t.PositionID, PositionTitle: t.PositionTitle, UnitName: t.UnitName, Note: t.Note, SetAt: t.SetAt,
		StandardID: ptrID(t.StandardID), Items: []targetItemJSON{}}
	if t.Result.Total > 0 {
		j.JPM = toJPMJSON(t.Result, lang)
	}
	for i, g := range t.Result.Gaps {
		it := targetItemJSON{CompetencyID: g.CompetencyID, Name: t.Names[i], Required: g.Required}
		if g.Assessed {
			actual, gp := g.Actual, g.Gap
			it.Actual, it.Gap = &actual, &gp
		}
		j.Items = append(j.Items, it)
	}
	return j
}
