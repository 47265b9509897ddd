package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/kompeten/kompeten/internal/gap"
)

// Every employee's JPM from scratch (issue 3: a million employees in at
// most twice the time the sqlite3 shell needs for one aggregate over the same
// tables). The obvious SQL — employee → current standard → items → current
// level, grouped by employee — does one B-tree search per standard item per
// employee; the pure-Go SQLite engine runs it about 1.8× slower than the C
// shell, so the design has to make up the difference:
//
//   - Standards are few and repetitive: a city's positions share a handful of
//     templates. They are read once, one row per current standard, and
//     identical item lists are kept once in memory (interned), so a million
//     employees point at a few dozen slices.
//   - current_level is clustered on (employee_id, competency_id) (WITHOUT
//     ROWID on SQLite, the primary key on PostgreSQL): an employee's levels
//     are one contiguous range, read chunk by chunk in key order and folded
//     per employee by the engine, so Go receives one row per employee
//     instead of one per level — the per-row cost of database/sql and the
//     driver is what dominates a scan.
//   - The fold is arithmetic, not text: levels and required levels fit in
//     three bits, so the engine sums value << 3·(competency − a) over a
//     window of 21 competency IDs starting at a into one 63-bit integer per
//     window (the primary keys make every (employee, competency) unique, so
//     the sum is a bitwise OR). That costs the engine a third of what
//     group_concat's number formatting does. A level is packed as level + 1,
//     so that a stored 0 differs from no row. Levels are 0–5 by construction:
//     current_level is written only from assess.Resolve, which ignores
//     ratings outside 1–5. Standard items that do not fit (a required level
//     outside 1–7, a weight, an optional item) are read one by one; a
//     dictionary needing more than jpmMaxWindows windows uses the text fold.
//   - Employees are read by rowid range with only (id, position_id).
//   - Nothing is joined per row in SQL; the arithmetic is package gap's,
//     in Go, on the interned requirements.
//   - The ID space is cut into chunks that several workers compute on their
//     own connections (WAL readers on SQLite), delivered in ID order.

// EmployeeJPM is one employee's JPM against the current standard of their
// position, as ComputeAllJPM delivers it: package gap's result without the
// per-competency gaps (a million employees' gaps would be gigabytes).
type EmployeeJPM struct {
	EmployeeID, PositionID, StandardID int64
	SumRequired, SumActual, SumCapped  int
	JPMRaw, JPMCapped                  gap.Fixed
	Mapping                            gap.MappingCategory
	Filling                            gap.FillingCategory
	Assessed, Total, MandatoryUnmet    int
}

// jpmChunkIDs is how many employee IDs one chunk covers: large enough that
// per-query costs vanish, small enough that the chunks in flight stay a few
// megabytes. A variable so that tests can cut a small city into many chunks.
var jpmChunkIDs int64 = 16384

// jpmStandard is the current standard of one position, with requirements
// shared by every position whose standard has the same items.
type jpmStandard struct {
	id   int64
	reqs []gap.Requirement
}

// jpmPlan is what every chunk needs: the current standard per position and
// how levels are folded (the windows of competency IDs to pack; nil: fold
// as text).
type jpmPlan struct {
	stds      map[int64]*jpmStandard
	levelWins []int64
	packed    bool
}

// jpmWindow is how many competency IDs one packed 63-bit integer holds (3
// bits each).
const jpmWindow = 21

// jpmMaxWindows is the most windows packed before the text fold is cheaper
// (each window is one more CASE per row); a variable so that tests can
// force the text fold.
var jpmMaxWindows = 6

// jpmJoinItems makes tests take the join that a long standards history
// would choose.
var jpmJoinItems = false

// windowsOf covers the sorted IDs with windows [a, a+jpmWindow), each
// starting at the first ID the previous one did not cover.
func windowsOf(ids []int64) []int64 {
	var wins []int64
	for _, id := range ids {
		if len(wins) == 0 || id >= wins[len(wins)-1]+jpmWindow {
			wins = append(wins, id)
		}
	}
	return wins
}

// packSums writes, for each window, the SQL that packs value (an integer
// expression 0–7) of the row's competency col into its window's bits.
func (d Dialect) packSums(wins []int64, col, value string) string {
	var sb strings.Builder
	for _, a := range wins {
		shift := fmt.Sprintf("3 * %s - %d", col, 3*a)
		if d == Postgres {
			fmt.Fprintf(&sb, ", BIT_OR(CASE WHEN %s >= %d AND %s < %d THEN CAST(%s AS BIGINT) << CAST(%s AS INTEGER) ELSE 0 END)",
				col, a, col, a+jpmWindow, value, shift)
		} else {
			fmt.Fprintf(&sb, ", SUM(CASE WHEN %s >= %d AND %s < %d THEN %s << (%s) ELSE 0 END)", col, a, col, a+jpmWindow, value, shift)
		}
	}
	return sb.String()
}

