package needs

import (
	"slices"
	"testing"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

func surveyForTally() *model.Survey {
	return &model.Survey{Questions: []model.SurveyQuestion{
		{ID: 1, Kind: model.QuestionCompetencies, Options: []model.SurveyOption{{CompetencyID: 10}, {CompetencyID: 20}, {CompetencyID: 30}}},
		{ID: 2, Kind: model.QuestionForms},
		{ID: 3, Kind: model.QuestionText},
	}}
}

func TestTallySurveyOrdersAndShares(t *testing.T) {
	form := model.TrainingForms[len(model.TrainingForms)-1]
	f := SurveyFacts{
		People: 8, Responses: 4,
		Analysis: &Analysis{Employees: 6, Needs: []Need{
			{CompetencyID: 20, Required: 6, Assessed: 5, Short: 4, ShareShort: 8000, WeightedNeed: 9},
			{CompetencyID: 30, Required: 6, Assessed: 5, Short: 1, ShareShort: 2000, WeightedNeed: 2},
		}},
		Answered:  map[int64]int{1: 4, 2: 3},
		Picks:     map[Pick]int{{1, 10, ""}: 1, {1, 20, ""}: 1, {1, 30, ""}: 3, {2, 0, form}: 2},
		Texts:     map[int64][]string{3: {"zebra", "apel"}},
		TextCount: map[int64]int{3: 250},
	}
	r := TallySurvey(surveyForTally(), model.OrgUnit{ID: 5}, f)
	if r.Rate != 5000 || r.WithStandard != 6 {
		t.Errorf("rate %v with standard %d, want 50,00 %% and 6", r.Rate, r.WithStandard)
	}
	var order []int64
	for _, c := range r.Questions[0].Competencies {
		order = append(order, c.CompetencyID)
	}
	// 30 is asked most; 20 and 10 tie on picks, and 20 has more people short.
	if !slices.Equal(order, []int64{30, 20, 10}) {
		t.Errorf("competencies in order %v, want 30 20 10", order)
	}
	c := r.Questions[0].Competencies
	if c[0].SaidShare != 7500 || c[1].Short != 4 || c[2].ShareShort != -1 {
		t.Errorf("tallies %+v", c)
	}
	if fr := r.Questions[1].Forms; len(fr) != len(model.TrainingForms) || fr[0].Form != form || fr[0].Share != gap.Fixed(6667) {
		t.Errorf("forms %+v, want %s first at 66,67 %%", fr, form)
	}
	if q := r.Questions[2]; !slices.Equal(q.Texts, []string{"apel", "zebra"}) || q.TextCount != 250 {
		t.Errorf("texts %v (%d), want sorted, 250 in all", q.Texts, q.TextCount)
	}
}

func TestTallySurveyWithheldGivesNoDetail(t *testing.T) {
	r := TallySurvey(surveyForTally(), model.OrgUnit{}, SurveyFacts{People: 0, Withheld: true})
	if !r.DetailWithheld || r.Rate != -1 || r.Questions[1].Forms != nil || r.Questions[0].Competencies[0].Said != 0 {
		t.Errorf("withheld results %+v", r)
	}
}
