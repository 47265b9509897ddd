package bench

// Benchmarks of the pages added with cycles, agency frameworks and
// questionnaires, on a database made by `kompeten demo` (ratings are
// generated up to 100,000 employees):
//
//	go test ./bench -run x -bench 'Versions|Cycle|Surveys' -db /tmp/big/k.db
//
// The demo makes no cycles and no surveys, so benchSetup adds them once
// (idempotent, marked by their names): a whole-government cycle holding
// every self, supervisor and peer rating not yet in a cycle, four cycles of
// single OPDs, 40 surveys (one of the whole government answered by every
// active employee, the others of single OPDs answered by theirs). It writes
// into the database given.

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

const benchCycleName = "BENCH siklus seluruh pemerintah"

// benchSetup adds the cycles and surveys described above unless present and
// returns the whole-government cycle.
func benchSetup(b *testing.B, st *store.Store) *model.Cycle {
	ctx := context.Background()
	db := st.DB()
	var id int64
	err := db.QueryRowContext(ctx, `SELECT id FROM assessment_cycle WHERE name = $1`, benchCycleName).Scan(&id)
	if err == sql.ErrNoRows {
		start := time.Now()
		var root int64
		if err := db.QueryRowContext(ctx, `SELECT id FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1`).Scan(&root); err != nil {
			b.Fatal(err)
		}
		opds, err := ids(ctx, db, `SELECT id FROM org_unit WHERE parent_id = $1 ORDER BY id LIMIT 39`, root)
		if err != nil {
			b.Fatal(err)
		}
		now := time.Now().Unix()
		admin := model.Actor{Name: "bench"}
		all := model.Scope{All: true}
		c := &model.Cycle{Name: benchCycleName, OpensOn: "2026-01-01", ClosesOn: "2026-12-31", ScopeUnitID: root, Self: true, Supervisor: true, Peer: true}
		if err := st.CreateCycle(ctx, admin, c, all); err != nil {
			b.Fatal(err)
		}
		for i, u := range opds[:min(4, len(opds))] {
			oc := &model.Cycle{Name: "BENCH siklus OPD " + string(rune('A'+i)), OpensOn: "2026-02-01", ClosesOn: "2026-11-30", ScopeUnitID: u, Self: true, Supervisor: true}
			if err := st.CreateCycle(ctx, admin, oc, all); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := db.ExecContext(ctx, `UPDATE rating SET cycle_id = $1 WHERE cycle_id IS NULL AND source IN ('self', 'supervisor', 'peer')`, c.ID); err != nil {
			b.Fatal(err)
		}
		var comp int64
		if err := db.QueryRowContext(ctx, `SELECT MIN(id) FROM competency`).Scan(&comp); err != nil {
			b.Fatal(err)
		}
		for i, u := range append([]int64{root}, opds...) {
			sv := &model.Survey{Title: "BENCH kuesioner", ScopeUnitID: u, OpensOn: "2026-01-01", ClosesOn: "2026-03-31",
				Questions: []model.SurveyQuestion{{Kind: model.QuestionCompetencies, Prompt: "Kompetensi yang Anda perlukan?", OptionIDs: []int64{comp}}}}
			if err := st.CreateSurvey(ctx, admin, all, sv); err != nil {
				b.Fatal(err)
			}
			// Every active employee of the scope answers (the whole
			// government's survey first, so that it is the big one).
			if _, err := db.ExecContext(ctx, `INSERT INTO survey_response (survey_id, employee_id, unit_id, created_at, updated_at)
				SELECT $1, e.id, e.unit_id, $2, $2 FROM employee e JOIN org_unit d ON d.id = e.unit_id
				JOIN org_unit s ON s.id = $3 WHERE e.status = 'aktif' AND d.path >= s.path
				AND d.path < SUBSTR(s.path, 1, LENGTH(s.path) - 1) || '0'`, sv.ID, now+int64(i), u); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("setup: cycles and surveys added in %v", time.Since(start))
		id = c.ID
	} else if err != nil {
		b.Fatal(err)
	}
	c, err := st.Cycle(ctx, id)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func ids(ctx context.Context, db *sql.DB, q string, args ...any) ([]int64, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// BenchmarkFrameworkVersions times the version history of the built-in
// national framework (/kamus/{id}/versi), whose competencies nearly every
// rating points at.
func BenchmarkFrameworkVersions(b *testing.B) {
	st := openDB(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := st.FrameworkVersions(ctx, "KOMPETENSI-ASN"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCycleList times the cycle list (/siklus, whole government): the
// first page with each cycle's progress. "view" is what a page view costs
// once the Store holds the cycles' snapshots (store.cycleStats); "cold"
// opens a new Store each time, so it pays the counts, as the first view
// after start (and each background recount of a big cycle) does.
func BenchmarkCycleList(b *testing.B) {
	st := openDB(b)
	benchSetup(b, st)
	ctx := context.Background()
	f := store.CycleFilter{Scope: model.Scope{All: true}, Limit: 25}
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := st.Cycles(ctx, f); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			fresh := openDB(b)
			if _, _, err := fresh.Cycles(ctx, f); err != nil {
				b.Fatal(err)
			}
			fresh.Close()
		}
	})
}

// BenchmarkCycleShow times one view of the whole-government cycle
// (/siklus/{id}): its progress and the progress per unit; "view" and
// "cold" as for BenchmarkCycleList.
func BenchmarkCycleShow(b *testing.B) {
	st := openDB(b)
	c := benchSetup(b, st)
	ctx := context.Background()
	show := func(st *store.Store) {
		if _, err := st.CycleProgressOf(ctx, c); err != nil {
			b.Fatal(err)
		}
		if _, err := st.CycleUnits(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("view", func(b *testing.B) {
		for b.Loop() {
			show(st)
		}
	})
	b.Run("cold", func(b *testing.B) {
		for b.Loop() {
			fresh := openDB(b)
			show(fresh)
			fresh.Close()
		}
	})
}

// BenchmarkSurveys times the questionnaire list (/kuesioner): the first
// page for a reader of the whole government, and for the admin of one OPD
// (whose page also lists the whole government's survey, which covers them).
func BenchmarkSurveys(b *testing.B) {
	st := openDB(b)
	benchSetup(b, st)
	ctx := context.Background()
	var opd string
	if err := st.DB().QueryRowContext(ctx, `SELECT u.path FROM survey s JOIN org_unit u ON u.id = s.scope_unit_id
		WHERE u.parent_id IS NOT NULL ORDER BY s.id LIMIT 1`).Scan(&opd); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		sc   model.Scope
	}{{"all", model.Scope{All: true}}, {"opd", model.Scope{UnitPaths: []string{opd}}}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := st.SurveyPage(ctx, store.SurveyFilter{Scope: c.sc, Limit: 25}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
