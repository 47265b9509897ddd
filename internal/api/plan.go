package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Development plans and approvals as JSON over store/plan*.go, with the
// rules of the pages /rencana and /persetujuan: a plan is read by
// plan.read of its employee, items are proposed, changed and submitted by
// plan.propose, decided by whoever holds the waiting step's post
// (plan.decide with Target.Approver); a record refused is "not found".

// planItemJSON is one item with its decision trail.
type planItemJSON struct {
	ID           int64          `json:"id"`
	EmployeeID   int64          `json:"employee_id"`
	EmployeeName string         `json:"employee_name"`
	Year         int            `json:"year"`
	ProgrammeID  *int64         `json:"programme_id"`
	SessionID    *int64         `json:"session_id"`
	Title        string         `json:"title"`
	Form         string         `json:"form"`
	JP           int            `json:"jp"`
	Cost         int64          `json:"cost"`
	Purpose      string         `json:"purpose"`
	ProposedBy   string         `json:"proposed_by"`
	Status       string         `json:"status"`
	Step         string         `json:"step"`
	Decisions    []decisionJSON `json:"decisions"`
}

type decisionJSON struct {
	Step     string `json:"step"`
	Decision string `json:"decision"`
	Reason   string `json:"reason"`
	By       string `json:"by"`
	Acting   bool   `json:"acting"`
	At       string `json:"at"`
}

func toPlanItemJSON(it *model.PlanItem) planItemJSON {
	out := planItemJSON{ID: it.ID, EmployeeID: it.EmployeeID, EmployeeName: it.EmployeeName, Year: it.Year,
		ProgrammeID: ptrID(it.ProgrammeID), SessionID: ptrID(it.SessionID), Title: it.Title, Form: string(it.Form), JP: it.JP,
		Cost: it.Cost, Purpose: it.Purpose, ProposedBy: string(it.ProposedBy), Status: string(it.Status), Step: it.Step.Name(),
		Decisions: []decisionJSON{}}
	for _, d := range it.Decisions {
		out.Decisions = append(out.Decisions, decisionJSON{Step: d.Step.Name(), Decision: string(d.Decision), Reason: d.Reason,
			By: d.ByName, Acting: d.Acting, At: d.At.UTC().Format(time.RFC3339)})
	}
	return out
}

type jpYearJSON struct {
	Rule       string `json:"rule"` // pns_floor or pppk_ceiling
	Limit      int    `json:"limit"`
	From       string `json:"from"`
	Until      string `json:"until"`
	Counted    int    `json:"counted"`
	NoContract bool   `json:"no_contract,omitempty"`
}

// planYear reads ?year=, the current year by default.
func (a *API) planYear(r *http.Request) (int, error) {
	y, err := queryInt(r, "year")
	if err != nil || y != 0 {
		return int(y), err
	}
	return strconv.Atoi(model.CycleToday(a.st.Now())[:4])
}

// writePlan answers the plan of an employee p may read.
func (a *API) writePlan(w http.ResponseWriter, r *http.Request, p *auth.Principal, employeeID int64) error {
	tg, _, kind, err := a.st.PlanSubject(r.Context(), employeeID)
	if err != nil {
		return err
	}
	if !policy.May(p, policy.PlanRead, tg) {
		return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", employeeID)
	}
	year, err := a.planYear(r)
	if err != nil {
		return err
	}
	items, err := a.st.Plan(r.Context(), employeeID, year)
	if err != nil {
		return err
	}
	jp, err := a.st.PlanJPYear(r.Context(), employeeID, kind, year, items)
	if err != nil {
		return err
	}
	out := make([]planItemJSON, 0, len(items))
	for i := range items {
		out = append(out, toPlanItemJSON(&items[i]))
	}
	rule := "pns_floor"
	if jp.PPPK {
		rule = "pppk_ceiling"
	}
	writeJSON(w, http.StatusOK, map[string]any{"employee_id": employeeID, "year": year, "items": out,
		"jp": jpYearJSON{Rule: rule, Limit: jp.Limit, From: jp.From, Until: jp.Until, Counted: jp.Counted, NoContract: jp.NoContract}})
	return nil
}

