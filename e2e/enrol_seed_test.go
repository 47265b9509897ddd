package e2e

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// enrolWork is what seedEnrol adds for the enrolment and attendance pages:
// a partner, a programme and a session starting in a week with the
// teacher seated and Ani on the waiting list of its one seat.
type enrolWork struct {
	session model.TrainingSession
}

var (
	enrolOnce sync.Once
	enrolSeed *enrolWork
	enrolErr  error
)

// seedEnrol adds, once per process, the training records of the enrolment
// pages on top of seedWork's.
func seedEnrol(t *testing.T, w *work) *enrolWork {
	t.Helper()
	enrolOnce.Do(func() { enrolSeed, enrolErr = addEnrol(context.Background(), w) })
	if enrolErr != nil {
		t.Fatal(enrolErr)
	}
	return enrolSeed
}

func addEnrol(ctx context.Context, w *work) (*enrolWork, error) {
	e := &enrolWork{}
	prov := model.Provider{Name: "Universitas Negeri Medan", Kind: model.ProviderUniversity, PriceBasis: "peserta", Active: true}
	if err := st.CreateProvider(ctx, seedActor, &prov); err != nil {
		return nil, err
	}
	prog := model.Programme{Code: "PED-DIG-01", Title: "Pembelajaran Digital di Kelas", Form: "teknis", Delivery: model.DeliverySync,
		JP: 24, ProviderID: prov.ID, Active: true}
	if err := st.CreateProgramme(ctx, seedActor, &prog); err != nil {
		return nil, err
	}
	day := func(d int) string { return model.CycleToday(time.Now().AddDate(0, 0, d)) }
	e.session = model.TrainingSession{ProgrammeID: prog.ID, Name: "Angkatan I", StartDate: day(7), EndDate: day(9),
		StartTime: "08:00", EndTime: "15:00", Place: "Aula Dinas Pendidikan", Capacity: 1, MinAttendance: 80}
	if err := st.CreateSession(ctx, seedActor, &e.session); err != nil {
		return nil, err
	}
	for _, id := range []int64{w.teacher.ID, city.Ani.ID} {
		if _, err := st.Enrol(ctx, seedActor, e.session.ID, id, model.EnrolFromAdmin); err != nil {
			return nil, err
		}
	}
	return e, nil
}
