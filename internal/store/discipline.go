package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Discipline penalty levels of PP 94/2021.
const (
	PenaltyRingan = "ringan" // light: reprimands; no period
	PenaltySedang = "sedang" // moderate: cut of the performance allowance for 6, 9 or 12 months
	PenaltyBerat  = "berat"  // heavy: demotion or removal from post for 12 months, dismissal
)

// PenaltyLevels lists the levels in order of weight.
var PenaltyLevels = []string{PenaltyRingan, PenaltySedang, PenaltyBerat}

// DisciplinePenalty is one recorded hukuman disiplin.
type DisciplinePenalty struct {
	ID         int64
	EmployeeID int64
	Level      string
	Kind       string // the penalty as the decree names it, e.g. "pemotongan tunjangan kinerja 25% selama 6 bulan"
	DecreeNo   string
	DecreeDate time.Time
	StartsOn   time.Time
	EndsOn     time.Time
	Revoked    bool
	RevokeNote string
}

// Excludes says whether the penalty keeps its holder out of the succession
// pool on day: a moderate or heavy penalty, not revoked, in force that day.
func (p *DisciplinePenalty) Excludes(day time.Time) bool {
	d := day.Format(isoDate)
	return !p.Revoked && p.Level != PenaltyRingan &&
		p.StartsOn.Format(isoDate) <= d && d <= p.EndsOn.Format(isoDate)
}

const isoDate = "2006-01-02"

// Longest penalty texts, as the form's maxlength says.
const (
	penaltyMaxKind     = 200
	penaltyMaxDecreeNo = 100
	penaltyMaxNote     = 300
)

// validate checks a penalty before it is stored, naming the field at fault.
func (p *DisciplinePenalty) validate() error {
	p.Kind, p.DecreeNo = strings.TrimSpace(p.Kind), strings.TrimSpace(p.DecreeNo)
	switch p.Level {
	case PenaltyRingan, PenaltySedang, PenaltyBerat:
	default:
		return apperr.Invalid("level", "err.penalty.level_unknown", p.Level)
	}
	if utf8.RuneCountInString(p.Kind) > penaltyMaxKind {
		return apperr.Invalid("kind", "err.penalty.penalty_kind_at_most", penaltyMaxKind)
	}
	if p.DecreeNo == "" {
		return apperr.Invalid("decree_no", "err.penalty.penalty_decree_number_required")
	}
	if utf8.RuneCountInString(p.DecreeNo) > penaltyMaxDecreeNo {
		return apperr.Invalid("decree_no", "err.penalty.decree_number_at_most", penaltyMaxDecreeNo)
	}
	if p.DecreeDate.IsZero() {
		return apperr.Invalid("decree_date", "err.penalty.decree_date_required")
	}
	if p.StartsOn.IsZero() {
		return apperr.Invalid("starts_on", "err.penalty.start_date_required")
	}
	if p.Level == PenaltyRingan && p.EndsOn.IsZero() {
		p.EndsOn = p.StartsOn // a reprimand has no period
	}
	if p.EndsOn.IsZero() {
		return apperr.Invalid("ends_on", "err.penalty.end_required", p.Level)
	}
	if p.EndsOn.Before(p.StartsOn) {
		return apperr.Invalid("ends_on", "err.penalty.end_date_before_start", p.EndsOn.Format(isoDate), p.StartsOn.Format(isoDate))
	}
	if p.StartsOn.Before(p.DecreeDate) {
		return apperr.Invalid("starts_on", "err.penalty.starts_before_decree", p.StartsOn.Format(isoDate), p.DecreeDate.Format(isoDate))
	}
	return nil
}

// AddPenalty records a penalty for p.EmployeeID, audited in the same
// transaction. Callers check that the actor administers the employee.
func (s *Store) AddPenalty(ctx context.Context, a model.Actor, p *DisciplinePenalty) error {
	if err := p.validate(); err != nil {
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
	note = strings.TrimSpace(note)
	if note == "" {
		return apperr.Invalid("note", "err.penalty.reason_revoking_required")
	}
	if utf8.RuneCountInString(note) > penaltyMaxNote {
		return apperr.Invalid("note", "err.penalty.reason_revoking_at_most", penaltyMaxNote)
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
func (s *Store) Penalties(ctx context.Context, employeeID int64) ([]DisciplinePenalty, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, employee_id, level, kind, decree_no, decree_date, starts_on, ends_on,
		revoked_at IS NOT NULL, revoke_note FROM discipline_penalty WHERE employee_id = $1 ORDER BY starts_on DESC, id DESC`, employeeID)
	if err != nil {
		return nil, fmt.Errorf("store: penalties: %w", err)
	}
	defer rows.Close()
	var out []DisciplinePenalty
	for rows.Next() {
		var p DisciplinePenalty
		var decree, starts, ends string
		if err := rows.Scan(&p.ID, &p.EmployeeID, &p.Level, &p.Kind, &p.DecreeNo, &decree, &starts, &ends, &p.Revoked, &p.RevokeNote); err != nil {
			return nil, err
		}
		p.DecreeDate, p.StartsOn, p.EndsOn = parseDate(decree), parseDate(starts), parseDate(ends)
		out = append(out, p)
	}
	return out, rows.Err()
}

// excludedSQL is the talent map's test for a moderate or heavy penalty in
// force on day (an ISO date marker) for employee e.
func excludedSQL(day string) string {
	return `EXISTS (SELECT 1 FROM discipline_penalty d WHERE d.employee_id = e.id AND d.level IN ('sedang', 'berat')
		AND d.revoked_at IS NULL AND d.starts_on <= ` + day + ` AND d.ends_on >= ` + day + `)`
}
