package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestDemoTraining loads the demo's training part into a small demo city
// on both engines and checks what a newcomer relies on when they open the
// catalogue, a plan, an approver's inbox or a session: every LAN form in the
// catalogue, plans at every stage, sessions full with a waiting list, seats
// never above capacity and counted from the enrolments, attendance only of
// seated participants on the session's days, decisions by the item's
// employee's supervisor (step 1) and their OPD's head (step 2), and a work
// agreement for every PPPK.
func TestDemoTraining(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		testcity.New(t, s, testcity.WithDemo(1500, 7))
		var approver, self int64
		must(t, s.DB().QueryRowContext(ctx, `SELECT supervisor_id, MIN(id) FROM employee WHERE supervisor_id IS NOT NULL
			GROUP BY supervisor_id HAVING COUNT(*) >= 4 ORDER BY supervisor_id DESC LIMIT 1`).Scan(&approver, &self))
		now := s.Now()
		d := demoTraining(now, 7, self, approver)
		res, err := s.LoadDemoTraining(ctx, admin, d)
		must(t, err)
		if res.Programmes < 140 || res.Items == 0 || res.Enrolments == 0 || res.Attendance == 0 || res.Agreements == 0 {
			t.Fatalf("loaded %+v", res)
		}
		if _, err := s.LoadDemoTraining(ctx, admin, demoTraining(now, 7, self, approver)); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("a second load: %v, want a conflict", err)
		}
		count := func(q string, args ...any) int {
			t.Helper()
			var n int
			must(t, s.DB().QueryRowContext(ctx, q, args...).Scan(&n))
			return n
		}
		for _, f := range model.DevForms {
			if count(`SELECT COUNT(*) FROM programme WHERE form = $1`, string(f.Key)) == 0 {
				t.Errorf("no programme of form %s", f.Key)
			}
		}
		for _, st := range []struct {
			status string
			step   int
		}{{"draf", 0}, {"diajukan", 1}, {"diajukan", 2}, {"perbaikan", 0}, {"ditolak", 0}, {"disetujui", 0}, {"terdaftar", 0},
			{"selesai", 0}, {"dibatalkan", 0}} {
			if count(`SELECT COUNT(*) FROM plan_item WHERE status = $1 AND step = $2`, st.status, st.step) == 0 {
				t.Errorf("no plan item %s at step %d", st.status, st.step)
			}
		}
		if n := count(`SELECT COUNT(*) FROM plan_item i WHERE i.status = 'ditolak'
			AND NOT EXISTS (SELECT 1 FROM plan_decision d WHERE d.item_id = i.id AND d.decision = 'tolak' AND d.reason <> '')`); n > 0 {
			t.Errorf("%d rejected items without a reason", n)
		}
		known := map[string]bool{}
		for _, d := range model.AllDecisions {
			known[string(d)] = true
		}
		var decs []string
		must(t, eachString(s, `SELECT DISTINCT decision FROM plan_decision`, func(d string) { decs = append(decs, d) }))
		for _, d := range decs {
			if !known[d] {
				t.Errorf("the demo writes decision %q, which the plan pages do not know", d)
			}
		}
		if n := count(`SELECT COUNT(*) FROM training_session s WHERE s.enrolled = s.capacity
			AND EXISTS (SELECT 1 FROM enrolment e WHERE e.session_id = s.id AND e.status = 'menunggu')`); n == 0 {
			t.Error("no session is full with a waiting list")
		}
		if n := count(`SELECT COUNT(*) FROM training_session s WHERE s.enrolled > s.capacity OR s.enrolled <> (SELECT COUNT(*)
			FROM enrolment e WHERE e.session_id = s.id AND e.status IN ('terdaftar', 'selesai', 'tidak_selesai'))`); n > 0 {
			t.Errorf("%d sessions whose taken seats exceed their capacity or differ from their seated enrolments", n)
		}
		if n := count(`SELECT COUNT(*) FROM enrolment e JOIN training_session s ON s.id = e.session_id
			WHERE e.status = 'menunggu' AND s.enrolled < s.capacity`); n > 0 {
			t.Errorf("%d people wait for a session with free seats", n)
		}
		if n := count(`SELECT COUNT(*) FROM attendance a JOIN training_session s ON s.id = a.session_id
			WHERE a.day < s.start_date OR a.day > s.end_date OR a.day > $1 OR NOT EXISTS (SELECT 1 FROM enrolment e
			WHERE e.session_id = a.session_id AND e.employee_id = a.employee_id AND e.status IN ('terdaftar', 'selesai', 'tidak_selesai'))`,
			model.CycleToday(now)); n > 0 {
			t.Errorf("%d attendance marks outside the session's days or of people without a seat", n)
		}
		if n := count(`SELECT COUNT(*) FROM plan_item i WHERE i.status IN ('terdaftar', 'selesai') AND NOT EXISTS (SELECT 1 FROM enrolment e
			WHERE e.plan_item_id = i.id AND e.session_id = i.session_id AND e.employee_id = i.employee_id
			AND (i.status = 'terdaftar' AND e.status IN ('terdaftar', 'menunggu') OR i.status = 'selesai' AND e.status = 'selesai'))`); n > 0 {
			t.Errorf("%d enrolled or finished items without their enrolment", n)
		}
		if n := count(`SELECT COUNT(*) FROM enrolment WHERE status = 'selesai' AND (score IS NULL OR score < 0 OR score > 100)`); n > 0 {
			t.Errorf("%d completions without a score", n)
		}
		if n := count(`SELECT COUNT(*) FROM plan_decision d JOIN plan_item i ON i.id = d.item_id JOIN employee e ON e.id = i.employee_id
			WHERE d.step = 1 AND d.by_employee_id <> e.supervisor_id`); n > 0 || count(`SELECT COUNT(*) FROM plan_decision WHERE step = 1`) == 0 {
			t.Errorf("%d step-1 decisions not by the employee's supervisor", n)
		}
		// The head of the OPD: the holder of the head post of the unit one
		// below the root on the employee's unit's path.
		if n := count(`SELECT COUNT(*) FROM plan_decision d JOIN plan_item i ON i.id = d.item_id JOIN employee e ON e.id = i.employee_id
			JOIN org_unit u ON u.id = e.unit_id
			WHERE d.step = 2 AND NOT EXISTS (SELECT 1 FROM employee h JOIN position p ON p.id = h.position_id JOIN org_unit o ON o.id = p.unit_id
				WHERE h.id = d.by_employee_id AND p.is_head AND o.depth = 1 AND u.path LIKE o.path || '%')`); n > 0 ||
			count(`SELECT COUNT(*) FROM plan_decision WHERE step = 2`) == 0 {
			t.Errorf("%d step-2 decisions not by the head of the employee's OPD", n)
		}
		if n := count(`SELECT COUNT(*) FROM plan_item i JOIN employee e ON e.id = i.employee_id
			WHERE i.status = 'diajukan' AND e.supervisor_id = $1 AND i.step = 1`, approver); n == 0 {
			t.Error("nothing waits for the approver account's decision")
		}
		if n := count(`SELECT COUNT(DISTINCT status) FROM plan_item WHERE employee_id = $1`, self); n < 4 {
			t.Errorf("the pegawai account's plan has %d stages, want four", n)
		}
		if a, b := count(`SELECT COUNT(*) FROM pppk_agreement`), count(`SELECT COUNT(*) FROM employee WHERE kind = 'PPPK'`); a != b || a == 0 {
			t.Errorf("%d PPPK agreements for %d PPPK", a, b)
		}
		p, err := s.TrainingSession(ctx, 1)
		must(t, err)
		if p.Enrolled > p.Capacity || len(p.Instructors) == 0 {
			t.Errorf("session 1 read back: %+v", p)
		}
	})
}

func demoTraining(now time.Time, seed, self, approver int64) store.DemoTraining {
	partners := demo.Partners(now)
	cat := demo.Catalogue()
	sess := demo.Sessions(cat, partners, now, seed)
	return store.DemoTraining{Partners: partners, Catalogue: cat, Sessions: sess, Seed: seed, Self: self, Approver: approver,
		Decide: func(people []demo.Person) demo.TrainingRows { return demo.Training(cat, sess, people, 1500, now, seed) }}
}

// eachString calls fn with the one text column of every row of q.
func eachString(s *store.Store, q string, fn func(string)) error {
	rows, err := s.DB().Query(q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return err
		}
		fn(v)
	}
	return rows.Err()
}
