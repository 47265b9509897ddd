package api

import (
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// The education history of an employee in scope, and the qualification
// gaps of the caller's scope: a1 (JPT Pratama, S-1 asked) has a D-III, a2
// (pelaksana, SMA asked) an S-1, b1 (in B) nothing recorded.
func TestEducationAPI(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ev := store.TalentImportEvent{Kind: "education", File: "x.csv", SHA256: "x", Data: []byte("x")}
		if err := st.ApplyEducation(context.Background(), model.Actor{Name: "test"}, ev, []model.Education{
			{EmployeeID: f.a1.ID, Level: model.EduD3, Major: "Manajemen Informatika", Institution: "Politeknik Negeri Medan", Year: 1995, CertificateNo: "P-95"},
			{EmployeeID: f.a2.ID, Level: model.EduS1, Major: "Sistem Informasi", Institution: "Universitas Sumatera Utara", Year: 2004},
			{EmployeeID: f.a2.ID, Level: model.EduSMA, Institution: "SMA Negeri 2 Medan", Year: 1998},
		}); err != nil {
			t.Fatal(err)
		}
		got := f.do("GET", "/api/v1/employees/"+strconv.FormatInt(f.a1.ID, 10)+"/education", f.admin, nil).want(t, 200)
		items := got.body["items"].([]any)
		if got.body["highest"] != "d3" || got.body["minimum"] != "s1" || got.body["gap"] != true || len(items) != 1 {
			t.Fatalf("a1's education: %s", got.raw)
		}
		if it := items[0].(map[string]any); it["level_label"] != "D-III" || it["institution"] != "Politeknik Negeri Medan" || num(it["year"]) != 1995 || it["certificate_no"] != "P-95" {
			t.Errorf("a1's record: %v", it)
		}
		got = f.do("GET", "/api/v1/employees/"+strconv.FormatInt(f.a2.ID, 10)+"/education", f.pegawai, nil).want(t, 200)
		if got.body["highest"] != "s1" || got.body["minimum"] != "sma" || got.body["gap"] != false || len(got.body["items"].([]any)) != 2 {
			t.Errorf("a2's own education: %s", got.raw)
		}
		// Out of scope: not found, as the profile.
		f.do("GET", "/api/v1/employees/"+strconv.FormatInt(f.b1.ID, 10)+"/education", f.admin, nil).want(t, 404)
		got = f.do("GET", "/api/v1/employees/"+strconv.FormatInt(f.b1.ID, 10)+"/education", f.super, nil).want(t, 200)
		if got.body["highest"] != "" || got.body["gap"] != false || len(got.body["items"].([]any)) != 0 {
			t.Errorf("b1's education: %s", got.raw)
		}

		got = f.do("GET", "/api/v1/qualifications", f.super, nil).want(t, 200)
		people := got.body["people"].([]any)
		if num(got.body["below"]) != 1 || num(got.body["unrecorded"]) < 1 || len(people) != 1 || got.body["more"] != false {
			t.Fatalf("qualifications: %s", got.raw)
		}
		if p := people[0].(map[string]any); num(p["employee_id"]) != f.a1.ID || p["highest"] != "d3" || p["minimum"] != "s1" {
			t.Errorf("gap: %v", p)
		}
		// The employee role does not read the needs analysis.
		f.do("GET", "/api/v1/qualifications", f.pegawai, nil).want(t, 403)
	})
}
