package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// Approvals by post. The step an item waits at names a post (the direct
// supervisor, the head of the employee's OPD); whoever holds it today, as
// holder or as Plt./Plh., decides. Nothing is stored about the approver in
// advance, so a change of supervisor or an acting assignment that starts
// moves the waiting items with it.

// stepHolder returns the employee who holds the post of step for the
// employee (0: nobody): their stored supervisor (which already reflects a
// Plt./Plh.), or the head of their OPD: its first active holder, else an
// acting head today (as loadHeads decides heads).
func (s *Store) stepHolder(ctx context.Context, q queryer, employeeID int64, step model.ApprovalStep) (int64, error) {
	switch step {
	case model.StepSupervisor:
		var sup int64
		err := q.QueryRowContext(ctx, `SELECT COALESCE(supervisor_id, 0) FROM employee WHERE id = $1`, employeeID).Scan(&sup)
		return sup, err
	case model.StepOPDHead:
		var path string
		if err := q.QueryRowContext(ctx, `SELECT u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`,
			employeeID).Scan(&path); err != nil {
			return 0, err
		}
		opd, _, err := opdsOf(ctx, q, path, path)
		if err != nil {
			return 0, err
		}
		h, _, err := s.unitHead(ctx, q, opd)
		return h, err
	}
	return 0, nil
}

// unitHead returns the head of a unit and whether they act (Plt./Plh.):
// the first active holder of its head post, else the first acting head
// today.
func (s *Store) unitHead(ctx context.Context, q queryer, unitID int64) (int64, bool, error) {
	var holder, acting int64
	today := s.today()
	err := q.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT MIN(e.id) FROM position p JOIN employee e ON e.position_id = p.id
			WHERE p.unit_id = $1 AND p.is_head = TRUE AND e.status = 'aktif'), 0),
		COALESCE((SELECT MIN(a.employee_id) FROM position p JOIN acting_assignment a ON a.position_id = p.id
			WHERE p.unit_id = $1 AND p.is_head = TRUE AND a.from_date <= $2 AND (a.until_date = '' OR a.until_date >= $2)), 0)`,
		unitID, today).Scan(&holder, &acting)
	if err != nil {
		return 0, false, fmt.Errorf("store: unit head: %w", err)
	}
	if holder != 0 {
		return holder, false, nil
	}
	return acting, acting != 0, nil
}

// actsAbove reports whether the employee me reaches the employee as a
// Plt./Plh.: they act today in the head post of a unit on the employee's
// path without holding a head post on it.
func (s *Store) actsAbove(ctx context.Context, q queryer, me, employeeID int64) (bool, error) {
	var path string
	if err := q.QueryRowContext(ctx, `SELECT u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`,
		employeeID).Scan(&path); err != nil {
		return false, err
	}
	today := s.today()
	var held, acted bool
	var p string
	var how int
	err := eachRow(ctx, q, `SELECT u.path, 0 FROM position p JOIN employee e ON e.position_id = p.id JOIN org_unit u ON u.id = p.unit_id
		WHERE e.id = $1 AND p.is_head = TRUE
		UNION ALL
		SELECT u.path, 1 FROM position p JOIN acting_assignment a ON a.position_id = p.id JOIN org_unit u ON u.id = p.unit_id
		WHERE a.employee_id = $1 AND p.is_head = TRUE AND a.from_date <= $2 AND (a.until_date = '' OR a.until_date >= $2)`,
		[]any{me, today}, []any{&p, &how}, func() {
			if strings.HasPrefix(path, p) {
				held, acted = held || how == 0, acted || how == 1
			}
		})
	return acted && !held, err
}

// chainHolders returns who holds each step of the chain for the employee.
func (s *Store) chainHolders(ctx context.Context, q queryer, employeeID int64, chain []model.ApprovalStep) (func(model.ApprovalStep) int64, error) {
	m := map[model.ApprovalStep]int64{}
	for _, st := range chain {
		h, err := s.stepHolder(ctx, q, employeeID, st)
		if err != nil {
			return nil, fmt.Errorf("store: approver: %w", err)
		}
		m[st] = h
	}
	return func(st model.ApprovalStep) int64 { return m[st] }, nil
}

// proposerEmployee returns the employee behind the account that proposed
// an item (0: an account without a record).
func proposerEmployee(ctx context.Context, q queryer, userID int64) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(employee_id, 0) FROM app_user WHERE id = $1`, userID).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

