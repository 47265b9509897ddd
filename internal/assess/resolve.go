package assess

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Contribution is one source's part in a Resolution.
type Contribution struct {
	Source Source // the source contributing
	// Level is the source's level: for an outranking source the level of
	// its latest valid event; for other sources the rounded mean of each
	// rater's latest valid rating (for peers, the anonymous peer mean).
	Level int
	// Weight is the source's weight in the rule (unused when it decided by
	// outranking).
	Weight int
	// Count is the number of raters whose latest valid rating is included.
	Count int
	// At is the date of the latest rating included; always zero for peers,
	// so that the timing of a peer's rating cannot identify them.
	At time.Time
}

// Reason says why events did not count.
type Reason string

// Reasons events are set aside.
const (
	ReasonReplaced      Reason = "replaced"       // an older rating by a rater who re-rated
	ReasonExpired       Reason = "expired"        // older than the source's validity
	ReasonFuture        Reason = "future"         // dated after the computation's "now"
	ReasonInvalidLevel  Reason = "invalid_level"  // level outside 1–5
	ReasonUnknownSource Reason = "unknown_source" // the rule neither weights nor ranks the source
	ReasonTooFewPeers   Reason = "too_few_peers"  // fewer distinct peers than Rule.MinPeers
	ReasonOutranked     Reason = "outranked"      // valid, but an outranking source decided
)

// SetAside records events of one source that did not count and why, so that
// Explain can answer "why doesn't my self-assessment count?".
type SetAside struct {
	Source Source // the source whose events did not count
	Reason Reason // why they did not count
	// Count is the number of events, or of raters for too_few_peers and
	// outranked.
	Count int
	// Level is the source's level for outranked sources, 0 otherwise (a
	// peer mean below MinPeers is never reported).
	Level int
	// By is the source that outranked this one (outranked only).
	By Source
	// Validity is the source's validity (expired only).
	Validity time.Duration
	// MinPeers is the rule's minimum (too_few_peers only).
	MinPeers int
}

// Resolution is the current level of one competency and how it came about.
type Resolution struct {
	CompetencyID int64 // the competency resolved
	// Level is 1–5, or 0 when valid events exist but none could count.
	Level int
	// Decided is the outranking source that decided, SourceWeighted when
	// the weighted mean decided, or "" when Level is 0.
	Decided Source
	// Used lists what determined Level: the deciding source alone, or every
	// source of the weighted mean, strongest source first.
	Used []Contribution
	// SetAside lists events that did not count, strongest source first.
	SetAside []SetAside
	// WeightedSum and WeightSum are Σ level × weight and Σ weight of the
	// weighted mean (0 when an outranking source decided).
	WeightedSum, WeightSum int
	// Conflict is set when valid sources disagree by at least
	// Rule.ConflictSpread levels; ConflictBetween holds the two sources
	// farthest apart (the deciding source first when one outranked) and
	// ConflictNote says so in Indonesian (Explain gives either language).
	Conflict        bool
	ConflictNote    string
	ConflictBetween [2]Contribution
	ConflictSpread  int
}

// Resolve returns one Resolution per competency that has at least one
// well-formed event within its validity, ordered by competency ID. events
// may come in any order and is not modified; now is the moment of the
// computation, so an earlier now gives the level as it stood then.
func Resolve(rule Rule, events []Event, now time.Time) []Resolution {
	evs := slices.Clone(events)
	slices.SortFunc(evs, func(a, b Event) int {
		return cmp.Or(
			cmp.Compare(a.CompetencyID, b.CompetencyID),
			strings.Compare(string(a.Source), string(b.Source)),
			cmp.Compare(a.RaterID, b.RaterID),
			b.At.Compare(a.At), // latest first
			cmp.Compare(b.ID, a.ID),
		)
	})
	groups := 0
	for i := range evs {
		if i == 0 || evs[i].CompetencyID != evs[i-1].CompetencyID {
			groups++
		}
	}
	out := make([]Resolution, 0, groups)
	var scratch []agg
	for i := 0; i < len(evs); {
		j := i + 1
		for j < len(evs) && evs[j].CompetencyID == evs[i].CompetencyID {
			j++
		}
		if r, ok := resolveOne(rule, evs[i:j], now, &scratch); ok {
			out = append(out, r)
		}
		i = j
	}
	return out
}

// agg gathers the valid latest-per-rater ratings of one source.
type agg struct {
	src         Source
	sum, n      int
	latestAt    time.Time
	latestID    int64
	latestLevel int
}

