package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Answering a survey: an active employee placed in the survey's subtree
// answers while it is open, once; answering again replaces the previous
// answer (the response keeps its ID and creation time). An employee outside
// the subtree is told the survey does not exist.

// SurveyResponse is one employee's stored answer to a survey.
type SurveyResponse struct {
	ID                   int64
	CreatedAt, UpdatedAt time.Time
	Answers              map[int64]model.SurveyAnswer // by question ID
}

// MySurvey is a survey as an employee's list shows it.
type MySurvey struct {
	model.Survey
	Answered   bool
	AnsweredAt time.Time // last change of the answer
}

// eligibleSQL is true when employee $1 is active and placed in the subtree
// of survey s's scope unit u.
const eligibleSQL = `EXISTS (SELECT 1 FROM employee e JOIN org_unit eu ON eu.id = e.unit_id
	WHERE e.id = $1 AND e.status = 'aktif' AND eu.path >= u.path AND eu.path < SUBSTR(u.path, 1, LENGTH(u.path) - 1) || '0')`

// MySurveys lists the surveys employee employeeID is asked to answer and
// that are open on today (YYYY-MM-DD) with at least one question, plus
// every survey they answered: open ones first by closing date, then the
// closed ones, most recently closed first.
func (s *Store) MySurveys(ctx context.Context, employeeID int64, today string) ([]MySurvey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.title, s.intro, s.scope_unit_id, u.name, u.path, s.opens_on, s.closes_on, s.created_at, s.created_by,
		COALESCE(r.updated_at, 0)
		FROM survey s JOIN org_unit u ON u.id = s.scope_unit_id
		LEFT JOIN survey_response r ON r.survey_id = s.id AND r.employee_id = $1
		WHERE r.id IS NOT NULL OR (s.opens_on <= $2 AND s.closes_on >= $2 AND `+eligibleSQL+`
			AND EXISTS (SELECT 1 FROM survey_question q WHERE q.survey_id = s.id))
		ORDER BY s.closes_on, s.id`, employeeID, today)
	if err != nil {
		return nil, fmt.Errorf("store: my surveys: %w", err)
	}
	defer rows.Close()
	var open, past []MySurvey
	for rows.Next() {
		var m MySurvey
		var created, answered int64
		if err := rows.Scan(&m.ID, &m.Title, &m.Intro, &m.ScopeUnitID, &m.ScopeName, &m.ScopePath, &m.OpensOn, &m.ClosesOn,
			&created, &m.CreatedBy, &answered); err != nil {
			return nil, err
		}
		m.CreatedAt = unixTime(created)
		if answered != 0 {
			m.Answered, m.AnsweredAt = true, unixTime(answered)
		}
		if m.State(today) == model.SurveyOpen {
			open = append(open, m)
		} else {
			past = append(past, m)
		}
	}
	slices.Reverse(past) // most recently closed first
	return append(open, past...), rows.Err()
}

// SurveyEligible reports whether employee employeeID is among those asked:
// active and placed in the survey's subtree now.
func (s *Store) SurveyEligible(ctx context.Context, surveyID, employeeID int64) (bool, error) {
	return surveyEligible(ctx, s.db, surveyID, employeeID)
}

func surveyEligible(ctx context.Context, q queryer, surveyID, employeeID int64) (bool, error) {
	if employeeID == 0 {
		return false, nil
	}
	var ok bool
	err := q.QueryRowContext(ctx, `SELECT `+eligibleSQL+` FROM survey s JOIN org_unit u ON u.id = s.scope_unit_id WHERE s.id = $2`,
		employeeID, surveyID).Scan(&ok)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return ok, err
}

// SurveyResponseOf returns the stored answer of employee employeeID to a
// survey, nil when they have not answered.
func (s *Store) SurveyResponseOf(ctx context.Context, surveyID, employeeID int64) (*SurveyResponse, error) {
	var r SurveyResponse
	var created, updated int64
	err := s.db.QueryRowContext(ctx, `SELECT id, created_at, updated_at FROM survey_response WHERE survey_id = $1 AND employee_id = $2`,
		surveyID, employeeID).Scan(&r.ID, &created, &updated)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: survey response: %w", err)
	}
	r.CreatedAt, r.UpdatedAt = unixTime(created), unixTime(updated)
	r.Answers = map[int64]model.SurveyAnswer{}
	var qid, cid int64
	var choice, body string
	if err := eachRow(ctx, s.db, `SELECT question_id, COALESCE(competency_id, 0), choice, body FROM survey_answer WHERE response_id = $1`, []any{r.ID}, []any{&qid, &cid, &choice, &body}, func() {
		a := r.Answers[qid]
		switch {
		case cid != 0:
			a.Competencies = append(a.Competencies, cid)
		case choice != "":
			a.Forms = append(a.Forms, choice)
		default:
			a.Text = body
		}
		r.Answers[qid] = a
	}); err != nil {
		return nil, fmt.Errorf("store: survey answers: %w", err)
	}
	return &r, nil
}

// SubmitSurvey stores employee employeeID's answers to a survey, replacing
// any earlier answer, audited in the same transaction. The audit row says
// only that an answer was given (or changed) to the survey: its detail
// once named the employee and counted each answer's picks and characters,
// which matched every free text to its author on the results page.
// today (YYYY-MM-DD) decides whether the survey is open. It returns whether
// this was the employee's first answer.
func (s *Store) SubmitSurvey(ctx context.Context, a model.Actor, surveyID, employeeID int64, today string, answers map[int64]model.SurveyAnswer) (bool, error) {
	sv, err := s.Survey(ctx, surveyID)
	if err != nil {
		return false, err
	}
	if len(sv.Questions) == 0 {
		return false, apperr.New(apperr.ECONFLICT, "err.survey.survey_has_no_questions")
	}
	if answers == nil {
		answers = map[int64]model.SurveyAnswer{}
	}
	first := false
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		ok, err := surveyEligible(ctx, tx, surveyID, employeeID)
		if err != nil {
			return err
		}
		if !ok {
			return errSurveyNotFound(surveyID)
		}
		// Re-read the dates and the response count inside the transaction:
		// an administrator may have closed the survey or (before the first
		// answer) changed its questions since sv was read.
		cur, err := scanSurveyRow(tx.QueryRowContext(ctx, surveySelect+` WHERE s.id = $1`, surveyID))
		if err != nil {
			return err
		}
		if st := cur.State(today); st != model.SurveyOpen {
			return apperr.New(apperr.ECONFLICT, "err.survey.survey_not_open", cur.OpensOn, cur.ClosesOn)
		}
		if cur.Responses == 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM survey_question WHERE survey_id = $1`, surveyID).Scan(&n); err != nil {
				return err
			}
			if n != len(sv.Questions) {
				return apperr.New(apperr.ECONFLICT, "err.survey.questions_changed")
			}
		}
		if err := sv.CheckAnswers(answers); err != nil {
			return err
		}
		now := s.Now().Unix()
		var unitID, rid int64
		if err := tx.QueryRowContext(ctx, `SELECT unit_id FROM employee WHERE id = $1`, employeeID).Scan(&unitID); err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `SELECT id FROM survey_response WHERE survey_id = $1 AND employee_id = $2`, surveyID, employeeID).Scan(&rid)
		switch {
		case err == sql.ErrNoRows:
			first = true
			rid, err = insertID(ctx, tx, `INSERT INTO survey_response (survey_id, employee_id, unit_id, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $4)`, surveyID, employeeID, unitID, now)
			if isUniqueViolation(err) {
				return apperr.New(apperr.ECONFLICT, "err.survey.answers_saved_elsewhere")
			}
		case err == nil:
			if _, err = tx.ExecContext(ctx, `UPDATE survey_response SET unit_id = $1, updated_at = $2 WHERE id = $3`, unitID, now, rid); err == nil {
				_, err = tx.ExecContext(ctx, `DELETE FROM survey_answer WHERE response_id = $1`, rid)
			}
		}
		if err != nil {
			return fmt.Errorf("store: submit survey: %w", err)
		}
		for _, q := range sv.Questions {
			if err := insertAnswer(ctx, tx, rid, q.ID, answers[q.ID]); err != nil {
				return err
			}
		}
		action := "survey.answer_update"
		if first {
			action = "survey.answer"
		}
		return s.audit(ctx, tx, a, action, "survey_response", rid, map[string]any{"survey_id": surveyID})
	})
	return first, err
}

// insertAnswer writes one question's answer as rows of survey_answer.
func insertAnswer(ctx context.Context, tx *sql.Tx, rid, qid int64, a model.SurveyAnswer) error {
	const ins = `INSERT INTO survey_answer (response_id, question_id, competency_id, choice, body) VALUES ($1, $2, $3, $4, $5)`
	for _, c := range a.Competencies {
		if _, err := tx.ExecContext(ctx, ins, rid, qid, c, "", ""); err != nil {
			return fmt.Errorf("store: survey answer: %w", err)
		}
	}
	for _, f := range a.Forms {
		if _, err := tx.ExecContext(ctx, ins, rid, qid, nil, f, ""); err != nil {
			return fmt.Errorf("store: survey answer: %w", err)
		}
	}
	if a.Text != "" {
		if _, err := tx.ExecContext(ctx, ins, rid, qid, nil, "", a.Text); err != nil {
			return fmt.Errorf("store: survey answer: %w", err)
		}
	}
	return nil
}
