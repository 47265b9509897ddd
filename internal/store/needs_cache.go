package store

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"
	"weak"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// needsSnapshot is the per-unit aggregate every needs analysis is summed
// from: per unit with active employees and per competency of their
// standards, the counts of needAgg; plus the unit tree and the competency
// names. It is read-only once built and shared by concurrent requests.
type needsSnapshot struct {
	at        time.Time
	took      time.Duration
	stamp     needsStamp
	units     map[int64]*model.OrgUnit
	children  map[int64][]int64 // parent ID (0: roots) → children, by kind and name
	byUnit    map[int64]map[int64]*needAgg
	empByUnit map[int64]int
	jpmByUnit map[int64][4]int // employees of empByUnit by gap.MappingCategory of their JPM
	comps     map[int64]needComp
}

type needComp struct{ code, name, group string }

// needsStamp fingerprints the data an analysis depends on. Every store write
// writes its audit_log row in the same transaction, so the newest audit ID
// changes whenever a rating, standard, position, employee or unit changes;
// the newest rating ID covers bulk rating loads. Both are one index seek.
// RecomputeAll (the CLI's gaps recompute) writes no audit row; snapshots
// are therefore also renewed after needsMaxAge.
type needsStamp struct{ audit, rating int64 }

// covers reports whether a snapshot stamped st includes every write of o (a
// snapshot built after o was read has a stamp at least as new).
func (st needsStamp) covers(o needsStamp) bool { return st.audit >= o.audit && st.rating >= o.rating }

// Snapshot policy: a snapshot matching the stamp is used for needsMaxAge.
// When the data changed, a snapshot that took less than needsSyncLimit to
// build (every small and mid-sized pemda) is rebuilt at once, so users see
// their changes; a larger one is served as it is (marked Stale) while one
// rebuild runs in the background, unless it is older than needsMaxStale.
const (
	needsMaxAge    = 5 * time.Minute
	needsSyncLimit = 150 * time.Millisecond
	needsMaxStale  = 10 * time.Minute
)

// needsCache holds a store's current snapshot; build is single-flight.
type needsCache struct {
	mu       sync.Mutex
	snap     *needsSnapshot
	building chan struct{} // closed when the running build ends; nil when none runs
}

// needsCaches maps each open Store (weakly, so a closed and dropped store
// is forgotten) to its cache.
var needsCaches sync.Map // weak.Pointer[Store] → *needsCache

func (s *Store) needsCache() *needsCache {
	k := weak.Make(s)
	if c, ok := needsCaches.Load(k); ok {
		return c.(*needsCache)
	}
	c, loaded := needsCaches.LoadOrStore(k, &needsCache{})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) { needsCaches.Delete(k) }, k)
	}
	return c.(*needsCache)
}

// stampQuery reads the fingerprint: two index seeks.
const stampQuery = `SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_log), (SELECT COALESCE(MAX(id), 0) FROM rating)`

// needsStampNow reads the current fingerprint.
func (s *Store) needsStampNow(ctx context.Context) (needsStamp, error) {
	var st needsStamp
	err := s.queryRow(ctx, stampQuery).Scan(&st.audit, &st.rating)
	return st, err
}

// stampOf reads the fingerprint through q (inside a transaction: as that
// transaction sees it).
func stampOf(ctx context.Context, q queryer) (needsStamp, error) {
	var st needsStamp
	err := q.QueryRowContext(ctx, stampQuery).Scan(&st.audit, &st.rating)
	return st, err
}

// needsSnapshot returns a snapshot to sum an analysis from (see the policy
// above) and whether it is stale.
func (s *Store) needsSnapshot(ctx context.Context) (*needsSnapshot, bool, error) {
	c := s.needsCache()
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: needs stamp: %w", err)
	}
	for {
		c.mu.Lock()
		snap, building := c.snap, c.building
		if snap != nil && snap.stamp.covers(stamp) && time.Since(snap.at) < needsMaxAge {
			c.mu.Unlock()
			return snap, false, nil
		}
		serveStale := snap != nil && snap.took >= needsSyncLimit && time.Since(snap.at) < needsMaxStale
		if building == nil {
			done := make(chan struct{})
			c.building = done
			c.mu.Unlock()
			if serveStale {
				go func() {
					bctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
					defer cancel()
					s.rebuildNeeds(bctx, c, done)
				}()
				return snap, true, nil
			}
			if err := s.rebuildNeeds(ctx, c, done); err != nil {
				return nil, false, err
			}
			continue
		}
		c.mu.Unlock()
		if serveStale {
			return snap, true, nil
		}
		select {
		case <-building:
		case <-ctx.Done():
			return nil, false, ctx.Err()
		}
	}
}

