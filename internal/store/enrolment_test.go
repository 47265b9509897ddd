package store_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

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
