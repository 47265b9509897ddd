package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Training-needs questionnaires as JSON, over store/survey*.go with the
// rules of the /kuesioner pages (web/survey*.go): every caller sees the
// surveys they are asked to answer (as an employee) and those they
// answered; readers of unit subtrees (administrators, unit heads,
// whole-government roles) also see the surveys overlapping what they read
// and the results of the part that lies in it. Free answers come without
// names, as the employees were told; free answers and choice tallies only
// for parts that cannot single out fewer than model.SurveyMinTextGroup
// respondents, alone or subtracted from another part
// (model.SurveyDetailShown).

// surveyJSON is a survey's own fields with its state on today.
type surveyJSON struct {
	ID            int64     `json:"id"`
	Title         string    `json:"title"`
	Intro         string    `json:"intro"`
	ScopeUnitID   int64     `json:"scope_unit_id"`
	ScopeUnitName string    `json:"scope_unit_name"`
	OpensOn       string    `json:"opens_on"`
	ClosesOn      string    `json:"closes_on"`
	State         string    `json:"state"`
	CreatedAt     time.Time `json:"created_at"`
	CreatedBy     string    `json:"created_by"`
}

func toSurveyJSON(sv *model.Survey, today string) surveyJSON {
	return surveyJSON{ID: sv.ID, Title: sv.Title, Intro: sv.Intro, ScopeUnitID: sv.ScopeUnitID, ScopeUnitName: sv.ScopeName,
		OpensOn: sv.OpensOn, ClosesOn: sv.ClosesOn, State: sv.State(today), CreatedAt: sv.CreatedAt, CreatedBy: sv.CreatedBy}
}

// mySurveyJSON is a survey the caller is asked to answer or answered.
type mySurveyJSON struct {
	surveyJSON
	Answered   bool       `json:"answered"`
	AnsweredAt *time.Time `json:"answered_at"`
}

// readSurveyJSON is a survey whose results the caller reads.
type readSurveyJSON struct {
	surveyJSON
	Responses int  `json:"responses"`
	CanManage bool `json:"can_manage"`
}

// surveyListJSON answers GET /surveys.
type surveyListJSON struct {
	Today   string           `json:"today"`
	Answer  []mySurveyJSON   `json:"answer"`
	Results []readSurveyJSON `json:"results"`
	// ResultsNext is the offset of the next page of Results (nil: none).
	ResultsNext *int `json:"results_next_offset"`
	// CanCreate tells whether the caller administers a unit subtree and so
	// may build surveys (on the web pages).
	CanCreate bool `json:"can_create"`
}

// surveyToday is the calendar day (WIB) survey dates are compared with.
func (a *API) surveyToday() string { return model.CycleToday(a.st.Now()) }

