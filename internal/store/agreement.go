package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Agreement returns a PPPK's work agreement; ok is false when none is
// recorded.
func (s *Store) Agreement(ctx context.Context, employeeID int64) (ag model.PPPKAgreement, ok bool, err error) {
	ag.EmployeeID = employeeID
	err = s.db.QueryRowContext(ctx, `SELECT start_date, end_date FROM pppk_agreement WHERE employee_id = $1`, employeeID).Scan(&ag.Start, &ag.End)
	if errors.Is(err, sql.ErrNoRows) {
		return ag, false, nil
	}
	if err != nil {
		return ag, false, fmt.Errorf("store: agreement of %d: %w", employeeID, err)
	}
	return ag, true, nil
}

// SetAgreement records a PPPK's work agreement (start and end), audited
// with what changed. A PNS has none: refused.
func (s *Store) SetAgreement(ctx context.Context, a model.Actor, ag model.PPPKAgreement) error {
	if err := ag.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.setAgreementTx(ctx, tx, a, ag)
	})
}

func (s *Store) setAgreementTx(ctx context.Context, tx *sql.Tx, a model.Actor, ag model.PPPKAgreement) error {
	var kind string
	if err := tx.QueryRowContext(ctx, `SELECT kind FROM employee WHERE id = $1`, ag.EmployeeID).Scan(&kind); err != nil {
		return notFound(err, "err.common.employee_not_found", ag.EmployeeID)
	}
	if kind != string(model.PPPK) {
		return apperr.Invalid("start", "err.enrol.agreement_pns")
	}
	var was model.PPPKAgreement
	err := tx.QueryRowContext(ctx, `SELECT start_date, end_date FROM pppk_agreement WHERE employee_id = $1`, ag.EmployeeID).Scan(&was.Start, &was.End)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("store: agreement: %w", err)
	}
	ch := map[string]Change{}
	diff(ch, "start", was.Start, ag.Start)
	diff(ch, "end", was.End, ag.End)
	if len(ch) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO pppk_agreement (employee_id, start_date, end_date) VALUES ($1, $2, $3)
		ON CONFLICT (employee_id) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date`,
		ag.EmployeeID, ag.Start, ag.End); err != nil {
		return fmt.Errorf("store: agreement: %w", err)
	}
	return s.audit(ctx, tx, a, "employee.agreement", "employee", ag.EmployeeID, ch)
}
