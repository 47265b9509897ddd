package cli

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// demoRatings invents a plausible spread of assessments for the demo city —
// self-ratings a little generous, supervisors close to the truth, an
// assessment centre for some, three peers for a few, and a handful of
// self-4/supervisor-1 conflicts — then resolves levels and JPM for everyone,
// so that a newcomer sees profiles, gaps and JPM at once. With light (the
// cities above maxDemoRatings employees, made for speed measurements) every
// employee gets one rating per competency of their standard — from their
// supervisor, or a self-assessment when they have none — so that a million
// employees have current levels without 25 million rating rows. The ratings
// stream from the standards straight into the bulk load (nothing is held
// per city in memory).
func demoRatings(ctx context.Context, env *Env, st *store.Store, seed int64, light bool) error {
	start := time.Now()
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6b6f6d706574656e))
	now := st.Now()
	type person struct {
		id, sup, unit int64
		items         []store.RatingTarget
	}
	recent := map[int64][]int64{} // unit → a few employees seen, for peers
	var add func(*model.Rating) error
	var addErr error
	emit := func(p *person) {
		if p == nil || len(p.items) == 0 || addErr != nil {
			return
		}
		if light {
			for _, it := range p.items {
				level := min(max(it.Required+[]int{-2, -1, -1, 0, 0, 0, 0, 1}[rng.IntN(8)], 1), 5)
				r := model.Rating{EmployeeID: p.id, CompetencyID: it.CompetencyID, Source: assess.SourceSupervisor, Level: level,
					RaterID: p.sup, At: now.Add(-time.Duration(rng.IntN(300*24)) * time.Hour)}
				if p.sup == 0 {
					r.Source, r.RaterID = assess.SourceSelf, p.id
				}
				if addErr = add(&r); addErr != nil {
					return
				}
			}
			return
		}
		selfRates := rng.IntN(100) < 85
		supRates := p.sup != 0 && rng.IntN(100) < 75
		centre := rng.IntN(100) < 8
		var peers []int64
		for _, c := range recent[p.unit] {
			if c != p.id && c != p.sup && len(peers) < 3 && rng.IntN(100) < 20 {
				peers = append(peers, c)
			}
		}
		conflict := rng.IntN(100) < 2
		// A few took an e-learning test, a few had work evidence accepted by
		// their supervisor: every source shows up in the demo city.
		tested, evidenced := rng.IntN(100) < 10, p.sup != 0 && rng.IntN(100) < 5
		at := func() time.Time { return now.Add(-time.Duration(rng.IntN(300*24)) * time.Hour) }
		for i, it := range p.items {
			truth := it.Required + []int{-2, -1, -1, -1, 0, 0, 0, 0, 0, 1, 1}[rng.IntN(11)]
			truth = min(max(truth, 1), 5)
			self, sup := min(truth+rng.IntN(2), 5), truth
			if conflict && i == 0 {
				self, sup = 4, 1
			}
			rate := func(src assess.Source, level int, rater int64) {
				if addErr == nil {
					addErr = add(&model.Rating{EmployeeID: p.id, CompetencyID: it.CompetencyID, Source: src, Level: level, RaterID: rater, At: at()})
				}
			}
			if selfRates || conflict {
				rate(assess.SourceSelf, self, p.id)
			}
			if supRates || (conflict && p.sup != 0) {
				rate(assess.SourceSupervisor, sup, p.sup)
			}
			if centre {
				rate(assess.SourceAssessmentCentre, truth, 0)
			}
			for _, peer := range peers {
				rate(assess.SourcePeer, min(max(truth+rng.IntN(3)-1, 1), 5), peer)
			}
			if tested && i%4 == 3 {
				rate(assess.SourceTest, truth, 0)
			}
			if evidenced && i == 1 {
				rate(assess.SourceEvidence, truth, p.sup)
			}
		}
		if r := recent[p.unit]; len(r) < 6 {
			recent[p.unit] = append(r, p.id)
		} else {
			r[rng.IntN(len(r))] = p.id
		}
	}
	n, err := st.LoadRatings(ctx, cliActor, "demo", func(a func(*model.Rating) error) error {
		add = a
		var cur *person
		if err := st.RatingTargets(ctx, func(t store.RatingTarget) error {
			if cur == nil || cur.id != t.EmployeeID {
				emit(cur)
				cur = &person{id: t.EmployeeID, sup: t.SupervisorID, unit: t.UnitID}
			}
			cur.items = append(cur.items, t)
			return addErr
		}); err != nil {
			return err
		}
		emit(cur)
		return addErr
	})
	if err != nil {
		return err
	}
	stats, err := st.RecomputeAll(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.ratings", n, stats.Levels, stats.JPM, time.Since(start).Round(time.Millisecond)))
	return demoPerformance(ctx, env, st, seed)
}
