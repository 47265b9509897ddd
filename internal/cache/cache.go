// Package cache is the one small cache type every cache of the read path is
// built from (docs/ARCHITECTURE.md, "Speed devices"): the list labels, the
// top units of the unit choosers, the decoded sessions, the head counts,
// the rendered heat-map bodies, the needs snapshot and the cycle progress
// snapshots. Each of those is a field of the value that owns it; this
// package holds no state of its own.
//
// A Cache keeps values by key for a while (TTL), bounded in size (Max: when
// full, expired entries go, then everything), and optionally only as long
// as a generation is unchanged (Gen: the Store's write counter, so that a
// write through this process empties it at once). Claim makes builds of a
// key single-flight for the snapshot caches, whose callers keep their own
// stamp-based rules.
//
// Every cache has a Name; naming it in the environment variable
// KOMPETEN_CACHE_OFF (a comma-separated list, or "all") when the cache is
// made turns it into its plain twin: Get always misses and Put keeps
// nothing. The benchmarks use it to measure each device against its twin
// with the same binary (bench/devices.sh).
package cache

import (
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options configure a Cache.
type Options struct {
	// Name names the cache for KOMPETEN_CACHE_OFF.
	Name string
	// TTL is how long an entry may serve after it was put; 0: no limit.
	TTL time.Duration
	// Max bounds the entries; 0: no bound (expired entries are still
	// dropped, at most once per TTL).
	Max int
	// Gen, when set, returns the current generation: an entry serves only
	// while the generation it was put under is current.
	Gen func() uint64
}

// Cache is a concurrency-safe map of values kept for a while. Values are
// handed out as they were put: callers must not modify them (or must put
// and hand out copies).
type Cache[K comparable, V any] struct {
	o       Options
	off     bool
	mu      sync.Mutex
	m       map[K]entry[V]
	swept   time.Time
	flights map[K]chan struct{}
}

type entry[V any] struct {
	v    V
	born time.Time
	gen  uint64
}

// EnvOff is the environment variable that turns named caches off.
const EnvOff = "KOMPETEN_CACHE_OFF"

// New returns an empty cache.
func New[K comparable, V any](o Options) *Cache[K, V] {
	return &Cache[K, V]{o: o, off: Off(o.Name), m: map[K]entry[V]{}, flights: map[K]chan struct{}{}}
}

// Off reports whether KOMPETEN_CACHE_OFF names the cache name (or "all").
func Off(name string) bool {
	list := strings.Split(os.Getenv(EnvOff), ",")
	return slices.Contains(list, "all") || (name != "" && slices.Contains(list, name))
}

// Name returns the cache's name.
func (c *Cache[K, V]) Name() string { return c.o.Name }

// Disabled reports whether KOMPETEN_CACHE_OFF turned the cache off when it
// was made: for a device whose plain twin is another way of reading, not a
// cache that misses.
func (c *Cache[K, V]) Disabled() bool { return c.off }

// Gen returns the current generation (0 without Options.Gen). A caller that
// loads a value outside the cache reads it before loading and hands it to
// PutAt, so that a write racing the load leaves the value unserved.
func (c *Cache[K, V]) Gen() uint64 {
	if c.o.Gen == nil {
		return 0
	}
	return c.o.Gen()
}

// Get returns the value kept under k if it is still fresh.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	var zero V
	if c.off {
		return zero, false
	}
	gen := c.Gen()
	c.mu.Lock()
	e, ok := c.m[k]
	c.mu.Unlock()
	if !ok || e.gen != gen || (c.o.TTL > 0 && time.Since(e.born) >= c.o.TTL) {
		return zero, false
	}
	return e.v, true
}

// Put keeps v under k, under the current generation.
func (c *Cache[K, V]) Put(k K, v V) { c.PutAt(c.Gen(), k, v) }

// PutAt keeps v under k as loaded at generation gen (see Gen).
func (c *Cache[K, V]) PutAt(gen uint64, k K, v V) {
	if c.off || gen != c.Gen() {
		return
	}
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	full := c.o.Max > 0 && len(c.m) >= c.o.Max
	if c.o.TTL > 0 && (full || now.Sub(c.swept) >= c.o.TTL) {
		for k, e := range c.m {
			if now.Sub(e.born) >= c.o.TTL {
				delete(c.m, k)
			}
		}
		c.swept = now
	}
	if c.o.Max > 0 && len(c.m) >= c.o.Max {
		clear(c.m)
	}
	c.m[k] = entry[V]{v: v, born: now, gen: gen}
}

// Delete drops the value kept under k.
func (c *Cache[K, V]) Delete(k K) {
	c.mu.Lock()
	delete(c.m, k)
	c.mu.Unlock()
}

// Len returns the number of entries held, fresh or not (for tests and
// memory estimates).
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}

// Claim makes the caller the one builder of k: it returns done, to call
// when the build has ended (after its Put), and a nil channel. While
// another caller's build of k runs it returns a nil done and a channel
// closed when that build ends. A build that ended between the caller's
// Get and its Claim has already put its value: the claimer looks again
// before building.
func (c *Cache[K, V]) Claim(k K) (done func(), running <-chan struct{}) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if ch, ok := c.flights[k]; ok {
		return nil, ch
	}
	ch := make(chan struct{})
	c.flights[k] = ch
	return func() {
		c.mu.Lock()
		delete(c.flights, k)
		c.mu.Unlock()
		close(ch)
	}, nil
}

// Building reports whether a build of k runs.
func (c *Cache[K, V]) Building(k K) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.flights[k]
	return ok
}
