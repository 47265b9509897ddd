package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/model"
)

// RatingTarget is one competency of one employee's position standard, what
// a generator needs to invent plausible ratings.
type RatingTarget struct {
	EmployeeID, SupervisorID, UnitID, CompetencyID int64
	Required                                       int
}

// RatingTargets streams every (employee, standard competency) pair in
// employee order.
func (s *Store) RatingTargets(ctx context.Context, fn func(RatingTarget) error) error {
	var t RatingTarget
	if err := eachRowErr(ctx, s.db, `SELECT e.id, COALESCE(e.supervisor_id, 0), e.unit_id, i.competency_id, i.required
		FROM employee e
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item i ON i.standard_id = ps.id
		WHERE e.status = 'aktif' ORDER BY e.id, i.competency_id`, nil, []any{&t.EmployeeID, &t.SupervisorID, &t.UnitID, &t.CompetencyID, &t.Required}, func() error {
		return fn(t)
	}); err != nil {
		return fmt.Errorf("store: rating targets: %w", err)
	}
	return nil
}

// LoadRatings bulk-inserts rating events (a demo or a migration from another
// system) in one transaction, audited as one event; the caller recomputes
// levels and JPM afterwards with RecomputeAll. Rules of who may rate whom
// are not checked here: use AddRating for people's ratings. A rating's
// CycleID, when set, is stored as given (not checked against the cycle's
// dates, scope or sources).
func (s *Store) LoadRatings(ctx context.Context, a model.Actor, what string, ratings func(add func(*model.Rating) error) error) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		b := newBulkInserter(ctx, tx, "rating", []string{"employee_id", "competency_id", "source", "level", "rater_id", "at", "note", "cycle_id"}, 500)
		b.anon = s.dialect == SQLite
		if err := ratings(func(r *model.Rating) error {
			n++
			return b.add(r.EmployeeID, r.CompetencyID, string(r.Source), r.Level, nullID(r.RaterID), r.At.Unix(), r.Note, nullID(r.CycleID))
		}); err != nil {
			return err
		}
		if err := b.close(); err != nil {
			return fmt.Errorf("store: load ratings: %w", err)
		}
		return s.audit(ctx, tx, a, "ratings.load", "rating", 0, map[string]any{"what": what, "ratings": n})
	})
	return n, err
}
