package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// enrolDay is a day inside DataSess's enrolment window.
var enrolDay = time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)

// addStaff adds n PNS to the bidang and returns their IDs in order.
func addStaff(t testing.TB, c *testcity.City, n int) []int64 {
	t.Helper()
	ids := make([]int64, n)
	for i := range n {
		e := model.Employee{NIP: fmt.Sprintf("199001012015031%03d", i+1), Name: fmt.Sprintf("Peserta %03d", i+1),
			Gender: model.Male, Kind: model.PNS, Golongan: "III/a", UnitID: c.Bidang.ID}
		must(t, c.AddEmployee(&e))
		ids[i] = e.ID
	}
	return ids
}

// TestEnrolConcurrent: 200 people enrol into a 30-seat session at once.
// Exactly 30 get a seat, 170 wait in arrival order (every seat was given
// before anyone was turned to the list, and the list's places run 1…170
// in ID order), and nobody is lost.
func TestEnrolConcurrent(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue(), testcity.WithClock(enrolDay))
		sess := c.Catalogue.DataSess
		people := addStaff(t, c, 200)
		var wg sync.WaitGroup
		errs := make([]error, len(people))
		got := make([]*model.Enrolment, len(people))
		start := make(chan struct{})
		for i, id := range people {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				got[i], errs[i] = s.Enrol(ctx, admin, sess.ID, id, model.EnrolFromAdmin)
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("enrolment %d: %v", i, err)
			}
		}
		list, err := s.Participants(ctx, sess.ID)
		must(t, err)
		seats, waiting := 0, 0
		var maxSeat, prevWait int64
		for _, en := range list {
			switch en.Status {
			case model.EnrolSeat:
				seats++
				maxSeat = max(maxSeat, en.ID)
			case model.EnrolWaiting:
				waiting++
				if en.WaitPos != waiting || en.ID <= prevWait || en.ID <= maxSeat {
					t.Fatalf("waiting place %d: %+v (previous ID %d, last seat ID %d)", waiting, en, prevWait, maxSeat)
				}
				prevWait = en.ID
			}
		}
		if seats != 30 || waiting != 170 || len(list) != 200 {
			t.Fatalf("seats %d, waiting %d, rows %d; want 30, 170, 200", seats, waiting, len(list))
		}
		after, err := s.TrainingSession(ctx, sess.ID)
		must(t, err)
		if after.Enrolled != 30 {
			t.Errorf("the session counts %d seats taken", after.Enrolled)
		}
		for i, en := range got {
			if en == nil || en.EmployeeID != people[i] {
				t.Fatalf("enrolment %d came back as %+v", i, en)
			}
		}
	})
}

