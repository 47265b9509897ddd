package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/names"
)

// LevelText is the title and description of one level of a competency.
type LevelText struct {
	Level              int
	Title, Description string
}

// RatingView is one non-peer rating event as a profile shows it.
type RatingView struct {
	Source    assess.Source
	Level     int
	At        time.Time
	RaterID   int64
	RaterName string
}

// PeerSummary is the anonymous aggregate of peer ratings: only ever built
// when at least assess.DefaultRule().MinPeers distinct peers rated.
type PeerSummary struct {
	Count int // distinct peers
	Mean  int // the rounded mean of each peer's latest rating
}

// CompetencyItem is one competency of an employee's position standard with
// the employee's level in it.
type CompetencyItem struct {
	CompetencyID int64
	Code, Name   string
	Group        string
	Required     int
	Weight       int
	Mandatory    bool
	Actual       int // 0 when not assessed
	Gap          int // Actual − Required
	Assessed     bool
	Conflict     bool
	// Resolution explains Actual ("why is my level 2?"); nil when no
	// rating counts.
	Resolution *assess.Resolution
	// Events lists the non-peer ratings, newest first.
	Events []RatingView
	// Peers is the peer aggregate, nil below the minimum number of peers.
	Peers  *PeerSummary
	Levels [5]LevelText
}

// JPMRow is an employee's stored JPM (employee_jpm).
type JPMRow struct {
	PositionID, StandardID            int64
	SumRequired, SumActual, SumCapped int
	JPMRaw, JPMCapped                 gap.Fixed
	Mapping, Filling                  string
	Assessed, Total                   int
	UpdatedAt                         time.Time
}

// EmployeeCompetencies is an employee's profile against the current standard
// of their position.
type EmployeeCompetencies struct {
	EmployeeID, PositionID, StandardID int64
	DecreeNo                           string
	Items                              []CompetencyItem
	// Result is the JPM computed now from the same levels as Items, with
	// every number gap.Explain needs.
	Result gap.Result
	// Stored is the row kept in employee_jpm (nil when there is none).
	Stored *JPMRow
}

