// Package bench holds Kompeten's benchmarks. The Go benchmarks here time the
// store's read paths on a large database made by `kompeten demo`; run them
// with: go test ./bench -run x -bench . -db bench/out/src-1000000.db
package bench

import (
	"context"
	"flag"
	"testing"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

var dbPath = flag.String("db", "", "database made by kompeten demo (SQLite path or postgres URL)")

func openDB(b *testing.B) *store.Store {
	if *dbPath == "" {
		b.Skip("needs -db: a database made by kompeten demo")
	}
	st, err := store.Open(*dbPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

func BenchmarkEmployeeQueries(b *testing.B) {
	st := openDB(b)
	ctx := context.Background()
	all := model.Scope{All: true}
	cases := []struct {
		name string
		f    store.EmployeeFilter
	}{
		{"list-first", store.EmployeeFilter{Scope: all}},
		{"list-offset-2000", store.EmployeeFilter{Scope: all, Offset: 2000}},
		{"search-surname", store.EmployeeFilter{Scope: all, Query: "siregar"}},
		{"search-prefix", store.EmployeeFilter{Scope: all, Query: "sir"}},
		{"search-common-given", store.EmployeeFilter{Scope: all, Query: "muhammad"}},
		{"search-two-words", store.EmployeeFilter{Scope: all, Query: "siti nasution"}},
		{"search-nip-prefix", store.EmployeeFilter{Scope: all, Query: "19850312"}},
		{"search-offset-500", store.EmployeeFilter{Scope: all, Query: "siregar", Offset: 500}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, _, err := st.Employees(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"-page-rows", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, _, err := st.EmployeeRows(ctx, c.f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAddRating times the incremental update after one assessment at
// the size of the database given: record a supervisor's rating, resolve the
// competency's level and recompute the employee's JPM, in one transaction
// (issue 3: under 5 ms). It writes real rating events into that database.
func BenchmarkAddRating(b *testing.B) {
	st := openDB(b)
	ctx := context.Background()
	type target struct{ emp, sup, comp int64 }
	var ts []target
	rows, err := st.DB().QueryContext(ctx, `SELECT e.id, e.supervisor_id, i.competency_id FROM employee e
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item i ON i.standard_id = ps.id
		WHERE e.supervisor_id IS NOT NULL AND e.status = 'aktif' AND e.id % 997 = 0 LIMIT 500`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var t target
		if err := rows.Scan(&t.emp, &t.sup, &t.comp); err != nil {
			b.Fatal(err)
		}
		ts = append(ts, t)
	}
	rows.Close()
	if len(ts) == 0 {
		b.Skip("no employee with a supervisor and a standard")
	}
	actor := model.Actor{Name: "bench"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := ts[i%len(ts)]
		r := model.Rating{EmployeeID: t.emp, CompetencyID: t.comp, Source: assess.SourceSupervisor, Level: 1 + i%5, RaterID: t.sup}
		if err := st.AddRating(ctx, actor, &r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNeedsAnalysis times the store's part of the city heat-map with a
// warm snapshot (the first call builds it, outside the timing).
func BenchmarkNeedsAnalysis(b *testing.B) {
	st := openDB(b)
	ctx := context.Background()
	all := model.Scope{All: true}
	if _, err := st.NeedsAnalysis(ctx, all, 0); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.NeedsAnalysis(ctx, all, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNeedsAnalysisCold times the first heat-map of a fresh process:
// the needs snapshot built from scratch (every employee's standard and
// levels summed per unit, then rolled up the tree).
func BenchmarkNeedsAnalysisCold(b *testing.B) {
	if *dbPath == "" {
		b.Skip("needs -db: a database made by kompeten demo")
	}
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		st, err := store.Open(*dbPath)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := st.NeedsAnalysis(ctx, model.Scope{All: true}, 0); err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
