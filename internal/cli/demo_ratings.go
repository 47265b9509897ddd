package cli

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/demo"
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
//
// The full spread tells the story of demo.Story: how likely someone falls
// short depends on their OPD and the competency, and the open cycle
// (demo.StoryCycle, created here) has come further in some OPDs than in
// others: the self and supervisor ratings of those who are done carry the
// cycle and date from its weeks; the others keep ratings from before it,
// or none.
func demoRatings(ctx context.Context, env *Env, st *store.Store, seed int64, light bool, story *demo.Story, rootID int64) error {
	start := time.Now()
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6b6f6d706574656e))
	now := st.Now()
	cycle := demo.StoryCycle(now, rootID)
	if err := st.CreateCycle(ctx, cliActor, &cycle, model.Scope{All: true}); err != nil {
		return err
	}
	codes := map[int64]string{}
	choices, err := st.CompetencyChoices(ctx)
	if err != nil {
		return err
	}
	for _, c := range choices {
		codes[c.CompetencyID] = c.Code
	}
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
		selfPct, supPct := story.CycleDone(p.unit)
		selfCycle := rng.IntN(100) < selfPct
		supCycle := p.sup != 0 && rng.IntN(100) < supPct
		selfOld := !selfCycle && rng.IntN(100) < 70
		supOld := !supCycle && p.sup != 0 && rng.IntN(100) < 65
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
		// Ratings from before the cycle date from its opening back to a
		// year; those in it from its weeks so far.
		before := func() time.Time { return now.Add(-time.Duration(31*24+rng.IntN(330*24)) * time.Hour) }
		during := func() time.Time { return now.Add(-time.Duration(1+rng.IntN(29*24)) * time.Hour) }
		for i, it := range p.items {
			truth := it.Required
			if rng.IntN(1000) < story.ShortPermille(p.unit, codes[it.CompetencyID]) {
				truth -= 1 + rng.IntN(4)/3 // one level short, now and then two
			} else if rng.IntN(4) == 0 {
				truth++
			}
			truth = min(max(truth, 1), 5)
			self, sup := min(truth+rng.IntN(2), 5), truth
			if conflict && i == 0 {
				self, sup = 4, 1
			}
			rate := func(src assess.Source, level int, rater int64, at time.Time, cycleID int64) {
				if addErr == nil {
					addErr = add(&model.Rating{EmployeeID: p.id, CompetencyID: it.CompetencyID, Source: src, Level: level, RaterID: rater,
						At: at, CycleID: cycleID})
				}
			}
			switch {
			case selfCycle:
				rate(assess.SourceSelf, self, p.id, during(), cycle.ID)
			case selfOld || conflict:
				rate(assess.SourceSelf, self, p.id, before(), 0)
			}
			switch {
			case supCycle:
				rate(assess.SourceSupervisor, sup, p.sup, during(), cycle.ID)
			case supOld || (conflict && p.sup != 0):
				rate(assess.SourceSupervisor, sup, p.sup, before(), 0)
			}
			if centre {
				rate(assess.SourceAssessmentCentre, truth, 0, before(), 0)
			}
			for _, peer := range peers {
				rate(assess.SourcePeer, min(max(truth+rng.IntN(3)-1, 1), 5), peer, before(), 0)
			}
			if tested && i%4 == 3 {
				rate(assess.SourceTest, truth, 0, before(), 0)
			}
			if evidenced && i == 1 {
				rate(assess.SourceEvidence, truth, p.sup, before(), 0)
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
