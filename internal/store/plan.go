package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Development plans (issue 13 point 3): an employee's items per year,
// proposed by the employee, their supervisor or an administrator, and the
// way each takes through the approval chain of the settings. The faces ask
// policy.PlanRead/PlanPropose of PlanSubject's target and policy.PlanDecide
// of PlanItem's (whose Approver the store sets); the writes here trust
// that and keep the item's own rules (what may change in which status).

const planCols = `pi.id, pi.employee_id, pi.year, COALESCE(pi.programme_id, 0), COALESCE(pi.session_id, 0), pi.title, pi.form,
	pi.jp, pi.cost, COALESCE(pi.competency_id, 0), pi.purpose, pi.proposed_by, pi.proposer_id, pi.status, pi.step,
	pi.created_at, pi.updated_at, e.name, e.nip, COALESCE(s.name, ''), COALESCE(s.start_date, '')`

const planFrom = ` FROM plan_item pi JOIN employee e ON e.id = pi.employee_id
	LEFT JOIN training_session s ON s.id = pi.session_id`

func scanPlanItem(sc interface{ Scan(...any) error }, it *model.PlanItem) error {
	var created, updated int64
	err := sc.Scan(&it.ID, &it.EmployeeID, &it.Year, &it.ProgrammeID, &it.SessionID, &it.Title, &it.Form, &it.JP, &it.Cost,
		&it.CompetencyID, &it.Purpose, &it.ProposedBy, &it.ProposerID, &it.Status, &it.Step, &created, &updated,
		&it.EmployeeName, &it.EmployeeNIP, &it.SessionName, &it.SessionStart)
	it.CreatedAt, it.UpdatedAt = unixTime(created), unixTime(updated)
	return err
}

func planFields(it *model.PlanItem) map[string]string {
	return map[string]string{"employee_id": fmt.Sprint(it.EmployeeID), "year": fmt.Sprint(it.Year),
		"programme_id": fmt.Sprint(it.ProgrammeID), "session_id": fmt.Sprint(it.SessionID), "title": it.Title,
		"form": string(it.Form), "jp": fmt.Sprint(it.JP), "cost": fmt.Sprint(it.Cost), "purpose": it.Purpose,
		"proposed_by": string(it.ProposedBy), "status": string(it.Status), "step": fmt.Sprint(it.Step)}
}

// PlanSubject returns what the policy needs of the employee whose plan is
// read or added to, and the employee's name and kind.
func (s *Store) PlanSubject(ctx context.Context, employeeID int64) (policy.Target, string, model.EmployeeKind, error) {
	var t policy.Target
	var name string
	var kind model.EmployeeKind
	err := s.queryRow(ctx, `SELECT e.id, u.path, COALESCE(e.supervisor_id, 0), e.name, e.kind
		FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`, employeeID).
		Scan(&t.EmployeeID, &t.UnitPath, &t.SupervisorID, &name, &kind)
	if err != nil {
		return t, "", "", notFound(err, "err.common.employee_not_found", employeeID)
	}
	return t, name, kind, nil
}

// Plan returns the employee's items of one year with their decision trails,
// oldest first.
func (s *Store) Plan(ctx context.Context, employeeID int64, year int) ([]model.PlanItem, error) {
	items, err := queryAll(ctx, preparedReads{s}, `SELECT `+planCols+planFrom+` WHERE pi.employee_id = $1 AND pi.year = $2 ORDER BY pi.id`,
		[]any{employeeID, year}, scanPlanItem)
	if err != nil {
		return nil, fmt.Errorf("store: plan: %w", err)
	}
	if err := loadDecisions(ctx, preparedReads{s}, items); err != nil {
		return nil, err
	}
	return items, nil
}

// PlanItemsOf returns all of an employee's items, of every year, with
// their decision trails, by year (for the employee's own-data download).
func (s *Store) PlanItemsOf(ctx context.Context, employeeID int64) ([]model.PlanItem, error) {
	items, err := queryAll(ctx, s.db, `SELECT `+planCols+planFrom+` WHERE pi.employee_id = $1 ORDER BY pi.year, pi.id`,
		[]any{employeeID}, scanPlanItem)
	if err != nil {
		return nil, fmt.Errorf("store: plan items of %d: %w", employeeID, err)
	}
	if err := loadDecisions(ctx, s.db, items); err != nil {
		return nil, err
	}
	return items, nil
}

