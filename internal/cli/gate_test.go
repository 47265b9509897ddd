package cli

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestFairGateOldestFirst: with the one slot taken, waiting requests are
// admitted by the time their connection was last answered, oldest first,
// whatever order they reached the gate in; a request given up while waiting
// takes no slot.
func TestFairGateOldestFirst(t *testing.T) {
	g := newFairGate(http.NotFoundHandler(), 1)
	ctx := context.Background()
	if !g.enter(ctx, 0) {
		t.Fatal("a free slot must be taken at once")
	}
	var mu sync.Mutex
	var order []int64
	var wg sync.WaitGroup
	gone, cancel := context.WithCancel(ctx)
	for _, ticket := range []int64{30, 10, 40, 20} {
		wg.Add(1)
		go func(ticket int64) {
			defer wg.Done()
			c := ctx
			if ticket == 40 {
				c = gone
			}
			if !g.enter(c, ticket) {
				return
			}
			mu.Lock()
			order = append(order, ticket)
			mu.Unlock()
			g.leave()
		}(ticket)
	}
	for { // all four queued
		g.mu.Lock()
		n := len(g.q)
		g.mu.Unlock()
		if n == 4 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	for { // the cancelled one has left the queue
		g.mu.Lock()
		n := len(g.q)
		g.mu.Unlock()
		if n == 3 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	g.leave()
	wg.Wait()
	if len(order) != 3 || order[0] != 10 || order[1] != 20 || order[2] != 30 {
		t.Errorf("admitted %v, want [10 20 30]", order)
	}
	if g.free != 1 || len(g.q) != 0 {
		t.Errorf("after all: %d free, %d queued", g.free, len(g.q))
	}
}

// TestFairGateLimit: no more requests run at once than there are slots.
func TestFairGateLimit(t *testing.T) {
	var running, most atomic.Int32
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := running.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(2 * time.Millisecond)
		running.Add(-1)
	})
	g := newFairGate(h, 3)
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
		}()
	}
	wg.Wait()
	if m := most.Load(); m != 3 {
		t.Errorf("at most %d ran at once, want 3", m)
	}
}

// TestFairGateSlowRequestStepsAside: a request that runs long gives its
// slot up, so a quick one behind it is not held up for the whole time.
func TestFairGateSlowRequestStepsAside(t *testing.T) {
	slowDone := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-slowDone
		}
	})
	g := newFairGate(h, 1)
	go g.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/slow", nil))
	for { // until the slow one holds the slot
		g.mu.Lock()
		busy := g.free == 0
		g.mu.Unlock()
		if busy {
			break
		}
		time.Sleep(time.Millisecond)
	}
	start := time.Now()
	g.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/quick", nil))
	waited := time.Since(start)
	close(slowDone)
	if waited > slowRequest+2*time.Second {
		t.Fatalf("the quick request waited %v behind a slow one", waited)
	}
	free := 0
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		g.mu.Lock()
		free = g.free
		g.mu.Unlock()
		if free != 0 {
			break
		}
	}
	time.Sleep(5 * time.Millisecond) // a second, wrong release would show now
	g.mu.Lock()
	free = g.free
	g.mu.Unlock()
	if free != 1 {
		t.Errorf("after both: %d slots free, want 1 (a slot freed twice or not at all)", free)
	}
}
