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
		return s.setAgreementTx(ctx, tx, a, ag, 0)
	})
}

// setAgreementTx writes one agreement when it changed; importID names the
// import event it came with (0: none).
func (s *Store) setAgreementTx(ctx context.Context, tx *sql.Tx, a model.Actor, ag model.PPPKAgreement, importID int64) error {
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
	detail := map[string]any{"start": ch["start"], "end": ch["end"]}
	if importID != 0 {
		detail["import"] = importID
	}
	return s.audit(ctx, tx, a, "employee.agreement", "employee", ag.EmployeeID, detail)
}

// EmployeeKinds returns PNS or PPPK of the given employees, by ID (an
// agreement file's rows are checked against it).
func (s *Store) EmployeeKinds(ctx context.Context, ids []int64) (map[int64]model.EmployeeKind, error) {
	out := make(map[int64]model.EmployeeKind, len(ids))
	for start := 0; start < len(ids); start += 500 {
		chunk := ids[start:min(start+500, len(ids))]
		var a args
		var id int64
		var kind string
		if err := eachRow(ctx, s.db, `SELECT id, kind FROM employee WHERE id IN (`+inList(&a, chunk)+`)`, a, []any{&id, &kind},
			func() { out[id] = model.EmployeeKind(kind) }); err != nil {
			return nil, fmt.Errorf("store: employee kinds: %w", err)
		}
	}
	return out, nil
}

// ApplyAgreements writes PPPK work agreements from an import in one
// transaction: the import's one "import.agreement" event (with the file),
// and for each agreement that changed an "employee.agreement" row naming
// it, as SetAgreement audits one.
func (s *Store) ApplyAgreements(ctx context.Context, a model.Actor, ev TalentImportEvent, list []model.PPPKAgreement) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		eventID, err := s.auditTalentImport(ctx, tx, a, ev, map[string]any{"written": len(list)})
		if err != nil {
			return err
		}
		for _, ag := range list {
			if err := s.setAgreementTx(ctx, tx, a, ag, eventID); err != nil {
				return err
			}
		}
		return nil
	})
}