// loadDecisions fills the decision trails of items.
func loadDecisions(ctx context.Context, q queryer, items []model.PlanItem) error {
	if len(items) == 0 {
		return nil
	}
	at := map[int64]int{}
	ids := make([]int64, len(items))
	for i, it := range items {
		at[it.ID], ids[i] = i, it.ID
	}
	var a args
	var d model.PlanDecision
	var itemID, when int64
	return eachRow(ctx, q, `SELECT d.item_id, d.step, d.decision, d.reason, d.by_user_id, COALESCE(d.by_employee_id, 0),
		COALESCE(e.name, u.username, ''), d.acting, d.at
		FROM plan_decision d LEFT JOIN employee e ON e.id = d.by_employee_id LEFT JOIN app_user u ON u.id = d.by_user_id
		WHERE d.item_id IN (`+inList(&a, ids)+`) ORDER BY d.item_id, d.id`, a,
		[]any{&itemID, &d.Step, &d.Decision, &d.Reason, &d.ByUserID, &d.ByEmployee, &d.ByName, &d.Acting, &when}, func() {
			d.At = unixTime(when)
			it := &items[at[itemID]]
			it.Decisions = append(it.Decisions, d)
		})
}

// PlanItem returns one item with its decision trail and the policy target:
// the employee, and Approver when the employee me holds the post of the
// step the item waits at.
func (s *Store) PlanItem(ctx context.Context, id, me int64) (*model.PlanItem, policy.Target, error) {
	var t policy.Target
	it, err := planItemTx(ctx, preparedReads{s}, id)
	if err != nil {
		return nil, t, err
	}
	items := []model.PlanItem{*it}
	if err := loadDecisions(ctx, preparedReads{s}, items); err != nil {
		return nil, t, err
	}
	it = &items[0]
	t, _, _, err = s.PlanSubject(ctx, it.EmployeeID)
	if err != nil {
		return nil, t, err
	}
	if me != 0 && it.Status == model.PlanSubmitted {
		h, err := s.stepHolder(ctx, preparedReads{s}, it.EmployeeID, it.Step)
		if err != nil {
			return nil, t, err
		}
		t.Approver = h == me
	}
	return it, t, nil
}

func planItemTx(ctx context.Context, q queryer, id int64) (*model.PlanItem, error) {
	var it model.PlanItem
	if err := scanPlanItem(q.QueryRowContext(ctx, `SELECT `+planCols+planFrom+` WHERE pi.id = $1`, id), &it); err != nil {
		return nil, notFound(err, "err.plan.not_found", id)
	}
	return &it, nil
}

// ProposePlanItem adds an item to an employee's plan as a draft, or
// submitted at once when submit is set. A catalogue item takes its title,
// form, JP and cost from its programme (active), and a session only of that
// programme and still scheduled; the same programme twice in one year's
// plan is refused unless the first was rejected or cancelled.
func (s *Store) ProposePlanItem(ctx context.Context, a model.Actor, it *model.PlanItem, submit bool) error {
	year, _ := strconv.Atoi(s.today()[:4])
	if err := it.Validate(year); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM employee WHERE id = $1`, it.EmployeeID).Scan(&one); err != nil {
			return notFound(err, "err.common.employee_not_found", it.EmployeeID)
		}
		if err := fillFromCatalogue(ctx, tx, it); err != nil {
			return err
		}
		now := s.Now()
		it.Status, it.Step, it.ProposerID, it.CreatedAt, it.UpdatedAt = model.PlanDraft, model.StepNone, a.UserID, now, now
		id, err := insertID(ctx, tx, `INSERT INTO plan_item (employee_id, year, programme_id, session_id, title, form, jp, cost,
			competency_id, purpose, proposed_by, proposer_id, status, step, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $14)`, it.EmployeeID, it.Year,
			nullID(it.ProgrammeID), nullID(it.SessionID), it.Title, string(it.Form), it.JP, it.Cost, nullID(it.CompetencyID),
			it.Purpose, string(it.ProposedBy), a.UserID, string(it.Status), now.Unix())
		if err != nil {
			return fmt.Errorf("store: propose plan item: %w", err)
		}
		it.ID = id
		if err := s.audit(ctx, tx, a, "plan.propose", "plan_item", id, planFields(it)); err != nil {
			return err
		}
		if submit {
			return s.submitTx(ctx, tx, a, it)
		}
		return nil
	})
}

// fillFromCatalogue checks a catalogue item's programme and session and
// copies the programme's title, form, JP and cost into the item (the plan
// keeps what was proposed even when the catalogue changes later).
func fillFromCatalogue(ctx context.Context, tx *sql.Tx, it *model.PlanItem) error {
	if it.ProgrammeID == 0 {
		return nil
	}
	var active bool
	err := tx.QueryRowContext(ctx, `SELECT title, form, jp, cost, active FROM programme WHERE id = $1`, it.ProgrammeID).
		Scan(&it.Title, &it.Form, &it.JP, &it.Cost, &active)
	if err != nil || !active {
		if err == nil {
			err = sql.ErrNoRows
		}
		return notFound(err, "err.catalogue.programme_not_found", it.ProgrammeID)
	}
	if it.SessionID != 0 {
		var prog int64
		var status string
		err := tx.QueryRowContext(ctx, `SELECT programme_id, status FROM training_session WHERE id = $1`, it.SessionID).Scan(&prog, &status)
		if err != nil || prog != it.ProgrammeID {
			if err == nil {
				err = sql.ErrNoRows
			}
			return notFound(err, "err.plan.session_not_found", it.SessionID)
		}
		if status != model.SessionScheduled {
			return apperr.Invalid("session", "err.plan.session_closed")
		}
	}
	var dup int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM plan_item WHERE employee_id = $1 AND year = $2 AND programme_id = $3
		AND id <> $4 AND status NOT IN ('ditolak', 'dibatalkan')`, it.EmployeeID, it.Year, it.ProgrammeID, it.ID).Scan(&dup); err != nil {
		return err
	}
	if dup > 0 {
		return apperr.New(apperr.ECONFLICT, "err.plan.duplicate", it.Title, it.Year)
	}
	return nil
}

