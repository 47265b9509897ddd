package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// CycleProgress counts what has been done in a cycle. People are the
// active employees now in the scope; the other counts are distinct
// employees with at least one rating of that source attached to the cycle.
type CycleProgress struct {
	People         int
	SelfDone       int // employees who rated themselves
	SupervisorDone int // employees rated by a supervisor
	PeerRated      int // employees rated by at least one peer
	PeerEnough     int // employees rated by enough peers for the peer mean to count (assess.DefaultRule().MinPeers)
	PeerRatings    int // distinct peer → employee pairs
	// AsOf is when the counts were taken when they may lag behind the
	// data (a large cycle served from its snapshot, see cycleStats); zero
	// when they are current.
	AsOf time.Time
}

// CycleRow is a cycle with its progress, as the list shows it.
type CycleRow struct {
	model.Cycle
	Progress CycleProgress
}

// CycleUnitProgress is the progress of one unit (with its subtree) of a
// cycle's scope.
type CycleUnitProgress struct {
	Unit     model.OrgUnit
	Direct   bool // the scope unit's own employees, not its subtree
	Progress CycleProgress
}

// CycleFilter selects cycles: those whose scope unit lies in one of
// Scope's subtrees (all of them for Scope.All), newest first.
type CycleFilter struct {
	Scope  model.Scope
	Offset int
	Limit  int // default 50, at most 200
}

// Cycles returns a page of the cycles f selects, newest first (by opening
// date), each with its progress, and whether more follow. The progress of
// the whole page takes three set-based queries, whatever its length.
func (s *Store) Cycles(ctx context.Context, f CycleFilter) ([]CycleRow, bool, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, 200)
	var a args
	cond := scopeUnits("su.path", f.Scope, false, &a)
	rows, err := s.db.QueryContext(ctx, `SELECT `+cycleCols+cycleFrom+` WHERE `+cond+
		` ORDER BY c.opens_on DESC, c.id DESC LIMIT `+a.add(f.Limit+1)+` OFFSET `+a.add(max(f.Offset, 0)), a...)
	if err != nil {
		return nil, false, fmt.Errorf("store: cycles: %w", err)
	}
	var out []CycleRow
	for rows.Next() {
		var r CycleRow
		if err := scanCycle(rows, &r.Cycle); err != nil {
			rows.Close()
			return nil, false, err
		}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	more := len(out) > f.Limit
	if more {
		out = out[:f.Limit]
	}
	if err := s.fillProgress(ctx, out); err != nil {
		return nil, false, err
	}
	return out, more, nil
}

// CycleProgressOf returns the progress of one cycle.
func (s *Store) CycleProgressOf(ctx context.Context, c *model.Cycle) (CycleProgress, error) {
	rows := []CycleRow{{Cycle: *c}}
	err := s.fillProgress(ctx, rows)
	return rows[0].Progress, err
}

// fillProgress fills the progress of every cycle of rows, each from its
// snapshot (cycleStats) or, when that must be taken, by countProgress.
func (s *Store) fillProgress(ctx context.Context, rows []CycleRow) error {
	if len(rows) == 0 {
		return nil
	}
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return fmt.Errorf("store: cycle stamp: %w", err)
	}
	for i := range rows {
		c := rows[i].Cycle
		st, err := s.cycleStats(ctx, cycleKey{id: c.ID}, stamp, func(ctx context.Context) (*cycleSnap, error) {
			one := []CycleRow{{Cycle: c}}
			if err := s.countProgress(ctx, one); err != nil {
				return nil, err
			}
			return &cycleSnap{prog: one[0].Progress, people: one[0].Progress.People}, nil
		})
		if err != nil {
			return err
		}
		rows[i].Progress = st.prog
		rows[i].Progress.AsOf = st.asOf
	}
	return nil
}

