package web

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// The development plan of one employee for one year: "Rencana
// pengembangan saya" (/rencana) and, for supervisors and administrators,
// /pegawai/{id}/rencana. It lists the items with their status and
// decision trail, the JP standing (PNS floor, PPPK ceiling), the
// recommendations with the gaps they address, and the two proposal forms
// (from the catalogue, or a free activity).

// planData is what plan.html shows.
type planData struct {
	EmployeeID   int64
	EmployeeName string
	Own          bool   // the employee's own plan
	Base         string // the page's path: /rencana or /pegawai/{id}/rencana
	Year         int
	Years        []int
	Rows         []planRow // the items, with their texts made (plan_rows.go)
	JP           model.JPYear
	Recs         []recRow      // the recommendations (plan_rows.go)
	FormOptions  template.HTML // the free proposal's forms
	CanPropose   bool
	Error        string
	Notice       string
	NoRecord     bool // an account without an employee record
}

// planYear reads ?tahun= (or the posted year), the current year by default.
func (s *server) planYear(r *http.Request) (int, int) {
	this, _ := strconv.Atoi(s.cycleToday()[:4])
	y, err := strconv.Atoi(r.FormValue("tahun"))
	if err != nil || y < model.PlanMinYear || y > this+model.PlanYearsAhead {
		y = this
	}
	return y, this
}

// myPlan shows the signed-in employee's plan (GET /rencana).
func (s *server) myPlan(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if p.User.EmployeeID == 0 {
		s.render(w, r, http.StatusOK, "plan", "plan.title_mine", &planData{NoRecord: true})
		return nil
	}
	return s.renderPlan(w, r, http.StatusOK, p, p.User.EmployeeID, &planData{Notice: planNotice(r)})
}

// employeePlan shows someone's plan to whoever may read it (GET
// /pegawai/{id}/rencana).
func (s *server) employeePlan(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return s.renderPlan(w, r, http.StatusOK, p, id, &planData{Notice: planNotice(r)})
}

func planNotice(r *http.Request) string {
	switch r.URL.Query().Get("ok") {
	case "proposed", "submitted", "cancelled", "changed":
		return "plan.ok." + r.URL.Query().Get("ok")
	}
	return ""
}

// renderPlan fills d for the employee's plan, refusing as not found what
// the policy does not let p read.
func (s *server) renderPlan(w http.ResponseWriter, r *http.Request, status int, p *auth.Principal, employeeID int64, d *planData) error {
	ctx := r.Context()
	tg, name, kind, err := s.st.PlanSubject(ctx, employeeID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.PlanRead, tg)) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	year, this := s.planYear(r)
	d.EmployeeID, d.EmployeeName, d.Year = employeeID, name, year
	d.Own = employeeID == p.User.EmployeeID
	d.Base = "/rencana"
	if !d.Own {
		d.Base = fmt.Sprintf("/pegawai/%d/rencana", employeeID)
	}
	for y := this - 1; y <= this+1; y++ {
		d.Years = append(d.Years, y)
	}
	d.CanPropose = policy.May(p, policy.PlanPropose, tg)
	d.FormOptions = devFormOptions[langOf(r)]
	items, err := s.st.Plan(ctx, employeeID, year)
	if err != nil {
		return err
	}
	d.Rows = planRows(langOf(r), s.loc, items)
	if d.JP, err = s.st.PlanJPYear(ctx, employeeID, kind, year, items); err != nil {
		return err
	}
	recs, err := s.st.PlanRecommendations(ctx, employeeID, items)
	if err != nil {
		return err
	}
	d.Recs = recRows(langOf(r), d.JP, recs)
	title := "plan.title_mine"
	if !d.Own {
		title = "plan.title_of"
	}
	s.renderView(w, r, status, "plan", &view{Title: title, TitleArg: nameArg(d.Own, name), Data: d})
	return nil
}

func nameArg(own bool, name string) string {
	if own {
		return ""
	}
	return name
}

// proposeMine adds an item to one's own plan (POST /rencana).
func (s *server) proposeMine(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if p.User.EmployeeID == 0 {
		http.Redirect(w, r, "/rencana", http.StatusSeeOther)
		return nil
	}
	return s.propose(w, r, p, p.User.EmployeeID)
}

// proposeFor adds an item to someone's plan (POST /pegawai/{id}/rencana).
func (s *server) proposeFor(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	return s.propose(w, r, p, id)
}

