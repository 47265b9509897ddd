package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Assessment cycles: the rules (dates, sources, states, validation) are
// model.Cycle's, who administers one policy.AdministersCycle's; this file
// writes cycles and attaches ratings to the open one (cycle_progress.go
// counts them, cycle_cache.go keeps the counts).

const cycleCols = `c.id, c.name, c.opens_on, c.closes_on, COALESCE(c.scope_unit_id, 0), COALESCE(su.name, ''), COALESCE(su.path, ''),
	c.src_self, c.src_supervisor, c.src_peer, COALESCE(c.closed_at, 0), c.created_at, c.updated_at, c.created_by`

const cycleFrom = ` FROM assessment_cycle c LEFT JOIN org_unit su ON su.id = c.scope_unit_id`

func scanCycle(sc interface{ Scan(...any) error }, c *model.Cycle) error {
	var closed, created, updated int64
	if err := sc.Scan(&c.ID, &c.Name, &c.OpensOn, &c.ClosesOn, &c.ScopeUnitID, &c.ScopeUnitName, &c.ScopePath,
		&c.Self, &c.Supervisor, &c.Peer, &closed, &created, &updated, &c.CreatedBy); err != nil {
		return err
	}
	if closed != 0 {
		c.ClosedAt = unixTime(closed)
	}
	c.CreatedAt = unixTime(created)
	if updated != 0 {
		c.UpdatedAt = unixTime(updated)
	}
	return nil
}

// checkCycle validates the fields of c (model.Cycle.Validate) and resolves
// its scope unit's name and path, which must lie in admin.
func checkCycle(ctx context.Context, q queryer, c *model.Cycle, admin model.Scope) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := q.QueryRowContext(ctx, `SELECT name, path FROM org_unit WHERE id = $1`, c.ScopeUnitID).Scan(&c.ScopeUnitName, &c.ScopePath)
	if err == sql.ErrNoRows {
		return apperr.Invalid("scope_unit", "err.cycle.scope_unit_does_not", c.ScopeUnitID)
	}
	if err != nil {
		return err
	}
	if !policy.AdministersCycle(admin, c) {
		return apperr.Invalid("scope_unit", "err.cycle.scope_outside")
	}
	return nil
}

// CreateCycle stores a new cycle after checking its fields and that its
// scope unit lies in admin (what the creator administers). Audited.
func (s *Store) CreateCycle(ctx context.Context, a model.Actor, c *model.Cycle, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkCycle(ctx, tx, c, admin); err != nil {
			return err
		}
		now := s.Now()
		id, err := insertID(ctx, tx, `INSERT INTO assessment_cycle (name, opens_on, closes_on, scope_unit_id, src_self, src_supervisor,
			src_peer, created_at, updated_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			c.Name, c.OpensOn, c.ClosesOn, c.ScopeUnitID, c.Self, c.Supervisor, c.Peer, now.Unix(), now.Unix(), actorName(a))
		if err != nil {
			return fmt.Errorf("store: create cycle: %w", err)
		}
		c.ID, c.CreatedAt, c.UpdatedAt, c.CreatedBy = id, unixTime(now.Unix()), unixTime(now.Unix()), actorName(a)
		return s.audit(ctx, tx, a, "cycle.create", "assessment_cycle", id, map[string]any{
			"name": c.Name, "opens_on": c.OpensOn, "closes_on": c.ClosesOn, "scope_unit_id": c.ScopeUnitID,
			"sources": c.SourceList()})
	})
}

// cycleAdministered loads a cycle (inside a transaction), as not found when it lies
// outside admin.
func (s *Store) cycleAdministered(ctx context.Context, q queryer, id int64, admin model.Scope) (*model.Cycle, error) {
	var c model.Cycle
	if err := scanCycle(q.QueryRowContext(ctx, `SELECT `+cycleCols+cycleFrom+` WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "err.cycle.cycle_not_found", id)
	}
	if !policy.AdministersCycle(admin, &c) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.cycle.cycle_not_found", id)
	}
	return &c, nil
}