// EmployeeCompetencies returns, per competency of the current standard of
// the employee's position, the required and actual level, the gap, the
// contributing ratings (peer ratings only aggregated, and only when at
// least three peers rated), the conflict flag and the resolution, plus the
// JPM. Levels are resolved at the store's Now, so they agree with the
// explanation shown beside them.
func (s *Store) EmployeeCompetencies(ctx context.Context, employeeID int64) (*EmployeeCompetencies, error) {
	out := &EmployeeCompetencies{EmployeeID: employeeID}
	if err := s.db.QueryRowContext(ctx, `SELECT COALESCE(position_id, 0) FROM employee WHERE id = $1`, employeeID).Scan(&out.PositionID); err != nil {
		return nil, notFound(err, "err.common.employee_not_found", employeeID)
	}
	sid, reqs, err := currentStandard(ctx, s.db, out.PositionID)
	if err != nil {
		return nil, err
	}
	out.StandardID = sid
	if sid != 0 {
		if err := s.db.QueryRowContext(ctx, `SELECT decree_no FROM position_standard WHERE id = $1`, sid).Scan(&out.DecreeNo); err != nil {
			return nil, err
		}
	}
	evs, err := loadEvents(ctx, s.db, employeeID, 0)
	if err != nil {
		return nil, err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	rule := set.Rule()
	res := assess.Resolve(rule, evs, s.Now())
	byComp := map[int64]*assess.Resolution{}
	var actual []gap.Actual
	for i := range res {
		byComp[res[i].CompetencyID] = &res[i]
		actual = append(actual, gap.Actual{CompetencyID: res[i].CompetencyID, Level: res[i].Level})
	}
	gap.ComputeIntoWith(&out.Result, set.Thresholds(), reqs, actual)
	if len(reqs) > 0 {
		if err := s.fillItems(ctx, out, reqs, byComp); err != nil {
			return nil, err
		}
	}
	var row JPMRow
	var raw, capped, upd int64
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(position_id, 0), COALESCE(standard_id, 0), sum_required, sum_actual, sum_capped,
		jpm_raw, jpm_capped, mapping, filling, assessed, total, updated_at FROM employee_jpm WHERE employee_id = $1`, employeeID).
		Scan(&row.PositionID, &row.StandardID, &row.SumRequired, &row.SumActual, &row.SumCapped, &raw, &capped,
			&row.Mapping, &row.Filling, &row.Assessed, &row.Total, &upd)
	switch {
	case err == sql.ErrNoRows:
	case err != nil:
		return nil, fmt.Errorf("store: jpm of %d: %w", employeeID, err)
	default:
		row.JPMRaw, row.JPMCapped, row.UpdatedAt = gap.Fixed(raw), gap.Fixed(capped), unixTime(upd)
		out.Stored = &row
	}
	return out, nil
}

// fillItems adds names, level texts, ratings and resolutions to the items.
func (s *Store) fillItems(ctx context.Context, out *EmployeeCompetencies, reqs []gap.Requirement, byComp map[int64]*assess.Resolution) error {
	ids := make([]int64, len(reqs))
	index := map[int64]int{}
	out.Items = make([]CompetencyItem, len(reqs))
	for i, rq := range reqs {
		ids[i] = rq.CompetencyID
		index[rq.CompetencyID] = i
		g := out.Result.Gaps[i]
		it := &out.Items[i]
		*it = CompetencyItem{CompetencyID: rq.CompetencyID, Required: g.Required, Weight: g.Weight, Mandatory: g.Mandatory,
			Actual: g.Actual, Gap: g.Gap, Assessed: g.Assessed}
		if r := byComp[rq.CompetencyID]; r != nil {
			it.Resolution = r
			it.Conflict = r.Conflict
			if n, mean, ok := r.Peers(); ok {
				it.Peers = &PeerSummary{Count: n, Mean: mean}
			}
		}
	}
	var a args
	in := inList(&a, ids)
	var id int64
	var code, name, grp string
	if err := eachRow(ctx, s.db, `SELECT id, code, name, grp FROM competency WHERE id IN (`+in+`)`, a, []any{&id, &code, &name, &grp}, func() {
		it := &out.Items[index[id]]
		it.Code, it.Name, it.Group = code, name, grp
	}); err != nil {
		return fmt.Errorf("store: competencies: %w", err)
	}
	var t LevelText
	if err := eachRow(ctx, s.db, `SELECT competency_id, level, title, description FROM competency_level WHERE competency_id IN (`+in+`)`, a,
		[]any{&id, &t.Level, &t.Title, &t.Description}, func() {
			if t.Level >= 1 && t.Level <= 5 {
				out.Items[index[id]].Levels[t.Level-1] = t
			}
		}); err != nil {
		return fmt.Errorf("store: competency levels: %w", err)
	}
	var cid, at int64
	var v RatingView
	var n, f, b string
	if err := eachRow(ctx, s.db, `SELECT r.competency_id, r.source, r.level, r.at, COALESCE(r.rater_id, 0),
		COALESCE(e.name, ''), COALESCE(e.gelar_depan, ''), COALESCE(e.gelar_belakang, '')
		FROM rating r LEFT JOIN employee e ON e.id = r.rater_id
		WHERE r.employee_id = $1 AND r.source <> 'peer' ORDER BY r.at DESC, r.id DESC`, []any{out.EmployeeID}, []any{&cid, &v.Source, &v.Level, &at, &v.RaterID, &n, &f, &b}, func() {
		i, ok := index[cid]
		if !ok {
			return
		}
		v.At, v.RaterName = unixTime(at), "" // v is reused: no name of the row before
		if n != "" {
			v.RaterName = names.Display(f, n, b)
		}
		out.Items[i].Events = append(out.Items[i].Events, v)
	}); err != nil {
		return fmt.Errorf("store: ratings: %w", err)
	}
	return nil
}

// LatestRatings returns, per competency, the level of the newest rating a
// rater gave an employee with a source: what a form shows pre-selected.
func (s *Store) LatestRatings(ctx context.Context, employeeID, raterID int64, source assess.Source) (map[int64]int, error) {
	out := map[int64]int{}
	var c int64
	var l int
	if err := eachRow(ctx, s.db, `SELECT competency_id, level FROM rating WHERE employee_id = $1 AND rater_id = $2 AND source = $3
		ORDER BY at, id`, []any{employeeID, raterID, string(source)}, []any{&c, &l}, func() {
		out[c] = l
	}); err != nil {
		return nil, fmt.Errorf("store: latest ratings: %w", err)
	}
	return out, nil
}

// recomputeBatch is how many employees RecomputeAll handles per transaction.
const recomputeBatch = 2000

// RecomputeStats reports what RecomputeAll did.
type RecomputeStats struct {
	Employees int           // employees visited
	Levels    int           // current levels written
	JPM       int           // JPM rows written
	Took      time.Duration // wall time
}

// RecomputeAll recomputes every employee's current levels from their rating
// events, streaming employees in ID order in batches of recomputeBatch, one
// transaction per batch (each batch reads its employees' ratings with one
// range query and writes the levels with multi-row INSERTs), then every JPM
// from the current standards and those levels with RecomputeJPM.
func (s *Store) RecomputeAll(ctx context.Context) (RecomputeStats, error) {
	return s.recomputeAll(ctx, nil)
}

// recomputeAll is RecomputeAll telling progress, when not nil, how many
// employees' levels are done after each batch. The rule is the settings'.
func (s *Store) recomputeAll(ctx context.Context, progress func(done int64) error) (RecomputeStats, error) {
	start := time.Now()
	var st RecomputeStats
	set, err := s.Settings(ctx)
	if err != nil {
		return st, err
	}
	rule := set.Rule()
	var last int64
	for {
		var batch []int64
		var e int64
		if err := eachRow(ctx, s.db, fmt.Sprintf(`SELECT id FROM employee WHERE id > $1 ORDER BY id LIMIT %d`, recomputeBatch), []any{last},
			[]any{&e}, func() { batch = append(batch, e) }); err != nil {
			return st, fmt.Errorf("store: recompute: employees: %w", err)
		}
		if len(batch) == 0 {
			break
		}
		lo, hi := batch[0], batch[len(batch)-1]
		last = hi
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			evs := map[int64][]assess.Event{}
			var eid, at int64
			var e assess.Event
			if err := eachRow(ctx, tx, `SELECT employee_id, id, competency_id, source, level, COALESCE(rater_id, 0), at
				FROM rating WHERE employee_id BETWEEN $1 AND $2`, []any{lo, hi}, []any{&eid, &e.ID, &e.CompetencyID, &e.Source, &e.Level, &e.RaterID, &at}, func() {
				e.At = time.Unix(at, 0).UTC()
				evs[eid] = append(evs[eid], e)
			}); err != nil {
				return fmt.Errorf("store: recompute: ratings: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM current_level WHERE employee_id BETWEEN $1 AND $2`, lo, hi); err != nil {
				return err
			}
			lvl := newBulkInserter(ctx, tx, "current_level", []string{"employee_id", "competency_id", "level", "decided", "conflict", "updated_at"}, 500)
			lvl.anon = s.dialect == SQLite
			now := s.Now()
			for _, e := range batch {
				if list := evs[e]; len(list) > 0 {
					for _, r := range assess.Resolve(rule, list, now) {
						if err := lvl.add(e, r.CompetencyID, r.Level, string(r.Decided), r.Conflict, now.Unix()); err != nil {
							return fmt.Errorf("store: recompute: level: %w", err)
						}
						st.Levels++
					}
				}
			}
			if err := lvl.close(); err != nil {
				return fmt.Errorf("store: recompute: level: %w", err)
			}
			return nil
		})
		if err != nil {
			return st, err
		}
		st.Employees += len(batch)
		if progress != nil {
			if err := progress(int64(st.Employees)); err != nil {
				return st, err
			}
		}
	}
	n, err := s.RecomputeJPM(ctx, 0)
	st.JPM = n
	st.Took = time.Since(start)
	return st, err
}
