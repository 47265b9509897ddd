package store

import (
	"context"
	"sync"
	"time"
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

// cycleCache holds a Store's snapshots; counts are single-flight per key.
type cycleCache struct {
	once     sync.Once
	mu       sync.Mutex
	snaps    map[cycleKey]*cycleSnap
	building map[cycleKey]chan struct{}
}

// cycleCache returns the Store's own cache (a field, so it lives and dies
// with the Store), its maps made on first use.
func (s *Store) cycleCache() *cycleCache {
	c := &s.cycles
	c.once.Do(func() {
		c.snaps, c.building = map[cycleKey]*cycleSnap{}, map[cycleKey]chan struct{}{}
	})
	return c
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
