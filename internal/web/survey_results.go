package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/policy"
)

// Results (/kuesioner/{id}/hasil?unit=ID): the response rate and, per
// question, the tallies, with the assessed gaps of the same subtree beside
// the competencies asked for. Readers of a unit subtree (administrators,
// unit heads, the whole-government roles) see the part of the survey that
// lies in what they read, and can narrow it to a child unit. Free answers
// are shown without names, as the employees were told; free answers and
// choice tallies are withheld where the part could single out a few
// respondents (needs.SurveyResults.DetailWithheld).

// surveyResultsData is what survey_results.html shows.
type surveyResultsData struct {
	R         *needs.SurveyResults
	State     string
	Rate      string
	Children  []model.OrgUnit
	MoreKids  bool
	Up        *model.OrgUnit // the parent, when it is still in the survey and readable
	CanManage bool
	Qs        []resultQuestion
	MinTexts  int // model.SurveyMinTextGroup, for the note on withheld texts and tallies
}

// resultQuestion is one question's tally as shown.
type resultQuestion struct {
	needs.QuestionResult
	Comps []resultComp
	// Quiet are the offered competencies nobody asked for and nobody is
	// short in: listed by name only, so a long list of options does not
	// bury the few that matter.
	Quiet []resultComp
	Forms []resultForm
	Max   int // the largest count, for the bars
}

// resultComp is one competency line: asked for beside assessed short.
type resultComp struct {
	needs.CompetencyTally
	SaidPct, ShortPct, Bin string
}

// resultForm is one training-form line.
type resultForm struct {
	needs.FormTally
	Pct string
}

// maxResultChildren is how many child units the narrowing list offers.
const maxResultChildren = 100

// surveyResults shows a survey's results for a subtree (GET
// /kuesioner/{id}/hasil).
func (s *server) surveyResults(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if !canReadNeeds(p) {
		return errNotPermitted
	}
	ctx := r.Context()
	lang := langOf(r)
	unitID, err := queryID(r, "unit")
	if err != nil {
		return err
	}
	res, err := s.st.SurveyResults(ctx, p.Scope, id, unitID)
	if err != nil {
		return err
	}
	d := surveyResultsData{R: res, State: res.Survey.State(s.today()), Rate: pctWhole(lang, res.Rate), CanManage: policy.ManagesSurvey(p.Admin, res.Survey),
		MinTexts: model.SurveyMinTextGroup}
	if d.Children, d.MoreKids, err = s.st.ChildUnitsPage(ctx, res.Unit.ID, maxResultChildren); err != nil {
		return err
	}
	if res.Unit.ID != res.Survey.ScopeUnitID && res.Unit.ParentID != 0 {
		if up, err := s.st.Unit(ctx, res.Unit.ParentID); err == nil && p.Sees(up) {
			d.Up = up
		}
	}
	for _, q := range res.Questions {
		rq := resultQuestion{QuestionResult: q, Max: 1}
		for _, c := range q.Competencies {
			rc := resultComp{CompetencyTally: c, SaidPct: pctWhole(lang, c.SaidShare), ShortPct: pctWhole(lang, c.ShareShort), Bin: heatBin(c.ShareShort)}
			if c.Said == 0 && c.Short == 0 {
				rq.Quiet = append(rq.Quiet, rc)
				continue
			}
			rq.Comps = append(rq.Comps, rc)
			rq.Max = max(rq.Max, c.Said)
		}
		for _, f := range q.Forms {
			rq.Forms = append(rq.Forms, resultForm{FormTally: f, Pct: pctWhole(lang, f.Share)})
			rq.Max = max(rq.Max, f.Count)
		}
		d.Qs = append(d.Qs, rq)
	}
	s.renderView(w, r, http.StatusOK, "survey_results", &view{Title: "survey.results_title", TitleArg: res.Survey.Title, Data: d})
	return nil
}
