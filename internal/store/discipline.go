package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
)

// isoDate is how the store writes a date: ISO text, which sorts and
// compares in SQL as the dates do.
const isoDate = time.DateOnly

// AddPenalty records a penalty for p.EmployeeID, checked by
// model.DisciplinePenalty.Validate, audited in the same transaction.
// Callers check that the actor may record it (policy.PenaltyWrite).
func (s *Store) AddPenalty(ctx context.Context, a model.Actor, p *model.DisciplinePenalty) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee WHERE id = $1`, p.EmployeeID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", p.EmployeeID)
		}
		id, err := insertID(ctx, tx, `INSERT INTO discipline_penalty (employee_id, level, kind, decree_no, decree_date, starts_on, ends_on, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, p.EmployeeID, p.Level, p.Kind, p.DecreeNo,
			p.DecreeDate.Format(isoDate), p.StartsOn.Format(isoDate), p.EndsOn.Format(isoDate), s.Now().Unix())
		if err != nil {
			return fmt.Errorf("store: add penalty: %w", err)
		}
		p.ID = id
		// The audit log is read by auditors too, who do not see penalties:
		// it names the row, which keeps the content and is never deleted.
		return s.audit(ctx, tx, a, "discipline.add", "employee", p.EmployeeID, map[string]any{"penalty": id})
	})
}

// RevokePenalty marks a penalty of employeeID as revoked (annulled on
// appeal or corrected), with the reason; the row stays for the record.
func (s *Store) RevokePenalty(ctx context.Context, a model.Actor, employeeID, penaltyID int64, note string) error {
	note, err := model.RevokeNote(note)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE discipline_penalty SET revoked_at = $1, revoke_note = $2
			WHERE id = $3 AND employee_id = $4 AND revoked_at IS NULL`, s.Now().Unix(), note, penaltyID, employeeID)
		if err != nil {
			return fmt.Errorf("store: revoke penalty: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.ENOTFOUND, "err.penalty.not_found_or_revoked", penaltyID, employeeID)
		}
		return s.audit(ctx, tx, a, "discipline.revoke", "employee", employeeID, map[string]any{"penalty": penaltyID}) // the reason stays in the row
	})
}

// Penalties returns an employee's penalties, newest first.
func (s *Store) Penalties(ctx context.Context, employeeID int64) ([]model.DisciplinePenalty, error) {
	var out []model.DisciplinePenalty
	var p model.DisciplinePenalty
	var decree, starts, ends string
	if err := eachRow(ctx, s.db, `SELECT id, employee_id, level, kind, decree_no, decree_date, starts_on, ends_on,
		revoked_at IS NOT NULL, revoke_note FROM discipline_penalty WHERE employee_id = $1 ORDER BY starts_on DESC, id DESC`, []any{employeeID}, []any{&p.ID, &p.EmployeeID, &p.Level, &p.Kind, &p.DecreeNo, &decree, &starts, &ends, &p.Revoked, &p.RevokeNote}, func() {
		p.DecreeDate, p.StartsOn, p.EndsOn = date.ParseStored(decree), date.ParseStored(starts), date.ParseStored(ends)
		out = append(out, p)
	}); err != nil {
		return nil, fmt.Errorf("store: penalties: %w", err)
	}
	return out, nil
}

// excludedSQL is the talent map's test for a moderate or heavy penalty in
// force on day (an ISO date marker) for employee e.
func excludedSQL(day string) string {
	return `EXISTS (SELECT 1 FROM discipline_penalty d WHERE d.employee_id = e.id AND d.level IN ('sedang', 'berat')
		AND d.revoked_at IS NULL AND d.starts_on <= ` + day + ` AND d.ends_on >= ` + day + `)`
}
