package auth

import (
	"context"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/store"
)

// PrincipalTTL is how long a cached principal may serve requests. Within
// one process a write through the Store ends every cached principal at
// once (Store.Writes); a change made on another app node (an account
// deactivated, a role or password changed, a head replaced) is seen here
// within this time.
const PrincipalTTL = 2 * time.Second

// principalCacheMax bounds the cache; when full it starts over.
const principalCacheMax = 10000

// PrincipalCache remembers the principals of recent requests. Every page
// and API call needs its caller's account and scope (one to three queries);
// a signed-in person's requests come in bursts, so most of those queries
// would return what the previous request just read. Entries are keyed by
// what identifies the caller (a user id for a session, a token hash for
// the API) and must not be modified by callers.
type PrincipalCache struct {
	m *cache.Cache[string, *Principal]
}

// NewPrincipalCache returns an empty cache over st.
func NewPrincipalCache(st *store.Store) *PrincipalCache {
	return &PrincipalCache{m: cache.New[string, *Principal](cache.Options{Name: "principals", TTL: PrincipalTTL, Max: principalCacheMax, Gen: st.Writes})}
}

// Get returns the principal cached under key if it is still fresh, else
// calls load and caches what it returns. Errors are not cached.
func (c *PrincipalCache) Get(ctx context.Context, key string, load func(ctx context.Context) (*Principal, error)) (*Principal, error) {
	if p, ok := c.m.Get(key); ok {
		return p, nil
	}
	gen := c.m.Gen()
	p, err := load(ctx)
	if err != nil || p == nil {
		return p, err
	}
	c.m.PutAt(gen, key, p)
	return p, nil
}
