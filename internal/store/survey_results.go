package store

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/policy"
)

// Survey results: for a unit subtree inside the survey's scope, the
// response rate, per competency how many respondents asked for it beside
// how many people the assessments found short (taken from NeedsAnalysis
// of the same subtree, so both columns count the same way the /analisis
// page does), the tallies of preferred forms and the free answers. Figures
// are per subtree so that a unit head reads the part of a city-wide survey
// that is theirs.
//
// A response counts in the subtree of the unit its employee was placed in
// when they last answered; the people asked are the active employees placed
// in the subtree now (one COUNT over the subtree's employees). The rate can
// therefore pass 100 % when many respondents have since left; it is shown
// as it is.

// The result types and their tallies are internal/needs's (survey.go).

// resultsUnit loads the subtree a reader sees of survey sv: unitID when
// the reader may read that part (policy.ReadsSurveyPart), with unitID 0
// the default part (policy.SurveyResultsRoot). Anything else is "not
// found".
func (s *Store) resultsUnit(ctx context.Context, reader model.Scope, sv *model.Survey, unitID int64) (*model.OrgUnit, error) {
	if unitID == 0 {
		root, ok := policy.SurveyResultsRoot(reader, sv.ScopePath)
		switch {
		case !ok:
			return nil, errSurveyNotFound(sv.ID)
		case root == sv.ScopePath:
			unitID = sv.ScopeUnitID
		default:
			unitID = model.PathLastID(root)
		}
	}
	u, err := s.Unit(ctx, unitID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.ReadsSurveyPart(reader, sv.ScopePath, u.Path)) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.survey.unit_not_found_survey", unitID)
	}
	return u, err
}

// SurveyResults returns the figures of survey surveyID for the subtree of
// unitID (0: see resultsUnit) as reader may read them.
func (s *Store) SurveyResults(ctx context.Context, reader model.Scope, surveyID, unitID int64) (*needs.SurveyResults, error) {
	sv, err := s.Survey(ctx, surveyID)
	if err != nil {
		return nil, err
	}
	if !reader.OverlapsPath(sv.ScopePath) {
		return nil, errSurveyNotFound(surveyID)
	}
	u, err := s.resultsUnit(ctx, reader, sv, unitID)
	if err != nil {
		return nil, err
	}
	var f needs.SurveyFacts
	lo, hi := u.Path, pathUpper(u.Path)
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee e JOIN org_unit u ON u.id = e.unit_id
		WHERE e.status = 'aktif' AND u.path >= $1 AND u.path < $2`, lo, hi).Scan(&f.People); err != nil {
		return nil, fmt.Errorf("store: survey people: %w", err)
	}
	const fromSubtree = ` FROM survey_response r JOIN org_unit u ON u.id = r.unit_id WHERE r.survey_id = $1 AND u.path >= $2 AND u.path < $3`
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+fromSubtree, surveyID, lo, hi).Scan(&f.Responses); err != nil {
		return nil, fmt.Errorf("store: survey responses: %w", err)
	}
	if f.Analysis, err = s.NeedsAnalysis(ctx, reader, u.ID); err != nil {
		return nil, err
	}
	perUnit, err := s.surveyRespondents(ctx, surveyID)
	if err != nil {
		return nil, err
	}
	if f.Withheld = !model.SurveyDetailShown(sv.ScopePath, u.Path, perUnit); !f.Withheld {
		if f.Answered, f.Picks, err = s.surveyTallies(ctx, surveyID, lo, hi); err != nil {
			return nil, err
		}
		if f.Texts, f.TextCount, err = s.surveyTexts(ctx, surveyID, lo, hi); err != nil {
			return nil, err
		}
	}
	return needs.TallySurvey(sv, *u, f), nil
}

// surveyRespondents counts the responses to survey surveyID per unit path
// (the unit each respondent was placed in when answering), for
// model.SurveyDetailShown.
func (s *Store) surveyRespondents(ctx context.Context, surveyID int64) (map[string]int, error) {
	out := map[string]int{}
	var p string
	var n int
	if err := eachRow(ctx, s.db, `SELECT u.path, COUNT(*) FROM survey_response r JOIN org_unit u ON u.id = r.unit_id
		WHERE r.survey_id = $1 GROUP BY u.path`, []any{surveyID}, []any{&p, &n}, func() {
		out[p] = n
	}); err != nil {
		return nil, fmt.Errorf("store: survey respondents: %w", err)
	}
	return out, nil
}

// surveyTallies counts, for the responses from the subtree [lo, hi), the
// respondents per question and the picks per choice.
func (s *Store) surveyTallies(ctx context.Context, surveyID int64, lo, hi string) (map[int64]int, map[needs.Pick]int, error) {
	const from = ` FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN org_unit u ON u.id = r.unit_id
		WHERE r.survey_id = $1 AND u.path >= $2 AND u.path < $3`
	answered := map[int64]int{}
	var q int64
	var n int
	if err := eachRow(ctx, s.db, `SELECT a.question_id, COUNT(DISTINCT a.response_id)`+from+` GROUP BY a.question_id`, []any{surveyID, lo, hi}, []any{&q, &n}, func() {
		answered[q] = n
	}); err != nil {
		return nil, nil, fmt.Errorf("store: survey tallies: %w", err)
	}
	picks := map[needs.Pick]int{}
	var k needs.Pick
	if err := eachRow(ctx, s.db, `SELECT a.question_id, COALESCE(a.competency_id, 0), a.choice, COUNT(*)`+from+
		` AND a.body = '' GROUP BY a.question_id, a.competency_id, a.choice`, []any{surveyID, lo, hi}, []any{&k.Question, &k.Competency, &k.Form, &n}, func() {
		picks[k] = n
	}); err != nil {
		return nil, nil, fmt.Errorf("store: survey tallies: %w", err)
	}
	return answered, picks, nil
}

// surveyTexts returns per question the newest SurveyMaxTexts free answers
// from the subtree [lo, hi) (needs.TallySurvey sorts them) and the number
// of all of them.
func (s *Store) surveyTexts(ctx context.Context, surveyID int64, lo, hi string) (map[int64][]string, map[int64]int, error) {
	texts, counts := map[int64][]string{}, map[int64]int{}
	var q int64
	var body string
	var n int
	if err := eachRow(ctx, s.db, `SELECT question_id, body, n FROM (
		SELECT a.question_id, a.body, COUNT(*) OVER (PARTITION BY a.question_id) AS n,
			ROW_NUMBER() OVER (PARTITION BY a.question_id ORDER BY r.updated_at DESC, r.id DESC) AS k
		FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN org_unit u ON u.id = r.unit_id
		WHERE r.survey_id = $1 AND a.body <> '' AND u.path >= $2 AND u.path < $3) x
		WHERE k <= $4 ORDER BY question_id, k`, []any{surveyID, lo, hi, needs.SurveyMaxTexts}, []any{&q, &body, &n}, func() {
		texts[q] = append(texts[q], body)
		counts[q] = n
	}); err != nil {
		return nil, nil, fmt.Errorf("store: survey texts: %w", err)
	}
	return texts, counts, nil
}
