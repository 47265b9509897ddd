package store

import (
	"context"
	"fmt"
	"time"
	"unsafe"

	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/needs"
)

// needsSnapshot is the needs.Tree every needs analysis is summed from,
// with when and at what cost it was built. It is read-only once built and
// shared by concurrent requests.
type needsSnapshot struct {
	*needs.Tree
	at     time.Time
	took   time.Duration
	stamp  needsStamp
	people int // active employees counted
	year   int // the SKP year whose predikat the tallies count (needs.Tally.Perf)
}

// storedMappings reads the stored JPM category of the employees with IDs in
// [lo, hi), in ID order, into dst, with their SKP predikat of year on the
// 9-box performance axis (the performance source of AKPK, counted in the
// same pass so that no request aggregates the SKP of a subtree).
func storedMappings(ctx context.Context, q queryer, lo, hi int64, year int, dst []storedMapping) ([]storedMapping, error) {
	dst = dst[:0]
	var code, pred []byte
	var m storedMapping
	if err := eachRow(ctx, q, `SELECT j.employee_id, j.mapping, COALESCE(p.predikat, '') FROM employee_jpm j
		LEFT JOIN performance_rating p ON p.employee_id = j.employee_id AND p.year = $3
		WHERE j.employee_id >= $1 AND j.employee_id < $2
		ORDER BY j.employee_id`, []any{lo, hi, year}, []any{&m.id, &code, &pred}, func() {
		m.cat = gap.ParseMapping(string(code))
		m.perf, _ = gap.PerformanceFromPredikat(string(pred))
		dst = append(dst, m)
	}); err != nil {
		return nil, fmt.Errorf("store: needs jpm: %w", err)
	}
	return dst, nil
}

type storedMapping struct {
	id   int64
	cat  gap.MappingCategory
	perf gap.Performance
}

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
// When the data changed, a snapshot of fewer than needsStaleMinPeople
// employees, or one that took less than needsSyncLimit to build (every small
// and mid-sized pemda), is rebuilt at once, so users see their changes; a
// larger one is served as it is (marked Stale) while one
// rebuild runs in the background — at most one every needsRebuildEvery ×
// its build time (at least needsMinInterval), so that a city whose ratings
// move all day spends at most about a tenth of a core on rebuilding — and
// only a snapshot older than needsMaxStale is rebuilt on the request path.
const (
	needsMaxAge    = 5 * time.Minute
	needsSyncLimit = 150 * time.Millisecond
	// needsStaleMinPeople: below it a snapshot is always rebuilt at once,
	// however long a build took on a busy machine (a city of 13,000 builds
	// in well under a second); the build time alone made small registries
	// show stale figures on a loaded host.
	needsStaleMinPeople = 50_000
	needsMaxStale       = 10 * time.Minute
	needsRebuildEvery   = 10
	needsMinInterval    = 30 * time.Second
)

// needsKey is the one key of a Store's needs cache (Store.needs, an
// internal/cache.Cache: a field, so it lives and dies with the Store; its
// Claim makes builds single-flight).
type needsKey struct{}

func newNeedsCache() *cache.Cache[needsKey, *needsSnapshot] {
	return cache.New[needsKey, *needsSnapshot](cache.Options{Name: "needs"})
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
	c := s.needs
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return nil, false, fmt.Errorf("store: needs stamp: %w", err)
	}
	current := func(snap *needsSnapshot) bool {
		return snap != nil && snap.stamp.covers(stamp) && time.Since(snap.at) < needsMaxAge
	}
	for {
		snap, _ := c.Get(needsKey{})
		if current(snap) {
			return snap, false, nil
		}
		serveStale := snap != nil && snap.took >= needsSyncLimit && snap.people >= needsStaleMinPeople &&
			time.Since(snap.at) < needsMaxStale
		if serveStale && !c.Building(needsKey{}) && time.Since(snap.at) < max(needsMinInterval, needsRebuildEvery*snap.took) {
			return snap, true, nil // changed, but rebuilt too recently to rebuild again
		}
		done, running := c.Claim(needsKey{})
		if done != nil {
			if again, _ := c.Get(needsKey{}); again != snap && current(again) { // built meanwhile
				done()
				return again, false, nil
			}
			if serveStale {
				go func() {
					bctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
					defer cancel()
					_, _ = s.rebuildNeeds(bctx, done, true)
				}()
				return snap, true, nil
			}
			snap, err := s.rebuildNeeds(ctx, done, false)
			if err != nil {
				return nil, false, err
			}
			return snap, false, nil // stamped after stamp was read: it covers it
		}
		if serveStale {
			return snap, true, nil
		}
		select {
		case <-running:
		case <-ctx.Done():
			return nil, false, ctx.Err()
		}
	}
}

