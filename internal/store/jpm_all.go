package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/needs"
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
	needs  map[int64]*needs.Tally // the needs analysis's per-unit sums
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
