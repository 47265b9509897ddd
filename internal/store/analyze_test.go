package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestAnalyzeKeepsCountsNotSamples: on SQLite, Analyze leaves the planner
// its per-index counts (sqlite_stat1) but no value samples (sqlite_stat4),
// which would make every new search word compile the page's query again;
// Migrate removes samples an earlier version left.
func TestAnalyzeKeepsCountsNotSamples(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t)
	if err := s.CreateUnit(ctx, model.Actor{}, &model.OrgUnit{Code: "A", Name: "Dinas A", Kind: model.UnitOPD}); err != nil {
		t.Fatal(err)
	}
	count := func(table string) int {
		t.Helper()
		var n int
		if err := s.DB().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := s.Analyze(ctx); err != nil {
		t.Fatal(err)
	}
	if count("sqlite_stat1") == 0 || count("sqlite_stat4") != 0 {
		t.Fatalf("after Analyze: stat1 %d rows, stat4 %d rows; want counts and no samples", count("sqlite_stat1"), count("sqlite_stat4"))
	}
	// A file analysed with samples, as before: Migrate drops them.
	if _, err := s.DB().Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
	if count("sqlite_stat4") == 0 {
		t.Fatal("ANALYZE wrote no samples: the test proves nothing")
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count("sqlite_stat4"); n != 0 {
		t.Fatalf("after Migrate: %d samples left", n)
	}
}
