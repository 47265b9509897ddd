package api

import (
	"net/http"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestMyData: GET /me/data gives the caller's own record and plans, as the
// web download does; an account without an employee record is refused.
func TestMyData(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		it := model.PlanItem{EmployeeID: f.city.Budi.ID, Year: 2026, Title: "Kursus Basis Data", Form: "kursus", JP: 8, Purpose: "Data kota",
			ProposedBy: model.ProposedByEmployee}
		if err := st.ProposePlanItem(t.Context(), model.Actor{Name: "test"}, &it, false); err != nil {
			t.Fatal(err)
		}
		r := f.do("GET", Prefix+"/me/data", f.pegawai, nil)
		emp, _ := r.body["employee"].(map[string]any)
		plans, _ := r.body["development_plans"].([]any)
		if r.status != http.StatusOK || emp["NIP"] != f.city.Budi.NIP || len(plans) != 1 || plans[0].(map[string]any)["Title"] != it.Title {
			t.Fatalf("own data: %d %s", r.status, r.raw)
		}
		if r := f.do("GET", Prefix+"/me/data", f.super, nil); r.status != http.StatusUnprocessableEntity {
			t.Errorf("an account without a record: %d %s", r.status, r.raw)
		}
	})
}
