package cache

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestEntriesExpireAfterTTL(t *testing.T) {
	c := New[string, int](Options{TTL: 30 * time.Millisecond})
	c.Put("a", 1)
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("fresh entry: got %d, %v", v, ok)
	}
	time.Sleep(40 * time.Millisecond)
	if _, ok := c.Get("a"); ok {
		t.Fatal("an entry older than the TTL still serves")
	}
	c.Put("b", 2) // a put after a TTL sweeps the expired entries
	if c.Len() != 1 {
		t.Fatalf("expired entries kept: %d entries", c.Len())
	}
}

func TestNewGenerationEmptiesTheCache(t *testing.T) {
	var writes atomic.Uint64
	c := New[int, string](Options{Gen: writes.Load})
	c.Put(1, "unit")
	if _, ok := c.Get(1); !ok {
		t.Fatal("miss before any write")
	}
	writes.Add(1)
	if _, ok := c.Get(1); ok {
		t.Fatal("an entry from before a write still serves")
	}
}

func TestValueLoadedBeforeAWriteIsNotKept(t *testing.T) {
	var writes atomic.Uint64
	c := New[int, string](Options{Gen: writes.Load})
	gen := c.Gen() // read before loading
	writes.Add(1)  // a write commits while the value is read
	c.PutAt(gen, 1, "old name")
	if _, ok := c.Get(1); ok {
		t.Fatal("a value read before a write serves after it")
	}
	c.PutAt(c.Gen(), 1, "new name")
	if v, ok := c.Get(1); !ok || v != "new name" {
		t.Fatalf("got %q, %v", v, ok)
	}
}

func TestFullCacheStartsOver(t *testing.T) {
	c := New[int, int](Options{Max: 3})
	for i := range 3 {
		c.Put(i, i)
	}
	c.Put(3, 3)
	if c.Len() != 1 {
		t.Fatalf("a full cache holds %d entries after a put, want 1", c.Len())
	}
	if v, ok := c.Get(3); !ok || v != 3 {
		t.Fatal("the newest entry is lost")
	}
}

func TestFullCacheDropsExpiredFirst(t *testing.T) {
	c := New[int, int](Options{Max: 3, TTL: 30 * time.Millisecond})
	c.Put(0, 0)
	time.Sleep(40 * time.Millisecond)
	c.Put(1, 1)
	c.Put(2, 2)
	c.Put(3, 3)
	for _, k := range []int{1, 2, 3} {
		if _, ok := c.Get(k); !ok {
			t.Fatalf("fresh entry %d dropped while an expired one could go", k)
		}
	}
}

func TestDelete(t *testing.T) {
	c := New[string, int](Options{})
	c.Put("a", 1)
	c.Delete("a")
	if _, ok := c.Get("a"); ok {
		t.Fatal("deleted entry serves")
	}
}

func TestOffCacheKeepsNothing(t *testing.T) {
	t.Setenv(EnvOff, "other,labels")
	c := New[int, int](Options{Name: "labels"})
	c.Put(1, 1)
	if _, ok := c.Get(1); ok {
		t.Fatal("a cache named in KOMPETEN_CACHE_OFF serves")
	}
	if d := New[int, int](Options{Name: "counts"}); d.off {
		t.Fatal("a cache not named is off")
	}
	t.Setenv(EnvOff, "all")
	if !Off("counts") {
		t.Fatal(`"all" leaves a cache on`)
	}
}

func TestClaimIsSingleFlight(t *testing.T) {
	c := New[string, int](Options{})
	var builds atomic.Int32
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range 8 {
		wg.Go(func() {
			<-start
			for {
				if _, ok := c.Get("k"); ok {
					return
				}
				done, running := c.Claim("k")
				if done == nil {
					<-running
					continue
				}
				if _, ok := c.Get("k"); ok { // built between Get and Claim
					done()
					return
				}
				builds.Add(1)
				time.Sleep(10 * time.Millisecond)
				c.Put("k", 1)
				done()
			}
		})
	}
	close(start)
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Fatalf("%d builds for one key, want 1", n)
	}
	if c.Building("k") {
		t.Fatal("a finished build is still running")
	}
}
