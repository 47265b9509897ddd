package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// SetPerformance records (or replaces) an employee's SKP predikat for one
// year, checked by model.ValidatePerformance. The change is audited with
// the old and new predikat. Callers check that the actor may record it
// (policy.PerformanceWrite).
func (s *Store) SetPerformance(ctx context.Context, a model.Actor, employeeID int64, year int, predikat string) error {
	canon, err := model.ValidatePerformance(year, predikat, s.Now())
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee WHERE id = $1`, employeeID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", employeeID)
		}
		var old string
		err := tx.QueryRowContext(ctx, `SELECT predikat FROM performance_rating WHERE employee_id = $1 AND year = $2`, employeeID, year).Scan(&old)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		if err := upsertPerformance(ctx, tx, employeeID, year, canon); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "performance.set", "employee", employeeID,
			map[string]any{"year": year, "predikat": Change{old, canon}})
	})
}

// upsertPerformance writes one yearly predikat.
func upsertPerformance(ctx context.Context, q queryer, employeeID int64, year int, predikat string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO performance_rating (employee_id, year, predikat) VALUES ($1, $2, $3)
		ON CONFLICT (employee_id, year) DO UPDATE SET predikat = excluded.predikat`, employeeID, year, predikat)
	if err != nil {
		return fmt.Errorf("store: performance of %d in %d: %w", employeeID, year, err)
	}
	return nil
}

// Performance returns an employee's SKP predikat per year.
func (s *Store) Performance(ctx context.Context, employeeID int64) (map[int]string, error) {
	out := map[int]string{}
	var y int
	var p string
	if err := eachRow(ctx, s.db, `SELECT year, predikat FROM performance_rating WHERE employee_id = $1`, []any{employeeID}, []any{&y, &p}, func() {
		out[y] = p
	}); err != nil {
		return nil, fmt.Errorf("store: performance of %d: %w", employeeID, err)
	}
	return out, nil
}

// SeedPerformance gives every active employee an SKP predikat for each of
// years, chosen by pick (a demo or a migration): the years' existing
// ratings are replaced, the rows go in through multi-row INSERTs in one
// transaction, audited as one event. pick must return a predikat
// model.CanonicalPredikat accepts ("" skips that employee and year).
func (s *Store) SeedPerformance(ctx context.Context, a model.Actor, what string, years []int, pick func(employeeID int64, year int) string) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var ids []int64
		var id int64
		if err := eachRow(ctx, tx, `SELECT id FROM employee WHERE status = 'aktif' ORDER BY id`, nil, []any{&id}, func() {
			ids = append(ids, id)
		}); err != nil {
			return fmt.Errorf("store: seed performance: %w", err)
		}
		for _, y := range years {
			if _, err := tx.ExecContext(ctx, `DELETE FROM performance_rating WHERE year = $1`, y); err != nil {
				return err
			}
		}
		b := newBulkInserter(ctx, tx, "performance_rating", []string{"employee_id", "year", "predikat"}, 1000)
		b.anon = s.dialect == SQLite
		for _, id := range ids {
			for _, y := range years {
				p := pick(id, y)
				if p == "" {
					continue
				}
				canon, ok := model.CanonicalPredikat(p)
				if !ok {
					return apperr.Invalid("predikat", "err.talent.predikat_unknown", p)
				}
				if err := b.add(id, y, canon); err != nil {
					return fmt.Errorf("store: seed performance: %w", err)
				}
				n++
			}
		}
		if err := b.close(); err != nil {
			return fmt.Errorf("store: seed performance: %w", err)
		}
		return s.audit(ctx, tx, a, "performance.load", "performance_rating", 0, map[string]any{"what": what, "years": years, "ratings": n})
	})
	return n, err
}
