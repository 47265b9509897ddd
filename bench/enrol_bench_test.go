package bench

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// BenchmarkEnrolRace times issue 13's race: 200 people enrol at once into a
// 30-seat session (30 seats, 170 waiting; the test TestEnrolConcurrent
// checks the outcome). The baseline is the same 200 enrolments made one
// after another by one goroutine, on the same store in the same run, so
// the ratio shows what the contention costs. Run with
//
//	PGHOST=… go test ./bench -run x -bench EnrolRace -benchtime 5x
//
// (PostgreSQL is skipped without PG* settings).
func BenchmarkEnrolRace(b *testing.B) {
	engines := []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}}
	fmt.Printf("\n| engine | run | sequential ms | concurrent ms | ratio | seats | waiting |\n|---|---|---|---|---|---|---|\n")
	for _, e := range engines {
		b.Run(e.name, func(b *testing.B) {
			st := e.open(b)
			ctx := context.Background()
			c := testcity.New(b, st, testcity.WithCatalogue(), testcity.WithClock(time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)))
			people := make([]int64, 200)
			for i := range people {
				emp := model.Employee{NIP: fmt.Sprintf("199001012015031%03d", i+1), Name: fmt.Sprintf("Peserta %03d", i+1),
					Gender: model.Male, Kind: model.PNS, Golongan: "III/a", UnitID: c.Bidang.ID}
				if err := c.AddEmployee(&emp); err != nil {
					b.Fatal(err)
				}
				people[i] = emp.ID
			}
			session := func() int64 {
				s := c.Catalogue.DataSess
				s.ID, s.Enrolled, s.Instructors = 0, 0, nil
				if err := st.CreateSession(ctx, testcity.Sys, &s); err != nil {
					b.Fatal(err)
				}
				return s.ID
			}
			var ratios []float64
			b.ResetTimer()
			for run := range b.N {
				b.StopTimer()
				seq, con := session(), session()
				b.StartTimer()
				t0 := time.Now()
				for _, id := range people {
					if _, err := st.Enrol(ctx, testcity.Sys, seq, id, model.EnrolFromAdmin); err != nil {
						b.Fatal(err)
					}
				}
				sequential := time.Since(t0)
				t0 = time.Now()
				var wg sync.WaitGroup
				errs := make(chan error, len(people))
				for _, id := range people {
					wg.Add(1)
					go func() {
						defer wg.Done()
						if _, err := st.Enrol(ctx, testcity.Sys, con, id, model.EnrolFromAdmin); err != nil {
							errs <- err
						}
					}()
				}
				wg.Wait()
				concurrent := time.Since(t0)
				b.StopTimer()
				close(errs)
				for err := range errs {
					b.Fatal(err)
				}
				list, err := st.Participants(ctx, con)
				if err != nil {
					b.Fatal(err)
				}
				seats := 0
				for _, en := range list {
					if en.Status == model.EnrolSeat {
						seats++
					}
				}
				r := float64(concurrent) / float64(sequential)
				ratios = append(ratios, r)
				fmt.Printf("| %s | %d | %.1f | %.1f | %.2f | %d | %d |\n", e.name, run+1, ms(sequential), ms(concurrent), r, seats, len(list)-seats)
				b.StartTimer()
			}
			sort.Float64s(ratios)
			b.ReportMetric(ratios[len(ratios)/2], "ratio/seq")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
