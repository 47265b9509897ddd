package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// matrixCity is the web fixture grown to one account per role, with a
// record of every kind inside Kominfo (where every account with an
// employee record works, or which it administers) and one in Dinkes.
type matrixCity struct {
	*fixture
	rina, rudi, wati model.Employee // Rina: Kominfo staff; Rudi: Kominfo's admin; Wati: BKPSDM admin placed in Dinkes
	users            map[model.Role]*model.User
	frameworkIn      int64 // published, owned by Kominfo
	frameworkOut     int64 // published, owned by Dinkes
	evidenceIn       int64 // Budi's
	evidenceOut      int64 // Sri's
	accountIn        int64 // Rina's account
	accountOut       int64 // Sri's account
	comps            []int64
	// The catalogue: the provider account works for providerIn, and each
	// partner has a programme and a session.
	providerIn, providerOut   int64
	programmeIn, programmeOut int64
	sessionIn, sessionOut     int64
	session                   model.TrainingSession // a session of a partner of no account here (issue 13)
	place                     map[int64]int64       // each person's place in it, by employee
}

const pwMatrix = testcity.PwRoles

func newMatrixCity(t *testing.T, st *store.Store) *matrixCity {
	ctx := context.Background()
	sys := model.Actor{Name: "test"}
	f := newFixture(t, st, testcity.WithEveryRole(), testcity.WithStandard())
	comps := f.city.Comps // Budi's position has a standard; the head gets an atasan account
	c := &matrixCity{fixture: f, users: map[model.Role]*model.User{}, comps: comps}
	nurse := f.sri.PositionID
	c.rina, c.rudi, c.wati = f.city.Rina, f.city.Rudi, f.city.Wati
	f.budi.SupervisorID = c.rina.SupervisorID // both report to Kominfo's head
	if sri, err := st.Employee(ctx, f.sri.ID); err == nil {
		f.sri.SupervisorID = sri.SupervisorID
	}

	var err error
	// Budi's own account is the pegawai: sign in with his password.
	c.users[model.RolePegawai] = &f.city.BudiUser
	c.users[model.RoleAtasan], err = st.UserByEmployee(ctx, f.head.ID)
	must(t, err)
	c.users[model.RoleAdminOPD] = &f.city.OPDUser
	c.users[model.RoleAdminBKPSDM] = &f.city.BKPSDMUser
	c.users[model.RolePenyelenggara] = &f.city.LPKUser
	c.users[model.RolePimpinan] = &f.city.Pimpinan
	c.users[model.RoleAuditor] = &f.city.Auditor
	c.users[model.RoleSuperadmin] = &f.city.Admin
	c.accountIn = f.city.RinaUser.ID
	c.accountOut = f.city.SriUser.ID

	// A framework owned by each OPD, published.
	publish := func(unit model.OrgUnit, code string) int64 {
		admin := model.Scope{UnitPaths: []string{unit.Path}}
		d := &dictionary.Draft{OwnerUnitID: unit.ID, F: dictionary.Framework{Code: code, Name: "Kompetensi Teknis " + code,
			Version: "2025.1", Source: "Keputusan 1/2025"}}
		must(t, st.CreateDraft(ctx, sys, d, admin))
		k := dictionary.Competency{Code: code + "-01", Name: "Pengelolaan " + code, Definition: "Kemampuan mengelola " + code,
			Group: dictionary.GroupTeknis, Kind: dictionary.KindHard}
		for i := range k.Levels {
			k.Levels[i] = dictionary.Level{Title: dictionary.ProficiencyTitles[i], Description: "Tingkat " + strconv.Itoa(i+1)}
		}
		must(t, st.SaveDraftCompetency(ctx, sys, d.ID, "", k, admin))
		id, err := st.PublishDraft(ctx, sys, d.ID, admin)
		must(t, err)
		return id
	}
	c.frameworkIn, c.frameworkOut = publish(f.kominfo, "TEKNIS-KOMINFO"), publish(f.dinkes, "TEKNIS-DINKES")

	// Work evidence of Budi (Kominfo) and Sri (Dinkes, whose position gets
	// the same standard).
	var sid int64
	must(t, st.DB().QueryRowContext(ctx, `INSERT INTO position_standard (position_id, decree_no, decree_date, is_current, created_at)
		VALUES ($1, 'SK-8/2025', '2025-01-02', TRUE, 1) RETURNING id`, nurse).Scan(&sid))
	for _, k := range comps {
		_, err := st.DB().ExecContext(ctx, `INSERT INTO standard_item (standard_id, competency_id, required, weight, mandatory)
			VALUES ($1, $2, 2, 1, TRUE)`, sid, k)
		must(t, err)
	}
	pdf := []byte("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
	evidence := func(who int64) int64 {
		e := model.Evidence{EmployeeID: who, CompetencyID: comps[0], ClaimedLevel: 3, Note: "laporan", FileName: "laporan.pdf", Content: pdf}
		must(t, st.SubmitEvidence(ctx, sys, who, &e))
		return e.ID
	}
	c.evidenceIn, c.evidenceOut = evidence(f.budi.ID), evidence(f.sri.ID)
	c.addCatalogue(t)

	prov := model.Provider{Name: "Mitra Matriks Angkatan", Kind: model.ProviderCompany, PriceBasis: "peserta", Active: true}
	must(t, st.CreateProvider(ctx, sys, &prov))
	prog := model.Programme{Code: "MTX-ANGKATAN", Title: "Pelatihan Matriks Angkatan", Form: "teknis", Delivery: model.DeliverySync, JP: 8,
		ProviderID: prov.ID, Active: true}
	must(t, st.CreateProgramme(ctx, sys, &prog))
	c.session = model.TrainingSession{ProgrammeID: prog.ID, Name: "Angkatan I", StartDate: "2099-01-05", EndDate: "2099-01-06",
		Capacity: 30, MinAttendance: 80}
	must(t, st.CreateSession(ctx, sys, &c.session))
	c.place = map[int64]int64{}
	for _, e := range []model.Employee{c.head, c.budi, c.sri, c.rina, c.rudi, c.wati} {
		en, err := st.Enrol(ctx, sys, c.session.ID, e.ID, model.EnrolFromAdmin)
		must(t, err)
		c.place[e.ID] = en.ID
	}
	return c
}

// addCatalogue gives the city two partners, the provider account working
// for the first, and a programme with a session of each.
func (c *matrixCity) addCatalogue(t *testing.T) {
	ctx := context.Background()
	sys := model.Actor{Name: "test"}
	ids := [2][3]int64{}
	for i, name := range []string{"LPK Mitra Dalam", "LPK Mitra Luar"} {
		v := model.Provider{Name: name, Kind: model.ProviderCompany, PriceBasis: "peserta", Active: true}
		must(t, c.st.CreateProvider(ctx, sys, &v))
		pr := model.Programme{Code: fmt.Sprintf("MTX-%d", i), Title: "Program " + name, Form: "teknis", Delivery: model.DeliverySync,
			JP: 8, ProviderID: v.ID, Active: true, Competencies: []model.ProgrammeCompetency{{CompetencyID: c.comps[0], Level: 2}}}
		must(t, c.st.CreateProgramme(ctx, sys, &pr))
		se := model.TrainingSession{ProgrammeID: pr.ID, Name: "Angkatan I", StartDate: day(10), EndDate: day(12), Capacity: 20}
		must(t, c.st.CreateSession(ctx, sys, &se))
		ids[i] = [3]int64{v.ID, pr.ID, se.ID}
	}
	c.providerIn, c.programmeIn, c.sessionIn = ids[0][0], ids[0][1], ids[0][2]
	c.providerOut, c.programmeOut, c.sessionOut = ids[1][0], ids[1][1], ids[1][2]
	lpk := c.users[model.RolePenyelenggara]
	lpk.ProviderID = c.providerIn
	must(t, c.st.UpdateUser(ctx, sys, lpk))
}

// perRole are the records a request may change for good (close, delete,
// publish, revoke): each role gets its own, in Kominfo and in Dinkes.
type perRole struct {
	cycle, survey, question, draft, penalty, plan [2]int64
}

func (c *matrixCity) perRole(t *testing.T, role model.Role) perRole {
	ctx := context.Background()
	sys := model.Actor{Name: "test"}
	all := model.Scope{All: true}
	var r perRole
	for i, unit := range []model.OrgUnit{c.kominfo, c.dinkes} {
		cy := model.Cycle{Name: "Siklus " + string(role) + unit.Code, OpensOn: day(-1), ClosesOn: day(30), ScopeUnitID: unit.ID, Self: true, Supervisor: true}
		must(t, c.st.CreateCycle(ctx, sys, &cy, all))
		sv := &model.Survey{Title: "Kuesioner " + string(role) + unit.Code, ScopeUnitID: unit.ID, OpensOn: day(-1), ClosesOn: day(7),
			Questions: []model.SurveyQuestion{{Kind: model.QuestionText, Prompt: "Saran"}}}
		must(t, c.st.CreateSurvey(ctx, sys, all, sv))
		d := &dictionary.Draft{OwnerUnitID: unit.ID, F: dictionary.Framework{Code: "DRAF-" + strings.ToUpper(string(role)) + "-" + unit.Code,
			Name: "Draf " + string(role), Version: "2026.1", Source: "Rancangan"}}
		must(t, c.st.CreateDraft(ctx, sys, d, all))
		k := dictionary.Competency{Code: "KOMP-01", Name: "Kompetensi Uji", Definition: "Kemampuan yang diuji",
			Group: dictionary.GroupTeknis, Kind: dictionary.KindHard}
		for i := range k.Levels {
			k.Levels[i] = dictionary.Level{Title: dictionary.ProficiencyTitles[i], Description: "Tingkat " + strconv.Itoa(i+1)}
		}
		must(t, c.st.SaveDraftCompetency(ctx, sys, d.ID, "", k, all))
		who := c.rina.ID
		if i == 1 {
			who = c.sri.ID
		}
		p := model.DisciplinePenalty{EmployeeID: who, Level: model.PenaltyRingan, Kind: "teguran lisan", DecreeNo: "800/1/" + string(role),
			DecreeDate: day0("2026-01-05"), StartsOn: day0("2026-01-06"), EndsOn: day0("2026-07-06")}
		must(t, c.st.AddPenalty(ctx, sys, &p))
		r.cycle[i], r.survey[i], r.question[i], r.draft[i], r.penalty[i] = cy.ID, sv.ID, sv.Questions[0].ID, d.ID, p.ID
		it := model.PlanItem{EmployeeID: who, Year: c.st.Now().Year(), Title: "Kursus " + string(role), Form: "kursus", JP: 4,
			Purpose: "Uji matriks", ProposedBy: model.ProposedByAdmin}
		must(t, c.st.ProposePlanItem(ctx, sys, &it, true))
		r.plan[i] = it.ID
	}
	return r
}

// target is what the policy needs to know about a record of this city.
func (c *matrixCity) employeeTarget(me int64, e model.Employee) policy.Target {
	u := c.unitOf(e.UnitID)
	mine := c.unitOf(c.employeeUnit(me))
	return policy.Target{UnitPath: u.Path, EmployeeID: e.ID, SupervisorID: e.SupervisorID,
		Peer: me != 0 && mine.ID != 0 && opdOf(mine) == opdOf(u)}
}

func (c *matrixCity) unitOf(id int64) model.OrgUnit {
	for _, u := range []model.OrgUnit{c.root, c.kominfo, c.dinkes} {
		if u.ID == id {
			return u
		}
	}
	return model.OrgUnit{}
}

func (c *matrixCity) employeeUnit(id int64) int64 {
	for _, e := range []model.Employee{c.head, c.budi, c.sri, c.rina, c.rudi, c.wati} {
		if e.ID == id && id != 0 {
			return e.UnitID
		}
	}
	return 0
}

// opdOf is the OPD a unit of this city belongs to (every unit but the
// root is an OPD).
func opdOf(u model.OrgUnit) int64 { return u.ID }

// variant is one substitution of a route's path values: a record in or
// out of the caller's scope, or the caller's own record.
type variant struct {
	name   string
	path   string
	target policy.Target
}

// variants fills the path values of the route for the signed-in user me
// (their employee ID, 0 for none). A pattern whose path values this test
// does not know fails it.
func (c *matrixCity) variants(t *testing.T, method, pattern string, a policy.Action, me int64, r perRole) []variant {
	fill := func(values ...string) string {
		out := pattern
		for i := 0; i+1 < len(values); i += 2 {
			out = strings.Replace(out, "{"+values[i]+"}", values[i+1], 1)
		}
		return out
	}
	itoa := func(id int64) string { return strconv.FormatInt(id, 10) }
	unitT := func(u model.OrgUnit) policy.Target { return policy.Target{UnitPath: u.Path} }
	ends := []model.OrgUnit{c.kominfo, c.dinkes}
	names := []string{"in", "out"}
	var out []variant
	switch {
	case pattern == "/analisis/orang":
		for i, u := range ends {
			out = append(out, variant{names[i], fmt.Sprintf("%s?unit=%d&kompetensi=%d", pattern, u.ID, c.comps[0]), unitT(u)})
		}
	case pattern == "/standar/templat":
		return []variant{{name: "-", path: pattern + "?type=pelaksana"}}
	case method == "POST" && (a == policy.AssessmentSelf || a == policy.EvidenceSubmit):
		// Rating oneself, uploading one's evidence: about one's own record.
		return []variant{{name: "own", path: pattern, target: c.employeeTarget(me, c.self(me))}}
	case !strings.Contains(pattern, "{") || pattern == "/{$}":
		return []variant{{name: "-", path: strings.TrimSuffix(pattern, "{$}")}}
	case strings.HasPrefix(pattern, "/organisasi/{id}"):
		for i, u := range ends {
			out = append(out, variant{names[i], fill("id", itoa(u.ID)), unitT(u)})
		}
	case strings.HasPrefix(pattern, "/jabatan/{id}"):
		for i, pos := range []int64{c.budi.PositionID, c.sri.PositionID} {
			tg := unitT(ends[i])
			if c.self(me).PositionID == pos {
				tg.EmployeeID = me // the holder reads their position's standard
			}
			out = append(out, variant{names[i], fill("id", itoa(pos)), tg})
		}
	case strings.HasPrefix(pattern, "/kamus/{id}"):
		for i, fw := range []int64{c.frameworkIn, c.frameworkOut} {
			out = append(out, variant{names[i], fill("id", itoa(fw), "format", "json"), unitT(ends[i])})
		}
	case strings.HasPrefix(pattern, "/kamus-draf/{id}"):
		for i := range ends {
			out = append(out, variant{names[i], fill("id", itoa(r.draft[i])), unitT(ends[i])})
		}
	case strings.HasPrefix(pattern, "/siklus/{id}"):
		for i := range ends {
			out = append(out, variant{names[i], fill("id", itoa(r.cycle[i])), unitT(ends[i])})
		}
	case strings.HasPrefix(pattern, "/kuesioner/{id}"):
		for i := range ends {
			tg := unitT(ends[i])
			if a == policy.SurveyAnswer {
				tg = policy.Target{UnitPath: c.unitOf(c.employeeUnit(me)).Path, EmployeeID: me, Within: ends[i].Path}
			}
			out = append(out, variant{names[i], fill("id", itoa(r.survey[i]), "qid", itoa(r.question[i])), tg})
		}
	case strings.HasPrefix(pattern, "/penilaian/bukti/{id}"):
		for i, ev := range []int64{c.evidenceIn, c.evidenceOut} {
			owner := []model.Employee{c.budi, c.sri}[i]
			out = append(out, variant{names[i], fill("id", itoa(ev)), c.employeeTarget(me, owner)})
		}
	case strings.HasPrefix(pattern, "/rencana/{id}"), strings.HasPrefix(pattern, "/persetujuan/{id}"):
		// A plan item of Rina and of Sri, submitted; the store says whose
		// post decides it (Target.Approver).
		for i, id := range r.plan {
			_, tg, err := c.st.PlanItem(context.Background(), id, me)
			must(t, err)
			out = append(out, variant{names[i], fill("id", itoa(id)), tg})
		}
	case strings.HasPrefix(pattern, "/akun/{id}"):
		for i, acc := range []int64{c.accountIn, c.accountOut} {
			owner := []model.Employee{c.rina, c.sri}[i]
			out = append(out, variant{names[i], fill("id", itoa(acc)), c.employeeTarget(me, owner)})
		}
	case strings.HasPrefix(pattern, "/angkatan/{id}/") && !strings.HasSuffix(pattern, "/ubah"): // places, attendance, completion
		tg := policy.SessionTarget(&c.session, 0) // it has no instructors
		switch a {
		case policy.PlanPropose: // enrol oneself: about one's own record
			tg = c.employeeTarget(me, c.self(me))
		case policy.EnrolmentManage: // an empty form names nobody: refused for whoever may enrol people of Kominfo
			tg = unitT(ends[0])
		}
		out = append(out, variant{"in", fill("id", itoa(c.session.ID)), tg})
	case strings.HasPrefix(pattern, "/pendaftaran/{id}"):
		people := []model.Employee{c.rina, c.sri}
		if self := c.self(me); self.ID != 0 {
			people = append(people, self)
		}
		for i, e := range people {
			out = append(out, variant{[]string{"in", "out", "self"}[i], fill("id", itoa(c.place[e.ID])), c.employeeTarget(me, e)})
		}
	case strings.HasPrefix(pattern, "/pegawai/{id}"), strings.HasPrefix(pattern, "/penilaian/{id}"):
		people := []model.Employee{c.rina, c.sri}
		for i, e := range people {
			out = append(out, variant{names[i], fill("id", itoa(e.ID), "pid", itoa(r.penalty[i])), c.employeeTarget(me, e)})
		}
		if self := c.self(me); self.ID != 0 && !strings.Contains(pattern, "{pid}") {
			out = append(out, variant{"self", fill("id", itoa(self.ID)), c.employeeTarget(me, self)})
		}
	case strings.HasPrefix(pattern, "/katalog/{id}"), strings.HasPrefix(pattern, "/angkatan/{id}"), strings.HasPrefix(pattern, "/mitra/{id}"):
		recs := [2]int64{c.programmeIn, c.programmeOut}
		if strings.HasPrefix(pattern, "/angkatan/") {
			recs = [2]int64{c.sessionIn, c.sessionOut}
		} else if strings.HasPrefix(pattern, "/mitra/") {
			recs = [2]int64{c.providerIn, c.providerOut}
		}
		for i, partner := range []int64{c.providerIn, c.providerOut} {
			out = append(out, variant{names[i], fill("id", itoa(recs[i])), policy.Target{ProviderID: partner}})
		}
	default:
		t.Errorf("route %s: the matrix test knows no records for its path values", pattern)
	}
	return out
}

func (c *matrixCity) self(me int64) model.Employee {
	for _, e := range []model.Employee{c.head, c.budi, c.sri, c.rina, c.rudi, c.wati} {
		if e.ID == me && me != 0 {
			return e
		}
	}
	return model.Employee{}
}

// TestRouteRoleMatrix walks every route of the web route table, for every
// role, against a record in and out of the caller's scope (and the
// caller's own), sends a real request through the real handler and
// compares the outcome class with what the policy says: denied is 403 or
// 404 (hidden), anything else short of a 500 is admitted (a page, a
// redirect, a refused form). A route whose action has no rule fails.
func TestRouteRoleMatrix(t *testing.T) {
	st := storetest.SQLite(t)
	c := newMatrixCity(t, st)
	ctx := context.Background()
	routes := (&server{}).routeTable()
	passwords := map[model.Role]string{model.RolePegawai: pwBudi, model.RoleAtasan: pwHead, model.RoleSuperadmin: pwAdmin}
	start := time.Now()
	requests := 0
	for _, role := range model.Roles {
		u := c.users[role]
		if u == nil {
			t.Fatalf("no account for role %s", role)
		}
		pw := passwords[role]
		if pw == "" {
			pw = pwMatrix
		}
		cl := c.client(t)
		cl.login(u.Username, pw)
		cl.c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		p, err := auth.ScopeFor(ctx, st, u)
		must(t, err)
		recs := c.perRole(t, role)
		for _, rt := range ordered(routes) {
			if rt.Action == policy.Public || rt.Pattern == "/keluar" {
				continue // no sign-in to check; signing out would end the walk
			}
			if !known(rt.Action) {
				t.Errorf("%s %s: action %q has no rule in the policy", rt.Method, rt.Pattern, rt.Action)
				continue
			}
			for _, v := range c.variants(t, rt.Method, rt.Pattern, rt.Action, u.EmployeeID, recs) {
				want := policy.May(p, rt.Action, v.target)
				if v.name == "-" {
					want = policy.Allowed(p, rt.Action) // a list or a form: no one record
				}
				var pg page
				if rt.Method == "GET" {
					pg = cl.get(v.path)
				} else {
					pg = cl.post(v.path, formFor[rt.Pattern])
				}
				requests++
				got, bad := outcome(pg.Status)
				if bad {
					t.Errorf("%s %s as %s (%s): status %d", rt.Method, v.path, role, v.name, pg.Status)
					continue
				}
				if got != want {
					t.Errorf("%s %s as %s (%s record): status %d, policy says allowed=%v", rt.Method, v.path, role, v.name, pg.Status, want)
				}
			}
		}
	}
	t.Logf("%d requests in %v", requests, time.Since(start).Round(time.Millisecond))
}

// formFor holds the few form values a route needs to reach its record
// (an empty form is enough for every other route to show admission or
// refusal).
var formFor = map[string]url.Values{
	"/standar/templat":                  {"type": {"pelaksana"}},
	"/kamus-draf/{id}/kompetensi/hapus": {"kode": {"KOMP-01"}},
}

// ordered puts the routes that end a record for good (delete, close,
// publish, revoke) last, the longer patterns first (a question before its
// survey, a competency before its draft is published or discarded).
func ordered(routes []route) []route {
	final := func(rt route) bool {
		for _, s := range []string{"/hapus", "/tutup", "/terbitkan", "/cabut", "/batal"} {
			if strings.HasSuffix(rt.Pattern, s) {
				return true
			}
		}
		return false
	}
	var out, last []route
	for _, rt := range routes {
		if final(rt) {
			last = append(last, rt)
		} else {
			out = append(out, rt)
		}
	}
	sort.SliceStable(last, func(i, j int) bool { return len(last[i].Pattern) > len(last[j].Pattern) })
	return append(out, last...)
}

// outcome classes a status: admitted (2xx, 3xx, a refused form), denied
// (403, 404), or bad (a 5xx, or a 401 after signing in).
func outcome(status int) (allowed, bad bool) {
	switch {
	case status >= 500 || status == http.StatusUnauthorized:
		return false, true
	case status == http.StatusForbidden || status == http.StatusNotFound:
		return false, false
	}
	return true, false
}

// known reports whether action a has a rule in the policy.
func known(a policy.Action) bool {
	for _, x := range policy.Actions {
		if x == a {
			return true
		}
	}
	return false
}