// countProgress counts, for every cycle of rows at once, the people in its
// scope and the ratings attached to it: one query for the people (an index
// range over each scope's unit paths joined to the employee_unit index),
// one over the rating_cycle index for self and supervisor, one for peers.
// Its cost follows the people and ratings of the scopes: ≈ 1 s for a
// whole-government cycle at a million employees, which is why pages read
// it through fillProgress.
func (s *Store) countProgress(ctx context.Context, rows []CycleRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	at := make(map[int64]*CycleProgress, len(rows))
	for i := range rows {
		ids[i] = rows[i].ID
		at[rows[i].ID] = &rows[i].Progress
	}
	var a args
	in := paddedIDs(ids, &a)
	var id int64
	var n int
	if err := eachRow(ctx, s.db, `SELECT c.id, (SELECT COUNT(*) FROM org_unit d JOIN employee e ON e.unit_id = d.id
			WHERE e.status = 'aktif' AND d.path >= COALESCE(su.path, '/')
			AND d.path < SUBSTR(COALESCE(su.path, '/'), 1, LENGTH(COALESCE(su.path, '/')) - 1) || '0')
		FROM assessment_cycle c LEFT JOIN org_unit su ON su.id = c.scope_unit_id WHERE c.id IN (`+in+`)`, a, []any{&id, &n}, func() {
		at[id].People = n
	}); err != nil {
		return fmt.Errorf("store: cycle people: %w", err)
	}
	var src string
	if err := eachRow(ctx, s.db, `SELECT cycle_id, source, COUNT(DISTINCT employee_id) FROM rating
		WHERE cycle_id IN (`+in+`) AND source IN ('self', 'supervisor') GROUP BY cycle_id, source`, a, []any{&id, &src, &n}, func() {
		if src == string(assess.SourceSelf) {
			at[id].SelfDone = n
		} else {
			at[id].SupervisorDone = n
		}
	}); err != nil {
		return fmt.Errorf("store: cycle ratings: %w", err)
	}
	minPeers := a.add(assess.DefaultRule().MinPeers)
	var p CycleProgress
	if err := eachRow(ctx, s.db, `SELECT x.cycle_id, COUNT(*), COALESCE(SUM(CASE WHEN x.n >= `+minPeers+` THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(x.n), 0) FROM (SELECT cycle_id, employee_id, COUNT(DISTINCT rater_id) AS n FROM rating
		WHERE cycle_id IN (`+in+`) AND source = 'peer' GROUP BY cycle_id, employee_id) x GROUP BY x.cycle_id`, a, []any{&id, &p.PeerRated, &p.PeerEnough, &p.PeerRatings}, func() {
		at[id].PeerRated, at[id].PeerEnough, at[id].PeerRatings = p.PeerRated, p.PeerEnough, p.PeerRatings
	}); err != nil {
		return fmt.Errorf("store: cycle peers: %w", err)
	}
	return nil
}

// CycleUnits returns the progress of a cycle per direct child unit of its
// scope unit (each with its subtree), and first the scope unit's own
// employees when it has any, attributing each employee to the unit they
// are in now. It reads the cycle's snapshot (cycleStats); countUnits takes
// it.
func (s *Store) CycleUnits(ctx context.Context, c *model.Cycle) ([]CycleUnitProgress, error) {
	if c.ScopeUnitID == 0 {
		return nil, nil
	}
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: cycle stamp: %w", err)
	}
	st, err := s.cycleStats(ctx, cycleKey{id: c.ID, units: true}, stamp, func(ctx context.Context) (*cycleSnap, error) {
		units, err := s.countUnits(ctx, c)
		if err != nil {
			return nil, err
		}
		snap := &cycleSnap{units: units}
		for _, u := range units {
			snap.people += u.Progress.People
		}
		return snap, nil
	})
	if err != nil {
		return nil, err
	}
	out := slices.Clone(st.units)
	for i := range out {
		out[i].Progress.AsOf = st.asOf
	}
	return out, nil
}

