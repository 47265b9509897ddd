// Package bench holds Kompeten's benchmarks. The Go benchmarks here time the
// store's read paths on a large database made by `kompeten demo`; run them
// with: go test ./bench -run x -bench . -db bench/out/src-1000000.db
package bench

import (
	"context"
	"flag"
	"testing"

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
	}
}
