package store

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/gap"
)

// The levels side of ComputeAllJPM (jpm_all.go): one chunk of employees
// scanned in key order, their levels unpacked and computed with package gap.

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
	set, err := loadSettings(ctx, q)
	if err != nil {
		return nil, err
	}
	t := set.Thresholds()
	err = s.scanChunk(ctx, q, plan, lo, hi, false, buf, func(e *jpmEmp, lv []int) {
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