// myPlan answers GET /me/plan?year=.
func (a *API) myPlan(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if p.User.EmployeeID == 0 { // an account without a record has no plan
		writeJSON(w, http.StatusOK, map[string]any{"employee_id": nil, "items": []planItemJSON{}})
		return nil
	}
	return a.writePlan(w, r, p, p.User.EmployeeID)
}

// employeePlan answers GET /employees/{id}/plan?year=.
func (a *API) employeePlan(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return a.writePlan(w, r, p, id)
}

// planItemInput is the body of POST /plan-items and PUT /plan-items/{id}:
// a programme (and session) of the catalogue, or a free activity; submit
// sends it into the approval chain at once.
type planItemInput struct {
	EmployeeID  int64  `json:"employee_id"`
	Year        int    `json:"year"`
	ProgrammeID int64  `json:"programme_id"`
	SessionID   int64  `json:"session_id"`
	Title       string `json:"title"`
	Form        string `json:"form"`
	JP          int    `json:"jp"`
	Cost        int64  `json:"cost"`
	Purpose     string `json:"purpose"`
	Submit      bool   `json:"submit"`
}

func (in planItemInput) item() model.PlanItem {
	return model.PlanItem{EmployeeID: in.EmployeeID, Year: in.Year, ProgrammeID: in.ProgrammeID, SessionID: in.SessionID,
		Title: in.Title, Form: model.DevForm(in.Form), JP: in.JP, Cost: in.Cost, Purpose: in.Purpose}
}

// createPlanItem answers POST /plan-items (employee_id 0: one's own plan).
func (a *API) createPlanItem(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in planItemInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.EmployeeID == 0 {
		in.EmployeeID = p.User.EmployeeID
	}
	if in.EmployeeID == 0 {
		return apperr.Invalid("employee_id", "err.plan.no_record")
	}
	tg, _, _, err := a.st.PlanSubject(r.Context(), in.EmployeeID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.PlanPropose, tg)) {
		return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", in.EmployeeID)
	}
	if err != nil {
		return err
	}
	it := in.item()
	it.ProposedBy = model.ProposerOf(p.User.EmployeeID, in.EmployeeID, tg.SupervisorID)
	if err := a.st.ProposePlanItem(r.Context(), actor(p), &it, in.Submit); err != nil {
		return err
	}
	return a.writeItem(w, r, http.StatusCreated, it.ID)
}

func (a *API) writeItem(w http.ResponseWriter, r *http.Request, status int, id int64) error {
	it, _, err := a.st.PlanItem(r.Context(), id, 0)
	if err != nil {
		return err
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/plan-items/"+itoa(id))
	}
	writeJSON(w, status, toPlanItemJSON(it))
	return nil
}

// planItemFor loads item {id} when p may take action act on it (else not
// found).
func (a *API) planItemFor(r *http.Request, p *auth.Principal, act policy.Action) (*model.PlanItem, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	it, tg, err := a.st.PlanItem(r.Context(), id, p.User.EmployeeID)
	if err != nil {
		return nil, err
	}
	if !policy.May(p, act, tg) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.plan.not_found", id)
	}
	return it, nil
}

// getPlanItem answers GET /plan-items/{id}.
func (a *API) getPlanItem(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	it, err := a.planItemFor(r, p, policy.PlanRead)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toPlanItemJSON(it))
	return nil
}

// updatePlanItem answers PUT /plan-items/{id} (a draft or an item asked to
// change; submit sends it again).
func (a *API) updatePlanItem(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	it, err := a.planItemFor(r, p, policy.PlanPropose)
	if err != nil {
		return err
	}
	var in planItemInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	next := in.item()
	next.ID, next.EmployeeID = it.ID, it.EmployeeID
	if err := a.st.UpdatePlanItem(r.Context(), actor(p), &next); err != nil {
		return err
	}
	if in.Submit {
		if err := a.st.SubmitPlanItem(r.Context(), actor(p), it.ID); err != nil {
			return err
		}
	}
	return a.writeItem(w, r, http.StatusOK, it.ID)
}

