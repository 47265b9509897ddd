package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Training-needs questionnaires: the survey, its questions and their
// rules are model.Survey's, who manages one policy.ManagesSurvey's; this
// file writes surveys and reads them (survey_answer.go stores answers,
// survey_results.go counts them).

// errSurveyNotFound answers for a survey that does not exist or lies
// outside the caller's scope alike.
func errSurveyNotFound(id int64) error {
	return apperr.New(apperr.ENOTFOUND, "err.survey.survey_not_found", id)
}

// CreateSurvey stores a new survey with its questions, audited. The scope
// unit must lie in admin (what the caller administers). It sets sv.ID and
// the question IDs.
func (s *Store) CreateSurvey(ctx context.Context, a model.Actor, admin model.Scope, sv *model.Survey) error {
	if err := sv.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := scopeUnitAdministered(ctx, tx, admin, sv.ScopeUnitID); err != nil {
			return err
		}
		now := s.Now()
		id, err := insertID(ctx, tx, `INSERT INTO survey (title, intro, scope_unit_id, opens_on, closes_on, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, sv.Title, sv.Intro, sv.ScopeUnitID, sv.OpensOn, sv.ClosesOn, now.Unix(), actorName(a))
		if err != nil {
			return fmt.Errorf("store: create survey: %w", err)
		}
		sv.ID, sv.CreatedAt, sv.CreatedBy = id, time.Unix(now.Unix(), 0).UTC(), actorName(a)
		var qs []map[string]any
		for i := range sv.Questions {
			q := &sv.Questions[i]
			q.Ord = i + 1
			if err := insertQuestion(ctx, tx, id, q); err != nil {
				return err
			}
			qs = append(qs, auditQuestion(q))
		}
		return s.audit(ctx, tx, a, "survey.create", "survey", id, map[string]any{"title": sv.Title, "scope_unit_id": sv.ScopeUnitID,
			"opens_on": sv.OpensOn, "closes_on": sv.ClosesOn, "questions": qs})
	})
}

// scopeUnitAdministered checks that unit id exists and lies in admin; a
// unit outside is "not found", as for a unit that does not exist.
func scopeUnitAdministered(ctx context.Context, q queryer, admin model.Scope, id int64) error {
	var path string
	err := q.QueryRowContext(ctx, `SELECT path FROM org_unit WHERE id = $1`, id).Scan(&path)
	if err == sql.ErrNoRows || (err == nil && !admin.Contains(path)) {
		return apperr.Invalid("unit", "err.survey.target_unit_outside")
	}
	return err
}

// insertQuestion writes a validated question and its options.
func insertQuestion(ctx context.Context, tx *sql.Tx, surveyID int64, q *model.SurveyQuestion) error {
	id, err := insertID(ctx, tx, `INSERT INTO survey_question (survey_id, ord, kind, prompt, max_picks, required)
		VALUES ($1, $2, $3, $4, $5, $6)`, surveyID, q.Ord, q.Kind, q.Prompt, q.MaxPicks, q.Required)
	if err != nil {
		return fmt.Errorf("store: survey question: %w", err)
	}
	q.ID = id
	for _, cid := range q.OptionIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO survey_option (question_id, competency_id) VALUES ($1, $2)`, id, cid); err != nil {
			if isForeignKeyViolation(err) {
				return apperr.Invalid("options", "err.common.competency_does_not_exist", cid)
			}
			return fmt.Errorf("store: survey option: %w", err)
		}
	}
	return nil
}

func auditQuestion(q *model.SurveyQuestion) map[string]any {
	return map[string]any{"id": q.ID, "kind": q.Kind, "prompt": q.Prompt, "max_picks": q.MaxPicks, "required": q.Required, "options": q.OptionIDs}
}

// surveyForAdmin loads a survey's row inside tx for a write by an
// administrator: "not found" unless admin covers its scope unit.
func surveyForAdmin(ctx context.Context, tx *sql.Tx, admin model.Scope, id int64) (*model.Survey, error) {
	sv, err := scanSurveyRow(tx.QueryRowContext(ctx, surveySelect+` WHERE s.id = $1`, id))
	if err == sql.ErrNoRows || (err == nil && !policy.ManagesSurvey(admin, sv)) {
		return nil, errSurveyNotFound(id)
	}
	return sv, err
}