// propose reads the proposal form: a programme (and session) from the
// catalogue, or a free activity; the purpose; draft or submit at once.
func (s *server) propose(w http.ResponseWriter, r *http.Request, p *auth.Principal, employeeID int64) error {
	tg, _, _, err := s.st.PlanSubject(r.Context(), employeeID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.PlanPropose, tg)) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	f := newForm(r)
	it := model.PlanItem{EmployeeID: employeeID, Purpose: f.Text("purpose"), Title: f.Text("title"), Form: model.DevForm(f.Text("form")),
		ProposedBy: model.ProposerOf(p.User.EmployeeID, employeeID, tg.SupervisorID)}
	it.Year = f.Int("tahun", "err.plan.year", model.PlanMinYear, 9999)
	if f.Text("programme") != "" {
		it.ProgrammeID = f.Int64("programme", "err.catalogue.programme_required")
		if f.Text("session") != "" {
			it.SessionID = f.Int64("session", "err.plan.session_not_found", 0)
		}
	} else {
		if f.Text("jp") != "" {
			it.JP = f.Int("jp", "err.plan.jp", model.PlanMaxJP)
		}
		if f.Text("cost") != "" {
			it.Cost = f.Int64("cost", "err.plan.cost")
		}
	}
	if err = f.Err(); err == nil {
		err = s.st.ProposePlanItem(r.Context(), actor(p), &it, f.Text("submit") != "")
	}
	if bad := inputError(r, err); bad != "" {
		return s.renderPlan(w, r, http.StatusUnprocessableEntity, p, employeeID, &planData{Error: bad})
	}
	if err != nil {
		return err
	}
	ok := "proposed"
	if f.Text("submit") != "" {
		ok = "submitted"
	}
	http.Redirect(w, r, fmt.Sprintf("%s?tahun=%d&ok=%s", planBase(p, employeeID), it.Year, ok), http.StatusSeeOther)
	return nil
}

// inputError is the message of an invalid or conflicting input, shown on
// the form; "" for every other outcome.
func inputError(r *http.Request, err error) string {
	var ae *apperr.Error
	if errors.As(err, &ae) && (ae.Code == apperr.EINVALID || ae.Code == apperr.ECONFLICT) {
		return ae.Text(langOf(r))
	}
	return ""
}

func planBase(p *auth.Principal, employeeID int64) string {
	if employeeID == p.User.EmployeeID {
		return "/rencana"
	}
	return fmt.Sprintf("/pegawai/%d/rencana", employeeID)
}

// planItemAction runs one of the proposer's actions on an item (POST
// /rencana/{id}/ajukan, /batal, /ubah): whoever may propose for the
// employee may submit, cancel or change the item while its status allows.
func (s *server) planItemAction(do func(r *http.Request, p *auth.Principal, it *model.PlanItem) error, ok string) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.user(r)
		if err != nil {
			return err
		}
		id, err := pathID(r)
		if err != nil {
			return err
		}
		it, tg, err := s.st.PlanItem(r.Context(), id, 0)
		if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.PlanPropose, tg)) {
			return errNotPermitted
		}
		if err != nil {
			return err
		}
		err = do(r, p, it)
		if bad := inputError(r, err); bad != "" {
			return s.renderPlan(w, r, http.StatusUnprocessableEntity, p, it.EmployeeID, &planData{Error: bad})
		}
		if err != nil {
			return err
		}
		http.Redirect(w, r, fmt.Sprintf("%s?tahun=%d&ok=%s", planBase(p, it.EmployeeID), it.Year, ok), http.StatusSeeOther)
		return nil
	}
}

func (s *server) planSubmit(r *http.Request, p *auth.Principal, it *model.PlanItem) error {
	return s.st.SubmitPlanItem(r.Context(), actor(p), it.ID)
}

func (s *server) planCancel(r *http.Request, p *auth.Principal, it *model.PlanItem) error {
	return s.st.CancelPlanItem(r.Context(), actor(p), it.ID)
}

// planChange saves the changed purpose (and a free activity's title, JP
// and cost) and, when asked, submits the item again.
func (s *server) planChange(r *http.Request, p *auth.Principal, it *model.PlanItem) error {
	f := newForm(r)
	it.Purpose = f.Text("purpose")
	if it.ProgrammeID == 0 {
		it.Title = f.Text("title")
		it.JP = f.Int("jp", "err.plan.jp", model.PlanMaxJP)
		it.Cost = f.Int64("cost", "err.plan.cost")
	}
	if err := f.Err(); err != nil {
		return err
	}
	if err := s.st.UpdatePlanItem(r.Context(), actor(p), it); err != nil {
		return err
	}
	if f.Text("submit") != "" {
		return s.st.SubmitPlanItem(r.Context(), actor(p), it.ID)
	}
	return nil
}
