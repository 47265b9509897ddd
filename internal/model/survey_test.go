package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
)

// wantInvalid checks that err is an invalid-input error on field with key
// ("" field and key: no error).
func wantInvalid(t *testing.T, name string, err error, field, key string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("%s: unexpected %v", name, err)
		}
		return
	}
	p := Problems(err)
	if len(p) != 1 || p[0].Code != apperr.EINVALID || p[0].Field != field || p[0].Key != key {
		t.Errorf("%s: got %v, want invalid %s %s", name, err, field, key)
	}
}

func okSurvey() Survey {
	return Survey{Title: "Kebutuhan 2026", ScopeUnitID: 3, OpensOn: "2026-05-01", ClosesOn: "2026-05-14",
		Questions: []SurveyQuestion{{Kind: QuestionText, Prompt: "Saran?"}}}
}

func TestSurveyValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("ä", n) }
	many := make([]SurveyQuestion, SurveyMaxQuestions+1)
	for i := range many {
		many[i] = SurveyQuestion{Kind: QuestionText, Prompt: "?"}
	}
	cases := []struct {
		name       string
		edit       func(sv *Survey)
		field, key string
	}{
		{"valid", func(sv *Survey) {}, "", ""},
		{"an update carries no questions", func(sv *Survey) { sv.Questions = nil }, "", ""},
		{"one day", func(sv *Survey) { sv.ClosesOn = sv.OpensOn }, "", ""},
		{"title and intro at their limits", func(sv *Survey) { sv.Title, sv.Intro = long(SurveyMaxTitle), long(SurveyMaxIntro) }, "", ""},
		{"blank title", func(sv *Survey) { sv.Title = " \t" }, "title", "err.survey.title_required"},
		{"title too long", func(sv *Survey) { sv.Title = long(SurveyMaxTitle + 1) }, "title", "err.survey.title_at_most_characters"},
		{"intro too long", func(sv *Survey) { sv.Intro = long(SurveyMaxIntro + 1) }, "intro", "err.survey.introduction_at_most_characters"},
		{"no unit", func(sv *Survey) { sv.ScopeUnitID = 0 }, "unit", "err.survey.choose_target_unit"},
		{"opening date not ISO", func(sv *Survey) { sv.OpensOn = "1 Mei 2026" }, "opens_on", "err.survey.date_not_valid_yyyy"},
		{"closing date missing", func(sv *Survey) { sv.ClosesOn = "" }, "closes_on", "err.survey.date_not_valid_yyyy"},
		{"closing before opening", func(sv *Survey) { sv.ClosesOn = "2026-04-30" }, "closes_on", "err.cycle.closing_date_cannot_before"},
		{"too many questions", func(sv *Survey) { sv.Questions = many }, "questions", "err.survey.at_most_questions"},
		{"a bad question", func(sv *Survey) { sv.Questions = []SurveyQuestion{{Kind: QuestionText}} }, "prompt", "err.survey.question_text_required"},
	}
	for _, tc := range cases {
		sv := okSurvey()
		tc.edit(&sv)
		wantInvalid(t, tc.name, sv.Validate(), tc.field, tc.key)
	}
	sv := okSurvey()
	sv.Title, sv.OpensOn = "  Kebutuhan 2026  ", " 2026-05-01 "
	if err := sv.Validate(); err != nil || sv.Title != "Kebutuhan 2026" || sv.OpensOn != "2026-05-01" {
		t.Errorf("Validate trims: %v %q %q", err, sv.Title, sv.OpensOn)
	}
}

func TestSurveyQuestionValidate(t *testing.T) {
	cases := []struct {
		name       string
		q          SurveyQuestion
		field, key string
		want       SurveyQuestion // after normalising, when valid
	}{
		{"competencies: options sorted without repeats", SurveyQuestion{Kind: QuestionCompetencies, Prompt: " Apa? ", MaxPicks: 3, OptionIDs: []int64{5, 2, 5}},
			"", "", SurveyQuestion{Kind: QuestionCompetencies, Prompt: "Apa?", MaxPicks: 3, OptionIDs: []int64{2, 5}}},
		{"forms drop options", SurveyQuestion{Kind: QuestionForms, Prompt: "Bentuk?", MaxPicks: 2, OptionIDs: []int64{1}},
			"", "", SurveyQuestion{Kind: QuestionForms, Prompt: "Bentuk?", MaxPicks: 2}},
		{"text drops picks and options", SurveyQuestion{Kind: QuestionText, Prompt: "Saran?", MaxPicks: 4, OptionIDs: []int64{1}},
			"", "", SurveyQuestion{Kind: QuestionText, Prompt: "Saran?"}},
		{"picks at the limit", SurveyQuestion{Kind: QuestionForms, Prompt: "?", MaxPicks: SurveyMaxPicks},
			"", "", SurveyQuestion{Kind: QuestionForms, Prompt: "?", MaxPicks: SurveyMaxPicks}},
		{"unknown kind", SurveyQuestion{Kind: "rating", Prompt: "?"}, "kind", "err.survey.question_kind_unknown", SurveyQuestion{}},
		{"blank prompt", SurveyQuestion{Kind: QuestionText, Prompt: "  "}, "prompt", "err.survey.question_text_required", SurveyQuestion{}},
		{"prompt too long", SurveyQuestion{Kind: QuestionText, Prompt: strings.Repeat("x", SurveyMaxPrompt+1)}, "prompt", "err.survey.question_text_at_most", SurveyQuestion{}},
		{"negative picks", SurveyQuestion{Kind: QuestionForms, Prompt: "?", MaxPicks: -1}, "max_picks", "err.survey.max_picks_range", SurveyQuestion{}},
		{"too many picks", SurveyQuestion{Kind: QuestionForms, Prompt: "?", MaxPicks: SurveyMaxPicks + 1}, "max_picks", "err.survey.max_picks_range", SurveyQuestion{}},
		{"competencies without options", SurveyQuestion{Kind: QuestionCompetencies, Prompt: "?"}, "options", "err.survey.choose_at_least_one", SurveyQuestion{}},
	}
	for _, tc := range cases {
		q := tc.q
		err := q.Validate()
		wantInvalid(t, tc.name, err, tc.field, tc.key)
		if err == nil && (q.Kind != tc.want.Kind || q.Prompt != tc.want.Prompt || q.MaxPicks != tc.want.MaxPicks || !slices.Equal(q.OptionIDs, tc.want.OptionIDs)) {
			t.Errorf("%s: normalised to %+v, want %+v", tc.name, q, tc.want)
		}
	}
}

