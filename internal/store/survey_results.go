package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/gap"
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

// SurveyMaxTexts is the number of newest free answers per question that
// results carry (TextCount has them all).
const SurveyMaxTexts = 200

// SurveyResults are the figures of one survey in one subtree.
type SurveyResults struct {
	Survey    *model.Survey
	Unit      model.OrgUnit // the subtree's top unit
	People    int           // active employees placed in the subtree now
	Responses int           // responses from the subtree
	Rate      gap.Fixed     // Responses ÷ People, hundredths of a percent; -1 when People is 0
	Questions []QuestionResult
	// WithStandard, NeedsAsOf and NeedsStale describe the needs analysis
	// the gap columns come from (see Needs).
	WithStandard int
	NeedsAsOf    time.Time
	NeedsStale   bool
	// DetailWithheld says that the free answers and the choice tallies
	// (Answered, Said, Forms, Texts) are not given: the part, alone or
	// subtracted from another part, could single out fewer than
	// model.SurveyMinTextGroup respondents (model.SurveyDetailShown).
	DetailWithheld bool
}

// QuestionResult is the tally of one question.
type QuestionResult struct {
	model.SurveyQuestion
	Answered     int               // respondents who answered this question
	Competencies []CompetencyTally // competencies question: every option, most asked first
	Forms        []FormTally       // forms question: every form, most chosen first
	Texts        []string          // text question: the newest SurveyMaxTexts answers
	TextCount    int               // text question: all answers
}

// CompetencyTally sets what respondents asked for beside what the
// assessments found for one competency.
type CompetencyTally struct {
	model.SurveyOption
	Said      int       // respondents who picked it
	SaidShare gap.Fixed // Said ÷ respondents to the question; -1 when none
	// From the needs analysis of the subtree: employees whose standard
	// requires the competency, of them assessed, of them short, the share
	// short (-1 when nobody is assessed) and the weighted need.
	Required, Assessed, Short int
	ShareShort                gap.Fixed
	WeightedNeed              int
}

// FormTally is how many respondents prefer one form of development.
type FormTally struct {
	Form  string
	Count int
	Share gap.Fixed // Count ÷ respondents to the question; -1 when none
}

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
			unitID = pathLastID(root)
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
func (s *Store) SurveyResults(ctx context.Context, reader model.Scope, surveyID, unitID int64) (*SurveyResults, error) {
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
	out := &SurveyResults{Survey: sv, Unit: *u}
	lo, hi := u.Path, pathUpper(u.Path)
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee e JOIN org_unit u ON u.id = e.unit_id
		WHERE e.status = 'aktif' AND u.path >= $1 AND u.path < $2`, lo, hi).Scan(&out.People); err != nil {
		return nil, fmt.Errorf("store: survey people: %w", err)
	}
	const fromSubtree = ` FROM survey_response r JOIN org_unit u ON u.id = r.unit_id WHERE r.survey_id = $1 AND u.path >= $2 AND u.path < $3`
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*)`+fromSubtree, surveyID, lo, hi).Scan(&out.Responses); err != nil {
		return nil, fmt.Errorf("store: survey responses: %w", err)
	}
	out.Rate = needs.Share(out.Responses, out.People)

	an, err := s.NeedsAnalysis(ctx, reader, u.ID)
	if err != nil {
		return nil, err
	}
	out.WithStandard, out.NeedsAsOf, out.NeedsStale = an.Employees, an.AsOf, an.Stale
	byComp := map[int64]needs.Need{}
	for _, n := range an.Needs {
		byComp[n.CompetencyID] = n
	}

	perUnit, err := s.surveyRespondents(ctx, surveyID)
	if err != nil {
		return nil, err
	}
	var answered map[int64]int
	var picks map[pickKey]int
	var texts map[int64][]string
	var textCount map[int64]int
	if out.DetailWithheld = !model.SurveyDetailShown(sv.ScopePath, u.Path, perUnit); !out.DetailWithheld {
		if answered, picks, err = s.surveyTallies(ctx, surveyID, lo, hi); err != nil {
			return nil, err
		}
		if texts, textCount, err = s.surveyTexts(ctx, surveyID, lo, hi); err != nil {
			return nil, err
		}
	}
	for _, q := range sv.Questions {
		qr := QuestionResult{SurveyQuestion: q, Answered: answered[q.ID], Texts: texts[q.ID], TextCount: textCount[q.ID]}
		switch q.Kind {
		case model.QuestionCompetencies:
			for _, o := range q.Options {
				n, ok := byComp[o.CompetencyID]
				t := CompetencyTally{SurveyOption: o, Said: picks[pickKey{q.ID, o.CompetencyID, ""}], ShareShort: -1}
				t.SaidShare = needs.Share(t.Said, qr.Answered)
				if ok {
					t.Required, t.Assessed, t.Short, t.ShareShort, t.WeightedNeed = n.Required, n.Assessed, n.Short, n.ShareShort, n.WeightedNeed
				}
				qr.Competencies = append(qr.Competencies, t)
			}
			slices.SortStableFunc(qr.Competencies, func(a, b CompetencyTally) int {
				return cmp.Or(cmp.Compare(b.Said, a.Said), cmp.Compare(b.Short, a.Short), cmp.Compare(b.WeightedNeed, a.WeightedNeed))
			})
		case model.QuestionForms:
			if out.DetailWithheld {
				break
			}
			for _, f := range model.TrainingForms {
				c := picks[pickKey{q.ID, 0, f}]
				qr.Forms = append(qr.Forms, FormTally{Form: f, Count: c, Share: needs.Share(c, qr.Answered)})
			}
			slices.SortStableFunc(qr.Forms, func(a, b FormTally) int { return cmp.Compare(b.Count, a.Count) })
		}
		out.Questions = append(out.Questions, qr)
	}
	return out, nil
}

