package web

import (
	"context"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// Review findings of the discipline, questionnaire and framework features
// (one test per finding; see the review report).

// An auditor reads the audit log but not penalties (the profile shows them
// to the employee and their unit's admins only): the audit page must not
// carry a penalty's content.
func TestReviewAuditPageHidesPenaltyContent(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		must(t, f.city.AddUser(&model.User{Username: "inspektorat", Role: model.RoleAuditor, Active: true}, "rahasia-audit-7"))
		budiURL := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		status(t, opd.post(budiURL+"/disiplin", url.Values{"level": {"berat"}, "kind": {"pembebasan dari jabatan"},
			"decree_no": {"800/99/RAHASIA/2026"}, "decree_date": {"2026-02-01"}, "starts_on": {"2026-02-02"}, "ends_on": {"2027-02-01"}}), 200)

		aud := f.client(t)
		aud.login("inspektorat", "rahasia-audit-7")
		lacks(t, aud.get(budiURL), `id="discipline"`, "800/99/RAHASIA/2026")
		p := aud.get("/audit?entity=employee&id=" + strconv.FormatInt(f.budi.ID, 10))
		status(t, p, 200)
		contains(t, p, "discipline.add")
		lacks(t, p, "800/99/RAHASIA/2026", "pembebasan dari jabatan")
	})
}

// Free answers of a part of a survey with fewer than
// model.SurveyMinTextGroup respondents are withheld on the results page,
// with the reason; from that size on they show, escaped.
func TestReviewSurveyResultsWithholdSmallGroupTexts(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		sys := model.Actor{Name: "test"}
		sv := &model.Survey{Title: "Kebutuhan 2026", ScopeUnitID: f.kominfo.ID, OpensOn: day(-1), ClosesOn: day(7),
			Questions: []model.SurveyQuestion{{Kind: model.QuestionText, Prompt: "Saran"}}}
		must(t, st.CreateSurvey(ctx, sys, model.Scope{All: true}, sv))
		qt := sv.Questions[0].ID
		answer := func(id int64, text string) {
			t.Helper()
			_, err := st.SubmitSurvey(ctx, sys, sv.ID, id, day(0), map[int64]model.SurveyAnswer{qt: {Text: text}})
			must(t, err)
		}
		results := "/kuesioner/" + strconv.FormatInt(sv.ID, 10) + "/hasil"
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)

		answer(f.budi.ID, "Atasan saya <b>tidak</b> mendukung")
		p := opd.get(results)
		status(t, p, 200)
		contains(t, p, `<dd id="responses">1</dd>`, `id="texts-withheld-`+strconv.FormatInt(qt, 10)+`"`, "kurang dari 3 pegawai")
		lacks(t, p, "mendukung")
		opd.post("/bahasa", url.Values{"lang": {"en"}, "next": {results}})
		contains(t, opd.get(results), "fewer than 3 employees")
		opd.post("/bahasa", url.Values{"lang": {"id"}, "next": {results}})

		// A third employee joins Kominfo; with three respondents the texts show.
		third := model.Employee{NIP: "199107072019031004", Name: "Rudi Hasibuan", Gender: model.Male, Kind: model.PNS, Golongan: "III/a",
			UnitID: f.kominfo.ID}
		must(t, f.city.AddEmployee(&third))
		answer(f.head.ID, "SPBE")
		answer(third.ID, "Mentoring")
		p = opd.get(results)
		contains(t, p, `id="texts-`+strconv.FormatInt(qt, 10)+`"`, "Atasan saya &lt;b&gt;tidak&lt;/b&gt; mendukung", "Mentoring")
		lacks(t, p, `id="texts-withheld-`, "<b>tidak</b>")
	})
}

// A unit admin is also an employee of the unit they administer; nobody may
// record or revoke a penalty of their own (another administrator must), or
// a penalised admin could lift their own exclusion from the succession pool.
func TestReviewNoPenaltyOnOneself(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		sys := model.Actor{Name: "test"}
		// Budi becomes an admin of Kominfo, where he works.
		u, err := st.UserByEmployee(ctx, f.budi.ID)
		must(t, err)
		_, err = st.DB().ExecContext(ctx, `UPDATE app_user SET role = 'admin_opd', scope_unit_id = $1 WHERE id = $2`, f.kominfo.ID, u.ID)
		must(t, err)
		p := model.DisciplinePenalty{EmployeeID: f.budi.ID, Level: model.PenaltyBerat, Kind: "pembebasan dari jabatan",
			DecreeNo: "800/5/2026", DecreeDate: day0("2026-02-01"), StartsOn: day0("2026-02-02"), EndsOn: day0("2027-02-01")}
		must(t, st.AddPenalty(ctx, sys, &p))

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		budiURL := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)
		page := budi.get(budiURL)
		contains(t, page, `id="penalties"`, "800/5/2026") // he still sees his own
		lacks(t, page, `id="penalty-form"`, `class="inline revoke"`)
		status(t, budi.post(budiURL+"/disiplin/"+strconv.FormatInt(p.ID, 10)+"/cabut", url.Values{"note": {"salah input"}}), 403)
		status(t, budi.post(budiURL+"/disiplin", url.Values{"level": {"ringan"}, "decree_no": {"1"}, "decree_date": {"2026-02-01"},
			"starts_on": {"2026-02-01"}}), 403)
		list, err := st.Penalties(ctx, f.budi.ID)
		must(t, err)
		if len(list) != 1 || list[0].Revoked {
			t.Errorf("penalties after his own attempts: %+v", list)
		}
		// Another admin of the unit still can.
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		contains(t, opd.get(budiURL), `id="penalty-form"`)
	})
}

func day0(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
