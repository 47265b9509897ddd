package store

import (
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/kompeten/kompeten/internal/gap"
)

// The standards side of ComputeAllJPM (jpm_all.go): every current standard
// read once, identical requirement lists interned, folded into windows.

// jpmStandards reads every current standard once, one row per standard
// with its items folded (packed when the dictionary's IDs fit in
// jpmMaxWindows windows, else as text "competency:required[:weight:
// mandatory]"), decodes them in Go and interns identical item lists.
// Requirements are sorted in dictionary order like standardItems. When a
// position has several current standards the newest (highest ID) counts, as
// in currentStandard.
func (s *Store) jpmStandards(ctx context.Context, q queryer, workers int) (*jpmPlan, error) {
	type comp struct{ id, fw, ord int64 }
	var cs []comp
	rows, err := q.QueryContext(ctx, `SELECT id, framework_id, ord FROM competency`)
	if err != nil {
		return nil, fmt.Errorf("store: jpm: competencies: %w", err)
	}
	for rows.Next() {
		var c comp
		if err := rows.Scan(&c.id, &c.fw, &c.ord); err != nil {
			rows.Close()
			return nil, err
		}
		cs = append(cs, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(cs, func(a, b comp) int {
		return cmp.Or(cmp.Compare(a.fw, b.fw), cmp.Compare(a.ord, b.ord), cmp.Compare(a.id, b.id))
	})
	rank := make(map[int64]int, len(cs))
	ids := make([]int64, len(cs))
	for i, c := range cs {
		rank[c.id] = i
		ids[i] = c.id
	}
	slices.Sort(ids)
	byRank := func(reqs []gap.Requirement) {
		slices.SortFunc(reqs, func(a, b gap.Requirement) int {
			ra, oka := rank[a.CompetencyID]
			rb, okb := rank[b.CompetencyID]
			if oka != okb { // a competency added since the dictionary was read: last
				if oka {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(ra, rb), cmp.Compare(a.CompetencyID, b.CompetencyID))
		})
	}
	plan := &jpmPlan{stds: map[int64]*jpmStandard{}}
	dictWins := windowsOf(ids)
	plan.packed = len(dictWins) <= jpmMaxWindows
	var odd []int64 // standards to read item by item
	keep := func(pos, sid int64) bool {
		old, ok := plan.stds[pos]
		return !ok || old.id < sid
	}
	if plan.packed {
		// The current standards first; then every standard's items in
		// primary-key order, grouped without a join, skipping those of
		// standards no longer current — unless history outweighs the
		// current standards, when joining from position_standard is cheaper.
		posOf := map[int64]int64{}
		history := 0
		rows, err := q.QueryContext(ctx, `SELECT position_id, id, is_current FROM position_standard`)
		if err != nil {
			return nil, fmt.Errorf("store: jpm: standards: %w", err)
		}
		for rows.Next() {
			var pos, sid int64
			var cur bool
			if err := rows.Scan(&pos, &sid, &cur); err != nil {
				rows.Close()
				return nil, err
			}
			if !cur {
				history++
			} else if keep(pos, sid) {
				plan.stds[pos] = &jpmStandard{id: sid}
				posOf[sid] = pos
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		sums := `SUM(CASE WHEN i.required >= 1 AND i.required <= 7 AND i.weight = 1 AND i.mandatory THEN 0 ELSE 1 END)` +
			s.dialect.packSums(dictWins, "i.competency_id", "i.required")
		query := `SELECT i.standard_id, ` + sums + ` FROM standard_item i`
		if history > len(posOf) || jpmJoinItems {
			query = `SELECT ps.id, ` + sums + ` FROM position_standard ps JOIN standard_item i ON i.standard_id = ps.id
				WHERE ps.is_current = TRUE`
		}
		// Split the standards' ID range among the workers (one connection
		// each); q is a transaction when workers is 1.
		var lo, hi int64 = 0, -1
		for sid := range posOf {
			if hi < lo {
				lo, hi = sid, sid
			}
			lo, hi = min(lo, sid), max(hi, sid)
		}
		if history > len(posOf) || jpmJoinItems {
			query += ` AND ps.id >= $1 AND ps.id < $2 GROUP BY ps.id`
		} else {
			query += ` WHERE i.standard_id >= $1 AND i.standard_id < $2 GROUP BY i.standard_id`
		}
		type found struct {
			sid  int64
			reqs []gap.Requirement
			odd  bool
		}
		parts := make([][]found, max(workers, 1))
		errs := make([]error, len(parts))
		step := (hi - lo + int64(len(parts))) / int64(len(parts))
		var wg sync.WaitGroup
		for w := range parts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				from := lo + int64(w)*step
				rows, err := q.QueryContext(ctx, query, from, from+step)
				if err != nil {
					errs[w] = fmt.Errorf("store: jpm: standard items: %w", err)
					return
				}
				defer rows.Close()
				interned := map[string][]gap.Requirement{}
				var sid, nodd int64
				packs := make([]int64, len(dictWins))
				dest := []any{&sid, &nodd}
				for i := range packs {
					dest = append(dest, &packs[i])
				}
				key := make([]byte, 8*len(packs))
				for rows.Next() {
					if err := rows.Scan(dest...); err != nil {
						errs[w] = err
						return
					}
					if _, ok := posOf[sid]; !ok {
						continue // history
					}
					if nodd > 0 {
						parts[w] = append(parts[w], found{sid: sid, odd: true})
						continue
					}
					for i, v := range packs {
						binary.LittleEndian.PutUint64(key[8*i:], uint64(v))
					}
					reqs, ok := interned[string(key)]
					if !ok {
						for w, v := range packs {
							for slot := range int64(jpmWindow) {
								if r := int((v >> (3 * slot)) & 7); r != 0 {
									reqs = append(reqs, gap.Requirement{CompetencyID: dictWins[w] + slot, Required: r, Weight: 1, Mandatory: true})
								}
							}
						}
						byRank(reqs)
						interned[string(key)] = reqs
					}
					parts[w] = append(parts[w], found{sid: sid, reqs: reqs})
				}
				errs[w] = rows.Err()
			}()
			if workers <= 1 {
				wg.Wait() // one worker: q may be a transaction, used by one query at a time
			}
		}
		wg.Wait()
		for w, part := range parts {
			if errs[w] != nil {
				return nil, errs[w]
			}
			for _, f := range part {
				pos := posOf[f.sid]
				if plan.stds[pos].id != f.sid {
					continue // an older current standard of the position
				}
				if f.odd {
					odd = append(odd, f.sid)
				} else {
					plan.stds[pos].reqs = f.reqs
				}
			}
		}
	} else {
		item := `i.competency_id || ':' || i.required || CASE WHEN i.weight = 1 AND i.mandatory THEN '' ELSE
			':' || i.weight || ':' || CASE WHEN i.mandatory THEN 1 ELSE 0 END END`
		rows, err := q.QueryContext(ctx, `SELECT ps.position_id, ps.id, `+s.dialect.stringAgg(item)+`
			FROM position_standard ps JOIN standard_item i ON i.standard_id = ps.id
			WHERE ps.is_current = TRUE GROUP BY ps.id, ps.position_id`)
		if err != nil {
			return nil, fmt.Errorf("store: jpm: standards: %w", err)
		}
		defer rows.Close()
		interned := map[string][]gap.Requirement{}
		var text []byte
		for rows.Next() {
			var pos, sid int64
			if err := rows.Scan(&pos, &sid, &text); err != nil {
				return nil, err
			}
			if !keep(pos, sid) {
				continue
			}
			reqs, ok := interned[string(text)]
			if !ok {
				if reqs, err = parseRequirements(text); err != nil {
					return nil, fmt.Errorf("store: jpm: standard %d: %w", sid, err)
				}
				byRank(reqs)
				interned[string(text)] = reqs
			}
			plan.stds[pos] = &jpmStandard{id: sid, reqs: reqs}
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		rows.Close()
	}
	if len(odd) > 0 {
		bySid := map[int64][]gap.Requirement{}
		for _, sid := range odd {
			reqs, err := standardItems(ctx, q, sid)
			if err != nil {
				return nil, err
			}
			bySid[sid] = reqs
		}
		for pos, st := range plan.stds {
			if reqs, ok := bySid[st.id]; ok {
				plan.stds[pos] = &jpmStandard{id: st.id, reqs: reqs}
			}
		}
	}
	if plan.packed {
		used := map[int64]bool{}
		seen := map[*gap.Requirement]bool{} // interned lists: look at each once
		for _, st := range plan.stds {
			if len(st.reqs) == 0 || seen[&st.reqs[0]] {
				continue
			}
			seen[&st.reqs[0]] = true
			for _, r := range st.reqs {
				used[r.CompetencyID] = true
			}
		}
		ids := slices.Sorted(maps.Keys(used))
		plan.levelWins = windowsOf(ids)
		plan.packed = len(plan.levelWins) <= jpmMaxWindows
	}
	return plan, nil
}

// stringAgg folds expr over a group into one comma-separated string.
func (d Dialect) stringAgg(expr string) string {
	if d == Postgres {
		return "string_agg(" + expr + ", ',')"
	}
	return "group_concat(" + expr + ", ',')"
}

// parseRequirements reads "c:r[:w:m],…" as written by jpmStandards.
func parseRequirements(b []byte) ([]gap.Requirement, error) {
	var out []gap.Requirement
	for len(b) > 0 {
		var f [4]int64
		n := 0
		for n < 4 {
			v, rest, ok := parseInt(b)
			if !ok {
				return nil, fmt.Errorf("bad item list %q", b)
			}
			f[n], b, n = v, rest, n+1
			if len(b) == 0 || b[0] != ':' {
				break
			}
			b = b[1:]
		}
		r := gap.Requirement{CompetencyID: f[0], Required: int(f[1]), Weight: 1, Mandatory: true}
		switch n {
		case 2:
		case 4:
			r.Weight, r.Mandatory = int(f[2]), f[3] != 0
		default:
			return nil, fmt.Errorf("bad item with %d fields", n)
		}
		out = append(out, r)
		if len(b) > 0 {
			if b[0] != ',' {
				return nil, fmt.Errorf("bad separator %q", b[0])
			}
			b = b[1:]
		}
	}
	return out, nil
}

// parseInt reads a decimal integer (optionally negative) at the start of b.
func parseInt(b []byte) (int64, []byte, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	i := 0
	var v int64
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		v = v*10 + int64(b[i]-'0')
		i++
	}
	if i == 0 {
		return 0, b, false
	}
	if neg {
		v = -v
	}
	return v, b[i:], true
}
