package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// LoadRegistry fills an empty registry with units, positions and employees
// that already carry their IDs (the demo generator makes them), in one
// transaction, then derives supervisors. employees is called with a
// function to pass each employee to; the employee may be reused by the
// caller between calls. It refuses a database that already has units.
//
// It loads the way a bulk import does: secondary indexes dropped and
// rebuilt (sorted) after the load, search words sorted in Go and inserted
// in index order, rows sent with COPY on PostgreSQL, references checked here
// instead of by SQLite per row, supervisors derived by one set-based UPDATE.
func (s *Store) LoadRegistry(ctx context.Context, a model.Actor, units []model.OrgUnit, positions []model.Position,
	employees func(add func(*model.Employee) error) error) (int, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: load: %w", err)
	}
	defer conn.Close()
	if s.dialect == SQLite {
		// The registry is empty (checked below inside the transaction, and
		// a unit-less registry has no employees), so the references are
		// the generator's own and are checked in Go.
		for _, p := range []string{fmt.Sprintf("PRAGMA cache_size = -%d", sqliteCacheKiB), `PRAGMA foreign_keys = OFF`} {
			if _, err := conn.ExecContext(ctx, p); err != nil {
				return 0, err
			}
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`)
		defer conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA cache_size = %d", sqliteDefCache))
	}
	defer s.writes.Add(1)
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: load: begin: %w", err)
	}
	count, err := s.loadRegistryTx(ctx, conn, tx, a, units, positions, employees)
	if err != nil {
		tx.Rollback()
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: load: commit: %w", err)
	}
	return count, s.Analyze(ctx)
}

func (s *Store) loadRegistryTx(ctx context.Context, conn *sql.Conn, tx *sql.Tx, a model.Actor, units []model.OrgUnit, positions []model.Position,
	employees func(add func(*model.Employee) error) error) (int, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_unit`).Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, apperr.New(apperr.ECONFLICT, "basis data sudah berisi data; gunakan basis data baru untuk demo")
	}
	var empty bool
	if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM employee)`).Scan(&empty); err != nil {
		return 0, err
	}
	if !empty {
		return 0, apperr.New(apperr.ECONFLICT, "basis data sudah berisi pegawai; gunakan basis data baru untuk demo")
	}
	set, err := loadSettings(ctx, tx)
	if err != nil {
		return 0, err
	}
	dropped, err := s.dropImportIndexes(ctx, tx)
	if err != nil {
		return 0, err
	}
	unitOK := make(map[int64]bool, len(units))
	// Supervisors are written with the rows when every unit's head arrives
	// before anyone of the unit's subtree (the generator sends heads first,
	// top-down); otherwise they are derived after the load.
	plan := model.NewSupervisorPlan(len(units))
	for _, u := range units {
		plan.Add(u.ID, u.ParentID)
	}
	used := make(map[int64]bool, len(units)) // units with a written row in their subtree
	headPos := map[int64]int64{}             // head post → its unit
	inline, lastID := true, int64(0)
	ub := newRowSink(ctx, s.dialect, conn, tx, "org_unit", []string{"id", "code", "name", "kind", "parent_id", "path", "depth"}, 200)
	for _, u := range units {
		unitOK[u.ID] = true
	}
	for _, u := range units {
		if u.ParentID != 0 && !unitOK[u.ParentID] {
			return 0, fmt.Errorf("store: load units: unit %d has an unknown parent %d", u.ID, u.ParentID)
		}
		if err := ub.add(u.ID, u.Code, u.Name, string(u.Kind), nullID(u.ParentID), u.Path, u.Depth); err != nil {
			return 0, fmt.Errorf("store: load units: %w", err)
		}
	}
	if err := ub.close(); err != nil {
		return 0, fmt.Errorf("store: load units: %w", err)
	}
	pb := newRowSink(ctx, s.dialect, conn, tx, "position", []string{"id", "code", "title", "type", "jenjang", "unit_id", "is_head"}, 200)
	ages := make(map[int64]int, len(positions))
	for _, p := range positions {
		if !unitOK[p.UnitID] {
			return 0, fmt.Errorf("store: load positions: position %d in unknown unit %d", p.ID, p.UnitID)
		}
		ages[p.ID] = set.Retirement.Age(p.Type, p.Jenjang, p.Title)
		if p.IsHead {
			headPos[p.ID] = p.UnitID
		}
		if err := pb.add(p.ID, p.Code, p.Title, string(p.Type), p.Jenjang, p.UnitID, p.IsHead); err != nil {
			return 0, fmt.Errorf("store: load positions: %w", err)
		}
	}
	if err := pb.close(); err != nil {
		return 0, fmt.Errorf("store: load positions: %w", err)
	}
	eb := newRowSink(ctx, s.dialect, conn, tx, "employee", []string{"id", "nip", "name", "gelar_depan", "gelar_belakang", "sort_name",
		"birth_place", "birth_date", "gender", "kind", "golongan", "position_id", "unit_id", "supervisor_id", "supervisor_set", "email", "phone",
		"status", "retirement_date", "updated_at"}, 500)
	if s.dialect == Postgres {
		eb.batch = 5000
	}
	words := newWordSorter(len(units) * 20)
	now := s.Now().Unix()
	count := 0
	err = employees(func(e *model.Employee) error {
		key := names.SortKey(e.Name)
		age, ok := ages[e.PositionID]
		if !ok {
			if e.PositionID != 0 {
				return fmt.Errorf("store: load employee %s: unknown position %d", e.NIP, e.PositionID)
			}
			age = set.Retirement.Age("", "", "")
		}
		if !unitOK[e.UnitID] {
			return fmt.Errorf("store: load employee %s: unknown unit %d", e.NIP, e.UnitID)
		}
		if e.ID <= lastID {
			inline = false
		}
		lastID = e.ID
		var sup int64
		if inline {
			if hu, ok := headPos[e.PositionID]; ok && e.Status == model.StatusAktif && plan.ByID[hu].Head == 0 {
				if used[hu] {
					inline = false // someone below was written without this head
				}
				plan.ByID[hu].Head = e.ID
			}
			for u := plan.ByID[e.UnitID]; u != nil && !used[u.ID]; u = plan.ByID[u.Parent] {
				used[u.ID] = true
			}
			sup = plan.SupervisorUp(e.UnitID, e.ID)
		}
		if e.SupervisorSet {
			sup = e.SupervisorID
		}
		if err := eb.add(e.ID, e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, key, e.BirthPlace, date.Format(e.BirthDate),
			string(e.Gender), string(e.Kind), e.Golongan, nullID(e.PositionID), e.UnitID, nullID(sup), e.SupervisorSet, e.Email, e.Phone,
			string(e.Status), date.Format(model.RetirementDate(e.BirthDate, age)), now); err != nil {
			return fmt.Errorf("store: load employee %s: %w", e.NIP, err)
		}
		words.add(e.ID, key, names.SearchWords(e.Name))
		count++
		return nil
	})
	if err != nil {
		return 0, err
	}
	if err := eb.close(); err != nil {
		return 0, fmt.Errorf("store: load employees: %w", err)
	}
	sorted := words.sortAsync() // while the database derives and rebuilds
	if err := s.resetSequences(ctx, tx); err != nil {
		return 0, err
	}
	// Before the indexes come back: the UPDATE then maintains none.
	if !inline {
		if err := s.deriveAllSupervisors(ctx, tx); err != nil {
			return 0, err
		}
	}
	if err := rebuildIndexes(ctx, tx, dropped.emp); err != nil {
		return 0, err
	}
	<-sorted
	if err := s.writeSortedWords(ctx, conn, tx, words); err != nil {
		return 0, err
	}
	if err := rebuildIndexes(ctx, tx, dropped.words); err != nil {
		return 0, err
	}
	return count, s.audit(ctx, tx, a, "demo.load", "registry", 0, map[string]int{"units": len(units), "positions": len(positions), "employees": count})
}

// resetSequences moves PostgreSQL identity sequences past rows inserted
// with explicit IDs (SQLite needs nothing: it takes max(id)+1).
func (s *Store) resetSequences(ctx context.Context, q queryer) error {
	if s.dialect != Postgres {
		return nil
	}
	for _, t := range []string{"org_unit", "position", "employee"} {
		if _, err := q.ExecContext(ctx, fmt.Sprintf(
			`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT MAX(id) FROM %s), 0) + 1, false)`, t, t)); err != nil {
			return fmt.Errorf("store: reset sequence %s: %w", t, err)
		}
	}
	return nil
}

// Analyze refreshes the query planner's statistics after a bulk load.
//
// On SQLite it keeps the per-index row counts (sqlite_stat1) and drops the
// samples of sqlite_stat4. With samples, the planner estimates a range from
// the values bound to it, so a prepared statement whose range parameters
// change (a search word, a NIP prefix, a unit's path) is compiled again on
// every run: a twentieth of a search page's work at a million employees.
// The hot queries have one sensible index each; the counts suffice.
func (s *Store) Analyze(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return err
	}
	return s.dropStat4(ctx)
}

// dropStat4 removes SQLite's sqlite_stat4 samples (see Analyze), also from
// files analysed by earlier versions (Migrate calls it).
func (s *Store) dropStat4(ctx context.Context) error {
	if s.dialect != SQLite {
		return nil
	}
	var has bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_stat4')`).Scan(&has); err != nil || !has {
		return err
	}
	res, err := s.db.ExecContext(ctx, `DELETE FROM sqlite_stat4`)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	_, err = s.db.ExecContext(ctx, `ANALYZE sqlite_schema`) // reload the statistics
	return err
}
