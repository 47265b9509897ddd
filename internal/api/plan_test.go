package api

import (
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestPlanAPI: Ani proposes from the catalogue and submits; her
// supervisor sees it in GET /approvals; Ani cannot decide it (404), a
// rejection without reason is 422, a change asked sends it back; Ani
// changes and resubmits; GET /me/plan shows the item and the PNS floor.
func TestPlanAPI(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, testcity.WithCatalogue())
		c := f.city
		token := func(e model.Employee, name string) string {
			u := model.User{Username: name, EmployeeID: e.ID, Role: model.RolePegawai, Active: true}
			if err := c.AddUser(&u, "rahasia-api-rencana-3"); err != nil {
				t.Fatal(err)
			}
			return c.Token(t, u)
		}
		ani, siti := token(c.Ani, "ani"), token(c.Kabid, "siti")
		year := st.Now().Year()
		r := f.do("POST", "/api/v1/plan-items", ani, map[string]any{"year": year, "programme_id": c.Catalogue.Cloud.ID,
			"purpose": "Komputasi awan untuk layanan", "submit": true}).want(t, 201)
		id := int64(num(r.body["id"]))
		if r.body["status"] != "diajukan" || r.body["step"] != "atasan" || num(r.body["jp"]) != 16 {
			t.Fatalf("after submission %s", r.raw)
		}
		if items := f.do("GET", "/api/v1/approvals", siti, nil).want(t, 200).items(); len(items) != 1 || int64(num(items[0]["id"])) != id {
			t.Errorf("Siti's approvals: %v", items)
		}
		path := fmt.Sprintf("/api/v1/plan-items/%d/decision", id)
		f.do("POST", path, ani, map[string]any{"decision": "setuju"}).want(t, 404)
		f.do("POST", path, siti, map[string]any{"decision": "tolak"}).want(t, 422)
		r = f.do("POST", path, siti, map[string]any{"decision": "perbaiki", "reason": "Pilih angkatan"}).want(t, 200)
		if r.body["status"] != "perbaikan" {
			t.Errorf("after a change asked: %s", r.raw)
		}
		r = f.do("PUT", fmt.Sprintf("/api/v1/plan-items/%d", id), ani, map[string]any{"year": year, "programme_id": c.Catalogue.Cloud.ID,
			"session_id": c.Catalogue.CloudSess.ID, "purpose": "Komputasi awan, angkatan I", "submit": true}).want(t, 200)
		if r.body["status"] != "diajukan" || int64(num(r.body["session_id"])) != c.Catalogue.CloudSess.ID {
			t.Errorf("after the change: %s", r.raw)
		}
		r = f.do("GET", "/api/v1/me/plan", ani, nil).want(t, 200)
		jp := r.body["jp"].(map[string]any)
		if len(r.items()) != 1 || jp["rule"] != "pns_floor" || num(jp["limit"]) != 20 || num(jp["counted"]) != 16 {
			t.Errorf("Ani's plan %s", r.raw)
		}
		decisions := r.items()[0]["decisions"].([]any)
		if len(decisions) != 3 {
			t.Errorf("trail %v", decisions)
		}
	})
}
