package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// BenchmarkTalentImport20k applies a 20,000-row SKP file (every row a
// change: 20,000 employees, one year each, a predikat already stored) and
// a 20,000-row assessment-centre file (4,000 employees × 5 competencies)
// on both engines, from reading the file to the commit:
//
//	PGHOST=… go test -run '^$' -bench TalentImport20k -benchtime 1x ./internal/importer/
func BenchmarkTalentImport20k(b *testing.B) {
	for _, eng := range []string{"sqlite", "postgres"} {
		b.Run(eng, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				var st *store.Store
				if eng == "sqlite" {
					st = storetest.SQLite(b)
				} else {
					st = storetest.Postgres(b)
				}
				skp, ac := talentBenchData(b, st, 20000)
				b.StartTimer()
				for _, run := range []struct {
					kind string
					data string
				}{{TalentPerformance, skp}, {TalentAssessment, ac}} {
					start := time.Now()
					rep, err := Talent(context.Background(), st, TalentOptions{Kind: run.kind, Actor: admin, Admin: model.Scope{All: true}, Apply: true, File: run.kind + ".csv"}, []byte(run.data))
					if err != nil || !rep.Applied || rep.Good != 20000 {
						b.Fatalf("%s: %+v %v", run.kind, rep, err)
					}
					b.ReportMetric(float64(time.Since(start).Milliseconds()), run.kind+"-ms")
				}
			}
		})
	}
}

// talentBenchData seeds n employees with a 2024 predikat "Baik" and the
// built-in frameworks, and returns an SKP file changing every one of them
// and an assessment-centre file of n results.
func talentBenchData(b *testing.B, st *store.Store, n int) (skp, ac string) {
	ctx := context.Background()
	c := testcity.New(b, st, testcity.WithClock(time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)),
		testcity.Tree(testcity.Unit{Code: "1271", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda}))
	root := c.Units["1271"]
	if _, err := st.EnsureBuiltInFrameworks(ctx, admin); err != nil {
		b.Fatal(err)
	}
	tx, err := st.DB().BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	nip := func(i int) string { return fmt.Sprintf("19900101%010d", i) }
	for i := 0; i < n; i++ {
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO employee (nip, name, sort_name, gender, kind, unit_id, updated_at)
			VALUES ($1, $2, $2, 'L', 'PNS', $3, 1) RETURNING id`, nip(i), fmt.Sprintf("Pegawai %d", i), root.ID).Scan(&id); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO performance_rating (employee_id, year, predikat) VALUES ($1, 2024, 'Baik')`, id); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	var s, a strings.Builder
	s.WriteString("NIP,TAHUN,PREDIKAT\n")
	a.WriteString("NIP,KODE KOMPETENSI,LEVEL,TANGGAL\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&s, "%s,2024,Sangat Baik\n", nip(i))
		fmt.Fprintf(&a, "%s,M%d,%d,15-03-2026\n", nip(i/5), 1+i%5, 1+i%5)
	}
	return s.String(), a.String()
}
