package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// matrixRecord is a record of the matrix city with what the policy needs
// to know about it.
type matrixRecord struct {
	id     int64
	target policy.Target
}

// TestRouteRoleMatrix walks every route of the API's route table, for
// every role, against a record in unit A (where every caller with an
// employee record works, or which they administer), one in unit B and the
// caller's own, sends a real request (an empty body for writes) through
// the real handler, and compares the outcome class with policy.May:
// denied is 403 or 404, anything else short of a 500 or 401 is admitted
// (an answer, or a refused body). A route whose action has no rule, or
// whose path values the test cannot fill, fails.
func TestRouteRoleMatrix(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithEveryRole())
	ctx := context.Background()
	sys := model.Actor{Name: "test"}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := st.EnsureBuiltInFrameworks(ctx, sys)
	must(err)
	fw, err := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
	must(err)
	staffB := f.city.NursePos
	a3 := f.city.Rudi // the unit admin's own record
	a4 := f.city.Rina // the record in A
	b2 := f.city.Wati // the BKPSDM admin's own record
	a2, err := st.Employee(ctx, f.a2.ID)
	must(err)
	b1, err := st.Employee(ctx, f.b1.ID)
	must(err)
	people := map[int64]model.Employee{a2.ID: a2.Employee, b1.ID: b1.Employee, a3.ID: a3, a4.ID: a4, b2.ID: b2, f.a1.ID: f.a1}
	unitPath := map[int64]string{f.unitA.ID: f.unitA.Path, f.unitB.ID: f.unitB.Path, f.root.ID: f.root.Path}

	tokens := map[model.Role]string{model.RolePegawai: f.pegawai, model.RoleSuperadmin: f.super,
		model.RoleAtasan: f.userToken(model.User{Username: "m-atasan", Role: model.RoleAtasan, EmployeeID: f.a1.ID})}
	users := map[model.Role]model.User{}
	for _, u := range []model.User{f.city.OPDUser, f.city.BKPSDMUser, f.city.LPKUser, f.city.Pimpinan, f.city.Auditor} {
		tokens[u.Role] = f.city.Token(t, u)
	}
	// The catalogue: a partner, programme and session in (the provider
	// account's partner) and out.
	var partners, programmes, sessions [2]int64
	for i, name := range []string{"LPK Dalam", "LPK Luar"} {
		v := model.Provider{Name: name, Kind: model.ProviderCompany, PriceBasis: "peserta", Active: true}
		must(st.CreateProvider(ctx, sys, &v))
		pr := model.Programme{Code: "MTX-" + itoa(int64(i)), Title: "Program " + name, Form: "teknis", Delivery: model.DeliverySync, JP: 8, ProviderID: v.ID}
		must(st.CreateProgramme(ctx, sys, &pr))
		se := model.TrainingSession{ProgrammeID: pr.ID, StartDate: "2026-08-10", EndDate: "2026-08-12", Capacity: 20}
		must(st.CreateSession(ctx, sys, &se))
		partners[i], programmes[i], sessions[i] = v.ID, pr.ID, se.ID
	}
	lpk, err := st.UserByUsername(ctx, f.city.LPKUser.Username)
	must(err)
	lpk.ProviderID = partners[0]
	must(st.UpdateUser(ctx, sys, lpk))
	for _, name := range []string{f.a2.NIP, "admin", "m-atasan", "m-opd", "m-bkpsdm", "m-lpk", "m-pimpinan", "m-auditor"} {
		u, err := st.UserByUsername(ctx, name)
		must(err)
		users[u.Role] = *u
	}

	person := func(me int64, e model.Employee) policy.Target {
		mine := people[me]
		return policy.Target{UnitPath: unitPath[e.UnitID], EmployeeID: e.ID, SupervisorID: e.SupervisorID,
			Peer: me != 0 && mine.UnitID == e.UnitID}
	}
	unitT := func(u model.OrgUnit) policy.Target { return policy.Target{UnitPath: u.Path} }
	ends := []model.OrgUnit{f.unitA, f.unitB}
	itoa := func(id int64) string { return strconv.FormatInt(id, 10) }

	// A session with a place for every person of the matrix (issue 13).
	prov := model.Provider{Name: "Mitra Matriks Angkatan", Kind: model.ProviderCompany, PriceBasis: "peserta", Active: true}
	must(st.CreateProvider(ctx, sys, &prov))
	prog := model.Programme{Code: "MTX-ANGKATAN", Title: "Pelatihan Matriks Angkatan", Form: "teknis", Delivery: model.DeliverySync, JP: 8,
		ProviderID: prov.ID, Active: true}
	must(st.CreateProgramme(ctx, sys, &prog))
	sess := model.TrainingSession{ProgrammeID: prog.ID, Name: "Angkatan I", StartDate: "2099-01-05", EndDate: "2099-01-06",
		Capacity: 30, MinAttendance: 80}
	must(st.CreateSession(ctx, sys, &sess))
	place := map[int64]int64{}
	for id := range people {
		en, err := st.Enrol(ctx, sys, sess.ID, id, model.EnrolFromAdmin)
		must(err)
		place[id] = en.ID
	}

	routes := f.routesOf()
	start, requests := time.Now(), 0
	for _, role := range model.Roles {
		tok, u := tokens[role], users[role]
		if tok == "" || u.ID == 0 {
			t.Fatalf("no token for role %s", role)
		}
		p, err := auth.ScopeFor(ctx, st, &u)
		must(err)
		me := u.EmployeeID
		// Records a request may end for good are the role's own.
		var cycles [2]int64
		var surveys [2]int64
		for i, unit := range ends {
			c := model.Cycle{Name: "Siklus " + string(role) + unit.Code, OpensOn: "2025-06-01", ClosesOn: "2025-06-30",
				ScopeUnitID: unit.ID, Self: true}
			must(st.CreateCycle(ctx, sys, &c, model.Scope{All: true}))
			sv := &model.Survey{Title: "Kuesioner " + string(role) + unit.Code, ScopeUnitID: unit.ID, OpensOn: "2025-06-01",
				ClosesOn: "2025-06-30", Questions: []model.SurveyQuestion{{Kind: model.QuestionText, Prompt: "Saran"}}}
			must(st.CreateSurvey(ctx, sys, model.Scope{All: true}, sv))
			cycles[i], surveys[i] = c.ID, sv.ID
		}
		// A plan item of the record in A and of the one in B, each
		// submitted into the chain; the store says who its approver is.
		var items [2]int64
		for i, e := range []model.Employee{a4, b1.Employee} {
			it := model.PlanItem{EmployeeID: e.ID, Year: st.Now().Year(), Title: "Kursus " + string(role), Form: "kursus", JP: 4,
				Purpose: "Uji matriks", ProposedBy: model.ProposedByAdmin}
			must(st.ProposePlanItem(ctx, sys, &it, true))
			items[i] = it.ID
		}
		for _, rt := range routes {
			if !rt.Auth() {
				continue
			}
			if !known(rt.Action) {
				t.Errorf("%s %s: action %q has no rule in the policy", rt.Method, rt.Path, rt.Action)
				continue
			}
			type variant struct {
				name, path string
				target     policy.Target
				record     bool
			}
			var vs []variant
			add := func(name, value string, tg policy.Target) {
				path := strings.NewReplacer("{id}", value, "{nip}", value).Replace(rt.Path)
				vs = append(vs, variant{name, path, tg, true})
			}
			switch {
			case !strings.Contains(rt.Path, "{"):
				vs = append(vs, variant{name: "-", path: rt.Path})
			case strings.HasPrefix(rt.Path, "/units/{id}"):
				for i, u := range ends {
					add([]string{"in", "out"}[i], itoa(u.ID), unitT(u))
				}
			case strings.HasPrefix(rt.Path, "/positions/{id}"):
				for i, pos := range []int64{f.staffA.ID, staffB.ID} {
					tg := unitT(ends[i])
					if people[me].PositionID == pos {
						tg.EmployeeID = me
					}
					add([]string{"in", "out"}[i], itoa(pos), tg)
				}
			case strings.HasPrefix(rt.Path, "/contests/{id}"):
				// An empty body is refused before the record is read:
				// whoever may answer the contests of A gets the refusal.
				add("in", "1", unitT(ends[0]))
			case rt.Path == "/me/notifications/{id}/read":
				// One's own notification; another's is not found.
				n, err := st.Notify(ctx, store.Notice{UserID: u.ID, Event: model.NoticeDecisionMade, Args: []string{"Analisis Data", "disetujui", ""}})
				must(err)
				add("own", itoa(n), policy.Target{})
			case strings.HasPrefix(rt.Path, "/acting/{id}"):
				add("global", "1", policy.Target{}) // an empty body is refused before the record is read
			case strings.HasPrefix(rt.Path, "/frameworks/{id}"):
				add("global", itoa(fw), policy.Target{})
			case strings.HasPrefix(rt.Path, "/cycles/{id}"):
				for i := range ends {
					add([]string{"in", "out"}[i], itoa(cycles[i]), unitT(ends[i]))
				}
			case strings.HasPrefix(rt.Path, "/surveys/{id}"):
				for i := range ends {
					add([]string{"in", "out"}[i], itoa(surveys[i]), unitT(ends[i]))
				}
			case strings.HasPrefix(rt.Path, "/plan-items/{id}"):
				for i, id := range items {
					_, tg, err := st.PlanItem(ctx, id, me)
					must(err)
					add([]string{"in", "out"}[i], itoa(id), tg)
				}
			case strings.HasPrefix(rt.Path, "/sessions/{id}/"): // a session's places and attendance
				tg := policy.SessionTarget(&sess, u.ID)
				if rt.Method == "POST" && strings.HasSuffix(rt.Path, "/enrolments") {
					// An empty body names nobody to enrol and is refused
					// before any record is read.
					tg = unitT(ends[0])
				}
				add("in", itoa(sess.ID), tg)
			case strings.HasPrefix(rt.Path, "/enrolments/{id}"):
				whose := []model.Employee{a4, b1.Employee}
				if self, ok := people[me]; ok {
					whose = append(whose, self)
				}
				for i, e := range whose {
					tg := person(me, e)
					if strings.HasSuffix(rt.Path, "/completion") {
						tg = policy.SessionTarget(&sess, u.ID)
					}
					add([]string{"in", "out", "self"}[i], itoa(place[e.ID]), tg)
				}
			case rt.Path == "/employees/by-nip/{nip}":
				add("in", a4.NIP, person(me, a4))
				add("out", b1.NIP, person(me, b1.Employee))
				if self, ok := people[me]; ok {
					add("self", self.NIP, person(me, self))
				}
			case strings.HasPrefix(rt.Path, "/employees/{id}"):
				add("in", itoa(a4.ID), person(me, a4))
				add("out", itoa(b1.ID), person(me, b1.Employee))
				if self, ok := people[me]; ok {
					add("self", itoa(self.ID), person(me, self))
				}
			case strings.HasPrefix(rt.Path, "/providers/{id}"), strings.HasPrefix(rt.Path, "/programmes/{id}"), strings.HasPrefix(rt.Path, "/sessions/{id}"):
				recs := map[string][2]int64{"/providers": partners, "/programmes": programmes, "/sessions": sessions}[rt.Path[:strings.Index(rt.Path, "/{")]]
				for i := range partners {
					add([]string{"in", "out"}[i], itoa(recs[i]), policy.Target{ProviderID: partners[i]})
				}
			default:
				t.Errorf("route %s %s: the matrix test knows no records for its path values", rt.Method, rt.Path)
			}
			for _, v := range vs {
				want := policy.May(p, rt.Action, v.target)
				if !v.record {
					want = policy.Allowed(p, rt.Action) // a list or a create: no one record
				}
				var body any
				if rt.Method != "GET" {
					body = "{}"
				}
				r := f.do(rt.Method, Prefix+v.path, tok, body)
				requests++
				switch {
				case r.status >= 500 || r.status == http.StatusUnauthorized:
					t.Errorf("%s %s as %s (%s): status %d %s", rt.Method, v.path, role, v.name, r.status, r.raw)
				case (r.status != http.StatusForbidden && r.status != http.StatusNotFound) != want:
					t.Errorf("%s %s as %s (%s record): status %d, policy says allowed=%v: %s", rt.Method, v.path, role, v.name, r.status, want, r.raw)
				}
			}
		}
	}
	t.Logf("%d requests in %v", requests, time.Since(start).Round(time.Millisecond))
}

// routesOf is the route table the router was built from.
func (f *fixture) routesOf() []route { return f.h.(*API).routes }

// known reports whether action a has a rule in the policy.
func known(a policy.Action) bool {
	for _, x := range policy.Actions {
		if x == a {
			return true
		}
	}
	return false
}
