package api

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// The subtraction attack of issue 10, point 4: a survey over the whole
// government, one unit (Dinkes) with a single respondent, the other
// (Disdik) with three. Each part alone had enough respondents or was
// withheld, yet the whole minus Disdik was Dinkes's one answer: its free
// text and its choice of forms. No two parts a reader can open may differ
// by fewer than three respondents' answers; and the audit rows of the
// answers say only that an answer was given.
func TestSurveyResultsResistSubtraction(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		a3 := model.Employee{NIP: "199001012015031004", Name: "Rina Lubis", BirthDate: date("1990-01-01"), Gender: model.Female,
			Kind: model.PNS, Golongan: "III/a", PositionID: f.staffA.ID, UnitID: f.unitA.ID, Status: model.StatusAktif}
		if err := f.city.AddEmployee(&a3); err != nil {
			t.Fatal(err)
		}
		sv := &model.Survey{Title: "Kebutuhan pelatihan 2026", ScopeUnitID: f.root.ID, OpensOn: "2025-06-01", ClosesOn: "2025-06-30",
			Questions: []model.SurveyQuestion{{Kind: model.QuestionForms, Prompt: "Bentuk pengembangan"}, {Kind: model.QuestionText, Prompt: "Saran lain"}}}
		if err := st.CreateSurvey(ctx, sys, model.Scope{All: true}, sv); err != nil {
			t.Fatal(err)
		}
		qf, qt := sv.Questions[0].ID, sv.Questions[1].ID
		const secret = "Atasan saya tidak pernah mengizinkan pelatihan"
		for _, a := range []struct {
			e    model.Employee
			form string
			text string
		}{{f.a1, "coaching", "Lebih banyak e-learning"}, {f.a2, "coaching", "Mentoring rutin"}, {a3, "coaching", "Bimtek SPBE"}, {f.b1, "magang", secret}} {
			if _, err := st.SubmitSurvey(ctx, model.Actor{Name: a.e.NIP}, sv.ID, a.e.ID, "2025-06-02",
				map[int64]model.SurveyAnswer{qf: {Forms: []string{a.form}}, qt: {Text: a.text}}); err != nil {
				t.Fatal(err)
			}
		}

		// What a whole-government reader sees of each part: the free texts
		// and the forms chosen (form → count).
		type part struct {
			texts []string
			forms map[string]int
		}
		read := func(unitID int64) part {
			t.Helper()
			r := f.do("GET", "/api/v1/surveys/"+itoa(sv.ID)+"/results?unit_id="+itoa(unitID), f.super, nil).want(t, 200)
			var p part
			p.forms = map[string]int{}
			for _, q := range r.body["questions"].([]any) {
				q := q.(map[string]any)
				for _, x := range q["texts"].([]any) {
					p.texts = append(p.texts, x.(string))
				}
				for _, x := range q["forms"].([]any) {
					if x := x.(map[string]any); num(x["count"]) > 0 {
						p.forms[x["form"].(string)] = int(num(x["count"]))
					}
				}
			}
			return p
		}
		parts := map[string]part{"pemda": read(f.root.ID), "disdik": read(f.unitA.ID), "dinkes": read(f.unitB.ID)}
		if len(parts["pemda"].texts) != 4 || parts["pemda"].forms["coaching"] != 3 {
			t.Errorf("the whole survey (4 respondents) shows its texts and tallies: %+v", parts["pemda"])
		}
		for _, p := range parts {
			if slices.Contains(p.texts, secret) && len(p.texts) < 3 {
				t.Errorf("the lone respondent's text shown in a part of %d texts", len(p.texts))
			}
		}
		// Subtract every visible part from every other.
		for an, a := range parts {
			for bn, b := range parts {
				if an == bn || len(a.texts) == 0 || len(b.texts) == 0 {
					continue
				}
				var rest []string
				for _, x := range a.texts {
					if !slices.Contains(b.texts, x) {
						rest = append(rest, x)
					}
				}
				if len(rest) > 0 && len(rest) < model.SurveyMinTextGroup {
					t.Errorf("%s minus %s leaves the texts %q", an, bn, rest)
				}
			}
			for bn, b := range parts {
				if an == bn || len(a.forms) == 0 || len(b.forms) == 0 {
					continue
				}
				n := 0
				for form, c := range a.forms {
					n += max(c-b.forms[form], 0)
				}
				if n > 0 && n < model.SurveyMinTextGroup && a.forms["magang"] > b.forms["magang"] {
					t.Errorf("%s minus %s leaves the choice %v of the lone respondent", an, bn, a.forms)
				}
			}
		}
		// The response counts stay.
		r := f.do("GET", "/api/v1/surveys/"+itoa(sv.ID)+"/results?unit_id="+itoa(f.unitA.ID), f.super, nil).want(t, 200)
		if num(r.body["responses"]) != 3 || r.body["texts_withheld"] != true || r.body["tallies_withheld"] != true {
			t.Errorf("Disdik's part: responses %v, withheld %v/%v", r.body["responses"], r.body["texts_withheld"], r.body["tallies_withheld"])
		}

		// The audit rows of the answers name the survey, not the employee
		// nor the size of any answer.
		rows, err := st.DB().Query(`SELECT action, entity, detail FROM audit_log WHERE action LIKE 'survey.answer%'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var action, entity, detail string
			if err := rows.Scan(&action, &entity, &detail); err != nil {
				t.Fatal(err)
			}
			n++
			if want := `{"survey_id":` + itoa(sv.ID) + `}`; detail != want {
				t.Errorf("%s audit detail %s, want %s", action, detail, want)
			}
			if strings.Contains(detail, `"employee_id"`) {
				t.Errorf("%s audit detail %s names the employee", action, detail)
			}
		}
		if err := rows.Err(); err != nil || n != 4 {
			t.Errorf("%d answer audit rows (%v), want 4", n, err)
		}
	})
}