// jpmChunk is one range [lo, hi) of employee IDs and, once computed, its
// results; done is closed when rows or err is set.
type jpmChunk struct {
	lo, hi int64
	stamp  needsStamp // the data's fingerprint before the chunk was read
	rows   []EmployeeJPM
	needs  map[int64]*unitNeeds // the needs analysis's per-unit sums
	err    error
	done   chan struct{}
}

// JPMWorkers is the default number of chunks ComputeAllJPM computes at
// once: one per CPU, at most four (the database, not Go, is the limit).
func JPMWorkers() int { return min(runtime.GOMAXPROCS(0), 4) }

// ComputeAllJPM computes every employee's JPM from the stored current
// standards and current levels, without writing anything, and calls fn for
// each employee whose position has a non-empty current standard, in
// employee ID order. workers ≤ 0 means JPMWorkers. Chunks are read at
// slightly different moments, which is fine for a report; RecomputeJPM is
// the variant that stores the results safely while others write.
func (s *Store) ComputeAllJPM(ctx context.Context, workers int, fn func(*EmployeeJPM) error) error {
	if workers <= 0 {
		workers = JPMWorkers()
	}
	plan, err := s.jpmStandards(ctx, s.db, workers)
	if err != nil {
		return err
	}
	return s.jpmChunks(ctx, workers, plan, false, s.jpmWork, func(c *jpmChunk) error {
		for i := range c.rows {
			if err := fn(&c.rows[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// jpmWork computes a chunk's JPM rows.
func (s *Store) jpmWork(ctx context.Context, plan *jpmPlan, c *jpmChunk, buf *jpmScratch) error {
	var err error
	c.rows, err = s.jpmChunk(ctx, s.db, plan, c.lo, c.hi, buf)
	return err
}

// jpmChunks cuts the employee IDs into chunks, has workers compute them with
// work against plan, and hands the chunks to emit in ID order. With
// stamped, each chunk records the data fingerprint read before its queries,
// so that emit can tell whether anything was written since.
func (s *Store) jpmChunks(ctx context.Context, workers int, plan *jpmPlan, stamped bool,
	work func(context.Context, *jpmPlan, *jpmChunk, *jpmScratch) error, emit func(*jpmChunk) error) error {
	if workers <= 0 {
		workers = JPMWorkers()
	}
	var lo, hi sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MIN(id), MAX(id) FROM employee`).Scan(&lo, &hi); err != nil {
		return fmt.Errorf("store: jpm: employee range: %w", err)
	}
	if !lo.Valid {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	todo := make(chan *jpmChunk)
	ordered := make(chan *jpmChunk, 2*workers) // bounds the chunks in flight
	go func() {
		defer close(todo)
		defer close(ordered)
		for a := lo.Int64; a <= hi.Int64; a += jpmChunkIDs {
			c := &jpmChunk{lo: a, hi: a + jpmChunkIDs, done: make(chan struct{})}
			select {
			case ordered <- c:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			var buf jpmScratch
			for c := range todo {
				if stamped {
					c.stamp, c.err = stampOf(ctx, s.db)
				}
				if c.err == nil {
					c.err = work(ctx, plan, c, &buf)
				}
				close(c.done)
			}
		}()
	}
	for c := range ordered {
		select {
		case <-c.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if c.err != nil {
			return c.err
		}
		if err := emit(c); err != nil {
			return err
		}
	}
	return ctx.Err()
}

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

// jpmScratch is a worker's reusable memory.
type jpmScratch struct {
	emps   []jpmEmp
	levels []byte
	actual []gap.Actual
	lv     []int
	res    gap.Result
}

// jpmEmp is one employee the scan visits: the position and its standard,
// and for the needs analysis the unit and whether the employee is active.
type jpmEmp struct {
	id, pos, unit int64
	active        bool
	std           *jpmStandard
}

// scanChunk visits the employees with IDs in [lo, hi) whose position has a
// non-empty current standard, in ID order, with their level in each
// requirement of the standard (lv[i] for std.reqs[i]; -1 when there is no
// current_level row). Employees come by rowid range, levels folded per
// employee in key order; the two streams are merged by employee ID.
// withUnit also reads unit_id and status (the needs analysis).
func (s *Store) scanChunk(ctx context.Context, q queryer, plan *jpmPlan, lo, hi int64, withUnit bool, buf *jpmScratch,
	visit func(e *jpmEmp, lv []int)) error {
	emps := buf.emps[:0]
	cols := `id, position_id, 0, TRUE`
	if withUnit {
		cols = `id, position_id, unit_id, status = 'aktif'`
	}
	rows, err := q.QueryContext(ctx, `SELECT `+cols+` FROM employee WHERE id >= $1 AND id < $2 AND position_id IS NOT NULL ORDER BY id`, lo, hi)
	if err != nil {
		return fmt.Errorf("store: jpm: employees: %w", err)
	}
	for rows.Next() {
		var e jpmEmp
		if err := rows.Scan(&e.id, &e.pos, &e.unit, &e.active); err != nil {
			rows.Close()
			return err
		}
		if st, ok := plan.stds[e.pos]; ok && len(st.reqs) > 0 {
			e.std = st
			emps = append(emps, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	buf.emps = emps
	if len(emps) == 0 {
		return nil
	}
	var query string
	if plan.packed {
		query = `SELECT employee_id` + s.dialect.packSums(plan.levelWins, "competency_id", "level + 1")
	} else {
		query = `SELECT employee_id, ` + s.dialect.stringAgg(`competency_id || ':' || level`)
	}
	rows, err = q.QueryContext(ctx, query+` FROM current_level WHERE employee_id >= $1 AND employee_id < $2
		GROUP BY employee_id ORDER BY employee_id`, emps[0].id, emps[len(emps)-1].id+1)
	if err != nil {
		return fmt.Errorf("store: jpm: levels: %w", err)
	}
	defer rows.Close()
	var eid int64
	packs := make([]int64, len(plan.levelWins))
	dest := []any{&eid, &buf.levels}
	if plan.packed {
		dest = []any{&eid}
		for i := range packs {
			dest = append(dest, &packs[i])
		}
	}
	next := 0 // next employee of emps to visit
	none := func(e *jpmEmp) []int {
		lv := buf.lv[:0]
		for range e.std.reqs {
			lv = append(lv, -1)
		}
		buf.lv = lv
		return lv
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		for ; next < len(emps) && emps[next].id < eid; next++ {
			visit(&emps[next], none(&emps[next]))
		}
		if next >= len(emps) || emps[next].id != eid {
			continue // levels of an employee without a standard
		}
		e := &emps[next]
		next++
		lv := buf.lv[:0]
		if plan.packed {
			for _, r := range e.std.reqs {
				c := r.CompetencyID
				w := len(plan.levelWins) - 1
				for w > 0 && plan.levelWins[w] > c {
					w--
				}
				lv = append(lv, int((packs[w]>>(3*(c-plan.levelWins[w])))&7)-1)
			}
		} else {
			act, err := parseActuals(buf.actual[:0], buf.levels)
			if err != nil {
				return fmt.Errorf("store: jpm: levels of %d: %w", eid, err)
			}
			buf.actual = act
			for _, r := range e.std.reqs {
				l := -1
				for _, a := range act {
					if a.CompetencyID == r.CompetencyID {
						l = a.Level
						break
					}
				}
				lv = append(lv, l)
			}
		}
		buf.lv = lv
		visit(e, lv)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for ; next < len(emps); next++ {
		visit(&emps[next], none(&emps[next]))
	}
	return nil
}

// jpmChunk computes the JPM of the employees with IDs in [lo, hi) with
// package gap.
func (s *Store) jpmChunk(ctx context.Context, q queryer, plan *jpmPlan, lo, hi int64, buf *jpmScratch) ([]EmployeeJPM, error) {
	var out []EmployeeJPM
	t := gap.DefaultThresholds()
	err := s.scanChunk(ctx, q, plan, lo, hi, false, buf, func(e *jpmEmp, lv []int) {
		act := buf.actual[:0]
		for i, r := range e.std.reqs {
			act = append(act, gap.Actual{CompetencyID: r.CompetencyID, Level: max(lv[i], 0)})
		}
		buf.actual = act
		out = append(out, jpmOf(&buf.res, t, e, act))
	})
	return out, err
}

// jpmOf computes one employee's JPM with package gap.
func jpmOf(res *gap.Result, t gap.Thresholds, e *jpmEmp, act []gap.Actual) EmployeeJPM {
	gap.ComputeIntoWith(res, t, e.std.reqs, act)
	return EmployeeJPM{EmployeeID: e.id, PositionID: e.pos, StandardID: e.std.id,
		SumRequired: res.SumRequired, SumActual: res.SumActual, SumCapped: res.SumCapped,
		JPMRaw: res.JPMRaw, JPMCapped: res.JPMCapped, Mapping: res.Mapping, Filling: res.Filling,
		Assessed: res.Assessed, Total: res.Total, MandatoryUnmet: res.MandatoryUnmet}
}

// parseActuals reads "competency:level,…" into dst.
func parseActuals(dst []gap.Actual, b []byte) ([]gap.Actual, error) {
	for len(b) > 0 {
		c, rest, ok := parseInt(b)
		if !ok || len(rest) == 0 || rest[0] != ':' {
			return nil, fmt.Errorf("bad level list %q", b)
		}
		l, rest, ok := parseInt(rest[1:])
		if !ok {
			return nil, fmt.Errorf("bad level list %q", b)
		}
		dst = append(dst, gap.Actual{CompetencyID: c, Level: int(l)})
		b = rest
		if len(b) > 0 {
			if b[0] != ',' {
				return nil, fmt.Errorf("bad separator %q", b[0])
			}
			b = b[1:]
		}
	}
	return dst, nil
}

// RecomputeJPM recomputes and stores every employee's JPM (employee_jpm)
// from the stored current standards and current levels, leaving the levels
// as they are: what a change of standards needs, and the second half of
// RecomputeAll. Chunks are computed ahead by ComputeAllJPM's workers and
// written one transaction per chunk (delete the chunk's ID range, insert its
// rows in ID order), so other writers wait for one chunk at most. Every
// write that can change a JPM moves the audit or rating fingerprint
// (needsStamp); a chunk whose fingerprint moved between its read and its
// write, or that was computed with standards read before the last audited
// write, is computed again inside its write transaction. It returns the
// number of rows written.
func (s *Store) RecomputeJPM(ctx context.Context, workers int) (int, error) {
	stdStamp, err := stampOf(ctx, s.db)
	if err != nil {
		return 0, err
	}
	if workers <= 0 {
		workers = JPMWorkers()
	}
	plan, err := s.jpmStandards(ctx, s.db, workers)
	if err != nil {
		return 0, err
	}
	fresh, freshStamp := plan, stdStamp // the standards the slow path uses
	n := 0
	var first, last int64 = -1, -1
	now := s.Now().Unix()
	var buf jpmScratch
	err = s.jpmChunks(ctx, workers, plan, true, s.jpmWork, func(c *jpmChunk) error {
		if first < 0 {
			first = c.lo
		}
		last = c.hi
		return s.inTx(ctx, func(tx *sql.Tx) error {
			st, err := stampOf(ctx, tx)
			if err != nil {
				return err
			}
			rows := c.rows
			if st != c.stamp || st.audit != stdStamp.audit {
				if st.audit != freshStamp.audit {
					if fresh, err = s.jpmStandards(ctx, tx, 1); err != nil {
						return err
					}
					freshStamp = st
				}
				if rows, err = s.jpmChunk(ctx, tx, fresh, c.lo, c.hi, &buf); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM employee_jpm WHERE employee_id >= $1 AND employee_id < $2`, c.lo, c.hi); err != nil {
				return fmt.Errorf("store: jpm: clear: %w", err)
			}
			b := newBulkInserter(ctx, tx, "employee_jpm", []string{"employee_id", "position_id", "standard_id", "sum_required",
				"sum_actual", "sum_capped", "jpm_raw", "jpm_capped", "mapping", "filling", "assessed", "total", "updated_at"}, 500)
			b.anon = s.dialect == SQLite
			for i := range rows {
				r := &rows[i]
				if err := b.add(r.EmployeeID, r.PositionID, r.StandardID, r.SumRequired, r.SumActual, r.SumCapped,
					int64(r.JPMRaw), int64(r.JPMCapped), r.Mapping.String(), r.Filling.String(), r.Assessed, r.Total, now); err != nil {
					return fmt.Errorf("store: jpm: write: %w", err)
				}
			}
			if err := b.close(); err != nil {
				return fmt.Errorf("store: jpm: write: %w", err)
			}
			n += len(rows)
			return nil
		})
	})
	if err != nil {
		return n, err
	}
	// Rows of employees outside the ID range read (deleted employees; all
	// rows when there are no employees).
	_, err = s.db.ExecContext(ctx, `DELETE FROM employee_jpm WHERE employee_id < $1 OR employee_id >= $2`, first, last)
	return n, err
}
