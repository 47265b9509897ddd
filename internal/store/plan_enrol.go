package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// enrolApproved is called inside the transaction that gives a plan item its
// final approval (or a nomination): when the item names a session, the
// employee is enrolled there or put on its waiting list, and the item
// becomes terdaftar. When the session cannot take them (its window closed,
// it was cancelled, they already hold a place) the item stays disetujui:
// the approval must not fail for it, and the person or an admin enrols
// into another session later. The approver's audit row names who decided;
// the enrolment's own row is written as the system.
func (s *Store) enrolApproved(ctx context.Context, tx *sql.Tx, itemID int64) error {
	var emp int64
	var sess sql.NullInt64
	var proposedBy string
	if err := tx.QueryRowContext(ctx, `SELECT employee_id, session_id, proposed_by FROM plan_item WHERE id = $1`, itemID).
		Scan(&emp, &sess, &proposedBy); err != nil {
		return fmt.Errorf("store: plan item %d: %w", itemID, err)
	}
	if !sess.Valid {
		return nil
	}
	source := model.EnrolFromPlan
	if proposedBy == "admin" {
		source = model.EnrolFromNomination
	}
	_, err := s.enrolTx(ctx, tx, model.Actor{Name: "system"}, sess.Int64, emp, itemID, source)
	if c := apperr.Code(err); c == apperr.ECONFLICT {
		return nil
	}
	if err != nil {
		return err
	}
	return setPlanStatus(ctx, tx, itemID, model.PlanEnrolled, s.Now().Unix())
}

// EnrolPlanItem enrols the person of an approved plan item into the session
// it names (the person's own "enrol me" on the session page, after the
// window opened). Callers check that the principal is that person or may
// manage their enrolments.
func (s *Store) EnrolPlanItem(ctx context.Context, a model.Actor, itemID int64) (*model.Enrolment, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var emp int64
		var sess sql.NullInt64
		var status, proposedBy string
		if err := tx.QueryRowContext(ctx, `SELECT employee_id, session_id, status, proposed_by FROM plan_item WHERE id = $1`, itemID).
			Scan(&emp, &sess, &status, &proposedBy); err != nil {
			return notFound(err, "err.enrol.plan_item_not_found", itemID)
		}
		if status != string(model.PlanApproved) || !sess.Valid {
			return apperr.New(apperr.ECONFLICT, "err.enrol.plan_not_approved")
		}
		source := model.EnrolFromPlan
		if proposedBy == "admin" {
			source = model.EnrolFromNomination
		}
		var err error
		if id, err = s.enrolTx(ctx, tx, a, sess.Int64, emp, itemID, source); err != nil {
			return err
		}
		return setPlanStatus(ctx, tx, itemID, model.PlanEnrolled, s.Now().Unix())
	})
	if err != nil {
		return nil, err
	}
	return s.Enrolment(ctx, id)
}

// ApprovedItemFor returns the ID of the person's approved plan item that
// names the session (0: none), which lets them enrol themselves.
func (s *Store) ApprovedItemFor(ctx context.Context, employeeID, sessionID int64) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM plan_item WHERE employee_id = $1 AND session_id = $2 AND status = $3 ORDER BY id LIMIT 1`,
		employeeID, sessionID, string(model.PlanApproved)).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}
