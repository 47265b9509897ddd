package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// auditActions returns the actions of the audit entries of one record,
// oldest first.
func auditActions(t *testing.T, s *store.Store, entity string, id int64) []string {
	t.Helper()
	log, err := s.AuditLog(context.Background(), store.AuditFilter{Entity: entity, EntityID: fmtInt(id)})
	must(t, err)
	var out []string
	for i := len(log) - 1; i >= 0; i-- {
		out = append(out, log[i].Action)
	}
	return out
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if apperr.Code(err) != code {
		t.Errorf("%s: got %v, want %s", what, err, code)
	}
}

// newDinasSurvey creates, as a BKPSDM admin, a March 2025 survey of the
// Kominfo dinas with a competencies question (c0–c2, at most 2, required),
// a forms question (at most 3) and a free question.
func newDinasSurvey(t *testing.T, s *store.Store, f *testcity.City) *model.Survey {
	t.Helper()
	c := f.National
	sv := &model.Survey{Title: " Kebutuhan pelatihan 2026 ", ScopeUnitID: f.Kominfo.ID, OpensOn: "2025-03-01", ClosesOn: "2025-03-31",
		Questions: []model.SurveyQuestion{
			{Kind: model.QuestionCompetencies, Prompt: "Kompetensi yang Anda butuhkan", MaxPicks: 2, Required: true, OptionIDs: []int64{c[2], c[0], c[1], c[0]}},
			{Kind: model.QuestionForms, Prompt: "Bentuk pengembangan yang Anda sukai", MaxPicks: 3},
			{Kind: model.QuestionText, Prompt: "Saran lain"},
		}}
	must(t, s.CreateSurvey(context.Background(), admin, model.Scope{All: true}, sv))
	return sv
}