// surveyRespondents counts the responses to survey surveyID per unit path
// (the unit each respondent was placed in when answering), for
// model.SurveyDetailShown.
func (s *Store) surveyRespondents(ctx context.Context, surveyID int64) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT u.path, COUNT(*) FROM survey_response r JOIN org_unit u ON u.id = r.unit_id
		WHERE r.survey_id = $1 GROUP BY u.path`, surveyID)
	if err != nil {
		return nil, fmt.Errorf("store: survey respondents: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var p string
		var n int
		if err := rows.Scan(&p, &n); err != nil {
			return nil, err
		}
		out[p] = n
	}
	return out, rows.Err()
}

// pickKey identifies one choice of one question: a competency or a form.
type pickKey struct {
	question, competency int64
	form                 string
}

// surveyTallies counts, for the responses from the subtree [lo, hi), the
// respondents per question and the picks per choice.
func (s *Store) surveyTallies(ctx context.Context, surveyID int64, lo, hi string) (map[int64]int, map[pickKey]int, error) {
	const from = ` FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN org_unit u ON u.id = r.unit_id
		WHERE r.survey_id = $1 AND u.path >= $2 AND u.path < $3`
	answered := map[int64]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT a.question_id, COUNT(DISTINCT a.response_id)`+from+` GROUP BY a.question_id`, surveyID, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("store: survey tallies: %w", err)
	}
	for rows.Next() {
		var q int64
		var n int
		if err := rows.Scan(&q, &n); err != nil {
			rows.Close()
			return nil, nil, err
		}
		answered[q] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	picks := map[pickKey]int{}
	rows, err = s.db.QueryContext(ctx, `SELECT a.question_id, COALESCE(a.competency_id, 0), a.choice, COUNT(*)`+from+
		` AND a.body = '' GROUP BY a.question_id, a.competency_id, a.choice`, surveyID, lo, hi)
	if err != nil {
		return nil, nil, fmt.Errorf("store: survey tallies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k pickKey
		var n int
		if err := rows.Scan(&k.question, &k.competency, &k.form, &n); err != nil {
			return nil, nil, err
		}
		picks[k] = n
	}
	return answered, picks, rows.Err()
}

// surveyTexts returns per question the newest SurveyMaxTexts free answers
// from the subtree [lo, hi), sorted by their text so that their order
// says nothing of when (and so by whom) each was written, and the number
// of all of them.
func (s *Store) surveyTexts(ctx context.Context, surveyID int64, lo, hi string) (map[int64][]string, map[int64]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT question_id, body, n FROM (
		SELECT a.question_id, a.body, COUNT(*) OVER (PARTITION BY a.question_id) AS n,
			ROW_NUMBER() OVER (PARTITION BY a.question_id ORDER BY r.updated_at DESC, r.id DESC) AS k
		FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN org_unit u ON u.id = r.unit_id
		WHERE r.survey_id = $1 AND a.body <> '' AND u.path >= $2 AND u.path < $3) x
		WHERE k <= $4 ORDER BY question_id, k`, surveyID, lo, hi, SurveyMaxTexts)
	if err != nil {
		return nil, nil, fmt.Errorf("store: survey texts: %w", err)
	}
	defer rows.Close()
	texts, counts := map[int64][]string{}, map[int64]int{}
	for rows.Next() {
		var q int64
		var body string
		var n int
		if err := rows.Scan(&q, &body, &n); err != nil {
			return nil, nil, err
		}
		texts[q] = append(texts[q], body)
		counts[q] = n
	}
	for _, t := range texts {
		slices.Sort(t)
	}
	return texts, counts, rows.Err()
}
