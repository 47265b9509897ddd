package cli

import (
	"container/heap"
	"context"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// fairGate lets at most n requests work at once and, when more wait, lets
// the one whose connection has waited longest go next.
//
// Why not first come, first served: Go learns of a readable connection in
// batches (on one busy core, every few milliseconds), so requests are read
// in an order unrelated to their arrival, newest often first; with fifty
// clients the slowest request waited twice as long as the median. What
// the server does know is when it last answered on each connection: an
// HTTP/1.1 client sends its next request only after that answer (no
// pipelining), so that time is the earliest the request can have arrived,
// and the time a new connection was accepted is for its first request.
// Serving the oldest of those first is first come, first served as near as
// the server can see it; a connection that was idle long is served before
// a busy one, which is fair too.
type fairGate struct {
	next        http.Handler
	mu          sync.Mutex
	free        int
	q           waiters
	dispatching bool
}

// connClock is kept per connection (see connContext).
type connClock struct{ last atomic.Int64 } // unix nanoseconds

type clockKey struct{}

// connContext records each connection's accept time (http.Server.ConnContext).
func connContext(ctx context.Context, _ net.Conn) context.Context {
	c := &connClock{}
	c.last.Store(time.Now().UnixNano())
	return context.WithValue(ctx, clockKey{}, c)
}

func newFairGate(next http.Handler, n int) *fairGate { return &fairGate{next: next, free: n} }

func (g *fairGate) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	clock, _ := r.Context().Value(clockKey{}).(*connClock)
	ticket := time.Now().UnixNano()
	if clock != nil {
		ticket = clock.last.Load()
	}
	if !g.enter(r.Context(), ticket) {
		return
	}
	// A request still running after slowRequest (a first heat-map of a
	// large city, a long PDF) gives its slot up and goes on outside the
	// limit, so that a few slow requests cannot hold up every quick one.
	var freed atomic.Bool
	free := func() {
		if freed.CompareAndSwap(false, true) {
			g.leave()
		}
	}
	t := time.AfterFunc(slowRequest, free)
	defer func() {
		t.Stop()
		if clock != nil {
			clock.last.Store(time.Now().UnixNano())
		}
		free()
	}()
	g.next.ServeHTTP(w, r)
}

// slowRequest is how long a request may hold a slot (see ServeHTTP): far
// above what a list, a search or a profile takes (a few milliseconds).
const slowRequest = 250 * time.Millisecond

type waiter struct {
	ticket int64
	ready  chan struct{}
	gone   bool // the request was cancelled while waiting
	index  int
}

// enter waits for a slot; false if the request was cancelled first.
func (g *fairGate) enter(ctx context.Context, ticket int64) bool {
	g.mu.Lock()
	if g.free > 0 && len(g.q) == 0 {
		g.free--
		g.mu.Unlock()
		return true
	}
	wt := &waiter{ticket: ticket, ready: make(chan struct{})}
	heap.Push(&g.q, wt)
	g.mu.Unlock()
	select {
	case <-wt.ready:
		return true
	case <-ctx.Done():
		g.mu.Lock()
		defer g.mu.Unlock()
		select {
		case <-wt.ready: // admitted meanwhile: hand the slot on
			g.free++
			g.wake()
		default:
			heap.Remove(&g.q, wt.index)
		}
		return false
	}
}

// leave frees a slot.
func (g *fairGate) leave() {
	g.mu.Lock()
	g.free++
	g.wake()
	g.mu.Unlock()
}

// wake starts a dispatch unless one is under way; callers hold g.mu.
func (g *fairGate) wake() {
	if len(g.q) > 0 && !g.dispatching {
		g.dispatching = true
		go g.dispatch()
	}
}

// dispatch first yields until the queue stops growing, so that requests
// already read but not yet queued (their goroutines are runnable) join it,
// then admits the oldest.
func (g *fairGate) dispatch() {
	// At most a few rounds: under a flood of new connections the queue
	// could keep growing, and admitting someone matters more.
	for n, round := -1, 0; round < 8; round++ {
		g.mu.Lock()
		m := len(g.q)
		g.mu.Unlock()
		if m == n {
			break
		}
		n = m
		runtime.Gosched()
	}
	g.mu.Lock()
	for g.free > 0 && len(g.q) > 0 {
		wt := heap.Pop(&g.q).(*waiter)
		g.free--
		close(wt.ready)
	}
	g.dispatching = false
	g.mu.Unlock()
}

// waiters is a min-heap by ticket.
type waiters []*waiter

func (q waiters) Len() int           { return len(q) }
func (q waiters) Less(i, j int) bool { return q[i].ticket < q[j].ticket }
func (q waiters) Swap(i, j int)      { q[i], q[j] = q[j], q[i]; q[i].index = i; q[j].index = j }
func (q *waiters) Push(x any)        { w := x.(*waiter); w.index = len(*q); *q = append(*q, w) }
func (q *waiters) Pop() any {
	old := *q
	w := old[len(old)-1]
	*q = old[:len(old)-1]
	return w
}
