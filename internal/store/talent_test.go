package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// fixedNow pins the store clock to 1 July 2026, so that the 9-box looks at
// SKP years 2024 and 2025.
func fixedNow(s *store.Store) {
	s.Now = func() time.Time { return time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC) }
}

func TestPerformance(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		fixedNow(s)
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2025, "sangat_baik"))
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2025, "Baik")) // replaces
		for _, tt := range []struct {
			year int
			p    string
		}{{2025, "Luar Biasa"}, {2025, ""}, {1999, "Baik"}, {2027, "Baik"}} {
			if err := s.SetPerformance(ctx, admin, f.Ani.ID, tt.year, tt.p); apperr.Code(err) != apperr.EINVALID {
				t.Errorf("SetPerformance(%d, %q): %v", tt.year, tt.p, err)
			}
		}
		got, err := s.Performance(ctx, f.Ani.ID)
		must(t, err)
		if len(got) != 1 || got[2025] != "Baik" {
			t.Errorf("performance %v", got)
		}
	})
}

func TestTalentMapPlacement(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		fixedNow(s)
		ac := func(emp int64, level int) {
			for _, c := range f.National[:5] {
				must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: emp, Source: assess.SourceAssessmentCentre,
					CompetencyID: c, Level: level, RaterAdmin: model.Scope{All: true}}))
			}
		}
		// Ani: all 2 of required 2 → JPM 100 % → high; Sangat Baik twice → above: box 9.
		ac(f.Ani.ID, 2)
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2024, "Sangat Baik"))
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2025, "Sangat Baik"))
		// Bayu: all 1 → 50 % → low; Sangat Baik then Baik → meets (the lower): box 2.
		ac(f.Bayu.ID, 1)
		must(t, s.SetPerformance(ctx, admin, f.Bayu.ID, 2024, "Sangat Baik"))
		must(t, s.SetPerformance(ctx, admin, f.Bayu.ID, 2025, "Baik"))
		// Cici: JPM 100 %, only 2025 Kurang → below, high: box 6.
		ac(f.Cici.ID, 2)
		must(t, s.SetPerformance(ctx, admin, f.Cici.ID, 2025, "Kurang"))
		// Dedi: JPM but no SKP → cannot be placed. A 2023 rating is too old.
		ac(f.Dedi.ID, 2)
		must(t, s.SetPerformance(ctx, admin, f.Dedi.ID, 2023, "Sangat Baik"))

		m, err := s.TalentMap(ctx, model.Scope{All: true}, 0)
		must(t, err)
		// Box 0 (not placed): Dedi, the head, Siti, Eko and the city's Budi and Sri.
		if m.Years != [2]int{2024, 2025} || m.Counts[9] != 1 || m.Counts[2] != 1 || m.Counts[6] != 1 || m.Total != 9 || m.Counts[0] != 6 {
			t.Errorf("map: years %v counts %v total %d", m.Years, m.Counts, m.Total)
		}
		if m.Boxes[9].Label == "" || m.Boxes[9].Number != 9 || !m.DisciplineKnown || m.NotEligible != 0 {
			t.Errorf("boxes %+v", m.Boxes[9])
		}
		people, more, err := s.TalentBox(ctx, model.Scope{All: true}, 0, 9, 0, 10)
		must(t, err)
		if more || len(people) != 1 || people[0].ID != f.Ani.ID || people[0].JPMCapped != gap.Percent(100) ||
			people[0].Box.Performance != gap.Above || people[0].Box.Potential != gap.High || !people[0].Box.TalentPool {
			t.Errorf("box 9: %+v", people)
		}
		// Scope: the other OPD's admin sees none of them; a unit filter narrows.
		m, err = s.TalentMap(ctx, model.Scope{UnitPaths: []string{f.Dinkes.Path}}, 0)
		must(t, err)
		if m.Total != 2 || m.Counts[0] != 2 { // Sri and Eko
			t.Errorf("other OPD: %v", m.Counts)
		}
		m, err = s.TalentMap(ctx, model.Scope{All: true}, f.Bidang.ID)
		must(t, err)
		if m.Total != 5 {
			t.Errorf("bidang total %d", m.Total)
		}
		// Paging of box 0.
		p1, more, err := s.TalentBox(ctx, model.Scope{All: true}, 0, 0, 0, 3)
		must(t, err)
		p2, more2, err := s.TalentBox(ctx, model.Scope{All: true}, 0, 0, 3, 3)
		must(t, err)
		if len(p1) != 3 || !more || len(p2) != 3 || more2 || p1[0].ID == p2[0].ID {
			t.Errorf("box 0 pages: %d %v, %d %v", len(p1), more, len(p2), more2)
		}
	})
}

func TestSeedPerformance(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		n, err := s.SeedPerformance(ctx, admin, "test", []int{2024, 2025}, func(id int64, y int) string {
			if id == f.Bayu.ID && y == 2024 {
				return ""
			}
			return "Baik"
		})
		must(t, err)
		if n != 9*2-1 { // nine active employees, two years, one left out
			t.Errorf("seeded %d", n)
		}
		got, _ := s.Performance(ctx, f.Ani.ID)
		if got[2024] != "Baik" || got[2025] != "Baik" {
			t.Errorf("ani %v", got)
		}
	})
}
