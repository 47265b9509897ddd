package api

import (
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestCompetenciesAndRatings(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		_, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"})
		if err != nil {
			t.Fatal(err)
		}
		fid, _ := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
		_, ids, _ := st.Framework(ctx, fid)
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
		path := "/api/v1/employees/" + strconv.FormatInt(f.a2.ID, 10) + "/competencies"
		got := f.do("GET", path, f.pegawai, nil).want(t, 200)
		if items := got.body["items"].([]any); len(items) != 2 {
			t.Fatalf("items: %v", got.body)
		}
		// a2 rates herself; a pegawai may not enter a test result, nor rate
		// someone else as supervisor.
		f.do("POST", "/api/v1/ratings", f.pegawai, map[string]any{"employee_id": f.a2.ID, "competency_id": ids[0], "source": "self", "level": 3}).want(t, 201)
		f.do("POST", "/api/v1/ratings", f.pegawai, map[string]any{"employee_id": f.a2.ID, "competency_id": ids[0], "source": "test", "level": 5}).want(t, 403)
		f.do("POST", "/api/v1/ratings", f.pegawai, map[string]any{"employee_id": f.a1.ID, "competency_id": ids[0], "source": "supervisor", "level": 1}).want(t, 403)
		f.do("POST", "/api/v1/ratings", f.pegawai, map[string]any{"employee_id": f.a2.ID, "competency_id": ids[0], "source": "self", "level": 9}).want(t, 422)
		// The OPD admin records a test result: it outranks the self-rating.
		f.do("POST", "/api/v1/ratings", f.admin, map[string]any{"employee_id": f.a2.ID, "competency_id": ids[1], "source": "test", "level": 2}).want(t, 201)
		got = f.do("GET", path, f.pegawai, nil).want(t, 200)
		jpm := got.body["jpm"].(map[string]any)
		// (3 + 2) ÷ 4 = 125 % raw; capped (2 + 2) ÷ 4 = 100 %.
		if jpm["raw"].(float64) != 125 || jpm["capped"].(float64) != 100 || jpm["mapping"] != "optimal" || jpm["filling"] != "memenuhi_syarat" {
			t.Errorf("jpm: %v", jpm)
		}
		// Out of scope: b1 is in another OPD.
		f.do("GET", "/api/v1/employees/"+strconv.FormatInt(f.b1.ID, 10)+"/competencies", f.pegawai, nil).want(t, 404)
		f.do("GET", "/api/v1/employees/"+strconv.FormatInt(f.a2.ID, 10)+"/other", f.pegawai, nil).want(t, 404)
		f.do("GET", "/api/v1/employees/by-nip/"+f.a2.NIP, f.pegawai, nil).want(t, 200)
	})
}