// UpdatePlanItem saves the proposer's changes to an item still a draft or
// sent back for change, auditing what changed.
func (s *Store) UpdatePlanItem(ctx context.Context, a model.Actor, it *model.PlanItem) error {
	year, _ := strconv.Atoi(s.today()[:4])
	if err := it.Validate(year); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := planItemTx(ctx, tx, it.ID)
		if err != nil {
			return err
		}
		if !old.Editable() {
			return apperr.New(apperr.ECONFLICT, "err.plan.not_editable")
		}
		it.EmployeeID, it.ProposedBy, it.ProposerID, it.Status = old.EmployeeID, old.ProposedBy, old.ProposerID, old.Status
		if err := fillFromCatalogue(ctx, tx, it); err != nil {
			return err
		}
		ch := changes(planFields(old), planFields(it))
		if len(ch) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE plan_item SET year = $2, programme_id = $3, session_id = $4, title = $5, form = $6,
			jp = $7, cost = $8, competency_id = $9, purpose = $10, updated_at = $11 WHERE id = $1`, it.ID, it.Year,
			nullID(it.ProgrammeID), nullID(it.SessionID), it.Title, string(it.Form), it.JP, it.Cost, nullID(it.CompetencyID),
			it.Purpose, s.Now().Unix()); err != nil {
			return fmt.Errorf("store: update plan item: %w", err)
		}
		return s.audit(ctx, tx, a, "plan.update", "plan_item", it.ID, ch)
	})
}

// SubmitPlanItem sends a draft, or an item changed as asked, into the
// approval chain.
func (s *Store) SubmitPlanItem(ctx context.Context, a model.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		it, err := planItemTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if !it.Editable() {
			return apperr.New(apperr.ECONFLICT, "err.plan.not_editable")
		}
		return s.submitTx(ctx, tx, a, it)
	})
}

// CancelPlanItem withdraws an item not yet enrolled, decided against or
// done: a draft, one waiting or sent back, or an approved one without a
// place yet.
func (s *Store) CancelPlanItem(ctx context.Context, a model.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		it, err := planItemTx(ctx, tx, id)
		if err != nil {
			return err
		}
		switch it.Status {
		case model.PlanDraft, model.PlanSubmitted, model.PlanChange, model.PlanApproved:
		default:
			return apperr.New(apperr.ECONFLICT, "err.plan.not_cancellable")
		}
		if err := s.setPlanStatus(ctx, tx, it, model.PlanCancelled, model.StepNone); err != nil {
			return err
		}
		if err := s.addDecision(ctx, tx, a, it.ID, it.Step, model.DecisionCancel, "", 0, false); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "plan.cancel", "plan_item", id, map[string]string{"status": string(it.Status)})
	})
}

// setPlanStatus moves an item from the status it was read in; a
// concurrent change in between (another approver's click) is a conflict.
func (s *Store) setPlanStatus(ctx context.Context, tx *sql.Tx, it *model.PlanItem, to model.PlanStatus, step model.ApprovalStep) error {
	res, err := tx.ExecContext(ctx, `UPDATE plan_item SET status = $2, step = $3, updated_at = $4 WHERE id = $1 AND status = $5 AND step = $6`,
		it.ID, string(to), int(step), s.Now().Unix(), string(it.Status), int(it.Step))
	if err != nil {
		return fmt.Errorf("store: plan item status: %w", err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return apperr.New(apperr.ECONFLICT, "err.plan.changed")
	}
	it.Status, it.Step = to, step
	return nil
}

func (s *Store) addDecision(ctx context.Context, tx *sql.Tx, a model.Actor, itemID int64, step model.ApprovalStep, d model.Decision,
	reason string, byEmployee int64, acting bool) error {
	if byEmployee == 0 {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(employee_id, 0) FROM app_user WHERE id = $1`, a.UserID).Scan(&byEmployee); err != nil &&
			err != sql.ErrNoRows {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO plan_decision (item_id, step, decision, reason, by_user_id, by_employee_id, acting, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, itemID, int(step), string(d), reason, a.UserID, nullID(byEmployee), acting, s.Now().Unix())
	if err != nil {
		return fmt.Errorf("store: plan decision: %w", err)
	}
	return nil
}
