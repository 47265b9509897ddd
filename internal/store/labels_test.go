package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// Lists take unit names, position titles and supervisors' names from a
// cache; a rename must show in the next list, in both list shapes (page rows and API views).
func TestListLabelsFollowRenames(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		all := store.EmployeeFilter{Scope: model.Scope{All: true}, Query: "sembiring"}
		sup := "Siti Aminah Nasution, S.Kom., M.Kom."
		check := func(unit, title string) {
			t.Helper()
			rows, _, err := s.EmployeeRows(ctx, all)
			if err != nil || len(rows) != 1 {
				t.Fatalf("rows: %v %d", err, len(rows))
			}
			if rows[0].UnitName != unit || rows[0].PositionTitle != title {
				t.Errorf("list row shows %q / %q, want %q / %q", rows[0].UnitName, rows[0].PositionTitle, unit, title)
			}
			views, _, err := s.Employees(ctx, all)
			if err != nil || len(views) != 1 {
				t.Fatalf("views: %v %d", err, len(views))
			}
			v := views[0]
			if v.UnitName != unit || v.PositionTitle != title || v.UnitPath != f.Bidang.Path ||
				v.PositionType != model.Fungsional || v.Jenjang != "ahli_pertama" || v.SupervisorName != sup || v.SupervisorNIP != f.Kabid.NIP {
				t.Errorf("API view shows %q / %q / %q / %q / %q / supervisor %q", v.UnitName, v.UnitPath, v.PositionTitle, v.PositionType, v.Jenjang, v.SupervisorName)
			}
		}
		check(f.Bidang.Name, f.ProgPos.Title)

		f.Bidang.Name = "Bidang Aplikasi dan Layanan Digital"
		if err := s.UpdateUnit(ctx, admin, &f.Bidang); err != nil {
			t.Fatal(err)
		}
		f.ProgPos.Title = "Pranata Komputer Ahli Pertama (Layanan Digital)"
		if err := s.UpdatePosition(ctx, admin, &f.ProgPos); err != nil {
			t.Fatal(err)
		}
		check(f.Bidang.Name, f.ProgPos.Title)

		// The supervisor's name comes from the same cache.
		f.Kabid.Name, sup = "Siti Aminah Br Nasution", "Siti Aminah Br Nasution, S.Kom., M.Kom."
		if _, err := s.UpdateEmployee(ctx, admin, &f.Kabid); err != nil {
			t.Fatal(err)
		}
		check(f.Bidang.Name, f.ProgPos.Title)
	})
}

// A list page reads its text columns packed into one value; a stored value
// that holds the separator (a control character an old import let in) must
// still come back whole, as must the others on the page.
func TestListRowsWithSeparatorInData(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		f.Bayu.GelarBelakang = "S.T.\x1fM.T."
		if _, err := s.UpdateEmployee(ctx, admin, &f.Bayu); err != nil {
			t.Fatal(err)
		}
		rows, _, err := s.EmployeeRows(ctx, store.EmployeeFilter{Scope: model.Scope{All: true}})
		if err != nil {
			t.Fatal(err)
		}
		byName := map[string]store.EmployeeListRow{}
		for _, r := range rows {
			byName[r.Name] = r
		}
		if b := byName["Bayu Santoso Siregar"]; b.GelarBelakang != "S.T.\x1fM.T." || b.Golongan != "IX" || b.Kind != model.PPPK || b.Status != model.StatusAktif {
			t.Errorf("row with the separator in a value: %+v", b)
		}
		if a := byName["Ani Sembiring"]; a.NIP != f.Ani.NIP || a.GelarBelakang != "S.Kom." || a.PositionTitle != f.ProgPos.Title {
			t.Errorf("another row of the page: %+v", a)
		}
		if len(rows) != 6 {
			t.Errorf("%d rows, want 6", len(rows))
		}
		// The API's page reads more columns the same way: each record as
		// the single-record read gives it.
		views, _, err := s.Employees(ctx, store.EmployeeFilter{Scope: model.Scope{All: true}})
		if err != nil || len(views) != 6 {
			t.Fatalf("views: %v %d", err, len(views))
		}
		for _, v := range views {
			one, err := s.Employee(ctx, v.ID)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%+v", *one) != fmt.Sprintf("%+v", v) {
				t.Errorf("list view differs from the record:\n list %+v\n one  %+v", v, *one)
			}
		}
		f.Ani.Email = "ani\x1f@example.org"
		if _, err := s.UpdateEmployee(ctx, admin, &f.Ani); err != nil {
			t.Fatal(err)
		}
		views, _, _ = s.Employees(ctx, store.EmployeeFilter{Scope: model.Scope{All: true}, Query: "sembiring"})
		if len(views) != 1 || views[0].Email != "ani\x1f@example.org" || views[0].Name != "Ani Sembiring" {
			t.Errorf("view with the separator in a value: %+v", views)
		}
	})
}