func TestSurveyAdministration(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		dinkesAdmin := model.Scope{UnitPaths: []string{f.Dinkes.Path}}

		// A unit admin cannot aim a survey outside the unit they administer.
		out := &model.Survey{Title: "Di luar", ScopeUnitID: f.Kominfo.ID, OpensOn: "2025-03-01", ClosesOn: "2025-03-31"}
		wantCode(t, "create outside scope", s.CreateSurvey(ctx, admin, dinkesAdmin, out), apperr.EINVALID)
		bad := &model.Survey{Title: "Terbalik", ScopeUnitID: f.Dinkes.ID, OpensOn: "2025-03-31", ClosesOn: "2025-03-01"}
		wantCode(t, "closes before opens", s.CreateSurvey(ctx, admin, dinkesAdmin, bad), apperr.EINVALID)
		noOpt := &model.Survey{Title: "Tanpa pilihan", ScopeUnitID: f.Dinkes.ID, OpensOn: "2025-03-01", ClosesOn: "2025-03-31",
			Questions: []model.SurveyQuestion{{Kind: model.QuestionCompetencies, Prompt: "Apa?"}}}
		wantCode(t, "competency question without options", s.CreateSurvey(ctx, admin, dinkesAdmin, noOpt), apperr.EINVALID)

		sv := newDinasSurvey(t, s, f)
		got, err := s.Survey(ctx, sv.ID)
		must(t, err)
		if got.Title != "Kebutuhan pelatihan 2026" || got.ScopeName != f.Kominfo.Name || len(got.Questions) != 3 ||
			len(got.Questions[0].Options) != 3 || got.Questions[0].Options[0].CompetencyID != f.National[0] || got.Questions[2].Kind != model.QuestionText {
			t.Fatalf("stored survey %+v", got)
		}
		if !policy.ManagesSurvey(model.Scope{All: true}, got) || policy.ManagesSurvey(dinkesAdmin, got) ||
			policy.ManagesSurvey(model.Scope{UnitPaths: []string{f.Bidang.Path}}, got) {
			t.Error("ManagesSurvey: only an administrator of the dinas or above manages it")
		}

		// Another unit's admin is told the survey does not exist.
		upd := *got
		upd.Title = "Diubah"
		wantCode(t, "update by another unit's admin", s.UpdateSurvey(ctx, admin, dinkesAdmin, &upd), apperr.ENOTFOUND)
		wantCode(t, "delete by another unit's admin", s.DeleteSurvey(ctx, admin, dinkesAdmin, sv.ID), apperr.ENOTFOUND)
		q := &model.SurveyQuestion{Kind: model.QuestionText, Prompt: "Tambahan"}
		wantCode(t, "question by another unit's admin", s.AddSurveyQuestion(ctx, admin, dinkesAdmin, sv.ID, q), apperr.ENOTFOUND)

		// Before anyone answers, the questions can change.
		must(t, s.AddSurveyQuestion(ctx, admin, model.Scope{All: true}, sv.ID, q))
		must(t, s.DeleteSurveyQuestion(ctx, admin, model.Scope{All: true}, sv.ID, q.ID))
		must(t, s.UpdateSurvey(ctx, admin, model.Scope{All: true}, &upd))

		// Who sees it in lists: readers of any part of the dinas.
		for _, tt := range []struct {
			sc   model.Scope
			want int
		}{{model.Scope{All: true}, 1}, {model.Scope{UnitPaths: []string{f.Bidang.Path}}, 1}, {dinkesAdmin, 0}, {model.Scope{SelfID: f.Ani.ID}, 0}} {
			list, _, err := s.SurveyPage(ctx, store.SurveyFilter{Scope: tt.sc})
			must(t, err)
			if len(list) != tt.want {
				t.Errorf("Surveys(%+v) = %d surveys, want %d", tt.sc, len(list), tt.want)
			}
		}

		// A survey nobody answered can be deleted.
		gone := &model.Survey{Title: "Salah buat", ScopeUnitID: f.Dinkes.ID, OpensOn: "2025-03-01", ClosesOn: "2025-03-31"}
		must(t, s.CreateSurvey(ctx, admin, dinkesAdmin, gone))
		must(t, s.DeleteSurvey(ctx, admin, dinkesAdmin, gone.ID))
		_, err = s.Survey(ctx, gone.ID)
		wantCode(t, "deleted survey", err, apperr.ENOTFOUND)

		if got, want := auditActions(t, s, "survey", sv.ID), "survey.create survey.question_add survey.question_delete survey.update"; strings.Join(got, " ") != want {
			t.Errorf("audit %v, want %s", got, want)
		}
		if got := auditActions(t, s, "survey", gone.ID); strings.Join(got, " ") != "survey.create survey.delete" {
			t.Errorf("audit of the deleted survey %v", got)
		}
	})
}

