package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// LoadRegistry fills an empty registry with units, positions and employees
// that already carry their IDs (the demo generator makes them), in one
// transaction, then derives supervisors. employees is called with a
// function to pass each employee to; the employee may be reused by the
// caller between calls. It refuses a database that already has units.
func (s *Store) LoadRegistry(ctx context.Context, a model.Actor, units []model.OrgUnit, positions []model.Position,
	employees func(add func(*model.Employee) error) error) (int, error) {
	count := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_unit`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return apperr.New(apperr.ECONFLICT, "basis data sudah berisi data; gunakan basis data baru untuk demo")
		}
		ub := newBulkInserter(ctx, tx, "org_unit", []string{"id", "code", "name", "kind", "parent_id", "path", "depth"}, 200)
		for _, u := range units {
			if err := ub.add(u.ID, u.Code, u.Name, string(u.Kind), nullID(u.ParentID), u.Path, u.Depth); err != nil {
				return fmt.Errorf("store: load units: %w", err)
			}
		}
		if err := ub.close(); err != nil {
			return fmt.Errorf("store: load units: %w", err)
		}
		pb := newBulkInserter(ctx, tx, "position", []string{"id", "code", "title", "type", "jenjang", "unit_id", "is_head"}, 200)
		ages := map[int64]int{}
		for _, p := range positions {
			ages[p.ID] = model.RetirementAge(p.Type, p.Jenjang)
			if err := pb.add(p.ID, p.Code, p.Title, string(p.Type), p.Jenjang, p.UnitID, p.IsHead); err != nil {
				return fmt.Errorf("store: load positions: %w", err)
			}
		}
		if err := pb.close(); err != nil {
			return fmt.Errorf("store: load positions: %w", err)
		}
		eb := newBulkInserter(ctx, tx, "employee", []string{"id", "nip", "name", "gelar_depan", "gelar_belakang", "sort_name",
			"birth_place", "birth_date", "gender", "kind", "golongan", "position_id", "unit_id", "supervisor_set", "email", "phone",
			"status", "retirement_date", "updated_at"}, 100)
		wb := newBulkInserter(ctx, tx, "employee_word", []string{"word", "sort_name", "employee_id"}, 300)
		now := s.Now().Unix()
		err := employees(func(e *model.Employee) error {
			key := names.SortKey(e.Name)
			age, ok := ages[e.PositionID]
			if !ok {
				age = 58
			}
			if err := eb.add(e.ID, e.NIP, e.Name, e.GelarDepan, e.GelarBelakang, key, e.BirthPlace, dateText(e.BirthDate),
				string(e.Gender), string(e.Kind), e.Golongan, nullID(e.PositionID), e.UnitID, e.SupervisorSet, e.Email, e.Phone,
				string(e.Status), dateText(model.RetirementDate(e.BirthDate, age)), now); err != nil {
				return fmt.Errorf("store: load employee %s: %w", e.NIP, err)
			}
			for _, w := range names.SearchWords(e.Name) {
				if err := wb.add(w, key, e.ID); err != nil {
					return err
				}
			}
			count++
			return nil
		})
		if err != nil {
			return err
		}
		if err := eb.close(); err != nil {
			return fmt.Errorf("store: load employees: %w", err)
		}
		if err := wb.close(); err != nil {
			return err
		}
		if err := s.resetSequences(ctx, tx); err != nil {
			return err
		}
		if err := s.deriveSupervisors(ctx, tx); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "demo.load", "registry", 0, map[string]int{"units": len(units), "positions": len(positions), "employees": count})
	})
	if err == nil {
		err = s.Analyze(ctx)
	}
	return count, err
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
func (s *Store) Analyze(ctx context.Context) error {
	_, err := s.db.ExecContext(ctx, `ANALYZE`)
	return err
}