// advance moves an item past the step after (StepNone: at submission) to
// the next step that needs a decision, telling its approver, or approves
// it when none is left.
func (s *Store) advance(ctx context.Context, tx *sql.Tx, a model.Actor, it *model.PlanItem, after model.ApprovalStep) error {
	set, err := loadSettings(ctx, tx)
	if err != nil {
		return err
	}
	chain := set.Chain()
	holders, err := s.chainHolders(ctx, tx, it.EmployeeID, chain)
	if err != nil {
		return err
	}
	proposer, err := proposerEmployee(ctx, tx, it.ProposerID)
	if err != nil {
		return err
	}
	next, who := model.NextApproval(chain, holders, after, it.EmployeeID, proposer)
	if next == model.StepNone {
		return s.approveFinal(ctx, tx, it)
	}
	if err := s.setPlanStatus(ctx, tx, it, model.PlanSubmitted, next); err != nil {
		return err
	}
	_, err = s.notify(ctx, tx, Notice{EmployeeID: who, Event: model.NoticeApprovalNeeded,
		Args: []string{it.EmployeeName, it.Title, i18n.Term("plan.step." + next.Name())}, Link: fmt.Sprintf("/persetujuan/%d", it.ID)})
	return err
}

// approveFinal gives an item its final approval: enrolment (enrolApproved,
// in this transaction) and word to the employee.
func (s *Store) approveFinal(ctx context.Context, tx *sql.Tx, it *model.PlanItem) error {
	if err := s.setPlanStatus(ctx, tx, it, model.PlanApproved, model.StepNone); err != nil {
		return err
	}
	if err := s.enrolApproved(ctx, tx, it.ID); err != nil {
		return err
	}
	return s.tellDecision(ctx, tx, it, model.DecisionApprove, "")
}

func (s *Store) tellDecision(ctx context.Context, tx *sql.Tx, it *model.PlanItem, d model.Decision, reason string) error {
	_, err := s.notify(ctx, tx, Notice{EmployeeID: it.EmployeeID, Event: model.NoticeDecisionMade,
		Args: []string{it.Title, i18n.Term("plan.decision." + string(d)), reason}, Link: fmt.Sprintf("/rencana?tahun=%d", it.Year)})
	return err
}