func TestSurveyCheckAnswers(t *testing.T) {
	sv := Survey{Questions: []SurveyQuestion{
		{ID: 1, Kind: QuestionCompetencies, MaxPicks: 2, Required: true, OptionIDs: []int64{10, 11, 12}},
		{ID: 2, Kind: QuestionForms, MaxPicks: 2},
		{ID: 3, Kind: QuestionText},
	}}
	good := func() map[int64]SurveyAnswer {
		return map[int64]SurveyAnswer{1: {Competencies: []int64{11}}}
	}
	cases := []struct {
		name       string
		edit       func(a map[int64]SurveyAnswer)
		field, key string
	}{
		{"the required question alone", func(a map[int64]SurveyAnswer) {}, "", ""},
		{"a repeated pick counts once", func(a map[int64]SurveyAnswer) { a[1] = SurveyAnswer{Competencies: []int64{12, 11, 12}} }, "", ""},
		{"required left empty", func(a map[int64]SurveyAnswer) { delete(a, 1) }, "q1", "err.survey.question_answered"},
		{"required answered in the wrong kind only", func(a map[int64]SurveyAnswer) { a[1] = SurveyAnswer{Text: "x"} }, "q1", "err.survey.question_answered"},
		{"a competency not offered", func(a map[int64]SurveyAnswer) { a[1] = SurveyAnswer{Competencies: []int64{99}} }, "q1", "err.survey.competency_not_choice_question"},
		{"too many competencies", func(a map[int64]SurveyAnswer) { a[1] = SurveyAnswer{Competencies: []int64{10, 11, 12}} }, "q1", "err.survey.choose_at_most"},
		{"an unknown form", func(a map[int64]SurveyAnswer) { a[2] = SurveyAnswer{Forms: []string{"piknik"}} }, "q2", "err.survey.development_form_unknown"},
		{"too many forms", func(a map[int64]SurveyAnswer) { a[2] = SurveyAnswer{Forms: []string{"bimtek", "seminar", "kursus"}} }, "q2", "err.survey.choose_at_most"},
		{"a text at the limit", func(a map[int64]SurveyAnswer) { a[3] = SurveyAnswer{Text: strings.Repeat("ü", SurveyMaxText)} }, "", ""},
		{"a text too long", func(a map[int64]SurveyAnswer) { a[3] = SurveyAnswer{Text: strings.Repeat("ü", SurveyMaxText+1)} }, "q3", "err.survey.answer_at_most_characters"},
		{"a question of another survey", func(a map[int64]SurveyAnswer) { a[4] = SurveyAnswer{Text: "x"} }, "answers", "err.survey.question_not_part_survey"},
	}
	for _, tc := range cases {
		a := good()
		tc.edit(a)
		wantInvalid(t, tc.name, sv.CheckAnswers(a), tc.field, tc.key)
	}

	// What is kept: each kind's own part, sorted without repeats, texts trimmed.
	a := map[int64]SurveyAnswer{
		1: {Competencies: []int64{12, 10, 12}, Text: "ignored"},
		2: {Forms: []string{"seminar", "bimtek", "seminar"}, Competencies: []int64{10}},
		3: {Text: "  Pelatihan data  ", Forms: []string{"bimtek"}},
	}
	if err := sv.CheckAnswers(a); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a[1].Competencies, []int64{10, 12}) || a[1].Text != "" ||
		!slices.Equal(a[2].Forms, []string{"bimtek", "seminar"}) || a[2].Competencies != nil ||
		a[3].Text != "Pelatihan data" || a[3].Forms != nil {
		t.Errorf("normalised answers %+v", a)
	}
}

func TestSurveyStateAndPrivacy(t *testing.T) {
	sv := okSurvey()
	for today, want := range map[string]string{"2026-04-30": SurveyUpcoming, "2026-05-01": SurveyOpen, "2026-05-14": SurveyOpen, "2026-05-15": SurveyClosed} {
		if got := sv.State(today); got != want {
			t.Errorf("State(%s) = %s, want %s", today, got, want)
		}
	}
	if sv.Frozen() {
		t.Error("a survey without responses is not frozen")
	}
	sv.Responses = 1
	if !sv.Frozen() {
		t.Error("the first response freezes questions and scope")
	}
	if QuestionField(42) != "q42" {
		t.Error("QuestionField names the form field q<ID>")
	}
}
