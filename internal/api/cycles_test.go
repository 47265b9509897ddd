package api

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// userToken creates account u (active) with an API token and returns the
// token.
func (f *fixture) userToken(u model.User) string {
	f.t.Helper()
	u.Active = true
	if err := f.city.AddUser(&u, "rahasia-lain-6"); err != nil {
		f.t.Fatal(err)
	}
	return f.city.Token(f.t, u)
}

// adminB is a token for the admin_opd of unit B (DINKES).
func (f *fixture) adminB() string {
	return f.userToken(model.User{Username: "admin-dinkes", Role: model.RoleAdminOPD, ScopeUnitID: f.unitB.ID})
}

// auditActions counts the audit entries with action.
func auditActions(t *testing.T, st *store.Store, action string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// errField returns error.field of an error answer.
func (r resp) errField() string {
	e, _ := r.body["error"].(map[string]any)
	s, _ := e["field"].(string)
	return s
}

// wantInvalid fails unless the answer is a 422 naming field.
func (r resp) wantInvalid(t *testing.T, field string) {
	t.Helper()
	r.want(t, 422)
	if r.errCode() != "invalid" || r.errField() != field {
		t.Errorf("want invalid on %q, got %s", field, r.raw)
	}
}

func TestCycles(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		adminB := f.adminB()
		leader := f.userToken(model.User{Username: "walikota", Role: model.RolePimpinan})

		// The OPD admin of A opens a cycle for A (testNow is 2 June 2025).
		body := map[string]any{"name": "Penilaian Juni 2025", "opens_on": "2025-06-01", "closes_on": "2025-06-30", "scope_unit_id": f.unitA.ID}
		before := auditActions(t, st, "cycle.create")
		r := f.do("POST", "/api/v1/cycles", f.admin, body).want(t, 201)
		id := num(r.body["id"])
		if r.header.Get("Location") != "/api/v1/cycles/"+itoa(id) || r.body["status"] != "open" || num(r.body["scope_unit_id"]) != f.unitA.ID ||
			r.body["can_edit"] != true || r.body["closed_at"] != nil || len(r.body["sources"].([]any)) != 3 {
			t.Fatalf("created %s", r.raw)
		}
		if n := auditActions(t, st, "cycle.create"); n != before+1 {
			t.Errorf("cycle.create audited %d times", n-before)
		}
		prog := r.body["progress"].(map[string]any)
		if num(prog["people"]) != 2 || num(prog["self_done"]) != 0 {
			t.Errorf("progress %v", prog)
		}

		// Validation errors name their field.
		bad := func(change map[string]any) map[string]any {
			b := map[string]any{}
			for k, v := range body {
				b[k] = v
			}
			for k, v := range change {
				if v == nil {
					delete(b, k)
				} else {
					b[k] = v
				}
			}
			return b
		}
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"name": "  "})).wantInvalid(t, "name")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"opens_on": "1 Juni"})).wantInvalid(t, "opens_on")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"closes_on": "2025-05-01"})).wantInvalid(t, "closes_on")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"sources": []string{}})).wantInvalid(t, "sources")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"sources": []string{"self", "test"}})).wantInvalid(t, "sources")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"scope_unit_id": nil})).wantInvalid(t, "scope_unit_id")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"scope_unit_id": 99999})).wantInvalid(t, "scope_unit_id")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"scope_unit_id": nil, "scope_unit_code": "NOPE"})).wantInvalid(t, "scope_unit_code")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"siklus": 1})).wantInvalid(t, "siklus")
		// A unit outside what the caller administers is refused on the
		// field, as the form does: A's admin for B, B's admin for A.
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"scope_unit_id": f.unitB.ID})).wantInvalid(t, "scope_unit_id")
		f.do("POST", "/api/v1/cycles", adminB, body).wantInvalid(t, "scope_unit_id")
		f.do("POST", "/api/v1/cycles", f.admin, bad(map[string]any{"scope_unit_id": nil, "scope_unit_code": "DINKES"})).wantInvalid(t, "scope_unit_code")
		if n := auditActions(t, st, "cycle.create"); n != before+1 {
			t.Errorf("refused creations were audited: %d", n-before)
		}
		// A pegawai administers nothing: the create page is "not found" to them.
		f.do("POST", "/api/v1/cycles", f.pegawai, body).want(t, 404)

		// a2 rates herself while the cycle is open: the rating is attached.
		if _, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
		fid, _ := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
		_, comps, _ := st.Framework(ctx, fid)
		f.do("POST", "/api/v1/ratings", f.pegawai, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[0], "source": "self", "level": 3}).want(t, 201)

		r = f.do("GET", "/api/v1/cycles/"+itoa(id), f.admin, nil).want(t, 200)
		prog = r.body["progress"].(map[string]any)
		units := r.body["units"].([]any)
		if num(prog["people"]) != 2 || num(prog["self_done"]) != 1 || num(r.body["min_peers"]) < 1 || len(units) != 1 {
			t.Fatalf("detail %s", r.raw)
		}
		u0 := units[0].(map[string]any)
		if u0["direct"] != true || num(u0["unit"].(map[string]any)["id"]) != f.unitA.ID || num(u0["progress"].(map[string]any)["self_done"]) != 1 {
			t.Errorf("unit row %v", u0)
		}

		// Scope: B's admin neither sees nor closes A's cycle; a pegawai sees
		// no cycle at all; leadership sees every cycle and changes none.
		if r := f.do("GET", "/api/v1/cycles", adminB, nil).want(t, 200); len(r.items()) != 0 {
			t.Errorf("B's admin lists %s", r.raw)
		}
		f.do("GET", "/api/v1/cycles/"+itoa(id), adminB, nil).want(t, 404)
		f.do("POST", "/api/v1/cycles/"+itoa(id)+"/close", adminB, nil).want(t, 404)
		f.do("GET", "/api/v1/cycles", f.pegawai, nil).want(t, 404)
		f.do("GET", "/api/v1/cycles/"+itoa(id), f.pegawai, nil).want(t, 404)
		f.do("POST", "/api/v1/cycles/"+itoa(id)+"/close", f.pegawai, nil).want(t, 404)
		r = f.do("GET", "/api/v1/cycles", leader, nil).want(t, 200)
		if items := r.items(); len(items) != 1 || items[0]["can_edit"] != false {
			t.Errorf("leader lists %s", r.raw)
		}
		f.do("GET", "/api/v1/cycles/"+itoa(id), leader, nil).want(t, 200)
		f.do("POST", "/api/v1/cycles/"+itoa(id)+"/close", leader, nil).want(t, 404)
		f.do("GET", "/api/v1/cycles/99999", f.super, nil).want(t, 404)
		f.do("GET", "/api/v1/cycles", "", nil).want(t, 401)

		// Paging, newest opening date first.
		for _, d := range []string{"2025-07-01", "2025-08-01"} {
			b := bad(map[string]any{"opens_on": d, "closes_on": d[:8] + "20", "name": "Siklus " + d, "sources": []string{"peer"}})
			if r := f.do("POST", "/api/v1/cycles", f.super, b).want(t, 201); r.body["status"] != "scheduled" {
				t.Errorf("future cycle %s", r.raw)
			}
		}
		r = f.do("GET", "/api/v1/cycles?limit=2", f.admin, nil).want(t, 200)
		if items := r.items(); len(items) != 2 || items[0]["opens_on"] != "2025-08-01" || num(r.body["next_offset"]) != 2 {
			t.Fatalf("first page %s", r.raw)
		}
		r = f.do("GET", "/api/v1/cycles?limit=2&offset=2", f.admin, nil).want(t, 200)
		if items := r.items(); len(items) != 1 || num(items[0]["id"]) != id || r.body["next_offset"] != nil {
			t.Errorf("last page %s", r.raw)
		}
		f.do("GET", "/api/v1/cycles?limit=-1", f.admin, nil).wantInvalid(t, "limit")

		// Closing is final and audited; a second close is a conflict.
		before = auditActions(t, st, "cycle.close")
		r = f.do("POST", "/api/v1/cycles/"+itoa(id)+"/close", f.admin, nil).want(t, 200)
		if r.body["status"] != "closed" || r.body["closed_at"] == nil || r.body["can_edit"] != false {
			t.Errorf("closed %s", r.raw)
		}
		if n := auditActions(t, st, "cycle.close"); n != before+1 {
			t.Errorf("cycle.close audited %d times", n-before)
		}
		if r := f.do("POST", "/api/v1/cycles/"+itoa(id)+"/close", f.admin, nil).want(t, 409); r.errCode() != "conflict" {
			t.Errorf("second close %s", r.raw)
		}
	})
}