// submitTx sends it into the chain: a decision row for the submission, then
// the first step that needs a decision.
func (s *Store) submitTx(ctx context.Context, tx *sql.Tx, a model.Actor, it *model.PlanItem) error {
	if err := s.addDecision(ctx, tx, a, it.ID, model.StepNone, model.DecisionSubmit, "", 0, false); err != nil {
		return err
	}
	if err := s.audit(ctx, tx, a, "plan.submit", "plan_item", it.ID, map[string]string{"status": string(it.Status)}); err != nil {
		return err
	}
	if it.EmployeeName == "" {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM employee WHERE id = $1`, it.EmployeeID).Scan(&it.EmployeeName); err != nil {
			return err
		}
	}
	return s.advance(ctx, tx, a, it, model.StepNone)
}

// DecidePlanItem records the decision of the employee me on an item waiting
// at a step whose post they hold: approve (to the next step, or approved
// and enrolled), reject (with a reason), or ask to change (back to the
// proposer, with a reason). An item waiting for someone else is "not
// found", as the policy answers; one decided meanwhile is a conflict.
func (s *Store) DecidePlanItem(ctx context.Context, a model.Actor, me, id int64, d model.Decision, reason string) error {
	reason = strings.TrimSpace(reason)
	if err := model.CheckDecision(d, reason); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		it, err := planItemTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if it.Status != model.PlanSubmitted || me == 0 {
			return apperr.New(apperr.ENOTFOUND, "err.plan.not_found", id)
		}
		h, err := s.stepHolder(ctx, tx, it.EmployeeID, it.Step)
		if err != nil {
			return err
		}
		if h != me || me == it.EmployeeID {
			return apperr.New(apperr.ENOTFOUND, "err.plan.not_found", id)
		}
		acting, err := s.actsAbove(ctx, tx, me, it.EmployeeID)
		if err != nil {
			return err
		}
		step := it.Step
		if err := s.addDecision(ctx, tx, a, id, step, d, reason, me, acting); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, a, "plan.decide", "plan_item", id, map[string]any{"step": int(step), "decision": string(d),
			"reason": reason, "acting": acting}); err != nil {
			return err
		}
		switch d {
		case model.DecisionApprove:
			return s.advance(ctx, tx, a, it, step)
		case model.DecisionReject:
			err = s.setPlanStatus(ctx, tx, it, model.PlanRejected, model.StepNone)
		default:
			err = s.setPlanStatus(ctx, tx, it, model.PlanChange, model.StepNone)
		}
		if err != nil {
			return err
		}
		if err := s.tellDecision(ctx, tx, it, d, reason); err != nil {
			return err
		}
		// A change asked for goes back to the proposer, who may be the
		// supervisor or an administrator rather than the employee.
		if proposer, err := proposerEmployee(ctx, tx, it.ProposerID); err != nil || proposer == it.EmployeeID || it.ProposerID == 0 {
			return err
		}
		_, err = s.notify(ctx, tx, Notice{UserID: it.ProposerID, Event: model.NoticeDecisionMade,
			Args: []string{it.Title, i18n.Term("plan.decision." + string(d)), reason}, Link: fmt.Sprintf("/pegawai/%d/rencana?tahun=%d", it.EmployeeID, it.Year)})
		return err
	})
}

// ApprovalsWaiting returns every item waiting for the employee me: at the
// supervisor step of those whose stored supervisor they are, and at the
// OPD-head step of the OPDs they head today (as holder, or as Plt./Plh.
// of a post without an active holder). Both reads start from the
// approver: their reports (employee_supervisor), or their OPD's units and
// staff (org_unit_path, employee_unit), each probing the partial index
// plan_item_waiting (step, employee_id); never the whole plan table.
func (s *Store) ApprovalsWaiting(ctx context.Context, me int64) ([]model.PlanItem, error) {
	if me == 0 {
		return nil, nil
	}
	// CROSS JOIN fixes SQLite's join order (PostgreSQL plans it freely):
	// without statistics SQLite would start from every item waiting at the
	// step in the whole government.
	items, err := queryAll(ctx, preparedReads{s}, `SELECT `+planCols+` FROM employee e CROSS JOIN plan_item pi
		LEFT JOIN training_session s ON s.id = pi.session_id
		WHERE e.supervisor_id = $1 AND pi.employee_id = e.id AND pi.status = 'diajukan' AND pi.step = 1 ORDER BY pi.id`, []any{me}, scanPlanItem)
	if err != nil {
		return nil, fmt.Errorf("store: approvals: %w", err)
	}
	units, err := s.UnitsHeadedBy(ctx, me)
	if err != nil {
		return nil, err
	}
	for _, head := range units {
		// A unit not marked opd below the root's children is never its own
		// OPD (model.OPDOf): most heads (a kabid, a kasubbag) need no
		// more reading.
		if head.Kind != model.UnitOPD && len(model.PathIDs(head.Path)) > 2 {
			continue
		}
		opd, _, err := opdsOf(ctx, preparedReads{s}, head.Path, head.Path)
		if err != nil || opd != head.ID {
			if err != nil {
				return nil, err
			}
			continue
		}
		if h, _, err := s.unitHead(ctx, preparedReads{s}, head.ID); err != nil || h != me {
			if err != nil {
				return nil, err
			}
			continue
		}
		// The OPD's people: its subtree, less the subtrees of OPDs nested
		// in it (a UPT marked opd has a head of its own, model.OPDOf).
		var a args
		more, err := queryAll(ctx, preparedReads{s}, `SELECT `+planCols+` FROM org_unit u CROSS JOIN employee e CROSS JOIN plan_item pi
			LEFT JOIN training_session s ON s.id = pi.session_id
			WHERE `+pathRange("u.path", head.Path, &a)+` AND e.unit_id = u.id AND pi.employee_id = e.id
			AND pi.status = 'diajukan' AND pi.step = 2 AND pi.employee_id <> `+a.add(me)+`
			AND NOT EXISTS (SELECT 1 FROM org_unit o WHERE o.kind = 'opd' AND `+pathRange("o.path", head.Path, &a)+`
				AND o.id <> `+a.add(head.ID)+` AND substr(u.path, 1, length(o.path)) = o.path)
			ORDER BY pi.id`, a, scanPlanItem)
		if err != nil {
			return nil, fmt.Errorf("store: approvals: %w", err)
		}
		items = append(items, more...)
	}
	return items, nil
}