// TestCancelPromotesInOrder: a seat given up goes to the first on the
// waiting list, who is told; giving up a waiting place moves nobody; the
// refusals a clerk meets (a second place, a closed window, a cancelled
// session) leave the counts alone.
func TestCancelPromotesInOrder(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue(), testcity.WithOffices(), testcity.WithClock(enrolDay))
		sess, err := s.TrainingSession(ctx, c.Catalogue.DataSess.ID)
		must(t, err)
		sess.Capacity = 2
		must(t, s.UpdateSession(ctx, admin, sess))
		var ens []*model.Enrolment
		for _, e := range []model.Employee{c.Bayu, c.Ani, c.Cici, c.Dedi} {
			en, err := s.Enrol(ctx, admin, sess.ID, e.ID, model.EnrolFromAdmin)
			must(t, err)
			ens = append(ens, en)
		}
		if ens[1].Status != model.EnrolSeat || ens[2].Status != model.EnrolWaiting || ens[2].WaitPos != 1 || ens[3].WaitPos != 2 {
			t.Fatalf("before: %+v", ens)
		}
		if _, err := s.Enrol(ctx, admin, sess.ID, c.Ani.ID, model.EnrolFromAdmin); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("a second place for Ani: %v", err)
		}

		must(t, s.CancelEnrolment(ctx, admin, ens[0].ID)) // Bayu's seat goes to Cici, the first waiting
		cici, err := s.Enrolment(ctx, ens[2].ID)
		must(t, err)
		dedi, err := s.Enrolment(ctx, ens[3].ID)
		must(t, err)
		if cici.Status != model.EnrolSeat || dedi.Status != model.EnrolWaiting || dedi.WaitPos != 1 {
			t.Fatalf("after Bayu cancelled: Cici %+v, Dedi %+v", cici, dedi)
		}
		must(t, s.CancelEnrolment(ctx, admin, ens[3].ID)) // a waiting place: nobody moves
		if err := s.CancelEnrolment(ctx, admin, ens[3].ID); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("cancelling twice: %v", err)
		}
		after, err := s.TrainingSession(ctx, sess.ID)
		must(t, err)
		if after.Enrolled != 2 {
			t.Errorf("seats taken %d, want 2", after.Enrolled)
		}
		// Ani has an account: she was told of her seat; Cici has none.
		var events []string
		var ev string
		rows, err := s.DB().QueryContext(ctx, `SELECT n.event FROM notification n JOIN app_user u ON u.id = n.user_id
			WHERE u.employee_id = $1 ORDER BY n.id`, c.Ani.ID)
		must(t, err)
		for rows.Next() {
			must(t, rows.Scan(&ev))
			events = append(events, ev)
		}
		rows.Close()
		if len(events) != 1 || events[0] != string(model.NoticeEnrolled) {
			t.Errorf("Ani's notices: %v", events)
		}

		// Ani gives up her seat: Bayu, enrolling again, is a new arrival
		// and takes it; the promotion notice goes to whoever waits first.
		must(t, s.CancelEnrolment(ctx, admin, ens[1].ID))
		again, err := s.Enrol(ctx, admin, sess.ID, c.Bayu.ID, model.EnrolFromAdmin)
		must(t, err)
		if again.Status != model.EnrolSeat {
			t.Errorf("Bayu again: %+v", again)
		}
		ani, err := s.Enrol(ctx, admin, sess.ID, c.Ani.ID, model.EnrolFromAdmin)
		must(t, err)
		if ani.Status != model.EnrolWaiting || ani.WaitPos != 1 {
			t.Fatalf("Ani again: %+v", ani)
		}
		must(t, s.CancelEnrolment(ctx, admin, cici.ID))
		var promoted int
		must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id
			WHERE u.employee_id = $1 AND n.event = $2`, c.Ani.ID, string(model.NoticePromoted)).Scan(&promoted))
		if promoted != 1 {
			t.Errorf("Ani was told of her promotion %d times", promoted)
		}

		s.Now = func() time.Time { return time.Date(2026, 8, 5, 3, 0, 0, 0, time.UTC) }
		if _, err := s.Enrol(ctx, admin, sess.ID, c.Eko.ID, model.EnrolFromAdmin); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("after the window closed: %v", err)
		}
		s.Now = func() time.Time { return enrolDay }
		sess, err = s.TrainingSession(ctx, sess.ID)
		must(t, err)
		sess.Status = model.SessionCancelled
		must(t, s.UpdateSession(ctx, admin, sess))
		if _, err := s.Enrol(ctx, admin, sess.ID, c.Eko.ID, model.EnrolFromAdmin); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("a cancelled session: %v", err)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "enrolment", EntityID: fmtInt(cici.ID)})
		must(t, err)
		if len(log) < 3 { // created (waiting), promoted, cancelled
			t.Errorf("Cici's place has %d audit entries", len(log))
		}
	})
}

// TestAttendanceAndCompletion: a participant is marked once per day; a
// second mark says so; someone without a seat or a day outside the session
// is refused; a struck mark stops counting; completion is refused under
// the minimum attendance and, once recorded, closes the plan item.
func TestAttendanceAndCompletion(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue(), testcity.WithClock(enrolDay))
		sess := c.Catalogue.DataSess
		var itemID int64
		must(t, s.DB().QueryRowContext(ctx, `INSERT INTO plan_item (employee_id, year, programme_id, session_id, purpose, proposed_by,
			proposer_id, status, created_at, updated_at) VALUES ($1, 2026, $2, $3, 'analisis data', 'pegawai', 0, 'disetujui', 0, 0) RETURNING id`,
			c.Ani.ID, c.Catalogue.Data.ID, sess.ID).Scan(&itemID))
		id, err := s.ApprovedItemFor(ctx, c.Ani.ID, sess.ID)
		must(t, err)
		if id != itemID {
			t.Fatalf("Ani's approved item for the session: %d, want %d", id, itemID)
		}
		en, err := s.EnrolPlanItem(ctx, admin, itemID)
		must(t, err)
		if en.Status != model.EnrolSeat || en.PlanItemID != itemID || planStatus(t, s, itemID) != model.PlanEnrolled {
			t.Fatalf("enrolled from the plan: %+v, item %s", en, planStatus(t, s, itemID))
		}
		waiting, err := s.Enrol(ctx, admin, sess.ID, c.Bayu.ID, model.EnrolFromAdmin)
		must(t, err)
		must(t, s.CancelEnrolment(ctx, admin, waiting.ID)) // Bayu holds no seat now

		for _, d := range []string{"2026-08-10", "2026-08-11"} {
			already, err := s.CheckIn(ctx, admin, sess.ID, c.Ani.ID, d, model.AttendQR)
			must(t, err)
			if already {
				t.Errorf("first mark on %s said already", d)
			}
		}
		if already, err := s.CheckIn(ctx, admin, sess.ID, c.Ani.ID, "2026-08-10", model.AttendCode); err != nil || !already {
			t.Errorf("a second scan: %v, %v", already, err)
		}
		if _, err := s.CheckIn(ctx, admin, sess.ID, c.Bayu.ID, "2026-08-10", model.AttendQR); apperr.Code(err) != apperr.EFORBIDDEN {
			t.Errorf("Bayu without a seat: %v", err)
		}
		if _, err := s.CheckIn(ctx, admin, sess.ID, c.Ani.ID, "2026-08-13", model.AttendQR); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("a day after the session: %v", err)
		}
		// 2 of 3 days is 66 %, under the 80 % minimum.
		if err := s.RecordCompletion(ctx, admin, en.ID, true, 85); apperr.Code(err) != apperr.EINVALID {
			t.Fatalf("completion at 66 %%: %v", err)
		}
		must(t, s.MarkAttendance(ctx, admin, sess.ID, c.Ani.ID, "2026-08-12"))
		must(t, s.StrikeAttendance(ctx, admin, sess.ID, c.Ani.ID, "2026-08-11"))
		if err := s.RecordCompletion(ctx, admin, en.ID, true, 85); apperr.Code(err) != apperr.EINVALID {
			t.Fatalf("completion with a struck day: %v", err)
		}
		marks, err := s.Attendance(ctx, sess.ID, "2026-08-11")
		must(t, err)
		if len(marks) != 1 || !marks[0].Struck || marks[0].Name != c.Ani.Name {
			t.Errorf("the struck mark stays: %+v", marks)
		}
		must(t, s.MarkAttendance(ctx, admin, sess.ID, c.Ani.ID, "2026-08-11")) // lifts the strike
		if err := s.RecordCompletion(ctx, admin, en.ID, true, 101); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("a score of 101: %v", err)
		}
		must(t, s.RecordCompletion(ctx, admin, en.ID, true, 85))
		done, err := s.Enrolment(ctx, en.ID)
		must(t, err)
		if done.Status != model.EnrolCompleted || !done.HasScore || done.Score != 85 || planStatus(t, s, itemID) != model.PlanDone {
			t.Errorf("completed: %+v, item %s", done, planStatus(t, s, itemID))
		}
		if err := s.RecordCompletion(ctx, admin, waiting.ID, false, 0); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("completion of a cancelled place: %v", err)
		}
		mine, err := s.EnrolmentsOf(ctx, c.Ani.ID)
		must(t, err)
		if len(mine) != 1 || mine[0].Session.ID != sess.ID || mine[0].Session.ProgrammeTitle != c.Catalogue.Data.Title {
			t.Errorf("Ani's sessions: %+v", mine)
		}
	})
}

func planStatus(t *testing.T, s *store.Store, id int64) model.PlanStatus {
	t.Helper()
	var st string
	must(t, s.DB().QueryRowContext(context.Background(), `SELECT status FROM plan_item WHERE id = $1`, id).Scan(&st))
	return model.PlanStatus(st)
}

// TestAgreementAndKey: a PPPK's agreement is recorded and audited, a PNS's
// and an end before the start refused; the attendance key is made once.
func TestAgreementAndKey(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithBidang())
		must(t, s.SetAgreement(ctx, admin, model.PPPKAgreement{EmployeeID: c.Bayu.ID, Start: "2025-03-01", End: "2030-02-28"}))
		ag, ok, err := s.Agreement(ctx, c.Bayu.ID)
		must(t, err)
		if !ok || ag.Start != "2025-03-01" || ag.End != "2030-02-28" {
			t.Errorf("Bayu's agreement: %+v %v", ag, ok)
		}
		if err := s.SetAgreement(ctx, admin, model.PPPKAgreement{EmployeeID: c.Ani.ID, Start: "2025-03-01", End: "2030-02-28"}); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("a PNS's agreement: %v", err)
		}
		if err := s.SetAgreement(ctx, admin, model.PPPKAgreement{EmployeeID: c.Bayu.ID, Start: "2025-03-01", End: "2025-03-01"}); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("an end on the start: %v", err)
		}
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmtInt(c.Bayu.ID)})
		must(t, err)
		found := false
		for _, e := range log {
			found = found || e.Action == "employee.agreement"
		}
		if !found {
			t.Error("the agreement was not audited")
		}
		k1, err := s.AttendanceKey(ctx)
		must(t, err)
		k2, err := s.AttendanceKey(ctx)
		must(t, err)
		if len(k1) != 32 || string(k1) != string(k2) {
			t.Errorf("attendance key %x then %x", k1, k2)
		}
	})
}

// TestEnrolApproved: the final approval of an item naming a session enrols
// the person (a seat or the waiting list) and makes the item terdaftar; an
// item naming no session, or a session whose window has closed, leaves the
// item approved without failing the approval.
func TestEnrolApproved(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithCatalogue(), testcity.WithClock(enrolDay))
		item := func(emp int64, session any) int64 {
			var id int64
			must(t, s.DB().QueryRowContext(ctx, `INSERT INTO plan_item (employee_id, year, programme_id, session_id, purpose, proposed_by,
				proposer_id, status, created_at, updated_at) VALUES ($1, 2026, $2, $3, 'tujuan', 'pegawai', 0, 'disetujui', 0, 0) RETURNING id`,
				emp, c.Catalogue.Data.ID, session).Scan(&id))
			return id
		}
		withSession, without := item(c.Ani.ID, c.Catalogue.DataSess.ID), item(c.Bayu.ID, nil)
		must(t, s.EnrolApproved(ctx, withSession))
		must(t, s.EnrolApproved(ctx, without))
		if planStatus(t, s, withSession) != model.PlanEnrolled || planStatus(t, s, without) != model.PlanApproved {
			t.Errorf("items after approval: %s, %s", planStatus(t, s, withSession), planStatus(t, s, without))
		}
		list, err := s.Participants(ctx, c.Catalogue.DataSess.ID)
		must(t, err)
		if len(list) != 1 || list[0].EmployeeID != c.Ani.ID || list[0].PlanItemID != withSession || list[0].Source != model.EnrolFromPlan {
			t.Errorf("places: %+v", list)
		}
		s.Now = func() time.Time { return time.Date(2026, 8, 1, 3, 0, 0, 0, time.UTC) }
		late := item(c.Cici.ID, c.Catalogue.DataSess.ID)
		must(t, s.EnrolApproved(ctx, late))
		if planStatus(t, s, late) != model.PlanApproved {
			t.Errorf("an item approved after the window closed: %s", planStatus(t, s, late))
		}
	})
}
