package store_test

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// jpmLine is one employee's result in the columns of bench/jpm_*.sql.
type jpmLine struct {
	EmployeeID                                           int64
	SumRequired, SumActual, SumCapped, JPMRaw, JPMCapped int64
	Mapping, Filling                                     string
}

// addJPMCases makes, in a demo city (testcity.WithDemo), the cases the
// fast path must not get wrong: a standard with a weighted and an optional
// item, a position whose standard was replaced (history), a position whose
// standard has an item of another framework, an employee without a
// position, and ratings at random resolved into current levels — some
// competencies of the standard missing, some outside it, some employees
// with none at all.
func addJPMCases(t *testing.T, c *testcity.City) {
	t.Helper()
	ctx := context.Background()
	s, national, digital := c.St, c.National, c.Digital
	// The positions of the first employees get special standards.
	var pos []int64
	rows, err := s.DB().QueryContext(ctx, `SELECT DISTINCT position_id FROM employee WHERE position_id IS NOT NULL ORDER BY position_id LIMIT 3`)
	must(t, err)
	for rows.Next() {
		var p int64
		must(t, rows.Scan(&p))
		pos = append(pos, p)
	}
	rows.Close()
	if len(pos) < 3 {
		t.Fatalf("too few positions held: %v", pos)
	}
	set := func(p int64, items []model.StandardItem) {
		t.Helper()
		if _, err := s.SetStandard(ctx, admin, p, "SK 2/2026", "2026-02-01", items); err != nil {
			t.Fatal(err)
		}
	}
	set(pos[0], []model.StandardItem{{CompetencyID: national[0], Required: 3, Weight: 30, Mandatory: true},
		{CompetencyID: national[1], Required: 2, Weight: 1, Mandatory: false}, {CompetencyID: national[2], Required: 4, Weight: 1, Mandatory: true}})
	set(pos[1], []model.StandardItem{{CompetencyID: national[3], Required: 5, Weight: 1, Mandatory: true}})
	set(pos[1], []model.StandardItem{{CompetencyID: national[4], Required: 2, Weight: 1, Mandatory: true},
		{CompetencyID: digital[len(digital)-1], Required: 3, Weight: 1, Mandatory: true}})
	set(pos[2], []model.StandardItem{{CompetencyID: national[0], Required: 1, Weight: 1, Mandatory: true},
		{CompetencyID: digital[0], Required: 2, Weight: 1, Mandatory: true}})
	if _, err := s.DB().ExecContext(ctx, `UPDATE employee SET position_id = NULL WHERE id = (SELECT MAX(id) FROM employee)`); err != nil {
		t.Fatal(err)
	}
	// Ratings at random (one assessment-centre result per rated
	// competency), resolved into current levels by RecomputeAll.
	comps := append(append([]int64{}, national...), digital...)
	rng := rand.New(rand.NewPCG(7, 11))
	var ids []int64
	rows, err = s.DB().QueryContext(ctx, `SELECT id FROM employee ORDER BY id`)
	must(t, err)
	for rows.Next() {
		var id int64
		must(t, rows.Scan(&id))
		ids = append(ids, id)
	}
	rows.Close()
	at := s.Now().Add(-24 * time.Hour)
	if _, err := s.LoadRatings(ctx, admin, "test", func(add func(*model.Rating) error) error {
		for _, id := range ids {
			if rng.IntN(10) == 0 {
				continue // never assessed
			}
			for _, c := range comps {
				if rng.IntN(3) == 0 {
					continue
				}
				r := model.Rating{EmployeeID: id, CompetencyID: c, Source: assess.SourceAssessmentCentre, Level: 1 + rng.IntN(5), At: at}
				if err := add(&r); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	st, err := s.RecomputeAll(ctx)
	must(t, err)
	if st.Levels < 1000 || st.JPM < 250 {
		t.Fatalf("RecomputeAll: %+v", st)
	}
}

// baselineJPM runs the benchmark's SQL baseline (bench/jpm_sqlite.sql or
// bench/jpm_postgres.sql) on the store's database.
func baselineJPM(t *testing.T, s *store.Store) []jpmLine {
	t.Helper()
	file := "../../bench/jpm_sqlite.sql"
	if s.Dialect() == store.Postgres {
		file = "../../bench/jpm_postgres.sql"
	}
	q, err := os.ReadFile(file)
	must(t, err)
	rows, err := s.DB().QueryContext(context.Background(), string(q))
	must(t, err)
	defer rows.Close()
	var out []jpmLine
	for rows.Next() {
		var l jpmLine
		must(t, rows.Scan(&l.EmployeeID, &l.SumRequired, &l.SumActual, &l.SumCapped, &l.JPMRaw, &l.JPMCapped, &l.Mapping, &l.Filling))
		out = append(out, l)
	}
	must(t, rows.Err())
	return out
}

func computeJPM(t *testing.T, s *store.Store, workers int) []jpmLine {
	t.Helper()
	var out []jpmLine
	must(t, s.ComputeAllJPM(context.Background(), workers, func(j *store.EmployeeJPM) error {
		out = append(out, jpmLine{j.EmployeeID, int64(j.SumRequired), int64(j.SumActual), int64(j.SumCapped),
			int64(j.JPMRaw), int64(j.JPMCapped), j.Mapping.String(), j.Filling.String()})
		return nil
	}))
	return out
}

func sameLines(t *testing.T, what string, got, want []jpmLine) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d employees, the SQL baseline %d", what, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Fatalf("%s: row %d = %+v, the SQL baseline %+v", what, i, got[i], want[i])
		}
	}
}

// TestComputeAllJPMMatchesSQL: the fast from-scratch JPM gives, for every
// employee, exactly what one SQL aggregate over the stored tables gives
// (the benchmark's baseline file itself), whatever the chunking, the number
// of workers and the fold (packed integers or text); and RecomputeJPM
// stores the same as the one-employee path of AddRating.
func TestComputeAllJPMMatchesSQL(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		addJPMCases(t, testcity.New(t, s, testcity.WithDemo(300, 7)))
		want := baselineJPM(t, s)
		if len(want) < 250 {
			t.Fatalf("baseline has only %d employees", len(want))
		}
		for _, c := range []struct {
			chunk       int64
			maxWindows  int
			join        bool
			workers     int
			description string
		}{
			{16384, 6, false, 1, "defaults, one worker"},
			{37, 6, false, 3, "small chunks, three workers"},
			{37, 6, true, 2, "items joined from the current standards"},
			{37, 0, false, 2, "text fold"},
		} {
			restore := store.SetJPMTuning(c.chunk, c.maxWindows, c.join)
			got := computeJPM(t, s, c.workers)
			restore()
			sameLines(t, c.description, got, want)
		}
		// Stored: RecomputeJPM against the one-employee path.
		restore := store.SetJPMTuning(53, 6, false)
		n, err := s.RecomputeJPM(ctx, 2)
		restore()
		must(t, err)
		if n != len(want) {
			t.Errorf("RecomputeJPM wrote %d rows, want %d", n, len(want))
		}
		stored := storedJPM(t, s)
		// The profile computes one employee's JPM on its own path
		// (currentStandard, currentLevels, gap.Compute): same numbers.
		for _, r := range stored[:60] {
			ec, err := s.EmployeeCompetencies(ctx, r.line.EmployeeID)
			must(t, err)
			res := ec.Result
			one := jpmLine{r.line.EmployeeID, int64(res.SumRequired), int64(res.SumActual), int64(res.SumCapped),
				int64(res.JPMRaw), int64(res.JPMCapped), res.Mapping.String(), res.Filling.String()}
			if one != r.line || ec.StandardID != r.std || ec.PositionID != r.pos || int64(res.Assessed) != r.assessed || int64(res.Total) != r.tl {
				t.Fatalf("employee %d: stored %+v, profile %+v (standard %d, position %d)", r.line.EmployeeID, r, one, ec.StandardID, ec.PositionID)
			}
		}
		got := make([]jpmLine, 0, len(stored))
		for _, r := range stored {
			got = append(got, r.line)
		}
		sameLines(t, "stored", got, want)
	})
}

