package web

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// countCache keeps large employee counts for a short while. Counting a big
// subtree costs time in proportion to its employees (on a city of a million
// employees, the whole government takes a good part of a second), and the
// headline numbers of the home and organisation pages need not be exact to
// the minute. Counts below countCacheMin are never kept, so a small
// installation (and every test) always sees fresh numbers. Each app node
// keeps its own cache; nothing is written to the database.
type countCache = cache.Cache[string, any]

const (
	countCacheTTL = 2 * time.Minute
	countCacheMin = 20000 // employees
	countCacheMax = 1000  // entries
)

func newCountCache() *countCache {
	return cache.New[string, any](cache.Options{Name: "counts", TTL: countCacheTTL, Max: countCacheMax})
}

// scopeCounts returns the home page numbers of scope sc.
func (s *server) scopeCounts(ctx context.Context, sc model.Scope) (store.ScopeCounts, error) {
	key := "scope:" + scopeKey(sc)
	if v, ok := s.counts.Get(key); ok {
		return v.(store.ScopeCounts), nil
	}
	c, err := s.st.CountEmployees(ctx, sc)
	if err == nil && c.Employees >= countCacheMin {
		s.counts.Put(key, c)
	}
	return c, err
}

// scopeKey names a scope in the cache.
func scopeKey(sc model.Scope) string {
	if sc.All {
		return "all"
	}
	return fmt.Sprintf("%s|%d|%d", strings.Join(sc.UnitPaths, ","), sc.SelfID, sc.SupervisorID)
}

// unitCounts returns the number of employees in the subtree of unit id and
// of each of its children listed on its page (children; more tells that
// the list was cut short).
func (s *server) unitCounts(ctx context.Context, id int64, children []model.OrgUnit, more bool) (map[int64]int, error) {
	key := fmt.Sprintf("unit:%d", id)
	if v, ok := s.counts.Get(key); ok {
		return v.(map[int64]int), nil
	}
	ids := make([]int64, len(children))
	for i, c := range children {
		ids[i] = c.ID
	}
	if more {
		ids = append(ids, id)
	}
	counts, err := s.st.SubtreeCountsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	if !more {
		// Every child is listed: the unit's total is its own employees
		// plus its children's, without counting the subtree twice.
		n, err := s.st.DirectCount(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, c := range children {
			n += counts[c.ID]
		}
		counts[id] = n
	}
	if counts[id] >= countCacheMin {
		s.counts.Put(key, counts)
	}
	return counts, nil
}