// countUnits counts what CycleUnits shows with three grouped queries over
// the scope, rolled up in Go. Ratings are first reduced to distinct
// (source, employee) pairs on the rating_cycle index, and only those are
// joined to their employee, by primary key, for the unit; units are placed
// by a map of the scope's unit paths. The cost follows the people and
// rated employees of the scope (≈ 1 s for a whole-government cycle at
// 100,000 employees with 30 ratings each), not the number of units.
func (s *Store) countUnits(ctx context.Context, c *model.Cycle) ([]CycleUnitProgress, error) {
	scope, err := s.Unit(ctx, c.ScopeUnitID)
	if err != nil {
		return nil, err
	}
	children, err := s.ChildUnits(ctx, c.ScopeUnitID)
	if err != nil {
		return nil, err
	}
	out := []CycleUnitProgress{{Unit: *scope, Direct: true}}
	for _, u := range children {
		out = append(out, CycleUnitProgress{Unit: u})
	}
	// slot returns the row a unit path belongs to.
	slot := func(path string) *CycleProgress {
		for i := 1; i < len(out); i++ {
			if model.InSubtree(path, out[i].Unit.Path) {
				return &out[i].Progress
			}
		}
		if path == scope.Path {
			return &out[0].Progress
		}
		return nil
	}
	lo, hi := scope.Path, pathUpper(scope.Path)
	slots := map[int64]*CycleProgress{} // unit ID in the scope → its row
	var id int64
	var path string
	if err := eachRow(ctx, s.db, `SELECT id, path FROM org_unit WHERE path >= $1 AND path < $2`, []any{lo, hi}, []any{&id, &path}, func() {
		if p := slot(path); p != nil {
			slots[id] = p
		}
	}); err != nil {
		return nil, fmt.Errorf("store: cycle units: %w", err)
	}
	var n int
	if err := eachRow(ctx, s.db, `SELECT u.id, COUNT(*) FROM org_unit u JOIN employee e ON e.unit_id = u.id
		WHERE e.status = 'aktif' AND u.path >= $1 AND u.path < $2 GROUP BY u.id`, []any{lo, hi}, []any{&id, &n}, func() {
		if p := slots[id]; p != nil {
			p.People += n
		}
	}); err != nil {
		return nil, fmt.Errorf("store: cycle unit people: %w", err)
	}
	var src string
	if err := eachRow(ctx, s.db, `SELECT e.unit_id, x.source, COUNT(*) FROM (SELECT DISTINCT source, employee_id FROM rating
		WHERE cycle_id = $1 AND source IN ('self', 'supervisor')) x JOIN employee e ON e.id = x.employee_id GROUP BY e.unit_id, x.source`, []any{c.ID}, []any{&id, &src, &n}, func() {
		if p := slots[id]; p != nil {
			if src == string(assess.SourceSelf) {
				p.SelfDone += n
			} else {
				p.SupervisorDone += n
			}
		}
	}); err != nil {
		return nil, fmt.Errorf("store: cycle unit ratings: %w", err)
	}
	var q CycleProgress
	if err := eachRow(ctx, s.db, `SELECT e.unit_id, COUNT(*), COALESCE(SUM(CASE WHEN x.n >= $2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(x.n), 0)
		FROM (SELECT employee_id, COUNT(DISTINCT rater_id) AS n FROM rating WHERE cycle_id = $1 AND source = 'peer' GROUP BY employee_id) x
		JOIN employee e ON e.id = x.employee_id GROUP BY e.unit_id`, []any{c.ID, assess.DefaultRule().MinPeers}, []any{&id, &q.PeerRated, &q.PeerEnough, &q.PeerRatings}, func() {
		if p := slots[id]; p != nil {
			p.PeerRated += q.PeerRated
			p.PeerEnough += q.PeerEnough
			p.PeerRatings += q.PeerRatings
		}
	}); err != nil {
		return nil, fmt.Errorf("store: cycle unit peers: %w", err)
	}
	if out[0].Progress == (CycleProgress{}) {
		out = out[1:]
	}
	return out, nil
}