// UpdateSurvey changes a survey's title, introduction, dates and (while no
// one has answered) scope unit, audited with the changed fields. Both the
// old and the new scope unit must lie in admin.
func (s *Store) UpdateSurvey(ctx context.Context, a model.Actor, admin model.Scope, sv *model.Survey) error {
	if err := sv.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := surveyForAdmin(ctx, tx, admin, sv.ID)
		if err != nil {
			return err
		}
		if sv.ScopeUnitID != old.ScopeUnitID {
			if old.Frozen() {
				return apperr.New(apperr.ECONFLICT, "err.survey.target_unit_fixed")
			}
			if err := scopeUnitAdministered(ctx, tx, admin, sv.ScopeUnitID); err != nil {
				return err
			}
		}
		ch := map[string]Change{}
		diff(ch, "title", old.Title, sv.Title)
		diff(ch, "intro", old.Intro, sv.Intro)
		diff(ch, "scope_unit_id", fmt.Sprint(old.ScopeUnitID), fmt.Sprint(sv.ScopeUnitID))
		diff(ch, "opens_on", old.OpensOn, sv.OpensOn)
		diff(ch, "closes_on", old.ClosesOn, sv.ClosesOn)
		if len(ch) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE survey SET title = $1, intro = $2, scope_unit_id = $3, opens_on = $4, closes_on = $5 WHERE id = $6`,
			sv.Title, sv.Intro, sv.ScopeUnitID, sv.OpensOn, sv.ClosesOn, sv.ID); err != nil {
			return fmt.Errorf("store: update survey: %w", err)
		}
		return s.audit(ctx, tx, a, "survey.update", "survey", sv.ID, ch)
	})
}

// DeleteSurvey removes a survey nobody has answered yet, audited; a survey
// with responses is kept (close it instead).
func (s *Store) DeleteSurvey(ctx context.Context, a model.Actor, admin model.Scope, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := surveyForAdmin(ctx, tx, admin, id)
		if err != nil {
			return err
		}
		if old.Frozen() {
			return apperr.New(apperr.ECONFLICT, "err.survey.answered_no_delete")
		}
		for _, q := range []string{
			`DELETE FROM survey_option WHERE question_id IN (SELECT id FROM survey_question WHERE survey_id = $1)`,
			`DELETE FROM survey_question WHERE survey_id = $1`,
			`DELETE FROM survey WHERE id = $1`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("store: delete survey: %w", err)
			}
		}
		return s.audit(ctx, tx, a, "survey.delete", "survey", id, map[string]any{"title": old.Title, "scope_unit_id": old.ScopeUnitID})
	})
}

// AddSurveyQuestion appends a question to a survey nobody has answered
// yet, audited. It sets q.ID.
func (s *Store) AddSurveyQuestion(ctx context.Context, a model.Actor, admin model.Scope, surveyID int64, q *model.SurveyQuestion) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		sv, err := surveyForAdmin(ctx, tx, admin, surveyID)
		if err != nil {
			return err
		}
		if sv.Frozen() {
			return apperr.New(apperr.ECONFLICT, "err.survey.questions_fixed")
		}
		var n, last int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(ord), 0) FROM survey_question WHERE survey_id = $1`, surveyID).Scan(&n, &last); err != nil {
			return err
		}
		if n >= model.SurveyMaxQuestions {
			return apperr.Invalid("questions", "err.survey.at_most_questions", model.SurveyMaxQuestions)
		}
		q.Ord = last + 1
		if err := insertQuestion(ctx, tx, surveyID, q); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "survey.question_add", "survey", surveyID, auditQuestion(q))
	})
}

// DeleteSurveyQuestion removes a question of a survey nobody has answered
// yet, audited.
func (s *Store) DeleteSurveyQuestion(ctx context.Context, a model.Actor, admin model.Scope, surveyID, questionID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		sv, err := surveyForAdmin(ctx, tx, admin, surveyID)
		if err != nil {
			return err
		}
		if sv.Frozen() {
			return apperr.New(apperr.ECONFLICT, "err.survey.questions_fixed")
		}
		var prompt string
		err = tx.QueryRowContext(ctx, `SELECT prompt FROM survey_question WHERE id = $1 AND survey_id = $2`, questionID, surveyID).Scan(&prompt)
		if err == sql.ErrNoRows {
			return apperr.New(apperr.ENOTFOUND, "err.survey.question_not_found", questionID)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM survey_option WHERE question_id = $1`, questionID); err != nil {
			return fmt.Errorf("store: delete survey question: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM survey_question WHERE id = $1`, questionID); err != nil {
			return fmt.Errorf("store: delete survey question: %w", err)
		}
		return s.audit(ctx, tx, a, "survey.question_delete", "survey", surveyID, map[string]any{"question_id": questionID, "prompt": prompt})
	})
}

// surveySelect reads a survey row with its scope unit and response count.
const surveySelect = `SELECT s.id, s.title, s.intro, s.scope_unit_id, u.name, u.path, s.opens_on, s.closes_on, s.created_at, s.created_by,
	(SELECT COUNT(*) FROM survey_response r WHERE r.survey_id = s.id)
	FROM survey s JOIN org_unit u ON u.id = s.scope_unit_id`

