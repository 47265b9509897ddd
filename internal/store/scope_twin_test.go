package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// The store's SQL scope condition (InScope, and the lists built on the same
// clause) is the twin of model.Scope.ContainsEmployee: for every scope
// shape and every employee of a small tree, both say the same. Unit IDs
// 2 and 20 make a path prefix trap ("/1/2/" and "/1/20/").
func TestInScopeAgreesWithContainsEmployee(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		tree := []testcity.Unit{{Code: "ROOT", Kind: model.UnitPemda}, {Code: "A", Kind: model.UnitOPD, Parent: "ROOT"}}
		for i := 0; i < 18; i++ { // fill IDs up to 20 so that a unit /1/20/ exists beside /1/2/
			tree = append(tree, testcity.Unit{Code: "X" + string(rune('A'+i)), Kind: model.UnitOPD, Parent: "ROOT"})
		}
		tree = append(tree, testcity.Unit{Code: "A1", Kind: model.UnitOPD, Parent: "A"})
		for i := range tree {
			tree[i].Name = "Unit " + tree[i].Code
		}
		c := testcity.New(t, st, testcity.Tree(tree...))
		var units []model.OrgUnit
		for _, u := range tree[2:20] {
			units = append(units, c.Units[u.Code])
		}
		root, a, a1 := c.Units["ROOT"], c.Units["A"], c.Units["A1"]
		units = append(units, root, a, a1)
		var people []model.Employee
		nips := []string{"198001012005011001", "198502022010012003", "199003032015032001", "198804042012041001"}
		for i, nip := range nips {
			u := []model.OrgUnit{a, a1, units[17], root}[i]
			e := model.Employee{NIP: nip, Name: "Pegawai " + nip[:4], Gender: model.Male, Kind: model.PNS, Golongan: "III/a",
				UnitID: u.ID, Status: model.StatusAktif}
			e.BirthDate, _ = time.Parse("20060102", nip[:8])
			if i == 2 {
				e.SupervisorID, e.SupervisorSet = people[0].ID, true
			}
			if err := st.CreateEmployee(ctx, sys, &e); err != nil {
				t.Fatal(err)
			}
			people = append(people, e)
		}
		path := map[int64]string{}
		for _, u := range units {
			got, err := st.Unit(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			path[u.ID] = got.Path
		}
		scopes := []model.Scope{{}, {All: true}, {UnitPaths: []string{path[a.ID]}}, {UnitPaths: []string{path[a1.ID]}},
			{SelfID: people[1].ID}, {SupervisorID: people[0].ID}, {UnitPaths: []string{path[units[17].ID]}, SelfID: people[3].ID},
			{UnitPaths: []string{path[root.ID]}}}
		for _, sc := range scopes {
			for _, e := range people {
				got, err := st.Employee(ctx, e.ID)
				if err != nil {
					t.Fatal(err)
				}
				want := sc.ContainsEmployee(e.ID, path[got.UnitID], got.SupervisorID)
				ok, err := st.InScope(ctx, sc, e.ID)
				if err != nil {
					t.Fatal(err)
				}
				if ok != want {
					t.Errorf("scope %+v, employee %d at %s (supervisor %d): SQL %v, model %v", sc, e.ID, path[got.UnitID], got.SupervisorID, ok, want)
				}
			}
		}
	})
}
