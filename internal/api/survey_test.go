package api

import (
	"bytes"
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestSurveys(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		if _, err := st.EnsureBuiltInFrameworks(ctx, sys); err != nil {
			t.Fatal(err)
		}
		fid, _ := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
		_, comps, _ := st.Framework(ctx, fid)
		adminB := f.adminB()
		head := f.userToken(model.User{Username: f.a1.NIP, Role: model.RoleAtasan, EmployeeID: f.a1.ID})

		// A third employee of A, so that three can answer.
		a3 := model.Employee{NIP: "199001012015031004", Name: "Rina Lubis", BirthDate: date("1990-01-01"), Gender: model.Female,
			Kind: model.PNS, Golongan: "III/a", PositionID: f.staffA.ID, UnitID: f.unitA.ID, Status: model.StatusAktif}
		if err := f.city.AddEmployee(&a3); err != nil {
			t.Fatal(err)
		}

		// A June 2025 survey of unit A (testNow is 2 June).
		sv := &model.Survey{Title: "Kebutuhan pelatihan 2026", ScopeUnitID: f.unitA.ID, OpensOn: "2025-06-01", ClosesOn: "2025-06-30",
			Questions: []model.SurveyQuestion{
				{Kind: model.QuestionCompetencies, Prompt: "Kompetensi yang Anda butuhkan", MaxPicks: 2, OptionIDs: []int64{comps[0], comps[1]}},
				{Kind: model.QuestionForms, Prompt: "Bentuk pengembangan"},
				{Kind: model.QuestionText, Prompt: "Saran lain"},
			}}
		if err := st.CreateSurvey(ctx, sys, model.Scope{All: true}, sv); err != nil {
			t.Fatal(err)
		}
		qc, qf, qt := sv.Questions[0].ID, sv.Questions[1].ID, sv.Questions[2].ID

		// Before answering, a2 is asked to answer it; a pegawai reads no
		// results.
		r := f.do("GET", "/api/v1/surveys", f.pegawai, nil).want(t, 200)
		answer, _ := r.body["answer"].([]any)
		results, _ := r.body["results"].([]any)
		if len(answer) != 1 || len(results) != 0 || r.body["can_create"] != false || r.body["today"] != "2025-06-02" {
			t.Fatalf("pegawai list %s", r.raw)
		}
		if a := answer[0].(map[string]any); num(a["id"]) != sv.ID || a["answered"] != false || a["answered_at"] != nil || a["state"] != "open" {
			t.Errorf("survey to answer %v", a)
		}

		// a2 answers, with a free text full of characters that need escaping.
		text := "Pelatihan \"Excel\" <script>alert(1)</script>\nbaris & dua"
		if _, err := st.SubmitSurvey(ctx, model.Actor{Name: f.a2.NIP}, sv.ID, f.a2.ID, "2025-06-02", map[int64]model.SurveyAnswer{
			qc: {Competencies: []int64{comps[1]}}, qf: {Forms: []string{"coaching", "elearning"}}, qt: {Text: text},
		}); err != nil {
			t.Fatal(err)
		}
		r = f.do("GET", "/api/v1/surveys", f.pegawai, nil).want(t, 200)
		if a := r.body["answer"].([]any)[0].(map[string]any); a["answered"] != true || a["answered_at"] == nil {
			t.Errorf("answered survey %v", a)
		}

		// The admin of A manages it and reads its results.
		r = f.do("GET", "/api/v1/surveys", f.admin, nil).want(t, 200)
		results, _ = r.body["results"].([]any)
		if len(results) != 1 || r.body["can_create"] != true || len(r.body["answer"].([]any)) != 0 {
			t.Fatalf("admin list %s", r.raw)
		}
		if m := results[0].(map[string]any); m["can_manage"] != true || num(m["responses"]) != 1 || m["scope_unit_name"] != f.unitA.Name {
			t.Errorf("managed survey %v", m)
		}
		if r.body["results_next_offset"] != nil {
			t.Errorf("one survey, yet a next page: %s", r.raw)
		}
		// A second survey: the results come a page at a time.
		sv2 := &model.Survey{Title: "Kebutuhan pelatihan 2027", ScopeUnitID: f.unitA.ID, OpensOn: "2025-07-01", ClosesOn: "2025-07-31",
			Questions: []model.SurveyQuestion{{Kind: model.QuestionText, Prompt: "Saran"}}}
		if err := st.CreateSurvey(ctx, sys, model.Scope{All: true}, sv2); err != nil {
			t.Fatal(err)
		}
		r = f.do("GET", "/api/v1/surveys?limit=1", f.admin, nil).want(t, 200)
		if res := r.body["results"].([]any); len(res) != 1 || num(res[0].(map[string]any)["id"]) != sv2.ID || num(r.body["results_next_offset"]) != 1 {
			t.Errorf("first page of one %s", r.raw)
		}
		r = f.do("GET", "/api/v1/surveys?limit=1&offset=1", f.admin, nil).want(t, 200)
		if res := r.body["results"].([]any); len(res) != 1 || num(res[0].(map[string]any)["id"]) != sv.ID || r.body["results_next_offset"] != nil {
			t.Errorf("second page of one %s", r.raw)
		}
		before := auditCount(t, st)
		path := "/api/v1/surveys/" + itoa(sv.ID) + "/results"
		r = f.do("GET", path, f.admin, nil).want(t, 200)
		if num(r.body["people"]) != 3 || num(r.body["responses"]) != 1 || num(r.body["unit"].(map[string]any)["id"]) != f.unitA.ID ||
			r.body["can_manage"] != true {
			t.Fatalf("results %s", r.raw)
		}
		// One respondent: the tallies and the free text are withheld (they
		// would name their writer's choices).
		q3 := r.body["questions"].([]any)[2].(map[string]any)
		if r.body["texts_withheld"] != true || r.body["tallies_withheld"] != true || num(r.body["min_text_group"]) != 3 || len(q3["texts"].([]any)) != 0 ||
			num(q3["answered"]) != 0 || len(r.body["questions"].([]any)[1].(map[string]any)["forms"].([]any)) != 0 || bytes.Contains(r.raw, []byte("Excel")) {
			t.Errorf("texts of a single respondent %s", r.raw)
		}
		// Two more answer (no competency picked, no text).
		for _, e := range []model.Employee{f.a1, a3} {
			if _, err := st.SubmitSurvey(ctx, model.Actor{Name: e.NIP}, sv.ID, e.ID, "2025-06-02", map[int64]model.SurveyAnswer{
				qf: {Forms: []string{"coaching"}}}); err != nil {
				t.Fatal(err)
			}
		}
		before = auditCount(t, st)
		r = f.do("GET", path, f.admin, nil).want(t, 200)
		if num(r.body["responses"]) != 3 || r.body["rate"].(float64) != 100 || r.body["texts_withheld"] != false {
			t.Fatalf("results %s", r.raw)
		}
		qs := r.body["questions"].([]any)
		if len(qs) != 3 {
			t.Fatalf("questions %s", r.raw)
		}
		c0 := qs[0].(map[string]any)["competencies"].([]any)[0].(map[string]any)
		if num(c0["competency_id"]) != comps[1] || num(c0["said"]) != 1 || c0["said_share"].(float64) != 100 {
			t.Errorf("most asked competency %v", c0)
		}
		forms := qs[1].(map[string]any)["forms"].([]any)
		if top := forms[0].(map[string]any); top["form"] != "coaching" || num(top["count"]) != 3 || top["share"].(float64) != 100 {
			t.Errorf("forms %v", forms)
		}
		q3 = qs[2].(map[string]any)
		texts, _ := q3["texts"].([]any)
		if len(texts) != 1 || texts[0] != text || num(q3["text_count"]) != 1 {
			t.Errorf("free texts %v, want [%q]", texts, text)
		}
		// The text travels as a JSON string: quotes and the newline escaped,
		// no raw line break inside the document, the respondent not named.
		if !bytes.Contains(r.raw, []byte(`Pelatihan \"Excel\"`)) || !bytes.Contains(r.raw, []byte(`\nbaris`)) ||
			bytes.Count(r.raw, []byte("\n")) != 1 || bytes.Contains(r.raw, []byte(f.a2.Name)) || bytes.Contains(r.raw, []byte(f.a2.NIP)) {
			t.Errorf("raw results %s", r.raw)
		}
		if n := auditCount(t, st); n != before {
			t.Errorf("reading results wrote %d audit entries", n-before)
		}
		// The head of A reads them too, without managing the survey.
		if r := f.do("GET", path, head, nil).want(t, 200); r.body["can_manage"] != false {
			t.Errorf("head's results %s", r.raw)
		}

		// Scope: B's admin neither lists nor reads the survey of A; a
		// pegawai reads no results, as on the page.
		r = f.do("GET", "/api/v1/surveys", adminB, nil).want(t, 200)
		if res, _ := r.body["results"].([]any); len(res) != 0 {
			t.Errorf("B's admin lists %s", r.raw)
		}
		f.do("GET", path, adminB, nil).want(t, 404)
		f.do("GET", path, f.pegawai, nil).want(t, 404)
		// Narrowing: a unit outside the survey is not found; junk is invalid.
		f.do("GET", path+"?unit_id="+itoa(f.unitB.ID), f.super, nil).want(t, 404)
		f.do("GET", path+"?unit_id="+itoa(f.unitA.ID), f.super, nil).want(t, 200)
		f.do("GET", path+"?unit_id=x", f.super, nil).wantInvalid(t, "unit_id")
		f.do("GET", "/api/v1/surveys/99999/results", f.super, nil).want(t, 404)
		f.do("GET", path, "", nil).want(t, 401)
	})
}