func scanSurveyRow(sc interface{ Scan(...any) error }) (*model.Survey, error) {
	var sv model.Survey
	var created int64
	if err := sc.Scan(&sv.ID, &sv.Title, &sv.Intro, &sv.ScopeUnitID, &sv.ScopeName, &sv.ScopePath, &sv.OpensOn, &sv.ClosesOn,
		&created, &sv.CreatedBy, &sv.Responses); err != nil {
		return nil, err
	}
	sv.CreatedAt = unixTime(created)
	return &sv, nil
}

// Survey loads a survey with its questions and options. It checks no
// scope: callers decide who may see it (see policy.ManagesSurvey, SurveyEligible,
// SurveyResults).
func (s *Store) Survey(ctx context.Context, id int64) (*model.Survey, error) {
	sv, err := scanSurveyRow(s.db.QueryRowContext(ctx, surveySelect+` WHERE s.id = $1`, id))
	if err == sql.ErrNoRows {
		return nil, errSurveyNotFound(id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: survey %d: %w", id, err)
	}
	byID := map[int64]int{}
	var q model.SurveyQuestion
	if err := eachRow(ctx, s.db, `SELECT id, ord, kind, prompt, max_picks, required FROM survey_question WHERE survey_id = $1 ORDER BY ord, id`,
		[]any{id}, []any{&q.ID, &q.Ord, &q.Kind, &q.Prompt, &q.MaxPicks, &q.Required}, func() {
			byID[q.ID] = len(sv.Questions)
			sv.Questions = append(sv.Questions, q)
		}); err != nil {
		return nil, fmt.Errorf("store: survey questions: %w", err)
	}
	var qid int64
	var o model.SurveyOption
	if err := eachRow(ctx, s.db, `SELECT o.question_id, c.id, c.code, c.name, c.grp, f.code
		FROM survey_option o JOIN survey_question q ON q.id = o.question_id
		JOIN competency c ON c.id = o.competency_id JOIN framework f ON f.id = c.framework_id
		WHERE q.survey_id = $1 ORDER BY o.question_id, f.builtin DESC, f.code, c.ord`, []any{id},
		[]any{&qid, &o.CompetencyID, &o.Code, &o.Name, &o.Group, &o.Framework}, func() {
			q := &sv.Questions[byID[qid]]
			q.Options = append(q.Options, o)
			q.OptionIDs = append(q.OptionIDs, o.CompetencyID)
		}); err != nil {
		return nil, fmt.Errorf("store: survey options: %w", err)
	}
	return sv, nil
}

// SurveyFilter selects a page of the surveys a reader of Scope may read
// results of (see SurveyPage).
type SurveyFilter struct {
	Scope  model.Scope
	Offset int
	Limit  int // default 25, at most 200
}

// SurveyPage returns a page of the surveys whose subtree overlaps
// f.Scope's (every survey for the whole government), newest closing date
// first, and whether more follow. Questions are not loaded. It runs in two
// steps, as the employee list does: the page's IDs from indexes only (for
// the whole government the survey_closes index; for a unit reader the
// org_unit_path range of their subtrees plus an equality on their few
// ancestor paths, then survey_scope), then those rows with their response
// counts, each counted on the (survey_id, employee_id) unique index. A view
// so costs the responses of the surveys shown (≈ 7 ms per 100,000 on
// SQLite), never those of every survey ever held.
func (s *Store) SurveyPage(ctx context.Context, f SurveyFilter) ([]model.Survey, bool, error) {
	if f.Limit <= 0 {
		f.Limit = 25
	}
	f.Limit = min(f.Limit, 200)
	var a args
	cond := scopeUnits("u.path", f.Scope, true, &a)
	var ids []int64
	var id int64
	if err := eachRow(ctx, s.db, `SELECT s.id FROM survey s JOIN org_unit u ON u.id = s.scope_unit_id WHERE `+cond+
		` ORDER BY s.closes_on DESC, s.id DESC LIMIT `+a.add(f.Limit+1)+` OFFSET `+a.add(max(f.Offset, 0)), a, []any{&id}, func() { ids = append(ids, id) }); err != nil {
		return nil, false, fmt.Errorf("store: surveys: %w", err)
	}
	more := len(ids) > f.Limit
	if more {
		ids = ids[:f.Limit]
	}
	if len(ids) == 0 {
		return nil, false, nil
	}
	var b args
	in := paddedIDs(ids, &b)
	rows, err := s.db.QueryContext(ctx, surveySelect+` WHERE s.id IN (`+in+`)`, b...)
	if err != nil {
		return nil, false, fmt.Errorf("store: surveys: %w", err)
	}
	defer rows.Close()
	byID := make(map[int64]*model.Survey, len(ids))
	for rows.Next() {
		sv, err := scanSurveyRow(rows)
		if err != nil {
			return nil, false, err
		}
		byID[sv.ID] = sv
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	out := make([]model.Survey, 0, len(ids))
	for _, id := range ids {
		if sv := byID[id]; sv != nil { // deleted between the two steps: skipped
			out = append(out, *sv)
		}
	}
	return out, more, nil
}
