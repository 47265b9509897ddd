package store

import (
	"context"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
)

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

// newCycleCache returns a Store's cycle snapshots (Store.cycles, a field,
// so they live and die with the Store; Claim makes counts single-flight per
// key). A snapshot older than cycleMaxStale is never served, and goes.
func newCycleCache() *cache.Cache[cycleKey, *cycleSnap] {
	return cache.New[cycleKey, *cycleSnap](cache.Options{Name: "cycles", TTL: cycleMaxStale})
}

// cycleStats returns the snapshot of key under the rule above, counting it
// with count when it must. stamp is the current fingerprint.
func (s *Store) cycleStats(ctx context.Context, key cycleKey, stamp needsStamp, count func(context.Context) (*cycleSnap, error)) (cycleSnap, error) {
	c := s.cycles
	current := func(snap *cycleSnap) bool {
		return snap != nil && snap.stamp.covers(stamp) && time.Since(snap.at) < cycleMaxAge
	}
	for {
		snap, _ := c.Get(key)
		if current(snap) {
			return *snap, nil
		}
		if snap != nil && snap.people >= cycleBigPeople { // younger than cycleMaxStale (the cache's TTL)
			if age := time.Since(snap.at); age >= max(cycleMinInterval, cycleRefreshEvery*snap.took) {
				if done, _ := c.Claim(key); done != nil {
					go func() {
						bctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
						defer cancel()
						_, _ = s.recountCycle(bctx, key, count, done)
					}()
				}
			}
			out := *snap
			out.asOf = snap.at
			return out, nil
		}
		done, running := c.Claim(key)
		if done != nil {
			if again, _ := c.Get(key); again != snap && current(again) { // counted meanwhile
				done()
				return *again, nil
			}
			snap, err := s.recountCycle(ctx, key, count, done)
			if err != nil {
				return cycleSnap{}, err
			}
			return *snap, nil // stamped after stamp was read: it covers it
		}
		select {
		case <-running:
		case <-ctx.Done():
			return cycleSnap{}, ctx.Err()
		}
	}
}

// recountCycle takes a snapshot of key into the cache and calls done (the
// end of the claimed count). The stamp is read first, so a write racing the
// count leaves an older stamp and the next view counts again.
func (s *Store) recountCycle(ctx context.Context, key cycleKey, count func(context.Context) (*cycleSnap, error), done func()) (*cycleSnap, error) {
	defer done()
	start := time.Now()
	stamp, err := s.needsStampNow(ctx)
	if err != nil {
		return nil, err
	}
	snap, err := count(ctx)
	if err != nil {
		return nil, err
	}
	snap.stamp, snap.at, snap.took = stamp, time.Now(), time.Since(start)
	s.cycles.Put(key, snap)
	return snap, nil
}

// forgetCycle drops the snapshots of cycle id kept by this Store.
func (s *Store) forgetCycle(id int64) {
	s.cycles.Delete(cycleKey{id: id})
	s.cycles.Delete(cycleKey{id: id, units: true})
}