// NeedsMemory estimates the bytes the needs cache holds now: per unit, its
// own and its subtree's counts for every competency column, plus the unit
// itself. The server adds it to its memory budget (see cli.tuneGC): at a
// million employees it is of the order of 100 MB.
func (s *Store) NeedsMemory() int64 {
	snap, _ := s.needs.Get(needsKey{})
	if snap == nil {
		return 0
	}
	per := int64(unsafe.Sizeof(needs.Tally{})) + int64(len(snap.Cols.IDs))*int64(unsafe.Sizeof(needs.Agg{})) + 48 // + map entry
	return int64(len(snap.Own)+len(snap.Sub))*per + int64(len(snap.Units))*256
}

// rebuildNeeds builds a snapshot into the cache and calls done (the end
// of the claimed build); background builds are throttled (see
// buildNeedsSnapshot).
func (s *Store) rebuildNeeds(ctx context.Context, done func(), background bool) (*needsSnapshot, error) {
	defer done()
	start := time.Now()
	snap, err := s.buildNeedsSnapshot(ctx, background)
	if s.observeWork != nil {
		s.observeWork("needs_snapshot", time.Since(start), err)
	}
	if err != nil {
		return nil, err
	}
	s.needs.Put(needsKey{}, snap)
	return snap, nil
}

// buildNeedsSnapshot reads the stamp first (so a write racing the build
// leaves an older stamp and triggers another build), then the units, and
// sums the needs per unit in one pass over every employee with the
// machinery of ComputeAllJPM (standards once, interned; levels folded per
// employee in key order; chunks on parallel readers), instead of joining
// employee → standard → items → current level in SQL: at a million
// employees the pass is several times cheaper. Sub-tree sums are then
// rolled up the tree once, so that no request walks it. A background build
// (stale numbers are being served meanwhile) uses one worker and rests as
// long as each chunk took, so that it takes at most about half of one core
// from the requests.
func (s *Store) buildNeedsSnapshot(ctx context.Context, background bool) (*needsSnapshot, error) {
	start := time.Now()
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: needs stamp: %w", err)
	}
	units, err := s.Units(ctx)
	if err != nil {
		return nil, err
	}
	snap := &needsSnapshot{stamp: stamp, Tree: needs.NewTree(units), year: gap.TalentYears(s.Now())[1]}
	workers := JPMWorkers()
	if background {
		workers = 1
	}
	plan, err := s.jpmStandards(ctx, s.db, workers)
	if err != nil {
		return nil, err
	}
	for _, st := range plan.stds {
		for _, r := range st.reqs {
			snap.AddColumn(r.CompetencyID)
		}
	}
	slot, k := snap.Slots(), len(snap.Cols.IDs)
	var rested time.Duration // one worker in the background: no race
	work := func(ctx context.Context, plan *jpmPlan, c *jpmChunk, buf *jpmScratch) error {
		if background {
			defer func(t0 time.Time) {
				d := time.Since(t0)
				select {
				case <-time.After(d):
				case <-ctx.Done():
				}
				rested += d
			}(time.Now())
		}
		c.needs = map[int64]*needs.Tally{}
		maps, err := storedMappings(ctx, s.db, c.lo, c.hi, snap.year, nil)
		if err != nil {
			return err
		}
		next := 0
		return s.scanChunk(ctx, s.db, plan, c.lo, c.hi, true, buf, func(e *jpmEmp, lv []int) {
			for next < len(maps) && maps[next].id < e.id {
				next++
			}
			if !e.active {
				return
			}
			u := c.needs[e.unit]
			if u == nil {
				u = needs.NewTally(k)
				c.needs[e.unit] = u
			}
			cat, perf := gap.MappingUnknown, gap.PerformanceUnknown
			if next < len(maps) && maps[next].id == e.id {
				cat, perf = maps[next].cat, maps[next].perf
			}
			u.AddEmployee(cat, e.std.reqs, lv, slot)
			u.Perf[perf]++
		})
	}
	err = s.jpmChunks(ctx, workers, plan, false, work, func(c *jpmChunk) error {
		snap.AddOwn(c.needs)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Every unit's subtree total, rolled up the tree once.
	snap.RollUp()
	if k > 0 {
		var id int64
		var c needs.Competency
		if err := eachRow(ctx, s.db, `SELECT id, code, name, grp FROM competency`, nil, []any{&id, &c.Code, &c.Name, &c.Group}, func() {
			if snap.HasColumn(id) {
				snap.Cols.Names[id] = c
			}
		}); err != nil {
			return nil, fmt.Errorf("store: needs competencies: %w", err)
		}
	}
	snap.at = time.Now()
	snap.took = snap.at.Sub(start) - rested // the work, not the rests: the policy's measure of cost
	snap.people = snap.People()
	return snap, nil
}