func TestSurveyAnswering(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		c := f.National
		sv := newDinasSurvey(t, s, f)
		qc, qf, qt := sv.Questions[0].ID, sv.Questions[1].ID, sv.Questions[2].ID
		const open, early, late = "2025-03-15", "2025-02-28", "2025-04-01"
		submit := func(e model.Employee, day string, ans map[int64]model.SurveyAnswer) (bool, error) {
			return s.SubmitSurvey(ctx, model.Actor{Name: e.NIP}, sv.ID, e.ID, day, ans)
		}
		answer := map[int64]model.SurveyAnswer{qc: {Competencies: []int64{c[0]}}, qf: {Forms: []string{"coaching", "elearning"}},
			qt: {Text: "  Pelatihan <b>SPBE</b> untuk operator  "}}

		// Someone outside the dinas is not asked: the survey "does not exist".
		_, err := submit(f.Fani, open, answer)
		wantCode(t, "answer from outside the scope", err, apperr.ENOTFOUND)
		if ok, err := s.SurveyEligible(ctx, sv.ID, f.Fani.ID); err != nil || ok {
			t.Errorf("fani eligible %v %v", ok, err)
		}
		mine, err := s.MySurveys(ctx, f.Fani.ID, open)
		must(t, err)
		if len(mine) != 0 {
			t.Errorf("fani's surveys %+v", mine)
		}
		// Only while open.
		_, err = submit(f.Ani, early, answer)
		wantCode(t, "answer before opening", err, apperr.ECONFLICT)
		_, err = submit(f.Ani, late, answer)
		wantCode(t, "answer after closing", err, apperr.ECONFLICT)

		// A survey without questions cannot be answered.
		empty := &model.Survey{Title: "Kosong", ScopeUnitID: f.Kominfo.ID, OpensOn: "2025-03-01", ClosesOn: "2025-03-31"}
		must(t, s.CreateSurvey(ctx, admin, model.Scope{All: true}, empty))
		_, err = s.SubmitSurvey(ctx, admin, empty.ID, f.Ani.ID, open, nil)
		wantCode(t, "answer a survey without questions", err, apperr.ECONFLICT)

		// Answers are checked against the questions.
		for name, bad := range map[string]map[int64]model.SurveyAnswer{
			"too many picks":       {qc: {Competencies: []int64{c[0], c[1], c[2]}}},
			"competency not asked": {qc: {Competencies: []int64{c[3]}}},
			"unknown form":         {qc: {Competencies: []int64{c[0]}}, qf: {Forms: []string{"tidur"}}},
			"required left empty":  {qf: {Forms: []string{"coaching"}}},
			"unknown question":     {qc: {Competencies: []int64{c[0]}}, qc + 1000: {Text: "x"}},
			"text too long":        {qc: {Competencies: []int64{c[0]}}, qt: {Text: strings.Repeat("a", model.SurveyMaxText+1)}},
		} {
			_, err := submit(f.Ani, open, bad)
			wantCode(t, name, err, apperr.EINVALID)
		}

		// Ani answers, then changes her answer: one response, the new answer.
		mine, err = s.MySurveys(ctx, f.Ani.ID, open)
		must(t, err)
		if len(mine) != 1 || mine[0].Answered {
			t.Fatalf("ani's surveys before answering %+v", mine)
		}
		first, err := submit(f.Ani, open, answer)
		must(t, err)
		if !first {
			t.Error("first answer not reported as first")
		}
		first, err = submit(f.Ani, open, map[int64]model.SurveyAnswer{qc: {Competencies: []int64{c[1], c[2], c[1]}}, qf: {Forms: []string{"coaching", "elearning"}},
			qt: {Text: "  Pelatihan <b>SPBE</b> untuk operator  "}})
		must(t, err)
		if first {
			t.Error("changed answer reported as first")
		}
		r, err := s.SurveyResponseOf(ctx, sv.ID, f.Ani.ID)
		must(t, err)
		if r == nil || fmt.Sprint(r.Answers[qc].Competencies) != fmt.Sprint([]int64{c[1], c[2]}) ||
			len(r.Answers[qf].Forms) != 2 || r.Answers[qt].Text != "Pelatihan <b>SPBE</b> untuk operator" {
			t.Fatalf("ani's response %+v", r)
		}
		mine, err = s.MySurveys(ctx, f.Ani.ID, late)
		must(t, err)
		if len(mine) != 1 || !mine[0].Answered || mine[0].State(late) != model.SurveyClosed {
			t.Errorf("ani's surveys after closing %+v", mine)
		}
		if got := auditActions(t, s, "survey_response", r.ID); strings.Join(got, " ") != "survey.answer survey.answer_update" {
			t.Errorf("response audit %v", got)
		}
		if none, err := s.SurveyResponseOf(ctx, sv.ID, f.Bayu.ID); err != nil || none != nil {
			t.Errorf("budi's response before answering %+v %v", none, err)
		}

		// Once answered, questions and scope are frozen, the dates are not.
		all := model.Scope{All: true}
		wantCode(t, "add question after answers", s.AddSurveyQuestion(ctx, admin, all, sv.ID, &model.SurveyQuestion{Kind: model.QuestionText, Prompt: "?"}), apperr.ECONFLICT)
		wantCode(t, "delete question after answers", s.DeleteSurveyQuestion(ctx, admin, all, sv.ID, qt), apperr.ECONFLICT)
		wantCode(t, "delete survey after answers", s.DeleteSurvey(ctx, admin, all, sv.ID), apperr.ECONFLICT)
		moved := *sv
		moved.ScopeUnitID = f.Root.ID
		wantCode(t, "move scope after answers", s.UpdateSurvey(ctx, admin, all, &moved), apperr.ECONFLICT)
		longer := *sv
		longer.ClosesOn = "2025-04-30"
		must(t, s.UpdateSurvey(ctx, admin, all, &longer))
		if _, err := submit(f.Ani, late, answer); err != nil {
			t.Errorf("answer after the survey was extended: %v", err)
		}
	})
}

