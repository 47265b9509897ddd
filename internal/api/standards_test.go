package api

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestFrameworksAndStandards(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		if _, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
		r := f.do("GET", "/api/v1/frameworks", f.pegawai, nil).want(t, 200)
		items := r.items()
		if len(items) != len(dictionary.BuiltIn()) || items[0]["builtin"] != true || num(items[0]["competency_count"]) == 0 {
			t.Fatalf("frameworks %s", r.raw)
		}
		f.do("GET", "/api/v1/frameworks", "", nil).want(t, 401)
		natID, _ := st.FrameworkID(ctx, dictionary.CodeNational, "")
		r = f.do("GET", "/api/v1/frameworks/"+itoa(natID), f.pegawai, nil).want(t, 200)
		comps, _ := r.body["competencies"].([]any)
		if r.body["code"] != dictionary.CodeNational || len(comps) != 9 {
			t.Fatalf("framework %s", r.raw)
		}
		m1 := comps[0].(map[string]any)
		levels, _ := m1["levels"].([]any)
		if m1["code"] != "M1" || len(levels) != 5 || levels[0].(map[string]any)["description"] == "" || num(m1["id"]) == 0 {
			t.Errorf("competency M1 %v", m1)
		}
		f.do("GET", "/api/v1/frameworks/99999", f.pegawai, nil).want(t, 404)

		pos := "/api/v1/positions/" + itoa(f.staffA.ID) + "/standard"
		r = f.do("GET", pos, f.pegawai, nil).want(t, 200)
		if r.body["standard"] != nil {
			t.Errorf("no standard yet %s", r.raw)
		}
		f.do("GET", "/api/v1/positions/99999/standard", f.pegawai, nil).want(t, 404)
		m1ID := num(m1["id"])
		m2ID := num(comps[1].(map[string]any)["id"])
		body := map[string]any{"decree_no": "Perwal No. 12 Tahun 2026", "decree_date": "2026-01-15",
			"items": []map[string]any{{"competency_id": m1ID, "required": 2}, {"competency_id": m2ID, "required": 1, "weight": 2, "mandatory": false}}}
		f.do("PUT", pos, f.pegawai, body).want(t, 403)
		f.do("PUT", pos, f.admin, body).want(t, 403) // admin_opd does not set standards
		r = f.do("PUT", pos, f.super, body).want(t, 200)
		std, _ := r.body["standard"].(map[string]any)
		its, _ := std["items"].([]any)
		if std["decree_no"] != "Perwal No. 12 Tahun 2026" || std["current"] != true || len(its) != 2 {
			t.Fatalf("put standard %s", r.raw)
		}
		second := its[1].(map[string]any)
		if second["mandatory"] != false || num(second["weight"]) != 2 || second["code"] != "M2" || second["framework_code"] != dictionary.CodeNational {
			t.Errorf("item %v", second)
		}
		bad := map[string]any{"decree_no": "X", "items": []map[string]any{{"competency_id": m1ID, "required": 6}}}
		f.do("PUT", pos, f.super, bad).want(t, 422)
		f.do("PUT", pos, f.super, map[string]any{"decree_no": "X", "items": []map[string]any{}}).want(t, 422)
		f.do("PUT", pos, f.super, map[string]any{"decree_no": "X", "bogus": 1}).want(t, 422)
		f.do("PUT", "/api/v1/positions/99999/standard", f.super, body).want(t, 404)

		body["decree_no"] = "Perwal No. 30 Tahun 2026"
		f.do("PUT", pos, f.super, body).want(t, 200)
		r = f.do("GET", pos, f.pegawai, nil).want(t, 200)
		if std := r.body["standard"].(map[string]any); std["decree_no"] != "Perwal No. 30 Tahun 2026" {
			t.Errorf("current after second put %s", r.raw)
		}
		hist, _ := st.StandardHistory(ctx, f.staffA.ID)
		if len(hist) != 2 || hist[1].Current {
			t.Errorf("history %+v", hist)
		}
	})
}
