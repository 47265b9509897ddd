package api

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestActing records a2 as Plh. head of B through the API (by NIP and post
// code), lists it, refuses an overlapping one and ends it; b1's derived
// supervisor follows.
func TestActing(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		headB := model.Position{Code: "KADINKES", Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: f.unitB.ID, IsHead: true}
		if err := st.CreatePosition(t.Context(), testcity.Sys, &headB); err != nil {
			t.Fatal(err)
		}
		supervisorOfB1 := func() int64 {
			e, err := st.Employee(t.Context(), f.b1.ID)
			if err != nil {
				t.Fatal(err)
			}
			return e.SupervisorID
		}
		body := map[string]any{"employee_nip": f.a2.NIP, "position_code": "KADINKES", "kind": "plh", "from": "2025-06-02",
			"until": "2025-06-13", "decree_no": "800.1.3/77/2025", "decree_date": "2025-05-30"}
		f.do("POST", "/api/v1/acting", f.admin, body).want(t, 403) // a unit admin does not write the organisation
		r := f.do("POST", "/api/v1/acting", f.super, body).want(t, 201)
		if r.body["kind"] != "plh" || r.body["until"] != "2025-06-13" || r.body["in_force"] != true || num(r.body["employee_id"]) != f.a2.ID {
			t.Fatalf("created %s", r.raw)
		}
		id := num(r.body["id"])
		if got := supervisorOfB1(); got != f.a2.ID {
			t.Errorf("b1's supervisor %d, want the acting head %d", got, f.a2.ID)
		}
		body["employee_nip"], body["from"] = f.a1.NIP, "2025-06-13"
		f.do("POST", "/api/v1/acting", f.super, body).want(t, 409)
		body["position_code"] = "NONE"
		f.do("POST", "/api/v1/acting", f.super, body).wantInvalid(t, "position_code")

		r = f.do("GET", "/api/v1/acting?current=true&unit_id="+itoa(f.unitB.ID), f.super, nil).want(t, 200)
		if items, _ := r.body["items"].([]any); len(items) != 1 {
			t.Fatalf("list %s", r.raw)
		}
		f.do("POST", "/api/v1/acting/"+itoa(id)+"/end", f.super, map[string]any{"until": "2025-06-01"}).wantInvalid(t, "until")
		r = f.do("POST", "/api/v1/acting/"+itoa(id)+"/end", f.super, map[string]any{"until": "2025-06-02"}).want(t, 200)
		if r.body["until"] != "2025-06-02" || r.body["in_force"] != true {
			t.Errorf("ended %s", r.raw)
		}
		f.do("POST", "/api/v1/acting/999999/end", f.super, map[string]any{"until": "2025-06-02"}).want(t, 404)
	})
}
