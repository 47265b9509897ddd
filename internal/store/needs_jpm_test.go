package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestNeedsJPMDistribution checks the employees per JPM mapping category
// that the needs analysis carries for its JPM chart: per heat-map row and
// in total, with an employee whose JPM was never computed and one only
// partly assessed counted apart as "belum dinilai", never in a category.
func TestNeedsJPMDistribution(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		c := f.National
		// Staff require 3/2/2 (Σ 7). Cici reaches 3/2/2: 100 %, Optimal;
		// Budi 2/2/3: capped 6 of 7, 85,71 %, Cukup Optimal; Siti (2 of 3)
		// stays Kurang Optimal, as does Fani in Dinkes. Ani has two of three
		// competencies assessed: no category (not Kurang Optimal, as
		// reading the third as level 0 made her).
		for _, r := range []struct {
			emp, comp int64
			lvl       int
		}{{f.Cici.ID, c[1], 2}, {f.Cici.ID, c[2], 2}, {f.Bayu.ID, c[1], 2}} {
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: r.emp, CompetencyID: r.comp, Source: assess.SourceAssessmentCentre,
				Level: r.lvl, RaterAdmin: model.Scope{All: true}}))
		}
		// Dedi's JPM row is missing (as before a first recompute).
		_, err := s.DB().ExecContext(ctx, `DELETE FROM employee_jpm WHERE employee_id = $1`, f.Dedi.ID)
		must(t, err)

		var want [4]int
		want[gap.MappingUnknown], want[gap.KurangOptimal], want[gap.CukupOptimal], want[gap.Optimal] = 2, 1, 1, 1
		n, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, 0)
		must(t, err)
		if len(n.Rows) != 2 || n.Rows[0].Unit.ID != f.Dinkes.ID || n.Rows[1].Unit.ID != f.Kominfo.ID {
			t.Fatalf("rows %+v", n.Rows)
		}
		dinkes := [4]int{gap.KurangOptimal: 1}
		if n.Rows[0].JPM != dinkes || n.Rows[1].JPM != want {
			t.Errorf("rows: dinkes %v kominfo %v, want %v and %v", n.Rows[0].JPM, n.Rows[1].JPM, dinkes, want)
		}
		total := want
		total[gap.KurangOptimal]++
		if n.JPM != total || n.NotAssessed() != 2 || n.Categorised() != 4 || n.Rows[1].NotAssessed() != 2 {
			t.Errorf("total %v (not assessed %d, categorised %d), want %v", n.JPM, n.NotAssessed(), n.Categorised(), total)
		}
		for _, r := range n.Rows {
			sum := 0
			for _, k := range r.JPM {
				sum += k
			}
			if sum != r.Employees {
				t.Errorf("%s: categories add up to %d, employees %d", r.Unit.Name, sum, r.Employees)
			}
		}
		// The bidang: its own people form the direct row.
		b, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, f.Bidang.ID)
		must(t, err)
		if len(b.Rows) != 1 || b.Rows[0].JPM != want || b.JPM != want {
			t.Errorf("bidang: rows %+v total %v", b.Rows, b.JPM)
		}
		// A Dinkes unit admin sees Dinkes only.
		o, err := s.NeedsAnalysis(ctx, model.Scope{UnitPaths: []string{f.Dinkes.Path}}, 0)
		must(t, err)
		if o.JPM != dinkes {
			t.Errorf("dinkes scope: %v", o.JPM)
		}
	})
}
