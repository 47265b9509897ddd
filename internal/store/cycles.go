package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"weak"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// Assessment cycles. A cycle is open from OpensOn to ClosesOn inclusive
// (calendar dates in WIB) for the active employees of its scope unit's
// subtree and for the sources it opens (self, supervisor, peer), until an
// administrator closes it, which is final. A self, supervisor or peer
// rating of an employee made while a cycle is open for that employee and
// source carries the cycle's ID (AddRating finds it); a rating made outside
// any open cycle is still recorded, without a cycle, as before cycles
// existed. When several open cycles include the employee the one with the
// narrowest scope wins, then the one opened last.

// CycleSources are the sources a cycle can open, in display order.
var CycleSources = []assess.Source{assess.SourceSelf, assess.SourceSupervisor, assess.SourcePeer}

// wib is the time zone cycle dates are written in (Indonesia keeps no
// daylight saving time).
var wib = time.FixedZone("WIB", 7*3600)

// CycleToday returns the calendar date (ISO, WIB) of now, the date cycle
// bounds are compared with.
func CycleToday(now time.Time) string { return now.In(wib).Format("2006-01-02") }

// Cycle is one assessment cycle.
type Cycle struct {
	ID               int64
	Name             string
	OpensOn          string // ISO date, first day open
	ClosesOn         string // ISO date, last day open
	ScopeUnitID      int64  // the unit whose subtree is assessed
	ScopeUnitName    string // read only
	ScopePath        string // read only; "" for a (legacy) cycle without a scope unit: the whole government
	Self, Supervisor bool   // sources open in the cycle
	Peer             bool
	ClosedAt         time.Time // zero while not closed
	CreatedAt        time.Time
	UpdatedAt        time.Time
	CreatedBy        string
}

// Opens reports whether the cycle is open for ratings of source src.
func (c *Cycle) Opens(src assess.Source) bool {
	switch src {
	case assess.SourceSelf:
		return c.Self
	case assess.SourceSupervisor:
		return c.Supervisor
	case assess.SourcePeer:
		return c.Peer
	}
	return false
}

// Sources lists the sources the cycle opens.
func (c *Cycle) Sources() []assess.Source {
	var out []assess.Source
	for _, s := range CycleSources {
		if c.Opens(s) {
			out = append(out, s)
		}
	}
	return out
}

// Cycle states, as Status reports them.
const (
	CycleScheduled = "scheduled" // opens later
	CycleOpen      = "open"
	CycleEnded     = "ended"  // its closing date has passed
	CycleClosed    = "closed" // closed by an administrator
)

// Status returns the cycle's state on date today (ISO).
func (c *Cycle) Status(today string) string {
	switch {
	case !c.ClosedAt.IsZero():
		return CycleClosed
	case today < c.OpensOn:
		return CycleScheduled
	case today > c.ClosesOn:
		return CycleEnded
	}
	return CycleOpen
}

// OpensDate is OpensOn as a date, for display.
func (c *Cycle) OpensDate() time.Time { return parseDate(c.OpensOn) }

// ClosesDate is ClosesOn as a date, for display.
func (c *Cycle) ClosesDate() time.Time { return parseDate(c.ClosesOn) }

// Includes reports whether the unit at path lies in the cycle's scope.
func (c *Cycle) Includes(path string) bool {
	return c.ScopePath == "" || model.InSubtree(path, c.ScopePath)
}

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
	Cycle
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

const cycleCols = `c.id, c.name, c.opens_on, c.closes_on, COALESCE(c.scope_unit_id, 0), COALESCE(su.name, ''), COALESCE(su.path, ''),
	c.src_self, c.src_supervisor, c.src_peer, COALESCE(c.closed_at, 0), c.created_at, c.updated_at, c.created_by`

const cycleFrom = ` FROM assessment_cycle c LEFT JOIN org_unit su ON su.id = c.scope_unit_id`

