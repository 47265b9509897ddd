package api

import (
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// analysisFixture adds to the fixture a standard for the staff post of A
// (two competencies of the built-in framework, each required at level 2)
// and a token for a1, the head of A (role atasan). It returns the two
// competency IDs and the head's token.
func analysisFixture(t *testing.T, f *fixture) ([2]int64, string) {
	t.Helper()
	ctx := context.Background()
	st := f.st
	sys := model.Actor{Name: "test"}
	if _, err := st.EnsureBuiltInFrameworks(ctx, sys); err != nil {
		t.Fatal(err)
	}
	fid, err := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
	if err != nil {
		t.Fatal(err)
	}
	_, ids, err := st.Framework(ctx, fid)
	if err != nil || len(ids) < 2 {
		t.Fatalf("framework: %d competencies, %v", len(ids), err)
	}
	var sid int64
	if err := st.DB().QueryRowContext(ctx, `INSERT INTO position_standard (position_id, decree_no, is_current, created_at)
		VALUES ($1, 'SK-9', TRUE, 1) RETURNING id`, f.staffA.ID).Scan(&sid); err != nil {
		t.Fatal(err)
	}
	for _, c := range ids[:2] {
		if _, err := st.DB().ExecContext(ctx, `INSERT INTO standard_item (standard_id, competency_id, required) VALUES ($1, $2, 2)`, sid, c); err != nil {
			t.Fatal(err)
		}
	}
	tok := f.userToken(model.User{Username: f.a1.NIP, Role: model.RoleAtasan, EmployeeID: f.a1.ID})
	return [2]int64{ids[0], ids[1]}, tok
}

// needOf returns the line of competency id in a /needs answer.
func needOf(t *testing.T, r resp, id int64) map[string]any {
	t.Helper()
	list, _ := r.body["needs"].([]any)
	for _, x := range list {
		if m := x.(map[string]any); num(m["competency_id"]) == id {
			return m
		}
	}
	t.Fatalf("no need for competency %d in %s", id, r.raw)
	return nil
}

func TestNeeds(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		comps, head := analysisFixture(t, f)
		a := "/api/v1/needs?unit_id=" + strconv.FormatInt(f.unitA.ID, 10)

		// Nobody assessed yet: both competencies required of a2, none
		// assessed, no share.
		got := f.do("GET", a, f.super, nil).want(t, 200)
		if u := got.body["unit"].(map[string]any); num(u["id"]) != f.unitA.ID {
			t.Errorf("unit: %v", got.body["unit"])
		}
		if num(got.body["employees"]) != 1 || len(got.body["needs"].([]any)) != 2 || len(got.body["columns"].([]any)) != 2 {
			t.Fatalf("needs of A: %s", got.raw)
		}
		for _, c := range comps {
			n := needOf(t, got, c)
			if num(n["required"]) != 1 || num(n["assessed"]) != 0 || num(n["not_assessed"]) != 1 || num(n["short"]) != 0 || n["share_short"] != nil {
				t.Errorf("competency %d before any rating: %v", c, n)
			}
		}

		// A test result below the standard in the first competency and one
		// meeting it in the second: the totals move at once.
		f.do("POST", "/api/v1/ratings", f.admin, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[0], "source": "test", "level": 1}).want(t, 201)
		f.do("POST", "/api/v1/ratings", f.admin, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[1], "source": "test", "level": 2}).want(t, 201)
		got = f.do("GET", a, f.super, nil).want(t, 200)
		n0, n1 := needOf(t, got, comps[0]), needOf(t, got, comps[1])
		if num(n0["rank"]) != 1 || num(n0["assessed"]) != 1 || num(n0["short"]) != 1 || num(n0["shortfall"]) != 1 ||
			n0["avg_shortfall"].(float64) != 1 || num(n0["weighted_need"]) < 1 || n0["share_short"] != float64(100) {
			t.Errorf("short competency: %v", n0)
		}
		if num(n1["rank"]) != 2 || num(n1["assessed"]) != 1 || num(n1["short"]) != 0 || n1["share_short"] != float64(0) {
			t.Errorf("met competency: %v", n1)
		}
		if c := got.body["columns"].([]any); num(c[0]) != comps[0] || num(c[1]) != comps[1] {
			t.Errorf("columns %v, want %v", c, comps)
		}
		// A has no subunit: one heat-map row, the employees placed in A.
		rows := got.body["rows"].([]any)
		if len(rows) != 1 {
			t.Fatalf("rows: %v", rows)
		}
		row := rows[0].(map[string]any)
		cells := row["cells"].([]any)
		if row["direct"] != true || num(row["unit"].(map[string]any)["id"]) != f.unitA.ID || num(row["employees"]) != 1 || len(cells) != 2 {
			t.Fatalf("row: %v", row)
		}
		if c := cells[0].(map[string]any); num(c["competency_id"]) != comps[0] || num(c["short"]) != 1 || c["share_short"] != float64(100) {
			t.Errorf("cell: %v", c)
		}

		// The top of a whole-government scope is the root, its OPDs the rows.
		got = f.do("GET", "/api/v1/needs", f.super, nil).want(t, 200)
		if u := got.body["unit"].(map[string]any); num(u["id"]) != f.root.ID {
			t.Errorf("top: %v", got.body["unit"])
		}
		if rows := got.body["rows"].([]any); len(rows) != 2 {
			t.Errorf("rows of the root: %v", rows)
		}
		if num(needOf(t, got, comps[0])["short"]) != 1 {
			t.Errorf("root: %s", got.raw)
		}

		// The admin of A and the head of A read A, its top; B and the root
		// are outside their scope.
		for _, tok := range []string{f.admin, head} {
			got = f.do("GET", "/api/v1/needs", tok, nil).want(t, 200)
			if u := got.body["unit"].(map[string]any); num(u["id"]) != f.unitA.ID || num(needOf(t, got, comps[0])["short"]) != 1 {
				t.Errorf("needs of the scope: %s", got.raw)
			}
			f.do("GET", a, tok, nil).want(t, 200)
			for _, id := range []int64{f.unitB.ID, f.root.ID, 999999} {
				if r := f.do("GET", "/api/v1/needs?unit_id="+strconv.FormatInt(id, 10), tok, nil).want(t, 404); r.errCode() != "not_found" {
					t.Errorf("unit %d: %s", id, r.raw)
				}
			}
		}
		f.do("GET", "/api/v1/needs?unit_id=x", f.super, nil).want(t, 422)
		// An employee reads no subtree.
		if r := f.do("GET", a, f.pegawai, nil).want(t, 403); r.errCode() != "forbidden" {
			t.Errorf("pegawai: %s", r.raw)
		}
		f.do("GET", a, "", nil).want(t, 401)
	})
}