// resolveOne applies the rule to the events of one competency, sorted by
// source, rater, then latest first.
func resolveOne(rule Rule, g []Event, now time.Time, scratch *[]agg) (Resolution, bool) {
	res := Resolution{CompetencyID: g[0].CompetencyID, ConflictSpread: rule.ConflictSpread}
	aside := func(s SetAside) {
		for i := range res.SetAside {
			if a := &res.SetAside[i]; a.Source == s.Source && a.Reason == s.Reason {
				a.Count += s.Count
				return
			}
		}
		res.SetAside = append(res.SetAside, s)
	}
	aggs := (*scratch)[:0]
	valid := false
	for k := 0; k < len(g); {
		m := k + 1
		for m < len(g) && g[m].Source == g[k].Source && g[m].RaterID == g[k].RaterID {
			m++
		}
		sub, src := g[k:m], g[k].Source
		k = m
		if !rule.accepts(src) {
			aside(SetAside{Source: src, Reason: ReasonUnknownSource, Count: len(sub)})
			continue
		}
		latest, replaced := -1, 0
		for idx, e := range sub {
			switch {
			case e.Level < 1 || e.Level > 5:
				aside(SetAside{Source: src, Reason: ReasonInvalidLevel, Count: 1})
			case e.At.After(now):
				aside(SetAside{Source: src, Reason: ReasonFuture, Count: 1})
			case latest < 0:
				latest = idx
			default:
				replaced++
			}
		}
		if latest < 0 {
			continue
		}
		e := sub[latest]
		if v := rule.Validity[src]; v > 0 && now.Sub(e.At) > v {
			aside(SetAside{Source: src, Reason: ReasonExpired, Count: 1 + replaced, Validity: v})
			continue
		}
		if replaced > 0 {
			aside(SetAside{Source: src, Reason: ReasonReplaced, Count: replaced})
		}
		valid = true
		if len(aggs) == 0 || aggs[len(aggs)-1].src != src {
			aggs = append(aggs, agg{src: src})
		}
		a := &aggs[len(aggs)-1]
		a.sum += e.Level
		a.n++
		if a.n == 1 || e.At.After(a.latestAt) || (e.At.Equal(a.latestAt) && e.ID > a.latestID) {
			a.latestAt, a.latestID, a.latestLevel = e.At, e.ID, e.Level
		}
	}
	*scratch = aggs
	if !valid {
		return Resolution{}, false
	}
	slices.SortFunc(aggs, func(a, b agg) int { return compareSources(a.src, b.src) })

	cands := make([]Contribution, 0, len(aggs))
	decider := -1
	for _, a := range aggs {
		c := Contribution{Source: a.src, Weight: rule.Weights[a.src], Count: a.n, At: a.latestAt, Level: roundDiv(a.sum, a.n)}
		if a.src == SourcePeer {
			c.At = time.Time{}
			if a.n < rule.minPeers() {
				aside(SetAside{Source: SourcePeer, Reason: ReasonTooFewPeers, Count: a.n, MinPeers: rule.minPeers()})
				continue
			}
		}
		if rank := rule.outranks(a.src); rank >= 0 {
			c.Level = a.latestLevel
			if decider < 0 || rank < rule.outranks(cands[decider].Source) {
				decider = len(cands)
			}
		}
		cands = append(cands, c)
	}

	if decider >= 0 {
		dec := cands[decider]
		res.Level, res.Decided, res.Used = dec.Level, dec.Source, []Contribution{dec}
		far := -1
		for i, c := range cands {
			if i == decider {
				continue
			}
			aside(SetAside{Source: c.Source, Reason: ReasonOutranked, Count: c.Count, Level: c.Level, By: dec.Source})
			if far < 0 || abs(c.Level-dec.Level) > abs(cands[far].Level-dec.Level) {
				far = i
			}
		}
		if far >= 0 {
			res.flagConflict(dec, cands[far])
		}
	} else if len(cands) > 0 {
		res.Used = cands
		hi, lo := 0, 0
		for i, c := range cands {
			res.WeightedSum += c.Level * c.Weight
			res.WeightSum += c.Weight
			if c.Level > cands[hi].Level {
				hi = i
			}
			if c.Level < cands[lo].Level {
				lo = i
			}
		}
		res.Level, res.Decided = roundDiv(res.WeightedSum, res.WeightSum), SourceWeighted
		res.flagConflict(cands[hi], cands[lo])
	}
	slices.SortStableFunc(res.SetAside, func(a, b SetAside) int { return compareSources(a.Source, b.Source) })
	return res, true
}

// flagConflict sets the conflict fields when a and b differ by at least the
// rule's spread.
func (r *Resolution) flagConflict(a, b Contribution) {
	if r.ConflictSpread <= 0 || abs(a.Level-b.Level) < r.ConflictSpread {
		return
	}
	r.Conflict = true
	r.ConflictBetween = [2]Contribution{a, b}
	r.ConflictNote = r.conflictText("id")
}

// conflictText describes the conflict in the given language.
func (r Resolution) conflictText(lang string) string {
	a, b := r.ConflictBetween[0], r.ConflictBetween[1]
	if isEN(lang) {
		return fmt.Sprintf("%s level %d and %s level %d differ by %d levels (threshold %d).",
			a.Source.Label(lang), a.Level, b.Source.Label(lang), b.Level, abs(a.Level-b.Level), r.ConflictSpread)
	}
	return fmt.Sprintf("%s level %d dan %s level %d berselisih %d level (batas %d).",
		a.Source.Label(lang), a.Level, b.Source.Label(lang), b.Level, abs(a.Level-b.Level), r.ConflictSpread)
}

// compareSources orders sources strongest first (sourceOrder), then others
// by name.
func compareSources(a, b Source) int {
	ra, rb := slices.Index(sourceOrder, a), slices.Index(sourceOrder, b)
	if ra < 0 {
		ra = len(sourceOrder)
	}
	if rb < 0 {
		rb = len(sourceOrder)
	}
	return cmp.Or(cmp.Compare(ra, rb), strings.Compare(string(a), string(b)))
}

// roundDiv is num ÷ den rounded half up, for non-negative num and positive
// den: the rounding of every mean in this package.
func roundDiv(num, den int) int { return (2*num + den) / (2 * den) }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