// rebuildNeeds builds a snapshot into c and closes done.
func (s *Store) rebuildNeeds(ctx context.Context, c *needsCache, done chan struct{}) error {
	snap, err := s.buildNeedsSnapshot(ctx)
	c.mu.Lock()
	if err == nil {
		c.snap = snap
	}
	c.building = nil
	c.mu.Unlock()
	close(done)
	return err
}

// buildNeedsSnapshot reads the stamp first (so a write racing the build
// leaves an older stamp and triggers another build), then the units, the
// competencies, the employees per unit and the per-(unit, competency)
// aggregate: one set-based GROUP BY over employee → current standard →
// items → current level.
func (s *Store) buildNeedsSnapshot(ctx context.Context) (*needsSnapshot, error) {
	start := time.Now()
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: needs stamp: %w", err)
	}
	snap := &needsSnapshot{stamp: stamp, units: map[int64]*model.OrgUnit{}, children: map[int64][]int64{},
		byUnit: map[int64]map[int64]*needAgg{}, empByUnit: map[int64]int{}, jpmByUnit: map[int64][4]int{}, comps: map[int64]needComp{}}
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(units, func(a, b model.OrgUnit) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for i := range units {
		u := &units[i]
		snap.units[u.ID] = u
		snap.children[u.ParentID] = append(snap.children[u.ParentID], u.ID)
	}
	// The employees per unit, split by the mapping category of their JPM
	// (the JPM distribution chart of the analysis), in the same pass.
	rows, err := s.db.QueryContext(ctx, `SELECT e.unit_id, COALESCE(j.mapping, ''), COUNT(*) FROM employee e
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		LEFT JOIN employee_jpm j ON j.employee_id = e.id
		WHERE e.status = 'aktif' GROUP BY e.unit_id, j.mapping`)
	if err != nil {
		return nil, fmt.Errorf("store: needs employees: %w", err)
	}
	for rows.Next() {
		var uid int64
		var mapping string
		var n int
		if err := rows.Scan(&uid, &mapping, &n); err != nil {
			rows.Close()
			return nil, err
		}
		snap.empByUnit[uid] += n
		jpm := snap.jpmByUnit[uid]
		jpm[mappingCategory(mapping)] += n
		snap.jpmByUnit[uid] = jpm
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.db.QueryContext(ctx, `SELECT e.unit_id, i.competency_id, COUNT(*), COUNT(l.level),
			SUM(CASE WHEN l.level < i.required THEN 1 ELSE 0 END),
			SUM(CASE WHEN l.level < i.required THEN i.required - l.level ELSE 0 END),
			SUM(CASE WHEN l.level < i.required THEN (i.required - l.level) * i.weight ELSE 0 END)
		FROM employee e
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item i ON i.standard_id = ps.id
		LEFT JOIN current_level l ON l.employee_id = e.id AND l.competency_id = i.competency_id
		WHERE e.status = 'aktif'
		GROUP BY e.unit_id, i.competency_id`)
	if err != nil {
		return nil, fmt.Errorf("store: needs aggregate: %w", err)
	}
	for rows.Next() {
		var uid, cid int64
		var a needAgg
		if err := rows.Scan(&uid, &cid, &a.required, &a.assessed, &a.short, &a.shortfall, &a.weighted); err != nil {
			rows.Close()
			return nil, err
		}
		m := snap.byUnit[uid]
		if m == nil {
			m = map[int64]*needAgg{}
			snap.byUnit[uid] = m
		}
		m[cid] = &a
		snap.comps[cid] = needComp{}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(snap.comps) > 0 {
		rows, err = s.db.QueryContext(ctx, `SELECT id, code, name, grp FROM competency WHERE id IN
			(SELECT DISTINCT i.competency_id FROM standard_item i JOIN position_standard ps ON ps.id = i.standard_id WHERE ps.is_current = TRUE)`)
		if err != nil {
			return nil, fmt.Errorf("store: needs competencies: %w", err)
		}
		for rows.Next() {
			var id int64
			var c needComp
			if err := rows.Scan(&id, &c.code, &c.name, &c.group); err != nil {
				rows.Close()
				return nil, err
			}
			if _, ok := snap.comps[id]; ok {
				snap.comps[id] = c
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	snap.at = time.Now()
	snap.took = snap.at.Sub(start)
	return snap, nil
}

// mappingCategory reads the category code employee_jpm stores
// (gap.MappingCategory.String); anything else is MappingUnknown.
func mappingCategory(code string) gap.MappingCategory {
	for _, c := range []gap.MappingCategory{gap.KurangOptimal, gap.CukupOptimal, gap.Optimal} {
		if c.String() == code {
			return c
		}
	}
	return gap.MappingUnknown
}

// childrenOf returns the children of unit id (0: the roots) in order.
func (snap *needsSnapshot) childrenOf(id int64) []model.OrgUnit {
	var out []model.OrgUnit
	for _, c := range snap.children[id] {
		out = append(out, *snap.units[c])
	}
	return out
}
