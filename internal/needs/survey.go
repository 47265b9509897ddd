package needs

import (
	"cmp"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// Survey results set what the respondents of a training-needs survey asked
// for beside what the needs analysis of the same subtree found. The store
// counts (SurveyFacts); TallySurvey shapes the figures.

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

// Pick identifies one choice of one question: a competency or a form.
type Pick struct {
	Question, Competency int64
	Form                 string
}

// SurveyFacts are the counts the store reads for one survey in one
// subtree.
type SurveyFacts struct {
	People, Responses int
	Analysis          *Analysis // the needs analysis of the subtree
	// Withheld: the detail may not be shown (model.SurveyDetailShown), and
	// the maps below are empty.
	Withheld  bool
	Answered  map[int64]int      // respondents per question
	Picks     map[Pick]int       // respondents per choice
	Texts     map[int64][]string // the newest SurveyMaxTexts free answers per question
	TextCount map[int64]int      // all free answers per question
}

// TallySurvey builds the results of survey sv in the subtree of unit from
// the facts: shares, competencies most asked first (then most short, then
// the weighted need), forms most chosen first, free answers sorted by their
// text so that their order says nothing of when (and so by whom) each was
// written.
func TallySurvey(sv *model.Survey, unit model.OrgUnit, f SurveyFacts) *SurveyResults {
	out := &SurveyResults{Survey: sv, Unit: unit, People: f.People, Responses: f.Responses, DetailWithheld: f.Withheld}
	out.Rate = Share(out.Responses, out.People)
	byComp := map[int64]Need{}
	if an := f.Analysis; an != nil {
		out.WithStandard, out.NeedsAsOf, out.NeedsStale = an.Employees, an.AsOf, an.Stale
		for _, n := range an.Needs {
			byComp[n.CompetencyID] = n
		}
	}
	for _, t := range f.Texts {
		slices.Sort(t)
	}
	for _, q := range sv.Questions {
		qr := QuestionResult{SurveyQuestion: q, Answered: f.Answered[q.ID], Texts: f.Texts[q.ID], TextCount: f.TextCount[q.ID]}
		switch q.Kind {
		case model.QuestionCompetencies:
			for _, o := range q.Options {
				n, ok := byComp[o.CompetencyID]
				t := CompetencyTally{SurveyOption: o, Said: f.Picks[Pick{q.ID, o.CompetencyID, ""}], ShareShort: -1}
				t.SaidShare = Share(t.Said, qr.Answered)
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
			for _, form := range model.TrainingForms {
				c := f.Picks[Pick{q.ID, 0, form}]
				qr.Forms = append(qr.Forms, FormTally{Form: form, Count: c, Share: Share(c, qr.Answered)})
			}
			slices.SortStableFunc(qr.Forms, func(a, b FormTally) int { return cmp.Compare(b.Count, a.Count) })
		}
		out.Questions = append(out.Questions, qr)
	}
	return out
}
