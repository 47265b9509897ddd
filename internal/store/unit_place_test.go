package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestUnitPlaceWhereNameRepeats: a unit whose name another unit bears is
// shown with its OPD, in a profile, in the employee list and among the
// people to rate; a unit with a name of its own is shown as it is.
func TestUnitPlaceWhereNameRepeats(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s)
		const umpeg = "Subbagian Umum dan Kepegawaian"
		var inKominfo, inDinkes model.OrgUnit
		for _, x := range []struct {
			u      *model.OrgUnit
			code   string
			parent int64
		}{{&inKominfo, "KOMINFO-UMPEG", c.Kominfo.ID}, {&inDinkes, "DINKES-UMPEG", c.Dinkes.ID}} {
			*x.u = model.OrgUnit{Code: x.code, Name: umpeg, Kind: model.UnitSeksi, ParentID: x.parent}
			must(t, s.CreateUnit(ctx, testcity.Sys, x.u))
		}
		clerk := model.Employee{NIP: "199001012015012004", Name: "Wulan Sari", Gender: model.Female, Kind: model.PNS, Golongan: "II/c",
			PositionID: c.StaffPos.ID, UnitID: inDinkes.ID, SupervisorID: c.Head.ID}
		must(t, c.AddEmployee(&clerk))

		v, err := s.Employee(ctx, clerk.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := umpeg + " — Dinas Kesehatan"; v.UnitName != want {
			t.Errorf("profile unit %q, want %q", v.UnitName, want)
		}
		rows, _, err := s.Employees(ctx, store.EmployeeFilter{Scope: model.Scope{All: true}, Query: "Wulan"})
		if err != nil || len(rows) != 1 {
			t.Fatalf("list: %d rows, %v", len(rows), err)
		}
		if want := umpeg + " — Dinas Kesehatan"; rows[0].UnitName != want {
			t.Errorf("list unit %q, want %q", rows[0].UnitName, want)
		}
		budi, err := s.Employee(ctx, c.Budi.ID)
		if err != nil {
			t.Fatal(err)
		}
		if budi.UnitName != c.Kominfo.Name {
			t.Errorf("a unit with a name of its own shows as %q, want %q", budi.UnitName, c.Kominfo.Name)
		}
		// Renamed apart, the OPD goes.
		inKominfo.Name = "Subbagian Umum"
		must(t, s.UpdateUnit(ctx, testcity.Sys, &inKominfo))
		if v, _ := s.Employee(ctx, clerk.ID); v == nil || v.UnitName != umpeg {
			t.Errorf("after the other unit's rename the clerk's unit shows as %+v, want %q", v, umpeg)
		}
	})
}

// TestCountMatches: a search's count agrees with its matches, stops just
// past its limit, and is 0 for a query that can match nobody.
func TestCountMatches(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		testcity.New(t, s, testcity.WithEveryRole())
		all := model.Scope{All: true}
		every, _, err := s.Employees(ctx, store.EmployeeFilter{Scope: all, Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name  string
			f     store.EmployeeFilter
			limit int
			want  int
		}{
			{"everyone", store.EmployeeFilter{Scope: all}, 100, len(every)},
			{"everyone, capped", store.EmployeeFilter{Scope: all}, 2, 3},
			{"one word", store.EmployeeFilter{Scope: all, Query: "Budi"}, 100, 1},
			{"a NIP prefix", store.EmployeeFilter{Scope: all, Query: testcity.NIPBudi[:8]}, 100, 1},
			{"titles only", store.EmployeeFilter{Scope: all, Query: "S.T."}, 100, 0},
			{"nobody's name", store.EmployeeFilter{Scope: all, Query: "Zulkarnaen"}, 100, 0},
		} {
			if got, err := s.CountMatches(ctx, tt.f, tt.limit); err != nil || got != tt.want {
				t.Errorf("%s: %d, %v; want %d", tt.name, got, err, tt.want)
			}
		}
		if len(every) < 4 {
			t.Fatalf("the city has %d employees; the capped case needs more than 3", len(every))
		}
	})
}
