package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Acting assignments (Plt./Plh.) as JSON over store/acting.go, with the
// rules of the page /organisasi/plt: recorded and read by whoever writes the
// organisation (org.write, BKPSDM), as the integrations that keep SK data
// run under BKPSDM. An assignment ends by its end date; ending one earlier
// sets that date.

// actingJSON is one assignment. until is null for "until further notice";
// in_force tells whether it gives scope and supervision today.
type actingJSON struct {
	ID            int64   `json:"id"`
	EmployeeID    int64   `json:"employee_id"`
	EmployeeNIP   string  `json:"employee_nip"`
	EmployeeName  string  `json:"employee_name"`
	PositionID    int64   `json:"position_id"`
	PositionTitle string  `json:"position_title"`
	UnitID        int64   `json:"unit_id"`
	Kind          string  `json:"kind"`
	From          string  `json:"from"`
	Until         *string `json:"until"`
	DecreeNo      string  `json:"decree_no"`
	DecreeDate    string  `json:"decree_date"`
	InForce       bool    `json:"in_force"`
}

func toActingJSON(x *model.ActingAssignment, today time.Time) actingJSON {
	out := actingJSON{ID: x.ID, EmployeeID: x.EmployeeID, EmployeeNIP: x.EmployeeNIP, EmployeeName: x.EmployeeName,
		PositionID: x.PositionID, PositionTitle: x.PositionTitle, UnitID: x.UnitID, Kind: x.Kind,
		From: x.From.Format(time.DateOnly), DecreeNo: x.DecreeNo, DecreeDate: x.DecreeDate.Format(time.DateOnly), InForce: x.ActiveOn(today)}
	if !x.Until.IsZero() {
		u := x.Until.Format(time.DateOnly)
		out.Until = &u
	}
	return out
}

// listActing answers GET /acting: the assignments of one unit's posts or of
// one employee, or all, latest start first; current=true leaves out those
// ended before today.
func (a *API) listActing(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var f store.ActingFilter
	var err error
	if f.UnitID, err = queryInt(r, "unit_id"); err != nil {
		return err
	}
	if f.EmployeeID, err = queryInt(r, "employee_id"); err != nil {
		return err
	}
	f.Current = r.URL.Query().Get("current") == "true"
	list, err := a.st.ActingAssignments(r.Context(), f)
	if err != nil {
		return err
	}
	today := a.st.Now()
	out := make([]actingJSON, 0, len(list))
	for i := range list {
		out = append(out, toActingJSON(&list[i], today))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

// actingInput is the body of POST /acting: the employee by ID or NIP, the
// head post by ID or code; until may be left out.
type actingInput struct {
	EmployeeID   int64  `json:"employee_id"`
	EmployeeNIP  string `json:"employee_nip"`
	PositionID   int64  `json:"position_id"`
	PositionCode string `json:"position_code"`
	Kind         string `json:"kind"`
	From         string `json:"from"`
	Until        string `json:"until"`
	DecreeNo     string `json:"decree_no"`
	DecreeDate   string `json:"decree_date"`
}

// createActing records an assignment (POST /acting; audited as acting.add).
func (a *API) createActing(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in actingInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	ctx := r.Context()
	x := model.ActingAssignment{EmployeeID: in.EmployeeID, PositionID: in.PositionID, Kind: in.Kind, DecreeNo: in.DecreeNo}
	if nip := strings.TrimSpace(in.EmployeeNIP); x.EmployeeID == 0 && nip != "" {
		e, err := a.st.EmployeeByNIP(ctx, nip)
		if apperr.Code(err) == apperr.ENOTFOUND {
			return apperr.Invalid("employee_nip", "err.acting.nip_unknown", nip)
		}
		if err != nil {
			return err
		}
		x.EmployeeID = e.ID
	}
	if code := strings.TrimSpace(in.PositionCode); x.PositionID == 0 && code != "" {
		ids, err := a.st.PositionsByCode(ctx, []string{code})
		if err != nil {
			return err
		}
		if x.PositionID = ids[code]; x.PositionID == 0 {
			return apperr.Invalid("position_code", "err.acting.position_code_unknown", code)
		}
	}
	var err error
	for _, f := range []struct {
		name, value string
		dst         *time.Time
	}{{"from", in.From, &x.From}, {"until", in.Until, &x.Until}, {"decree_date", in.DecreeDate, &x.DecreeDate}} {
		if *f.dst, err = inputDate(f.name, f.value); err != nil {
			return err
		}
	}
	if err := a.st.AddActing(ctx, actor(p), &x); err != nil {
		return err
	}
	stored, err := a.st.Acting(ctx, x.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/acting?employee_id="+itoa(x.EmployeeID))
	writeJSON(w, http.StatusCreated, toActingJSON(stored, a.st.Now()))
	return nil
}

// endActing sets an assignment's last day (POST /acting/{id}/end; audited
// as acting.end).
func (a *API) endActing(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Until string `json:"until"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	until, err := inputDate("until", in.Until)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := a.st.EndActing(ctx, actor(p), id, until); err != nil {
		return err
	}
	x, err := a.st.Acting(ctx, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toActingJSON(x, a.st.Now()))
	return nil
}