func TestSurveyResults(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		c := f.National
		sv := newDinasSurvey(t, s, f)
		qc, qf, qt := sv.Questions[0].ID, sv.Questions[1].ID, sv.Questions[2].ID
		answer := func(e model.Employee, a map[int64]model.SurveyAnswer) {
			t.Helper()
			_, err := s.SubmitSurvey(ctx, model.Actor{Name: e.NIP}, sv.ID, e.ID, "2025-03-10", a)
			must(t, err)
		}
		// Ani first asks for c0 and changes to c1 + c2; Bayu asks for c1,
		// Siti (head of the bidang) for c0. Dedi, Cici and the kadis do not
		// answer.
		answer(f.Ani, map[int64]model.SurveyAnswer{qc: {Competencies: []int64{c[0]}}})
		answer(f.Ani, map[int64]model.SurveyAnswer{qc: {Competencies: []int64{c[1], c[2]}}, qf: {Forms: []string{"coaching", "elearning"}},
			qt: {Text: "Pelatihan <b>SPBE</b>"}})
		answer(f.Bayu, map[int64]model.SurveyAnswer{qc: {Competencies: []int64{c[1]}}, qf: {Forms: []string{"elearning"}}, qt: {Text: "Mentoring"}})
		answer(f.Kabid, map[int64]model.SurveyAnswer{qc: {Competencies: []int64{c[0]}}})

		res, err := s.SurveyResults(ctx, model.Scope{All: true}, sv.ID, 0)
		must(t, err)
		// Seven active employees in the dinas (the city's Budi too), three answered.
		if res.Unit.ID != f.Kominfo.ID || res.People != 7 || res.Responses != 3 || res.Rate != 4286 || res.WithStandard != 5 {
			t.Fatalf("results head: unit %d people %d responses %d rate %d with standard %d", res.Unit.ID, res.People, res.Responses, res.Rate, res.WithStandard)
		}
		// Asked for, most first, beside the assessed gaps of the dinas
		// (needs_test: c0 3 of 4 assessed short, c1 1 of 2, c2 0 of 1).
		var got []string
		for _, x := range res.Questions[0].Competencies {
			got = append(got, fmt.Sprintf("%d:%d/%d short %d/%d", x.CompetencyID, x.Said, x.SaidShare, x.Short, x.Assessed))
		}
		want := []string{
			fmt.Sprintf("%d:2/6667 short 1/2", c[1]),
			fmt.Sprintf("%d:1/3333 short 3/4", c[0]),
			fmt.Sprintf("%d:1/3333 short 0/1", c[2]),
		}
		if res.Questions[0].Answered != 3 || strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("competency tallies (answered %d)\n got %v\nwant %v", res.Questions[0].Answered, got, want)
		}
		forms := res.Questions[1]
		if forms.Answered != 2 || len(forms.Forms) != len(model.TrainingForms) || forms.Forms[0].Form != "elearning" || forms.Forms[0].Count != 2 ||
			forms.Forms[0].Share != 10000 || forms.Forms[1].Form != "coaching" || forms.Forms[1].Count != 1 || forms.Forms[2].Count != 0 {
			t.Errorf("form tallies %+v", forms)
		}
		texts := res.Questions[2]
		if texts.TextCount != 2 || len(texts.Texts) != 2 || texts.Texts[0] != "Mentoring" || texts.Texts[1] != "Pelatihan <b>SPBE</b>" {
			t.Errorf("texts %+v", texts)
		}

		// The head of the bidang reads the bidang's part: five people, all
		// three respondents work there.
		head := model.Scope{UnitPaths: []string{f.Bidang.Path}, SelfID: f.Kabid.ID}
		b, err := s.SurveyResults(ctx, head, sv.ID, 0)
		must(t, err)
		if b.Unit.ID != f.Bidang.ID || b.People != 5 || b.Responses != 3 || b.Rate != 6000 {
			t.Errorf("bidang part: unit %d people %d responses %d rate %d", b.Unit.ID, b.People, b.Responses, b.Rate)
		}
		_, err = s.SurveyResults(ctx, head, sv.ID, f.Kominfo.ID)
		wantCode(t, "head asking for the whole dinas", err, apperr.ENOTFOUND)
		_, err = s.SurveyResults(ctx, model.Scope{All: true}, sv.ID, f.Dinkes.ID)
		wantCode(t, "a unit outside the survey", err, apperr.ENOTFOUND)
		_, err = s.SurveyResults(ctx, model.Scope{UnitPaths: []string{f.Dinkes.Path}}, sv.ID, 0)
		wantCode(t, "reader of another OPD", err, apperr.ENOTFOUND)
		_, err = s.SurveyResults(ctx, model.Scope{SelfID: f.Ani.ID}, sv.ID, 0)
		wantCode(t, "an employee reading results", err, apperr.ENOTFOUND)
	})
}