func scanCycle(sc interface{ Scan(...any) error }, c *Cycle) error {
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

// CycleAdministered reports whether admin (auth.Principal.Admin) may edit
// and close cycle c: BKPSDM administers every cycle, a unit admin those
// whose scope lies inside their unit's subtree.
func CycleAdministered(admin model.Scope, c *Cycle) bool { return admin.Contains(c.ScopePath) }

// checkCycle validates the fields of c and resolves its scope unit's path,
// which must lie in admin.
func (s *Store) checkCycle(ctx context.Context, q queryer, c *Cycle, admin model.Scope) error {
	c.Name = strings.TrimSpace(c.Name)
	switch {
	case c.Name == "":
		return apperr.Invalid("name", "err.cycle.cycle_name_required")
	case utf8.RuneCountInString(c.Name) > 200:
		return apperr.Invalid("name", "err.cycle.cycle_name_at_most")
	}
	if _, err := time.Parse("2006-01-02", c.OpensOn); err != nil {
		return apperr.Invalid("opens_on", "err.cycle.opening_date_not_valid", c.OpensOn)
	}
	if _, err := time.Parse("2006-01-02", c.ClosesOn); err != nil {
		return apperr.Invalid("closes_on", "err.cycle.closing_date_not_valid", c.ClosesOn)
	}
	if c.ClosesOn < c.OpensOn {
		return apperr.Invalid("closes_on", "err.cycle.closing_date_cannot_before")
	}
	if !c.Self && !c.Supervisor && !c.Peer {
		return apperr.Invalid("sources", "err.cycle.no_sources")
	}
	if c.ScopeUnitID == 0 {
		return apperr.Invalid("scope_unit", "err.cycle.scope_unit_chosen")
	}
	err := q.QueryRowContext(ctx, `SELECT name, path FROM org_unit WHERE id = $1`, c.ScopeUnitID).Scan(&c.ScopeUnitName, &c.ScopePath)
	if err == sql.ErrNoRows {
		return apperr.Invalid("scope_unit", "err.cycle.scope_unit_does_not", c.ScopeUnitID)
	}
	if err != nil {
		return err
	}
	if !admin.Contains(c.ScopePath) {
		return apperr.Invalid("scope_unit", "err.cycle.scope_outside")
	}
	return nil
}

// CreateCycle stores a new cycle after checking its fields and that its
// scope unit lies in admin (what the creator administers). Audited.
func (s *Store) CreateCycle(ctx context.Context, a model.Actor, c *Cycle, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.checkCycle(ctx, tx, c, admin); err != nil {
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
			"sources": sourceList(c)})
	})
}

func sourceList(c *Cycle) string {
	var out []string
	for _, s := range c.Sources() {
		out = append(out, string(s))
	}
	return strings.Join(out, ",")
}