type storedRow struct {
	line                   jpmLine
	pos, std, assessed, tl int64
}

func storedJPM(t *testing.T, s *store.Store) []storedRow {
	t.Helper()
	rows, err := s.DB().QueryContext(context.Background(), `SELECT employee_id, sum_required, sum_actual, sum_capped, jpm_raw,
		jpm_capped, mapping, filling, position_id, standard_id, assessed, total FROM employee_jpm ORDER BY employee_id`)
	must(t, err)
	defer rows.Close()
	var out []storedRow
	for rows.Next() {
		var r storedRow
		l := &r.line
		must(t, rows.Scan(&l.EmployeeID, &l.SumRequired, &l.SumActual, &l.SumCapped, &l.JPMRaw, &l.JPMCapped, &l.Mapping, &l.Filling,
			&r.pos, &r.std, &r.assessed, &r.tl))
		out = append(out, r)
	}
	must(t, rows.Err())
	return out
}

// TestRecomputeJPMClearsStaleRows: after RecomputeJPM, employee_jpm holds
// exactly the employees whose position has a standard — rows of deleted
// employees and of positions without a standard are gone.
func TestRecomputeJPMClearsStaleRows(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		// A row for an employee who no longer exists and one for an
		// employee whose position has no standard: both must go.
		for _, id := range []int64{f.Head.ID, 999999} {
			if _, err := s.DB().ExecContext(ctx, `INSERT INTO employee_jpm (employee_id, position_id, standard_id, sum_required, sum_actual,
				sum_capped, jpm_raw, jpm_capped, mapping, filling, assessed, total, updated_at)
				VALUES ($1, 1, 1, 1, 1, 1, 1, 1, 'x', 'x', 1, 1, 1)`, id); err != nil {
				t.Fatal(err)
			}
		}
		n, err := s.RecomputeJPM(ctx, 0)
		must(t, err)
		var rows int
		must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM employee_jpm`).Scan(&rows))
		// Holders of the staff position: Ani, Budi, Cici, Dedi.
		if n != 4 || rows != 4 {
			t.Errorf("RecomputeJPM wrote %d rows, table has %d; want 4 and 4", n, rows)
		}
	})
}
