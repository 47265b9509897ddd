package web

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// trainingActions are the actions on catalogue records, which a partner's
// account takes on its own partner's records only.
var trainingActions = map[policy.Action]bool{policy.CatalogueRead: true, policy.CatalogueManage: true,
	policy.TrainingRun: true, policy.ProviderManage: true}

// TestProviderAccountWalk is issue 13's acceptance row on the web face: a
// partner's account ("m-lpk", bound to the second of two partners) walks
// every route of the route table. No page it gets shows an employee's name
// or NIP; every route about people's records (the registry, competencies,
// assessments, penalties, performance, needs, talent, questionnaire
// results, the audit) is refused for every record; and every catalogue
// route (catalogue.read, catalogue.manage, training.run, provider.manage)
// answers "not found" or "forbidden" for the other partner's partner,
// programme and session, and lists none of them.
func TestProviderAccountWalk(t *testing.T) {
	st := storetest.SQLite(t)
	c := newMatrixCity(t, st)
	ctx := context.Background()
	sys := model.Actor{Name: "test"}

	// Two partners, a programme and a session of each; the foreign ones
	// are made first, so that their IDs differ from the own ones and any
	// foreign ID put in a path names no record of the account's partner.
	var provs [2]model.Provider
	var progs [2]model.Programme
	var sess [2]model.TrainingSession
	for i, name := range []string{"Universitas Lain Nusantara", "Lembaga Pelatihan Mitra Kota"} {
		provs[i] = model.Provider{Name: name, Kind: model.ProviderUniversity, Active: true}
		must(t, st.CreateProvider(ctx, sys, &provs[i]))
	}
	for i, title := range []string{"Program Asing Rahasia", "Program Milik Sendiri"} {
		progs[i] = model.Programme{Code: "PRG-" + strconv.Itoa(i), Title: title, Form: "teknis", Delivery: model.DeliverySync, JP: 8,
			Capacity: 20, ProviderID: provs[i].ID, Active: true, Competencies: []model.ProgrammeCompetency{{CompetencyID: c.comps[0], Level: 3}}}
		must(t, st.CreateProgramme(ctx, sys, &progs[i]))
	}
	for i := range sess {
		sess[i] = model.TrainingSession{ProgrammeID: progs[i].ID, Name: "Angkatan Uji " + strconv.Itoa(i), StartDate: "2026-08-10",
			EndDate: "2026-08-12", Capacity: 20, MinAttendance: 80}
		must(t, st.CreateSession(ctx, sys, &sess[i]))
	}
	own := map[int64]bool{provs[1].ID: true, progs[1].ID: true, sess[1].ID: true}
	foreign := []int64{provs[0].ID, progs[0].ID, sess[0].ID}
	for _, id := range foreign {
		if own[id] {
			t.Fatalf("foreign ID %d is also an own record's ID", id)
		}
	}

	lpk := c.city.LPKUser
	lpk.ProviderID = provs[1].ID
	must(t, st.UpdateUser(ctx, sys, &lpk))
	p, err := auth.ScopeFor(ctx, st, &lpk)
	must(t, err)
	cl := c.client(t)
	cl.login(lpk.Username, pwMatrix)
	cl.c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	var people []string
	for _, e := range []model.Employee{c.head, c.budi, c.sri, c.rina, c.rudi, c.wati} {
		people = append(people, e.NIP, e.Name)
	}
	foreignText := []string{provs[0].Name, progs[0].Title, progs[0].Code}
	param := regexp.MustCompile(`\{[a-z]+\}`)
	recs := c.perRole(t, model.RolePenyelenggara)
	catalogueRoutes, requests := 0, 0
	for _, rt := range ordered((&server{}).routeTable()) {
		if rt.Action == policy.Public || rt.Pattern == "/keluar" {
			continue
		}
		if trainingActions[rt.Action] {
			catalogueRoutes++
			var paths []string
			if !strings.Contains(strings.TrimSuffix(rt.Pattern, "{$}"), "{") {
				paths = []string{strings.TrimSuffix(rt.Pattern, "{$}")}
			} else {
				for _, id := range foreign {
					paths = append(paths, param.ReplaceAllString(rt.Pattern, strconv.FormatInt(id, 10)))
				}
			}
			for _, path := range paths {
				var pg page
				if rt.Method == "GET" {
					pg = cl.get(path)
				} else {
					pg = cl.post(path, nil)
				}
				requests++
				switch {
				case pg.Status >= 500:
					t.Errorf("%s %s: status %d", rt.Method, path, pg.Status)
				case path != rt.Pattern && rt.Method == "GET" && pg.Status != 403 && pg.Status != 404:
					t.Errorf("GET %s (another partner's record): status %d, want not found or forbidden", path, pg.Status)
				case path != rt.Pattern && rt.Method == "POST" && pg.Status < 400:
					t.Errorf("POST %s (another partner's record): status %d, want a refusal", path, pg.Status)
				}
				lacks(t, pg, foreignText...)
				lacks(t, pg, people...)
			}
			continue
		}
		for _, v := range c.variants(t, rt.Method, rt.Pattern, rt.Action, 0, recs) {
			var pg page
			if rt.Method == "GET" {
				pg = cl.get(v.path)
			} else {
				pg = cl.post(v.path, formFor[rt.Pattern])
			}
			requests++
			allowed, bad := outcome(pg.Status)
			if bad {
				t.Errorf("%s %s: status %d", rt.Method, v.path, pg.Status)
				continue
			}
			if allowed && !policy.May(p, rt.Action, v.target) && v.name != "-" {
				t.Errorf("%s %s: admitted, the policy refuses", rt.Method, v.path)
			}
			if allowed && !policy.Allowed(p, rt.Action) {
				t.Errorf("%s %s (%s): admitted a provider account", rt.Method, v.path, rt.Action)
			}
			lacks(t, pg, people...)
		}
	}
	t.Logf("%d requests, %d catalogue routes", requests, catalogueRoutes)
}
