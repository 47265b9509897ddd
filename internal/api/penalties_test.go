package api

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestPenalties(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		adminB := f.adminB()
		head := f.userToken(model.User{Username: f.a1.NIP, Role: model.RoleAtasan, EmployeeID: f.a1.ID})
		leader := f.userToken(model.User{Username: "walikota", Role: model.RolePimpinan})
		path := "/api/v1/employees/" + itoa(f.a2.ID) + "/penalties"

		// The admin of A records a moderate penalty of a2, in force on
		// testNow (2 June 2025).
		body := map[string]any{"level": "sedang", "kind": "pemotongan tunjangan kinerja 25% selama 6 bulan",
			"decree_no": "800/123/BKPSDM/2025", "decree_date": "2025-05-20", "starts_on": "2025-06-01", "ends_on": "2025-11-30"}
		before := auditActions(t, st, "discipline.add")
		r := f.do("POST", path, f.admin, body).want(t, 201)
		if num(r.body["id"]) == 0 || num(r.body["employee_id"]) != f.a2.ID || r.body["level"] != "sedang" || r.body["in_force"] != true ||
			r.body["ends_on"] != "2025-11-30" || r.body["revoked"] != false || r.header.Get("Location") != path {
			t.Fatalf("created %s", r.raw)
		}
		if n := auditActions(t, st, "discipline.add"); n != before+1 {
			t.Errorf("discipline.add audited %d times", n-before)
		}
		// A reprimand has no period: its end defaults to its start, and it
		// never keeps anyone out of the succession pool.
		r = f.do("POST", path, f.super, map[string]any{"level": "ringan", "kind": "teguran lisan", "decree_no": "800/7/2025",
			"decree_date": "2025-01-10", "starts_on": "2025-01-10"}).want(t, 201)
		if r.body["ends_on"] != "2025-01-10" || r.body["in_force"] != false {
			t.Errorf("reprimand %s", r.raw)
		}

		// Validation errors name their field; nothing is audited.
		with := func(k string, v any) map[string]any {
			b := map[string]any{}
			for kk, vv := range body {
				b[kk] = vv
			}
			if v == nil {
				delete(b, k)
			} else {
				b[k] = v
			}
			return b
		}
		before = auditActions(t, st, "discipline.add")
		f.do("POST", path, f.admin, with("level", "sangat berat")).wantInvalid(t, "level")
		f.do("POST", path, f.admin, with("decree_no", " ")).wantInvalid(t, "decree_no")
		f.do("POST", path, f.admin, with("decree_date", "20-05-2025")).wantInvalid(t, "decree_date")
		f.do("POST", path, f.admin, with("ends_on", nil)).wantInvalid(t, "ends_on")
		f.do("POST", path, f.admin, with("ends_on", "2025-05-31")).wantInvalid(t, "ends_on")
		f.do("POST", path, f.admin, with("starts_on", "2025-05-01")).wantInvalid(t, "starts_on")
		f.do("POST", path, f.admin, with("reason", "x")).wantInvalid(t, "reason")
		f.do("POST", path, f.admin, with("level", 2)).wantInvalid(t, "level")
		if n := auditActions(t, st, "discipline.add"); n != before {
			t.Errorf("refused writes audited %d times", n-before)
		}

		// Reading: the employee themself and whoever may record them.
		r = f.do("GET", path, f.pegawai, nil).want(t, 200)
		if items := r.items(); len(items) != 2 || items[0]["level"] != "sedang" || r.body["can_write"] != false {
			t.Fatalf("own penalties %s", r.raw)
		}
		for _, tok := range []string{f.admin, f.super} {
			if r := f.do("GET", path, tok, nil).want(t, 200); len(r.items()) != 2 || r.body["can_write"] != true {
				t.Errorf("admin reads %s", r.raw)
			}
		}
		// Anyone else is told there is nothing: another OPD's admin, a2's
		// head (who sees her profile but not this section), leadership (who
		// reads everyone but edits no one), and a2 about someone else.
		for name, tok := range map[string]string{"admin of B": adminB, "head of A": head, "leader": leader} {
			if r := f.do("GET", path, tok, nil); r.status != 404 || r.errCode() != "not_found" {
				t.Errorf("%s: %d %s", name, r.status, r.raw)
			}
		}
		f.do("GET", "/api/v1/employees/"+itoa(f.a1.ID)+"/penalties", f.pegawai, nil).want(t, 404)
		f.do("GET", "/api/v1/employees/99999/penalties", f.super, nil).want(t, 404)
		f.do("GET", path, "", nil).want(t, 401)

		// Writing: employees.write is needed (403 as on the page), then the
		// employee must be administered by the caller (404).
		f.do("POST", path, f.pegawai, body).want(t, 403)
		f.do("POST", path, head, body).want(t, 403)
		f.do("POST", path, leader, body).want(t, 403)
		f.do("POST", path, adminB, body).want(t, 404)
		f.do("POST", "/api/v1/employees/"+itoa(f.b1.ID)+"/penalties", f.admin, body).want(t, 404)
		f.do("POST", "/api/v1/employees/99999/penalties", f.super, body).want(t, 404)
		if n := auditActions(t, st, "discipline.add"); n != before {
			t.Errorf("refused writes audited %d times", n-before)
		}
		// B's admin records one for b1 of B.
		f.do("POST", "/api/v1/employees/"+itoa(f.b1.ID)+"/penalties", adminB, body).want(t, 201)

		// The sub-routes of /employees/{id} still dispatch as before.
		f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID)+"/competencies", f.pegawai, nil).want(t, 200)
		r = f.do("POST", "/api/v1/employees/"+itoa(f.a2.ID)+"/competencies", f.admin, nil).want(t, 405)
		if r.errCode() != "method_not_allowed" || r.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("405 %v %s", r.header, r.raw)
		}
		if r := f.do("PUT", path, f.admin, body).want(t, 405); r.header.Get("Allow") == "" {
			t.Errorf("PUT penalties: %v", r.header)
		}
		f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID)+"/nothing", f.admin, nil).want(t, 404)
		f.do("POST", "/api/v1/employees/"+itoa(f.a2.ID)+"/nothing", f.admin, nil).want(t, 404)
	})
}
