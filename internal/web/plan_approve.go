package web

import (
	"context"
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// The approver's pages: the inbox of items waiting for one's decision
// (/persetujuan) and one item with its three buttons (/persetujuan/{id},
// the page the notification e-mail links to). Approvers act by post: the
// store says whether the signed-in employee holds the post of the step the
// item waits at (Target.Approver); anyone else gets "not found".

// approvalsData is what approvals.html shows.
type approvalsData struct {
	Items  []approvalRow
	Notice string
}

// approvalRow is one waiting item as the approver's table shows it, its
// texts made here: each template action costs a call through reflection
// and an escaper call, and the inbox is a page an approver opens often
// (issue 13's p99 goal), so its rows take one action per cell.
type approvalRow struct {
	ID               int64
	Name, NIP, Title string
	JP, Cost, Step   string // in the reader's language
}

func approvalRows(lang i18n.Lang, items []model.PlanItem) []approvalRow {
	rows := make([]approvalRow, len(items))
	for i, it := range items {
		rows[i] = approvalRow{ID: it.ID, Name: it.EmployeeName, NIP: it.EmployeeNIP, Title: it.Title,
			JP: i18n.Number(lang, int64(it.JP)), Cost: i18n.Money(lang, it.Cost), Step: i18n.T(lang, "plan.step."+it.Step.Name())}
	}
	return rows
}

// approvals shows the inbox (GET /persetujuan).
func (s *server) approvals(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	items, err := s.st.ApprovalsWaiting(r.Context(), p.User.EmployeeID)
	if err != nil {
		return err
	}
	d := &approvalsData{Items: approvalRows(langOf(r), items)}
	if ok := r.URL.Query().Get("ok"); ok == "setuju" || ok == "tolak" || ok == "perbaiki" {
		d.Notice = "approval.ok." + ok
	}
	s.render(w, r, http.StatusOK, "approvals", "approval.title", d)
	return nil
}

// approvalData is what approval.html shows: the item, its employee's JP
// standing and the decision form.
type approvalData struct {
	Item  *model.PlanItem
	JP    model.JPYear
	Error string
}

// approvalItem shows one waiting item to its approver (GET
// /persetujuan/{id}).
func (s *server) approvalItem(w http.ResponseWriter, r *http.Request) error {
	return s.renderApproval(w, r, http.StatusOK, "")
}

func (s *server) renderApproval(w http.ResponseWriter, r *http.Request, status int, msg string) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	it, tg, err := s.st.PlanItem(r.Context(), id, p.User.EmployeeID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.PlanDecide, tg)) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	d := &approvalData{Item: it, Error: msg}
	if _, d.JP, err = s.planOfYear(r.Context(), it.EmployeeID, it.Year); err != nil {
		return err
	}
	s.renderView(w, r, status, "approval", &view{Title: "approval.item_title", TitleArg: it.EmployeeName, Data: d})
	return nil
}

// approvalDecide records the decision (POST /persetujuan/{id}: decision
// setuju, tolak or perbaiki, and a reason for the last two).
func (s *server) approvalDecide(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, err := pathID(r)
	if err != nil {
		return err
	}
	_, tg, err := s.st.PlanItem(r.Context(), id, p.User.EmployeeID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.PlanDecide, tg)) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	f := newForm(r)
	d := model.Decision(f.Text("decision"))
	err = s.st.DecidePlanItem(r.Context(), actor(p), p.User.EmployeeID, id, d, f.Text("reason"))
	if bad := inputError(r, err); bad != "" {
		return s.renderApproval(w, r, http.StatusUnprocessableEntity, bad)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/persetujuan?ok="+string(d), http.StatusSeeOther)
	return nil
}

// planOfYear reads an employee's items of one year and their JP standing
// for it (the kind, PNS or PPPK, from PlanSubject): the home card and the
// approval page, which have not read the subject already.
func (s *server) planOfYear(ctx context.Context, employeeID int64, year int) ([]model.PlanItem, model.JPYear, error) {
	_, _, kind, err := s.st.PlanSubject(ctx, employeeID)
	if err != nil {
		return nil, model.JPYear{}, err
	}
	plan, err := s.st.Plan(ctx, employeeID, year)
	if err != nil {
		return nil, model.JPYear{}, err
	}
	jp, err := s.st.PlanJPYear(ctx, employeeID, kind, year, plan)
	return plan, jp, err
}
