package web

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// surveyIDFrom reads the survey ID out of a /kuesioner/{id}/... path.
func surveyIDFrom(t *testing.T, path string) int64 {
	t.Helper()
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 2 || parts[0] != "kuesioner" {
		t.Fatalf("not a survey page: %s", path)
	}
	id, err := strconv.ParseInt(parts[1], 10, 64)
	must(t, err)
	return id
}

// day is a date relative to today in WIB, as the pages count days.
func day(offset int) string {
	loc, err := time.LoadLocation("Asia/Jakarta")
	if err != nil {
		loc = time.UTC
	}
	return time.Now().In(loc).AddDate(0, 0, offset).Format("2006-01-02")
}

func TestSurveyPages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps // Budi's position: four national competencies at level 2; the head can sign in
		// Assessed: Budi 1 in Integritas (short), 3 in Kerjasama (not short).
		for i, lvl := range []int{1, 3} {
			must(t, st.AddRating(ctx, model.Actor{Name: "test"}, &model.Rating{EmployeeID: f.budi.ID, CompetencyID: comps[i],
				Source: assess.SourceAssessmentCentre, Level: lvl, RaterAdmin: model.Scope{All: true}}))
		}
		// Dewi works in Dinas Kesehatan, outside the survey.
		dewi := model.Employee{NIP: "199004042015032001", Name: "Dewi Lestari", Gender: model.Female, Kind: model.PNS, Golongan: "III/a",
			UnitID: f.dinkes.ID}
		must(t, f.city.AddEmployee(&dewi))
		must(t, f.city.AddUser(&model.User{Username: dewi.NIP, EmployeeID: dewi.ID, Role: model.RolePegawai, Active: true}, "rahasia-dewi-6"))

		// The Kominfo unit admin builds a survey; aiming it at another OPD
		// is refused on the form.
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		p := opd.get("/kuesioner")
		status(t, p, 200)
		contains(t, p, `id="nav-survey"`, `id="new-survey"`, `id="no-managed"`)
		status(t, opd.get("/kuesioner/baru"), 200)
		form := url.Values{"title": {"Kebutuhan pelatihan 2026"}, "intro": {"Mohon diisi."}, "opens_on": {day(-1)}, "closes_on": {day(7)},
			"framework": {"KOMPETENSI-ASN"}, "picks": {"2"}, "q_forms": {"1"}, "q_text": {"1"}}
		form.Set("unit", strconv.FormatInt(f.dinkes.ID, 10))
		p = opd.post("/kuesioner/baru", form)
		status(t, p, 400)
		contains(t, p, `id="form-error"`, "unit sasaran tidak ditemukan dalam cakupan Anda")
		form.Set("unit", strconv.FormatInt(f.kominfo.ID, 10))
		p = opd.post("/kuesioner/baru", form)
		status(t, p, 200)
		id := surveyIDFrom(t, p.URL)
		sid := strconv.FormatInt(id, 10)
		contains(t, p, `id="notice"`, `id="question-list"`, "Kompetensi apa yang paling perlu", "Integritas", `id="add-question"`)
		sv, err := st.Survey(ctx, id)
		must(t, err)
		if len(sv.Questions) != 3 || len(sv.Questions[0].Options) != 9 || sv.Questions[0].MaxPicks != 2 || sv.ScopeUnitID != f.kominfo.ID {
			t.Fatalf("created survey %+v", sv)
		}
		qc, qf, qt := fmt.Sprintf("q%d", sv.Questions[0].ID), fmt.Sprintf("q%d", sv.Questions[1].ID), fmt.Sprintf("q%d", sv.Questions[2].ID)

		// Budi, in Kominfo, is asked; his answer is checked, stored, and
		// can be changed.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		p = budi.get("/kuesioner")
		contains(t, p, `id="my-survey-`+sid+`"`, "belum dijawab")
		lacks(t, p, `id="new-survey"`, `id="managed-surveys"`)
		p = budi.get("/kuesioner/" + sid)
		status(t, p, 200)
		contains(t, p, `id="answer-form"`, `name="`+qc+`" value="`+strconv.FormatInt(comps[0], 10)+`"`, "Coaching", `id="privacy"`)
		c := func(i int) string { return strconv.FormatInt(comps[i], 10) }
		p = budi.post("/kuesioner/"+sid, url.Values{qc: {c(0), c(1), c(2)}})
		status(t, p, 400)
		contains(t, p, `class="field-error"`, "pilih paling banyak 2")
		p = budi.post("/kuesioner/"+sid, url.Values{qc: {c(0)}, qf: {"elearning", "coaching"}, qt: {`<script>alert(1)</script> pelatihan SPBE`}})
		status(t, p, 200)
		contains(t, p, `id="notice"`, `id="answered-at"`)
		p = budi.post("/kuesioner/"+sid, url.Values{qc: {c(1)}, qf: {"elearning"}, qt: {`<script>alert(1)</script> pelatihan SPBE`}})
		status(t, p, 200)
		r, err := st.SurveyResponseOf(ctx, id, f.budi.ID)
		must(t, err)
		if r == nil || fmt.Sprint(r.Answers[sv.Questions[0].ID].Competencies) != "["+c(1)+"]" {
			t.Fatalf("budi's response after the change: %+v", r)
		}
		contains(t, budi.get("/kuesioner"), "sudah dijawab")
		// English works too.
		budi.post("/bahasa", url.Values{"lang": {"en"}, "next": {"/kuesioner"}})
		contains(t, budi.get("/kuesioner/"+sid), "Save changed answer", "E-learning")

		// Outside the scope, or not an employee: the survey does not exist.
		dewiC := f.client(t)
		dewiC.login(dewi.NIP, "rahasia-dewi-6")
		status(t, dewiC.get("/kuesioner/"+sid), 404)
		status(t, dewiC.post("/kuesioner/"+sid, url.Values{qc: {c(0)}}), 404)
		lacks(t, dewiC.get("/kuesioner"), `id="my-survey-`+sid+`"`)
		status(t, opd.get("/kuesioner/"+sid), 404) // the unit admin account is no employee

		// Results: one of the two Kominfo employees answered. With one
		// respondent, what was asked for and written is withheld (it would
		// be Budi's answer); the response count and the assessed gaps stay.
		p = opd.get("/kuesioner/" + sid + "/hasil")
		status(t, p, 200)
		qcID := strconv.FormatInt(sv.Questions[0].ID, 10)
		contains(t, p, `<dd id="people">2</dd>`, `<dd id="responses">1</dd>`, "50 %",
			`id="tally-`+qcID+`-`+c(0)+`"`, `id="tallies-withheld-`+qcID+`"`,
			`id="tallies-withheld-`+strconv.FormatInt(sv.Questions[1].ID, 10)+`"`,
			`id="texts-withheld-`) // one respondent: free answers withheld (review_test.go)
		lacks(t, p, "<script", "Budi Santoso", `class="said"`, `id="tally-`+qcID+`-`+c(1)+`"`, "tidak ada yang meminta")
		// The eight competencies nobody is short in are folded away
		// (Kerjasama among them: whether it was asked for is withheld).
		contains(t, p, `id="quiet-`+qcID+`"`, "8 kompetensi lain: tidak ada yang kurang")
		row := p.Body[strings.Index(p.Body, `id="tally-`+qcID+`-`+c(0)+`"`):]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(row, `<span class="short">1</span>/1`) {
			t.Errorf("Integritas row: %s", row)
		}
		// The head of Kominfo reads results too; employees and other OPDs do not.
		head := f.client(t)
		head.login(nipHead, pwHead)
		status(t, head.get("/kuesioner/"+sid+"/hasil"), 200)
		status(t, budi.get("/kuesioner/"+sid+"/hasil"), 404)
		status(t, dewiC.get("/kuesioner/"+sid+"/hasil"), 404)
		status(t, opd.get("/kuesioner/"+sid+"/hasil?unit="+strconv.FormatInt(f.dinkes.ID, 10)), 404)
		// Nor can they edit it.
		status(t, budi.get("/kuesioner/"+sid+"/ubah"), 403)
		status(t, head.post("/kuesioner/"+sid+"/hapus", nil), 403)

		// Answered: questions are frozen, dates are not.
		p = opd.get("/kuesioner/" + sid + "/ubah")
		contains(t, p, `id="questions-frozen"`, `id="scope-frozen"`)
		lacks(t, p, `id="add-question"`, `id="delete-survey"`)
		status(t, opd.post("/kuesioner/"+sid+"/pertanyaan", url.Values{"kind": {"text"}, "prompt": {"Lagi?"}}), 409)
		status(t, opd.post("/kuesioner/"+sid+"/hapus", nil), 409)
		// Closing it early ends answering; Budi still sees his answer.
		p = opd.post("/kuesioner/"+sid+"/ubah", url.Values{"title": {sv.Title}, "intro": {sv.Intro}, "opens_on": {day(-3)}, "closes_on": {day(-1)}})
		status(t, p, 200)
		contains(t, p, `id="notice"`)
		status(t, budi.post("/kuesioner/"+sid, url.Values{qc: {c(0)}}), 409)
		p = budi.get("/kuesioner/" + sid)
		contains(t, p, `id="closed"`, `id="my-answer"`, "Kerjasama")
		lacks(t, p, `id="answer-form"`)

		// Every write is in the audit log.
		var got []string
		for _, k := range []struct {
			entity string
			id     int64
		}{{"survey", id}, {"survey_response", r.ID}} {
			log, err := st.AuditLog(ctx, store.AuditFilter{Entity: k.entity, EntityID: strconv.FormatInt(k.id, 10)})
			must(t, err)
			for i := len(log) - 1; i >= 0; i-- {
				got = append(got, log[i].Actor+":"+log[i].Action)
			}
		}
		want := "adminkominfo:survey.create adminkominfo:survey.update " + nipBudi + ":survey.answer " + nipBudi + ":survey.answer_update"
		if strings.Join(got, " ") != want {
			t.Errorf("audit\n got %s\nwant %s", strings.Join(got, " "), want)
		}

		// A survey nobody answered can be deleted.
		form.Set("title", "Salah buat")
		p = opd.post("/kuesioner/baru", form)
		other := surveyIDFrom(t, p.URL)
		p = opd.post(fmt.Sprintf("/kuesioner/%d/hapus", other), nil)
		status(t, p, 200)
		contains(t, p, `id="notice"`)
		lacks(t, p, "Salah buat")
	})
}