// UpdateCycle changes the name, dates, sources and scope of a cycle that
// admin administers and that is not closed. The scope cannot change once
// ratings are attached to the cycle (they were counted in the old scope).
// The audit entry lists the changed fields.
func (s *Store) UpdateCycle(ctx context.Context, a model.Actor, c *model.Cycle, admin model.Scope) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := s.cycleAdministered(ctx, tx, c.ID, admin)
		if err != nil {
			return err
		}
		if old.Closed() {
			return apperr.New(apperr.ECONFLICT, "err.cycle.closed_unchangeable", old.Name)
		}
		if err := checkCycle(ctx, tx, c, admin); err != nil {
			return err
		}
		if c.ScopeUnitID != old.ScopeUnitID {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM rating WHERE cycle_id = $1`, c.ID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return apperr.Invalid("scope_unit", "err.cycle.scope_has_ratings", n)
			}
		}
		now := s.Now().Unix()
		if _, err := tx.ExecContext(ctx, `UPDATE assessment_cycle SET name = $1, opens_on = $2, closes_on = $3, scope_unit_id = $4,
			src_self = $5, src_supervisor = $6, src_peer = $7, updated_at = $8 WHERE id = $9`,
			c.Name, c.OpensOn, c.ClosesOn, c.ScopeUnitID, c.Self, c.Supervisor, c.Peer, now, c.ID); err != nil {
			return fmt.Errorf("store: update cycle %d: %w", c.ID, err)
		}
		changes := map[string]Change{}
		diff(changes, "name", old.Name, c.Name)
		diff(changes, "opens_on", old.OpensOn, c.OpensOn)
		diff(changes, "closes_on", old.ClosesOn, c.ClosesOn)
		diff(changes, "scope_unit_id", fmt.Sprint(old.ScopeUnitID), fmt.Sprint(c.ScopeUnitID))
		diff(changes, "sources", old.SourceList(), c.SourceList())
		return s.audit(ctx, tx, a, "cycle.update", "assessment_cycle", c.ID, changes)
	})
	if err == nil {
		s.forgetCycle(c.ID) // a new scope counts other people: never serve the old snapshot
	}
	return err
}

// CloseCycle closes a cycle admin administers, for good: ratings made
// afterwards are no longer attached to it. Closing a closed cycle is a
// conflict. Audited.
func (s *Store) CloseCycle(ctx context.Context, a model.Actor, id int64, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := s.cycleAdministered(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		if c.Closed() {
			return apperr.New(apperr.ECONFLICT, "err.cycle.cycle_closed", c.Name)
		}
		now := s.Now().Unix()
		if _, err := tx.ExecContext(ctx, `UPDATE assessment_cycle SET closed_at = $1, updated_at = $1 WHERE id = $2`, now, id); err != nil {
			return fmt.Errorf("store: close cycle %d: %w", id, err)
		}
		return s.audit(ctx, tx, a, "cycle.close", "assessment_cycle", id, map[string]any{
			"name": c.Name, "closes_on": c.ClosesOn, "closed_on": model.CycleToday(s.Now())})
	})
}

// Cycle loads one cycle.
func (s *Store) Cycle(ctx context.Context, id int64) (*model.Cycle, error) {
	var c model.Cycle
	if err := scanCycle(s.db.QueryRowContext(ctx, `SELECT `+cycleCols+cycleFrom+` WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "err.cycle.cycle_not_found", id)
	}
	return &c, nil
}

// openCycles returns the cycles open on date today, narrowest scope first,
// then the one opened last.
func openCycles(ctx context.Context, q queryer, today string) ([]model.Cycle, error) {
	out, err := queryAll(ctx, q, `SELECT `+cycleCols+cycleFrom+` WHERE c.closed_at IS NULL AND c.closes_on >= $1 AND c.opens_on <= $1
		ORDER BY LENGTH(COALESCE(su.path, '')) DESC, c.opens_on DESC, c.id DESC`, []any{today}, scanCycle)
	if err != nil {
		return nil, fmt.Errorf("store: open cycles: %w", err)
	}
	return out, nil
}

// unitPathOf returns the path of an employee's unit.
func unitPathOf(ctx context.Context, q queryer, employeeID int64) (string, error) {
	var path string
	err := q.QueryRowContext(ctx, `SELECT u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`, employeeID).Scan(&path)
	return path, notFound(err, "err.common.employee_not_found", employeeID)
}

// OpenCyclesFor returns the cycles open today for employee employeeID (its
// scope includes the employee's unit), in the order AddRating prefers them.
func (s *Store) OpenCyclesFor(ctx context.Context, employeeID int64) ([]model.Cycle, error) {
	path, err := unitPathOf(ctx, s.db, employeeID)
	if err != nil {
		return nil, err
	}
	all, err := openCycles(ctx, s.db, model.CycleToday(s.Now()))
	if err != nil {
		return nil, err
	}
	var out []model.Cycle
	for _, c := range all {
		if c.Includes(path) {
			out = append(out, c)
		}
	}
	return out, nil
}

// attachCycle sets r.CycleID for AddRating. With r.CycleID 0 it picks the
// open cycle that includes the employee and opens r.Source (none: 0, the
// rating stands outside any cycle). A cycle given explicitly must be open
// today for that employee and source.
func (s *Store) attachCycle(ctx context.Context, q queryer, r *model.Rating) error {
	explicit := r.CycleID
	if !model.IsCycleSource(r.Source) && explicit == 0 {
		return nil
	}
	path, err := unitPathOf(ctx, q, r.EmployeeID)
	if err != nil {
		return err
	}
	today := model.CycleToday(r.At)
	open, err := openCycles(ctx, q, today)
	if err != nil {
		return err
	}
	for _, c := range open {
		if !c.OpenFor(path, r.Source, today) {
			continue
		}
		if explicit == 0 || explicit == c.ID {
			r.CycleID = c.ID
			return nil
		}
	}
	if explicit != 0 {
		return apperr.Invalid("cycle", "err.cycle.not_open_for_source", explicit, r.Source)
	}
	return nil
}