// TestSurveyPage checks that the list pages in closing-date order and that
// a unit reader's page holds the surveys above and below their unit, not
// beside it (the scope test runs in SQL since the list is paged).
func TestSurveyPage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		all := model.Scope{All: true}
		var ids []int64
		for i, u := range []model.OrgUnit{f.Kominfo, f.Bidang, f.Dinkes} {
			sv := &model.Survey{Title: fmt.Sprintf("Kuesioner %d", i), ScopeUnitID: u.ID, OpensOn: "2025-03-01", ClosesOn: fmt.Sprintf("2025-04-0%d", i+1)}
			must(t, s.CreateSurvey(ctx, admin, all, sv))
			ids = append(ids, sv.ID)
		}
		page, more, err := s.SurveyPage(ctx, store.SurveyFilter{Scope: all, Limit: 2})
		must(t, err)
		if len(page) != 2 || !more || page[0].ID != ids[2] || page[1].ID != ids[1] {
			t.Fatalf("first page %+v more=%v, want surveys %d, %d and more", page, more, ids[2], ids[1])
		}
		page, more, err = s.SurveyPage(ctx, store.SurveyFilter{Scope: all, Offset: 2, Limit: 2})
		must(t, err)
		if len(page) != 1 || more || page[0].ID != ids[0] {
			t.Fatalf("second page %+v more=%v, want survey %d only", page, more, ids[0])
		}
		// A reader of the bidang sees the dinas's survey (above) and the
		// bidang's own, not the other unit's.
		page, _, err = s.SurveyPage(ctx, store.SurveyFilter{Scope: model.Scope{UnitPaths: []string{f.Bidang.Path}}})
		must(t, err)
		if len(page) != 2 || page[0].ID != ids[1] || page[1].ID != ids[0] {
			t.Errorf("bidang reader's page %+v, want surveys %d, %d", page, ids[1], ids[0])
		}
	})
}
