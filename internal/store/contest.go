package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// AddContest records an employee's objection to their JPM, a level or
// their 9-box placement (model.Contest.Validate), audited on the employee.
// Callers let only the employee contest their own results. A level is
// contested only for a competency of their position's current standard.
func (s *Store) AddContest(ctx context.Context, a model.Actor, c *model.Contest) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if c.CompetencyID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee e
				JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
				JOIN standard_item si ON si.standard_id = ps.id WHERE e.id = $1 AND si.competency_id = $2`,
				c.EmployeeID, c.CompetencyID).Scan(&n); err != nil {
				return fmt.Errorf("store: contest: %w", err)
			}
			if n == 0 {
				return apperr.Invalid("competency", "err.contest.competency_not_in_standard")
			}
		}
		id, err := insertID(ctx, tx, `INSERT INTO data_contest (employee_id, subject, competency_id, note, created_at)
			VALUES ($1, $2, $3, $4, $5)`, c.EmployeeID, c.Subject, nullID(c.CompetencyID), c.Note, s.Now().Unix())
		if isForeignKeyViolation(err) {
			return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", c.EmployeeID)
		}
		if err != nil {
			return fmt.Errorf("store: add contest: %w", err)
		}
		c.ID, c.CreatedAt = id, unixTime(s.Now().Unix())
		return s.audit(ctx, tx, a, "contest.add", "employee", c.EmployeeID, map[string]any{"contest": id,
			"subject": c.Subject, "competency_id": c.CompetencyID})
	})
}

// AnswerContest records the administrator's answer to an open contest of
// an employee in admin (what the answerer administers; never one's own,
// self: the answerer's employee ID), audited on the employee.
func (s *Store) AnswerContest(ctx context.Context, a model.Actor, admin model.Scope, self, id int64, answer string) error {
	answer = strings.TrimSpace(answer)
	if err := model.ContestText("answer", answer); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var emp int64
		var path string
		var answered sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT c.employee_id, u.path, c.answered_at FROM data_contest c
			JOIN employee e ON e.id = c.employee_id JOIN org_unit u ON u.id = e.unit_id WHERE c.id = $1`, id).Scan(&emp, &path, &answered)
		if err != nil || !admin.Contains(path) || emp == self {
			if err != nil && err != sql.ErrNoRows {
				return fmt.Errorf("store: answer contest: %w", err)
			}
			return apperr.New(apperr.ENOTFOUND, "err.contest.not_found", id)
		}
		if answered.Valid {
			return apperr.New(apperr.ECONFLICT, "err.contest.answered")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE data_contest SET answer = $1, answered_at = $2, answered_by = $3 WHERE id = $4`,
			answer, s.Now().Unix(), actorName(a), id); err != nil {
			return fmt.Errorf("store: answer contest: %w", err)
		}
		return s.audit(ctx, tx, a, "contest.answer", "employee", emp, map[string]any{"contest": id})
	})
}

// ContestFilter selects contests: of one employee, or of the employees in
// Admin (the answerer's list), only the open ones with Open.
type ContestFilter struct {
	EmployeeID int64
	Admin      *model.Scope
	Open       bool
	Limit      int // 0: 200
}

// Contests lists contests, newest first.
func (s *Store) Contests(ctx context.Context, f ContestFilter) ([]model.Contest, error) {
	var b args
	where := ` WHERE 1 = 1`
	if f.EmployeeID != 0 {
		where += ` AND c.employee_id = ` + b.add(f.EmployeeID)
	}
	if f.Admin != nil {
		where += ` AND ` + scopeClause(*f.Admin, &b)
	}
	if f.Open {
		where += ` AND c.answered_at IS NULL`
	}
	if f.Limit <= 0 {
		f.Limit = 200
	}
	var out []model.Contest
	var c model.Contest
	var created int64
	var answered sql.NullInt64
	if err := eachRow(ctx, s.db, `SELECT c.id, c.employee_id, c.subject, COALESCE(c.competency_id, 0), COALESCE(k.name, ''), c.note,
		c.created_at, c.answer, c.answered_at, c.answered_by, e.name, e.nip
		FROM data_contest c JOIN employee e ON e.id = c.employee_id LEFT JOIN competency k ON k.id = c.competency_id`+where+
		` ORDER BY c.id DESC LIMIT `+b.add(f.Limit), b, []any{&c.ID, &c.EmployeeID, &c.Subject, &c.CompetencyID, &c.CompetencyName, &c.Note,
		&created, &c.Answer, &answered, &c.AnsweredBy, &c.EmployeeName, &c.EmployeeNIP}, func() {
		c.CreatedAt, c.AnsweredAt = unixTime(created), time.Time{}
		if answered.Valid {
			c.AnsweredAt = unixTime(answered.Int64)
		}
		out = append(out, c)
	}); err != nil {
		return nil, fmt.Errorf("store: contests: %w", err)
	}
	return out, nil
}