// listSurveys returns the surveys the caller is asked to answer (or
// answered) and, for readers of unit subtrees, a page of those whose
// results they may read (offset, limit; results_next_offset when more
// follow). A person answers a handful a year: that list is not paged.
func (a *API) listSurveys(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	ctx := r.Context()
	today := a.surveyToday()
	out := surveyListJSON{Today: today, Answer: []mySurveyJSON{}, Results: []readSurveyJSON{},
		CanCreate: policy.Allowed(p, policy.SurveyManage)}
	if p.User.EmployeeID != 0 {
		mine, err := a.st.MySurveys(ctx, p.User.EmployeeID, today)
		if err != nil {
			return err
		}
		for i := range mine {
			m := mySurveyJSON{surveyJSON: toSurveyJSON(&mine[i].Survey, today), Answered: mine[i].Answered}
			if mine[i].Answered {
				m.AnsweredAt = &mine[i].AnsweredAt
			}
			out.Answer = append(out.Answer, m)
		}
	}
	if readsNeeds(p) {
		off, err := queryInt(r, "offset")
		if err != nil {
			return err
		}
		lim, err := queryInt(r, "limit")
		if err != nil {
			return err
		}
		if lim == 0 {
			lim = 50
		}
		f := store.SurveyFilter{Scope: p.Scope, Offset: int(min(off, 1<<31)), Limit: int(min(lim, 200))}
		list, more, err := a.st.SurveyPage(ctx, f)
		if err != nil {
			return err
		}
		for i := range list {
			out.Results = append(out.Results, readSurveyJSON{surveyJSON: toSurveyJSON(&list[i], today),
				Responses: list[i].Responses, CanManage: policy.ManagesSurvey(p.Admin, &list[i])})
		}
		if more {
			n := f.Offset + len(list)
			out.ResultsNext = &n
		}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// surveyCompetencyJSON is what respondents asked for beside what the
// assessments found, for one competency offered by a question.
type surveyCompetencyJSON struct {
	CompetencyID  int64    `json:"competency_id"`
	Code          string   `json:"code"`
	Name          string   `json:"name"`
	Group         string   `json:"group"`
	FrameworkCode string   `json:"framework_code"`
	Said          int      `json:"said"`
	SaidShare     *float64 `json:"said_share"`
	Required      int      `json:"required"`
	Assessed      int      `json:"assessed"`
	Short         int      `json:"short"`
	ShareShort    *float64 `json:"share_short"`
	WeightedNeed  int      `json:"weighted_need"`
}

// surveyFormJSON is how many respondents prefer one form of development.
type surveyFormJSON struct {
	Form  string   `json:"form"`
	Count int      `json:"count"`
	Share *float64 `json:"share"`
}

// surveyQuestionJSON is one question with its tally.
type surveyQuestionJSON struct {
	ID           int64                  `json:"id"`
	Ord          int                    `json:"ord"`
	Kind         string                 `json:"kind"`
	Prompt       string                 `json:"prompt"`
	MaxPicks     int                    `json:"max_picks"`
	Required     bool                   `json:"required"`
	Answered     int                    `json:"answered"`
	Competencies []surveyCompetencyJSON `json:"competencies"`
	Forms        []surveyFormJSON       `json:"forms"`
	Texts        []string               `json:"texts"`
	TextCount    int                    `json:"text_count"`
}

// surveyResultsJSON answers GET /surveys/{id}/results.
type surveyResultsJSON struct {
	Survey       surveyJSON `json:"survey"`
	CanManage    bool       `json:"can_manage"`
	Unit         unitJSON   `json:"unit"`
	People       int        `json:"people"`
	Responses    int        `json:"responses"`
	Rate         *float64   `json:"rate"`
	WithStandard int        `json:"with_standard"`
	NeedsAsOf    time.Time  `json:"needs_as_of"`
	NeedsStale   bool       `json:"needs_stale"`
	// TextsWithheld and TalliesWithheld (always equal) say that the free
	// answers and the choice tallies (answered, said, forms) are left out:
	// this part, alone or as the difference with another part, could
	// single out fewer than MinTextGroup respondents.
	TextsWithheld   bool                 `json:"texts_withheld"`
	TalliesWithheld bool                 `json:"tallies_withheld"`
	MinTextGroup    int                  `json:"min_text_group"`
	Questions       []surveyQuestionJSON `json:"questions"`
}

// surveyResults returns the figures of a survey for the subtree the caller
// reads (or the narrower unit_id), like the page /kuesioner/{id}/hasil.
func (a *API) surveyResults(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if !readsNeeds(p) {
		// The page answers "not found" to those who read no unit subtree.
		return apperr.New(apperr.ENOTFOUND, "err.survey.survey_not_found", id)
	}
	unitID, err := queryInt(r, "unit_id")
	if err != nil {
		return err
	}
	res, err := a.st.SurveyResults(r.Context(), p.Scope, id, unitID)
	if err != nil {
		return err
	}
	out := surveyResultsJSON{Survey: toSurveyJSON(res.Survey, a.surveyToday()), CanManage: policy.ManagesSurvey(p.Admin, res.Survey),
		Unit: toUnitJSON(&res.Unit), People: res.People, Responses: res.Responses, Rate: share(res.Rate),
		WithStandard: res.WithStandard, NeedsAsOf: res.NeedsAsOf, NeedsStale: res.NeedsStale,
		TextsWithheld: res.DetailWithheld, TalliesWithheld: res.DetailWithheld, MinTextGroup: model.SurveyMinTextGroup, Questions: make([]surveyQuestionJSON, 0, len(res.Questions))}
	for _, q := range res.Questions {
		qj := surveyQuestionJSON{ID: q.ID, Ord: q.Ord, Kind: q.Kind, Prompt: q.Prompt, MaxPicks: q.MaxPicks, Required: q.Required,
			Answered: q.Answered, Competencies: []surveyCompetencyJSON{}, Forms: []surveyFormJSON{}, Texts: []string{}, TextCount: q.TextCount}
		for _, c := range q.Competencies {
			qj.Competencies = append(qj.Competencies, surveyCompetencyJSON{CompetencyID: c.CompetencyID, Code: c.Code, Name: c.Name,
				Group: c.Group, FrameworkCode: c.Framework, Said: c.Said, SaidShare: share(c.SaidShare), Required: c.Required,
				Assessed: c.Assessed, Short: c.Short, ShareShort: share(c.ShareShort), WeightedNeed: c.WeightedNeed})
		}
		for _, f := range q.Forms {
			qj.Forms = append(qj.Forms, surveyFormJSON{Form: f.Form, Count: f.Count, Share: share(f.Share)})
		}
		qj.Texts = append(qj.Texts, q.Texts...)
		out.Questions = append(out.Questions, qj)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