// cycleAdministered loads a cycle (inside a transaction), as not found when it lies
// outside admin.
func (s *Store) cycleAdministered(ctx context.Context, q queryer, id int64, admin model.Scope) (*Cycle, error) {
	var c Cycle
	if err := scanCycle(q.QueryRowContext(ctx, `SELECT `+cycleCols+cycleFrom+` WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "err.cycle.cycle_not_found", id)
	}
	if !CycleAdministered(admin, &c) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.cycle.cycle_not_found", id)
	}
	return &c, nil
}

// UpdateCycle changes the name, dates, sources and scope of a cycle that
// admin administers and that is not closed. The scope cannot change once
// ratings are attached to the cycle (they were counted in the old scope).
// The audit entry lists the changed fields.
func (s *Store) UpdateCycle(ctx context.Context, a model.Actor, c *Cycle, admin model.Scope) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := s.cycleAdministered(ctx, tx, c.ID, admin)
		if err != nil {
			return err
		}
		if !old.ClosedAt.IsZero() {
			return apperr.New(apperr.ECONFLICT, "err.cycle.closed_unchangeable", old.Name)
		}
		if err := s.checkCycle(ctx, tx, c, admin); err != nil {
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
		diff(changes, "sources", sourceList(old), sourceList(c))
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
		if !c.ClosedAt.IsZero() {
			return apperr.New(apperr.ECONFLICT, "err.cycle.cycle_closed", c.Name)
		}
		now := s.Now().Unix()
		if _, err := tx.ExecContext(ctx, `UPDATE assessment_cycle SET closed_at = $1, updated_at = $1 WHERE id = $2`, now, id); err != nil {
			return fmt.Errorf("store: close cycle %d: %w", id, err)
		}
		return s.audit(ctx, tx, a, "cycle.close", "assessment_cycle", id, map[string]any{
			"name": c.Name, "closes_on": c.ClosesOn, "closed_on": CycleToday(s.Now())})
	})
}

// Cycle loads one cycle.
func (s *Store) Cycle(ctx context.Context, id int64) (*Cycle, error) {
	var c Cycle
	if err := scanCycle(s.db.QueryRowContext(ctx, `SELECT `+cycleCols+cycleFrom+` WHERE c.id = $1`, id), &c); err != nil {
		return nil, notFound(err, "err.cycle.cycle_not_found", id)
	}
	return &c, nil
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
	cond := "FALSE"
	switch {
	case f.Scope.All:
		cond = "TRUE"
	case len(f.Scope.UnitPaths) > 0:
		var or []string
		for _, p := range f.Scope.UnitPaths {
			or = append(or, pathRange("su.path", p, &a))
		}
		cond = "(" + strings.Join(or, " OR ") + ")"
	}
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
func (s *Store) CycleProgressOf(ctx context.Context, c *Cycle) (CycleProgress, error) {
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
	people, err := s.db.QueryContext(ctx, `SELECT c.id, (SELECT COUNT(*) FROM org_unit d JOIN employee e ON e.unit_id = d.id
			WHERE e.status = 'aktif' AND d.path >= COALESCE(su.path, '/')
			AND d.path < SUBSTR(COALESCE(su.path, '/'), 1, LENGTH(COALESCE(su.path, '/')) - 1) || '0')
		FROM assessment_cycle c LEFT JOIN org_unit su ON su.id = c.scope_unit_id WHERE c.id IN (`+in+`)`, a...)
	if err != nil {
		return fmt.Errorf("store: cycle people: %w", err)
	}
	for people.Next() {
		var id int64
		var n int
		if err := people.Scan(&id, &n); err != nil {
			people.Close()
			return err
		}
		at[id].People = n
	}
	people.Close()
	if err := people.Err(); err != nil {
		return err
	}
	done, err := s.db.QueryContext(ctx, `SELECT cycle_id, source, COUNT(DISTINCT employee_id) FROM rating
		WHERE cycle_id IN (`+in+`) AND source IN ('self', 'supervisor') GROUP BY cycle_id, source`, a...)
	if err != nil {
		return fmt.Errorf("store: cycle ratings: %w", err)
	}
	for done.Next() {
		var id int64
		var src string
		var n int
		if err := done.Scan(&id, &src, &n); err != nil {
			done.Close()
			return err
		}
		if src == string(assess.SourceSelf) {
			at[id].SelfDone = n
		} else {
			at[id].SupervisorDone = n
		}
	}
	done.Close()
	if err := done.Err(); err != nil {
		return err
	}
	minPeers := a.add(assess.DefaultRule().MinPeers)
	peers, err := s.db.QueryContext(ctx, `SELECT x.cycle_id, COUNT(*), COALESCE(SUM(CASE WHEN x.n >= `+minPeers+` THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(x.n), 0) FROM (SELECT cycle_id, employee_id, COUNT(DISTINCT rater_id) AS n FROM rating
		WHERE cycle_id IN (`+in+`) AND source = 'peer' GROUP BY cycle_id, employee_id) x GROUP BY x.cycle_id`, a...)
	if err != nil {
		return fmt.Errorf("store: cycle peers: %w", err)
	}
	defer peers.Close()
	for peers.Next() {
		var id int64
		var p CycleProgress
		if err := peers.Scan(&id, &p.PeerRated, &p.PeerEnough, &p.PeerRatings); err != nil {
			return err
		}
		at[id].PeerRated, at[id].PeerEnough, at[id].PeerRatings = p.PeerRated, p.PeerEnough, p.PeerRatings
	}
	return peers.Err()
}

// CycleUnits returns the progress of a cycle per direct child unit of its
// scope unit (each with its subtree), and first the scope unit's own
// employees when it has any, attributing each employee to the unit they
// are in now. It reads the cycle's snapshot (cycleStats); countUnits takes
// it.
func (s *Store) CycleUnits(ctx context.Context, c *Cycle) ([]CycleUnitProgress, error) {
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
func (s *Store) countUnits(ctx context.Context, c *Cycle) ([]CycleUnitProgress, error) {
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
	units, err := s.db.QueryContext(ctx, `SELECT id, path FROM org_unit WHERE path >= $1 AND path < $2`, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("store: cycle units: %w", err)
	}
	for units.Next() {
		var id int64
		var path string
		if err := units.Scan(&id, &path); err != nil {
			units.Close()
			return nil, err
		}
		if p := slot(path); p != nil {
			slots[id] = p
		}
	}
	units.Close()
	if err := units.Err(); err != nil {
		return nil, err
	}
	people, err := s.db.QueryContext(ctx, `SELECT u.id, COUNT(*) FROM org_unit u JOIN employee e ON e.unit_id = u.id
		WHERE e.status = 'aktif' AND u.path >= $1 AND u.path < $2 GROUP BY u.id`, lo, hi)
	if err != nil {
		return nil, fmt.Errorf("store: cycle unit people: %w", err)
	}
	for people.Next() {
		var id int64
		var n int
		if err := people.Scan(&id, &n); err != nil {
			people.Close()
			return nil, err
		}
		if p := slots[id]; p != nil {
			p.People += n
		}
	}
	people.Close()
	if err := people.Err(); err != nil {
		return nil, err
	}
	done, err := s.db.QueryContext(ctx, `SELECT e.unit_id, x.source, COUNT(*) FROM (SELECT DISTINCT source, employee_id FROM rating
		WHERE cycle_id = $1 AND source IN ('self', 'supervisor')) x JOIN employee e ON e.id = x.employee_id GROUP BY e.unit_id, x.source`, c.ID)
	if err != nil {
		return nil, fmt.Errorf("store: cycle unit ratings: %w", err)
	}
	for done.Next() {
		var id int64
		var src string
		var n int
		if err := done.Scan(&id, &src, &n); err != nil {
			done.Close()
			return nil, err
		}
		if p := slots[id]; p != nil {
			if src == string(assess.SourceSelf) {
				p.SelfDone += n
			} else {
				p.SupervisorDone += n
			}
		}
	}
	done.Close()
	if err := done.Err(); err != nil {
		return nil, err
	}
	peers, err := s.db.QueryContext(ctx, `SELECT e.unit_id, COUNT(*), COALESCE(SUM(CASE WHEN x.n >= $2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(x.n), 0)
		FROM (SELECT employee_id, COUNT(DISTINCT rater_id) AS n FROM rating WHERE cycle_id = $1 AND source = 'peer' GROUP BY employee_id) x
		JOIN employee e ON e.id = x.employee_id GROUP BY e.unit_id`, c.ID, assess.DefaultRule().MinPeers)
	if err != nil {
		return nil, fmt.Errorf("store: cycle unit peers: %w", err)
	}
	defer peers.Close()
	for peers.Next() {
		var id int64
		var q CycleProgress
		if err := peers.Scan(&id, &q.PeerRated, &q.PeerEnough, &q.PeerRatings); err != nil {
			return nil, err
		}
		if p := slots[id]; p != nil {
			p.PeerRated += q.PeerRated
			p.PeerEnough += q.PeerEnough
			p.PeerRatings += q.PeerRatings
		}
	}
	if err := peers.Err(); err != nil {
		return nil, err
	}
	if out[0].Progress == (CycleProgress{}) {
		out = out[1:]
	}
	return out, nil
}

// openCycles returns the cycles open on date today, narrowest scope first,
// then the one opened last.
func openCycles(ctx context.Context, q queryer, today string) ([]Cycle, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+cycleCols+cycleFrom+` WHERE c.closed_at IS NULL AND c.closes_on >= $1 AND c.opens_on <= $1
		ORDER BY LENGTH(COALESCE(su.path, '')) DESC, c.opens_on DESC, c.id DESC`, today)
	if err != nil {
		return nil, fmt.Errorf("store: open cycles: %w", err)
	}
	defer rows.Close()
	var out []Cycle
	for rows.Next() {
		var c Cycle
		if err := scanCycle(rows, &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// unitPathOf returns the path of an employee's unit.
func unitPathOf(ctx context.Context, q queryer, employeeID int64) (string, error) {
	var path string
	err := q.QueryRowContext(ctx, `SELECT u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`, employeeID).Scan(&path)
	return path, notFound(err, "err.common.employee_not_found", employeeID)
}

// OpenCyclesFor returns the cycles open today for employee employeeID (its
// scope includes the employee's unit), in the order AddRating prefers them.
func (s *Store) OpenCyclesFor(ctx context.Context, employeeID int64) ([]Cycle, error) {
	path, err := unitPathOf(ctx, s.db, employeeID)
	if err != nil {
		return nil, err
	}
	all, err := openCycles(ctx, s.db, CycleToday(s.Now()))
	if err != nil {
		return nil, err
	}
	var out []Cycle
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
	cyclic := false
	for _, src := range CycleSources {
		cyclic = cyclic || src == r.Source
	}
	if !cyclic && explicit == 0 {
		return nil
	}
	path, err := unitPathOf(ctx, q, r.EmployeeID)
	if err != nil {
		return err
	}
	open, err := openCycles(ctx, q, CycleToday(r.At))
	if err != nil {
		return err
	}
	for _, c := range open {
		if !c.Includes(path) || !c.Opens(r.Source) {
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

// Cycle progress snapshots. Counting a cycle's progress reads its scope's
// people and its ratings: nothing for a unit's cycle, ≈ 1 s for a
// whole-government cycle at a million employees, too much for every view of
// /siklus (up to 25 cycles) and /siklus/{id}. So each count (a cycle's
// totals, and its per-unit table) is kept per Store as a snapshot stamped
// with the newest audit and rating IDs (needsStamp: every store write
// writes an audit row, bulk rating loads move the rating ID). The rule:
//
//   - A snapshot whose stamp still matches is current: served as it is for
//     cycleMaxAge (then taken again, for the writes no stamp sees).
//   - When the data moved, a small cycle (fewer than cycleBigPeople people
//     in scope, the home page's threshold) is counted again at once: users
//     of a unit's cycle see their ratings at the next view.
//   - A big cycle is served from its snapshot, marked with the time it was
//     taken (CycleProgress.AsOf, shown as "per HH.MM"), while one recount
//     runs in the background, at most one per cycleRefreshEvery × the time
//     the last one took (at least cycleMinInterval), so that a cycle whose
//     ratings move all day costs at most about a tenth of a core; only a
//     snapshot older than cycleMaxStale is recounted on the request path.
//
// A view so costs two index seeks (the stamp) and a map lookup per cycle,
// except the first view of a cycle after start.
var cycleBigPeople = 20000 // a variable so that tests can make a small cycle big

const (
	cycleMaxAge       = 5 * time.Minute
	cycleMaxStale     = 15 * time.Minute
	cycleRefreshEvery = 10
	cycleMinInterval  = 30 * time.Second
)

// cycleKey names a snapshot: a cycle's totals, or its per-unit table.
type cycleKey struct {
	id    int64
	units bool
}

// cycleSnap is one snapshot; read-only once stored.
type cycleSnap struct {
	at     time.Time
	took   time.Duration
	stamp  needsStamp
	people int // people in scope, which decides small or big
	prog   CycleProgress
	units  []CycleUnitProgress
	asOf   time.Time // set on the copy handed out when it may lag
}

// cycleCache holds a Store's snapshots; counts are single-flight per key.
type cycleCache struct {
	mu       sync.Mutex
	snaps    map[cycleKey]*cycleSnap
	building map[cycleKey]chan struct{}
}

var cycleCaches sync.Map // weak.Pointer[Store] → *cycleCache

func (s *Store) cycleCache() *cycleCache {
	k := weak.Make(s)
	if c, ok := cycleCaches.Load(k); ok {
		return c.(*cycleCache)
	}
	c, loaded := cycleCaches.LoadOrStore(k, &cycleCache{snaps: map[cycleKey]*cycleSnap{}, building: map[cycleKey]chan struct{}{}})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) { cycleCaches.Delete(k) }, k)
	}
	return c.(*cycleCache)
}

// cycleStats returns the snapshot of key under the rule above, counting it
// with count when it must. stamp is the current fingerprint.
func (s *Store) cycleStats(ctx context.Context, key cycleKey, stamp needsStamp, count func(context.Context) (*cycleSnap, error)) (cycleSnap, error) {
	c := s.cycleCache()
	for {
		c.mu.Lock()
		snap, building := c.snaps[key], c.building[key]
		if snap != nil {
			age := time.Since(snap.at)
			if snap.stamp.covers(stamp) && age < cycleMaxAge {
				c.mu.Unlock()
				return *snap, nil
			}
			if snap.people >= cycleBigPeople && age < cycleMaxStale {
				if building == nil && age >= max(cycleMinInterval, cycleRefreshEvery*snap.took) {
					done := make(chan struct{})
					c.building[key] = done
					go func() {
						bctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
						defer cancel()
						s.recountCycle(bctx, c, key, count, done)
					}()
				}
				c.mu.Unlock()
				out := *snap
				out.asOf = snap.at
				return out, nil
			}
		}
		if building == nil {
			done := make(chan struct{})
			c.building[key] = done
			c.mu.Unlock()
			if err := s.recountCycle(ctx, c, key, count, done); err != nil {
				return cycleSnap{}, err
			}
			continue
		}
		c.mu.Unlock()
		select {
		case <-building:
		case <-ctx.Done():
			return cycleSnap{}, ctx.Err()
		}
	}
}

// recountCycle takes a snapshot of key into c and closes done. The stamp is
// read first, so a write racing the count leaves an older stamp and the
// next view counts again. Snapshots untouched for cycleMaxStale are dropped.
func (s *Store) recountCycle(ctx context.Context, c *cycleCache, key cycleKey, count func(context.Context) (*cycleSnap, error), done chan struct{}) error {
	start := time.Now()
	stamp, err := s.needsStampNow(ctx)
	var snap *cycleSnap
	if err == nil {
		snap, err = count(ctx)
	}
	c.mu.Lock()
	if err == nil {
		snap.stamp, snap.at, snap.took = stamp, time.Now(), time.Since(start)
		for k, old := range c.snaps {
			if time.Since(old.at) > cycleMaxStale {
				delete(c.snaps, k)
			}
		}
		c.snaps[key] = snap
	}
	delete(c.building, key)
	c.mu.Unlock()
	close(done)
	return err
}

// forgetCycle drops the snapshots of cycle id kept by this Store.
func (s *Store) forgetCycle(id int64) {
	c := s.cycleCache()
	c.mu.Lock()
	delete(c.snaps, cycleKey{id: id})
	delete(c.snaps, cycleKey{id: id, units: true})
	c.mu.Unlock()
}