// boxCount returns the count of box n of a /talent answer and checks that
// the box carries its number and wording.
func boxCount(t *testing.T, r resp, n int) int64 {
	t.Helper()
	boxes := r.body["boxes"].([]any)
	if len(boxes) != 10 {
		t.Fatalf("%d boxes: %s", len(boxes), r.raw)
	}
	b := boxes[n].(map[string]any)
	if num(b["box"]) != int64(n) || b["label"] == "" || b["label_en"] == "" || b["talent_pool"] != (n >= 7) {
		t.Errorf("box %d: %v", n, b)
	}
	if n > 0 && (b["action"] == "" || b["action_en"] == "") {
		t.Errorf("box %d has no action: %v", n, b)
	}
	return num(b["count"])
}

func TestTalent(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		comps, head := analysisFixture(t, f)
		ctx := context.Background()
		// a2 gets a JPM (both competencies met) and two SKP ratings, so
		// that she can be placed; a1 and b1 cannot.
		for _, c := range comps {
			f.do("POST", "/api/v1/ratings", f.admin, map[string]any{"employee_id": f.a2.ID, "competency_id": c, "source": "test", "level": 2}).want(t, 201)
		}
		for _, y := range []int{testNow.Year() - 2, testNow.Year() - 1} {
			if _, err := st.DB().ExecContext(ctx, `INSERT INTO performance_rating (employee_id, year, predikat) VALUES ($1, $2, 'Baik')`, f.a2.ID, y); err != nil {
				t.Fatal(err)
			}
		}

		got := f.do("GET", "/api/v1/talent", f.super, nil).want(t, 200)
		if got.body["unit"] != nil || num(got.body["total"]) != 3 || got.body["discipline_known"] != true {
			t.Fatalf("talent of the government: %s", got.raw)
		}
		if y := got.body["years"].([]any); num(y[0]) != int64(testNow.Year()-2) || num(y[1]) != int64(testNow.Year()-1) {
			t.Errorf("years %v", y)
		}
		var placed int64
		for n := 1; n <= 9; n++ {
			placed += boxCount(t, got, n)
		}
		if unplaced := boxCount(t, got, 0); unplaced != 2 || placed != 1 {
			t.Errorf("unplaced %d, placed %d; want 2 and 1: %s", unplaced, placed, got.raw)
		}

		a := "/api/v1/talent?unit_id=" + strconv.FormatInt(f.unitA.ID, 10)
		for _, tok := range []string{f.super, f.admin, head} {
			got = f.do("GET", a, tok, nil).want(t, 200)
			if u := got.body["unit"].(map[string]any); num(u["id"]) != f.unitA.ID || num(got.body["total"]) != 2 || boxCount(t, got, 0) != 1 {
				t.Errorf("talent of A: %s", got.raw)
			}
		}
		// The admin of A sees A's people without a unit, and not B.
		got = f.do("GET", "/api/v1/talent", f.admin, nil).want(t, 200)
		if num(got.body["total"]) != 2 {
			t.Errorf("talent of the admin's scope: %s", got.raw)
		}
		if r := f.do("GET", "/api/v1/talent?unit_id="+strconv.FormatInt(f.unitB.ID, 10), f.admin, nil).want(t, 403); r.errCode() != "forbidden" {
			t.Errorf("unit B: %s", r.raw)
		}
		f.do("GET", "/api/v1/talent?unit_id=999999", f.super, nil).want(t, 404)
		f.do("GET", "/api/v1/talent?unit_id=-1", f.super, nil).want(t, 422)
		// The 9-box is a tool for leadership: not for an employee.
		if r := f.do("GET", "/api/v1/talent", f.pegawai, nil).want(t, 403); r.errCode() != "forbidden" {
			t.Errorf("pegawai: %s", r.raw)
		}
		f.do("GET", "/api/v1/talent", "", nil).want(t, 401)
	})
}
