package api

import (
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestSupervisorOutsideScopeRefused reproduces issue 10 point 2 through
// the API: a unit admin naming anyone in the government as a supervisor
// had it accepted, and the answer showed that person's NIP and name (any
// ID could be looked up), and the outsider gained the right to read and
// rate the employee. The refusal must be the same for an ID outside and
// an ID that does not exist.
func TestSupervisorOutsideScopeRefused(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		path := "/api/v1/employees/" + itoa(f.a2.ID)
		const missing = 987654

		outside := f.do("PUT", path, f.admin, map[string]any{"supervisor_id": f.b1.ID})
		absent := f.do("PUT", path, f.admin, map[string]any{"supervisor_id": missing})
		for _, r := range []resp{outside, absent} {
			r.want(t, 422)
			if r.errCode() != "invalid" {
				t.Errorf("error code %q, want invalid: %s", r.errCode(), r.raw)
			}
			for _, leak := range []string{f.b1.NIP, f.b1.Name, f.unitB.Name} {
				if strings.Contains(string(r.raw), leak) {
					t.Errorf("the refusal reveals %q: %s", leak, r.raw)
				}
			}
		}
		// The same words for "exists outside" and "does not exist".
		if a, b := strings.ReplaceAll(string(outside.raw), itoa(f.b1.ID), "ID"), strings.ReplaceAll(string(absent.raw), itoa(missing), "ID"); a != b {
			t.Errorf("the refusals differ:\n%s\n%s", a, b)
		}
		// Nothing was written: the outsider is not the supervisor.
		v, err := st.Employee(context.Background(), f.a2.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.SupervisorID == f.b1.ID {
			t.Errorf("the outsider %d became the supervisor", f.b1.ID)
		}

		// Nor on create.
		r := f.do("POST", "/api/v1/employees", f.admin, map[string]any{"nip": "199201012019031001", "name": "Rudi Hartono",
			"gender": "L", "kind": "PNS", "golongan": "III/a", "unit_id": f.unitA.ID, "birth_date": "1992-01-01", "supervisor_id": f.b1.ID})
		r.want(t, 422)
		if strings.Contains(string(r.raw), f.b1.NIP) {
			t.Errorf("create reveals the outsider: %s", r.raw)
		}

		// A whole-government administrator names anyone.
		r = f.do("PUT", path, f.super, map[string]any{"supervisor_id": f.b1.ID}).want(t, 200)
		if r.body["supervisor_nip"] != f.b1.NIP {
			t.Errorf("superadmin: supervisor_nip %v, want %s", r.body["supervisor_nip"], f.b1.NIP)
		}
		// What someone else set stays when the unit admin edits another
		// field: keeping a supervisor names nobody new.
		f.do("PUT", path, f.admin, map[string]any{"phone": "081234567890"}).want(t, 200)
		f.do("PUT", path, f.admin, map[string]any{"phone": "081234567891", "supervisor_id": f.b1.ID}).want(t, 200)
	})
}

// TestSupervisorAllowedChoices: the supervisors a unit admin may name are
// the people they administer and the heads (holders, or Plt./Plh. today)
// of the employee's unit and the units above it.
func TestSupervisorAllowedChoices(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		rootHead := model.Position{Title: "Sekretaris Daerah", Type: model.JPTPratama, UnitID: f.root.ID, IsHead: true}
		must(st.CreatePosition(ctx, sys, &rootHead))
		headB := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: f.unitB.ID, IsHead: true}
		must(st.CreatePosition(ctx, sys, &headB))
		emp := func(nip, name string, unit, pos int64) model.Employee {
			e := model.Employee{NIP: nip, Name: name, BirthDate: date(nip[:4] + "-" + nip[4:6] + "-" + nip[6:8]), Gender: model.Male,
				Kind: model.PNS, Golongan: "IV/c", UnitID: unit, PositionID: pos, Status: model.StatusAktif}
			must(st.CreateEmployee(ctx, sys, &e))
			return e
		}
		headOfB := emp("196801011990031003", "Hendra Gunawan", f.unitB.ID, headB.ID)
		acting := func(e model.Employee, pos model.Position, from, until string) {
			_, err := st.DB().Exec(`INSERT INTO acting_assignment (employee_id, position_id, kind, from_date, until_date) VALUES ($1, $2, 'plt', $3, $4)`,
				e.ID, pos.ID, from, until)
			must(err)
		}
		path := "/api/v1/employees/" + itoa(f.a2.ID)
		name := func(id int64) resp { return f.do("PUT", path, f.admin, map[string]any{"supervisor_id": id}) }

		// A colleague in the administered unit.
		if r := name(f.a1.ID).want(t, 200); !strings.Contains(str(r.body["supervisor_name"]), f.a1.Name) {
			t.Errorf("colleague: supervisor_name %v", r.body["supervisor_name"])
		}
		// The head of B heads no unit above A.
		name(headOfB.ID).want(t, 422)
		// An acting assignment that ended gives nothing.
		acting(f.b1, rootHead, "2024-01-01", "2025-01-31")
		name(f.b1.ID).want(t, 422)
		// b1 of B, Plt. of the (vacant) head post of the pemda today.
		acting(f.b1, rootHead, "2025-05-01", "")
		if r := name(f.b1.ID).want(t, 200); r.body["supervisor_nip"] != f.b1.NIP {
			t.Errorf("Plt. above: supervisor_nip %v", r.body["supervisor_nip"])
		}
		// The holder of the head post of the unit above.
		sekda := emp("196505051989031004", "Irwan Lubis", f.root.ID, rootHead.ID)
		if r := name(sekda.ID).want(t, 200); !strings.Contains(str(r.body["supervisor_name"]), sekda.Name) {
			t.Errorf("head above: supervisor_name %v", r.body["supervisor_name"])
		}
	})
}

func str(v any) string { s, _ := v.(string); return s }
