package api

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// Nobody records penalties, test or assessment-centre results about
// themselves through the API either (issue 10, point 3: the web form
// refused it, POST /employees/{own id}/penalties did not): a unit admin
// who works in the unit they administer is refused their own record, and
// may still record those of a colleague.
func TestAPINoRestrictedRecordsAboutOneself(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		if _, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
		fw, err := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
		if err != nil {
			t.Fatal(err)
		}
		_, comps, err := st.Framework(ctx, fw)
		if err != nil {
			t.Fatal(err)
		}
		// a2 administers unit A, where she works.
		if _, err := st.DB().ExecContext(ctx, `UPDATE app_user SET role = 'admin_opd', scope_unit_id = $1 WHERE employee_id = $2`,
			f.unitA.ID, f.a2.ID); err != nil {
			t.Fatal(err)
		}
		self := f.pegawai
		penalty := map[string]any{"level": "ringan", "kind": "teguran lisan", "decree_no": "800/1/2025",
			"decree_date": "2025-05-01", "starts_on": "2025-05-02"}

		r := f.do("POST", "/api/v1/employees/"+itoa(f.a2.ID)+"/penalties", self, penalty).want(t, 403)
		if r.errCode() != "forbidden" {
			t.Errorf("own penalty: %s", r.raw)
		}
		if list, err := st.Penalties(ctx, f.a2.ID); err != nil || len(list) != 0 {
			t.Errorf("own penalty stored: %v %v", list, err)
		}
		f.do("POST", "/api/v1/employees/"+itoa(f.a1.ID)+"/penalties", self, penalty).want(t, 201)

		for _, src := range []string{"assessment_centre", "test"} {
			f.do("POST", "/api/v1/ratings", self, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[0],
				"source": src, "level": 5}).want(t, 403)
			f.do("POST", "/api/v1/ratings", self, map[string]any{"employee_id": f.a1.ID, "competency_id": comps[0],
				"source": src, "level": 3}).want(t, 201)
		}
		var n int
		if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM rating WHERE employee_id = $1`, f.a2.ID).Scan(&n); err != nil || n != 0 {
			t.Errorf("own ratings stored: %d %v", n, err)
		}
		// Self-assessment stays her own source.
		f.do("POST", "/api/v1/ratings", self, map[string]any{"employee_id": f.a2.ID, "competency_id": comps[0],
			"source": "self", "level": 4}).want(t, 201)
	})
}