// submitPlanItem answers POST /plan-items/{id}/submit.
func (a *API) submitPlanItem(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	it, err := a.planItemFor(r, p, policy.PlanPropose)
	if err != nil {
		return err
	}
	if err := a.st.SubmitPlanItem(r.Context(), actor(p), it.ID); err != nil {
		return err
	}
	return a.writeItem(w, r, http.StatusOK, it.ID)
}

// decidePlanItem answers POST /plan-items/{id}/decision ({decision:
// setuju|tolak|perbaiki, reason}).
func (a *API) decidePlanItem(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	it, err := a.planItemFor(r, p, policy.PlanDecide)
	if err != nil {
		return err
	}
	var in struct {
		Decision string `json:"decision"`
		Reason   string `json:"reason"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := a.st.DecidePlanItem(r.Context(), actor(p), p.User.EmployeeID, it.ID, model.Decision(in.Decision), in.Reason); err != nil {
		return err
	}
	return a.writeItem(w, r, http.StatusOK, it.ID)
}

// approvals answers GET /approvals: the items waiting for the caller's
// decision, by post.
func (a *API) approvals(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	items, err := a.st.ApprovalsWaiting(r.Context(), p.User.EmployeeID)
	if err != nil {
		return err
	}
	out := make([]planItemJSON, 0, len(items))
	for i := range items {
		out = append(out, toPlanItemJSON(&items[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

// nominate answers POST /nominations: a programme (and session) for many
// employees, every one in what the caller administers (an operator: the
// whole government); approved at once.
func (a *API) nominate(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		ProgrammeID int64   `json:"programme_id"`
		SessionID   int64   `json:"session_id"`
		Year        int     `json:"year"`
		Purpose     string  `json:"purpose"`
		Employees   []int64 `json:"employee_ids"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Year == 0 {
		in.Year, _ = strconv.Atoi(model.CycleToday(a.st.Now())[:4])
	}
	if in.Purpose == "" {
		return apperr.Invalid("purpose", "err.plan.purpose_required")
	}
	scope := p.Admin
	if p.User.HasGrant(model.GrantOperator) {
		scope = model.Scope{All: true}
	}
	res, err := a.st.Nominate(r.Context(), actor(p), scope, store.Nomination{ProgrammeID: in.ProgrammeID, SessionID: in.SessionID,
		Year: in.Year, Purpose: in.Purpose, Employees: in.Employees})
	if err != nil {
		return err
	}
	if res.Items == nil {
		res.Items = []int64{}
	}
	if res.Already == nil {
		res.Already = []int64{}
	}
	writeJSON(w, http.StatusCreated, map[string]any{"items": res.Items, "already": res.Already})
	return nil
}

// planRollup answers GET /plan-rollup?unit=&year=: the unit (default: the
// top of the caller's scope) must lie in what the caller reads.
func (a *API) planRollup(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID, err := queryInt(r, "unit")
	if err != nil {
		return err
	}
	if unitID == 0 {
		if unitID, err = a.st.ScopeTopUnit(r.Context(), p.Scope); err != nil {
			return err
		}
	}
	u, err := a.st.Unit(r.Context(), unitID)
	if err == nil && !p.Scope.Contains(u.Path) {
		err = apperr.New(apperr.ENOTFOUND, "err.common.unit_not_found", unitID)
	}
	if err != nil {
		return err
	}
	year, err := a.planYear(r)
	if err != nil {
		return err
	}
	roll, err := a.st.PlanRollup(r.Context(), unitID, year)
	if err != nil {
		return err
	}
	rows := func(in []store.RollupRow) []map[string]any {
		out := make([]map[string]any, 0, len(in))
		for _, x := range in {
			out = append(out, map[string]any{"id": x.ID, "name": x.Name, "items": x.Items, "approved": x.Approved, "jp": x.JP, "cost": x.Cost})
		}
		return out
	}
	writeJSON(w, http.StatusOK, map[string]any{"unit_id": unitID, "year": year,
		"total": map[string]any{"items": roll.Total.Items, "approved": roll.Total.Approved, "jp": roll.Total.JP, "cost": roll.Total.Cost},
		"units": rows(roll.Units), "programmes": rows(roll.Programmes), "competencies": rows(roll.Competencies)})
	return nil
}
