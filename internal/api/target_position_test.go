package api

import (
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestTargetPositionAndSources: the admin of A records the head's post as
// a2's target; a2 reads it with the gap of his levels to its standard (the
// unassessed competency null, not 0), cannot change it, and /needs gives
// the target needs and the SKP gap as sources of their own; /talent and the
// competencies count a partly assessed a2 as not assessed, his JPM
// provisional.
func TestTargetPositionAndSources(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		comps, _ := analysisFixture(t, f)
		sys := model.Actor{Name: "test"}
		_, err := st.SetStandard(ctx, sys, f.headA.ID, "SK 9/2025", "2025-01-10", []model.StandardItem{
			{CompetencyID: comps[0], Required: 3, Weight: 2}, {CompetencyID: comps[1], Required: 3, Weight: 1}})
		if err != nil {
			t.Fatal(err)
		}
		f.do("POST", "/api/v1/ratings", f.admin, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[0], "source": "test", "level": 2}).want(t, 201)
		if err := st.SetPerformance(ctx, sys, f.a2.ID, 2024, "Kurang"); err != nil {
			t.Fatal(err)
		}

		// Partly assessed: a provisional JPM, no category, counted apart.
		c := f.do("GET", "/api/v1/employees/"+itoa(f.a2.ID)+"/competencies", f.super, nil).want(t, 200)
		j := c.body["jpm"].(map[string]any)
		if j["provisional"] != true || j["mapping"] != "unknown" || j["capped"] != float64(100) || j["mapping_label"] != "Belum dinilai — lengkapi penilaian" {
			t.Errorf("jpm of a partly assessed employee: %v", j)
		}
		tm := f.do("GET", "/api/v1/talent", f.super, nil).want(t, 200)
		if num(tm.body["not_assessed"]) != 2 { // a2 and a1, whose head post now has a standard nobody assessed
			t.Errorf("talent: %s", tm.raw)
		}

		path := "/api/v1/employees/" + itoa(f.a2.ID) + "/target-position"
		if r := f.do("GET", path, f.pegawai, nil).want(t, 200); r.body["target"] != nil {
			t.Errorf("no target yet: %s", r.raw)
		}
		f.do("PUT", path, f.admin, map[string]any{"position_id": f.staffA.ID}).want(t, 422) // the post held
		f.do("PUT", path, f.pegawai, map[string]any{"position_id": f.headA.ID}).want(t, 403)
		r := f.do("PUT", path, f.admin, map[string]any{"position_id": f.headA.ID, "note": "suksesi"}).want(t, 200)
		tg := r.body["target"].(map[string]any)
		items := tg["items"].([]any)
		if num(tg["position_id"]) != f.headA.ID || tg["note"] != "suksesi" || len(items) != 2 {
			t.Fatalf("target: %s", r.raw)
		}
		i0, i1 := items[0].(map[string]any), items[1].(map[string]any)
		if num(i0["actual"]) != 2 || num(i0["gap"]) != -1 || i1["actual"] != nil || i1["gap"] != nil ||
			tg["jpm"].(map[string]any)["provisional"] != true {
			t.Errorf("target gaps: %s", r.raw)
		}
		if r := f.do("GET", path, f.pegawai, nil).want(t, 200); r.body["target"] == nil {
			t.Errorf("a2 does not see his target: %s", r.raw)
		}

		n := f.do("GET", "/api/v1/needs?unit_id="+strconv.FormatInt(f.unitA.ID, 10), f.super, nil).want(t, 200)
		src := n.body["sources"].(map[string]any)
		tn := src["target"].([]any)
		pf := src["performance"].(map[string]any)
		if num(src["target_employees"]) != 1 || len(tn) != 2 || tn[0].(map[string]any)["source"] != "target" ||
			num(tn[0].(map[string]any)["competency_id"]) != comps[0] || num(tn[0].(map[string]any)["weighted_need"]) != 2 {
			t.Errorf("target needs: %v", src)
		}
		if pf["source"] != "performance" || num(pf["year"]) != 2024 || num(pf["below"]) != 1 {
			t.Errorf("performance: %v", pf)
		}
		if needOf(t, n, comps[0])["source"] != "current" {
			t.Errorf("current needs do not say their source")
		}

		f.do("PUT", path, f.admin, map[string]any{"position_id": nil}).want(t, 200)
		if r := f.do("GET", path, f.super, nil).want(t, 200); r.body["target"] != nil {
			t.Errorf("cleared target still there: %s", r.raw)
		}
	})
}
