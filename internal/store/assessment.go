package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// AddRating records a rating event after checking that the rater may give
// it, then in the same transaction recomputes the employee's current level
// for that competency (assess.Resolve with assess.DefaultRule) and their
// JPM against the current standard of their position (gap.ComputeInto).
// The values are checked by model.Rating.Validate, who may rate whom by
// policy.MayRate (self, supervisor or head above, peer of the same OPD,
// administrators for test, assessment-centre and evidence results, the
// supervisor for evidence too: evidence.go). A self, supervisor or
// peer rating made while an assessment cycle is open for the employee and
// source gets that cycle's ID (see cycles.go); outside any open cycle it is
// recorded without one. The write is audited; the audit entry of a peer
// rating does not name the rater.
func (s *Store) AddRating(ctx context.Context, a model.Actor, r *model.Rating) error {
	return s.AddRatings(ctx, a, []*model.Rating{r})
}

// AddRatings records the ratings of one form (several competencies of one
// employee, usually) all or none: every value is checked before anything is
// written, then one transaction records each rating under the rules of
// AddRating with its audit row, resolves the level of each competency rated
// once, and recomputes the JPM of each employee rated once, at the end. A
// rating that may not be given fails the whole form.
func (s *Store) AddRatings(ctx context.Context, a model.Actor, rs []*model.Rating) error {
	for _, r := range rs {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	if len(rs) == 0 {
		return nil
	}
	now := s.Now()
	for _, r := range rs {
		if r.At.IsZero() {
			r.At = now
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range rs {
			if err := s.insertRatingTx(ctx, tx, a, r); err != nil {
				return err
			}
		}
		return s.recomputeRated(ctx, tx, rs)
	})
}

// addRatingTx is AddRating inside tx, for callers that record a rating as
// part of a larger change (an accepted work evidence, evidence.go).
func (s *Store) addRatingTx(ctx context.Context, tx *sql.Tx, a model.Actor, r *model.Rating) error {
	if err := s.insertRatingTx(ctx, tx, a, r); err != nil {
		return err
	}
	return s.recomputeRated(ctx, tx, []*model.Rating{r})
}

// insertRatingTx checks that r may be given, attaches it to its open cycle
// and records it with its audit row, without recomputing anything.
func (s *Store) insertRatingTx(ctx context.Context, tx *sql.Tx, a model.Actor, r *model.Rating) error {
	if err := s.checkRater(ctx, tx, r); err != nil {
		return err
	}
	if err := s.attachCycle(ctx, tx, r); err != nil { // cycles.go
		return err
	}
	var ok int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM competency WHERE id = $1`, r.CompetencyID).Scan(&ok); err != nil {
		return err
	}
	if ok == 0 {
		return apperr.Invalid("competency", "err.rating.competency_does_not_exist", r.CompetencyID)
	}
	id, err := insertID(ctx, tx, `INSERT INTO rating (cycle_id, employee_id, competency_id, source, level, rater_id, at, note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, nullID(r.CycleID), r.EmployeeID, r.CompetencyID, string(r.Source),
		r.Level, nullID(r.RaterID), r.At.Unix(), r.Note)
	if err != nil {
		return fmt.Errorf("store: add rating: %w", err)
	}
	r.ID = id
	detail := map[string]any{"employee_id": r.EmployeeID, "competency_id": r.CompetencyID,
		"source": string(r.Source), "level": r.Level}
	if r.CycleID != 0 {
		detail["cycle_id"] = r.CycleID
	}
	if r.Source != assess.SourcePeer {
		detail["rater_id"] = r.RaterID
	}
	return s.audit(ctx, tx, a, "rating.add", "rating", id, detail)
}

// recomputeRated resolves the current level of every (employee, competency)
// rated in rs once, then the JPM of every employee rated once
// (model.RatedBy).
func (s *Store) recomputeRated(ctx context.Context, q queryer, rs []*model.Rating) error {
	stale := model.RatedBy(rs)
	for _, k := range stale.Levels {
		if err := s.recomputeLevel(ctx, q, k[0], k[1]); err != nil {
			return err
		}
	}
	for _, e := range stale.Employees {
		if err := s.recomputeJPM(ctx, q, e); err != nil {
			return err
		}
	}
	return nil
}

// checkRater reads the facts the rating rule looks at (the rated
// employee's supervisor and unit, the rater's head posts and OPD when the
// source needs them) and asks policy.MayRate.
func (s *Store) checkRater(ctx context.Context, q queryer, r *model.Rating) error {
	f := policy.RatingFacts{Source: r.Source, RaterID: r.RaterID, RaterAdmin: r.RaterAdmin,
		Rated: policy.Target{EmployeeID: r.EmployeeID}}
	err := q.QueryRowContext(ctx, `SELECT COALESCE(e.supervisor_id, 0), u.path FROM employee e
		JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`, r.EmployeeID).Scan(&f.Rated.SupervisorID, &f.Rated.UnitPath)
	if err != nil {
		return notFound(err, "err.common.employee_not_found", r.EmployeeID)
	}
	other := r.RaterID != 0 && r.RaterID != r.EmployeeID && r.RaterID != f.Rated.SupervisorID
	switch r.Source {
	case assess.SourceSupervisor, assess.SourceEvidence:
		if other { // neither the direct supervisor nor refused anyway: does the rater head a unit above?
			if f.RaterHeads, err = s.headPaths(ctx, q, r.RaterID); err != nil {
				return err
			}
		}
	case assess.SourcePeer:
		if other {
			var raterPath string
			if err := q.QueryRowContext(ctx, `SELECT u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id
				WHERE e.id = $1`, r.RaterID).Scan(&raterPath); err != nil {
				return notFound(err, "err.rating.rater_not_found", r.RaterID)
			}
			if f.RatedOPD, f.RaterOPD, err = opdsOf(ctx, q, f.Rated.UnitPath, raterPath); err != nil {
				return err
			}
		}
	}
	return policy.MayRate(f)
}

// headPaths returns the paths of the units whose head post employee rater
// holds, or acts in (Plt./Plh.) today.
func (s *Store) headPaths(ctx context.Context, q queryer, rater int64) ([]string, error) {
	today := s.today()
	var out []string
	var p string
	if err := eachRow(ctx, q, `SELECT u.path FROM org_unit u JOIN position p ON p.unit_id = u.id
		WHERE p.is_head = TRUE AND (p.id IN (SELECT position_id FROM employee WHERE id = $1 AND position_id IS NOT NULL)
		OR p.id IN (SELECT position_id FROM acting_assignment WHERE employee_id = $1 AND from_date <= $2 AND (until_date = '' OR until_date >= $2)))`, []any{rater, today}, []any{&p}, func() {
		out = append(out, p)
	}); err != nil {
		return nil, fmt.Errorf("store: heads above: %w", err)
	}
	return out, nil
}

// opdsOf returns the OPDs (model.OPDOf) of the units at two paths, reading
// which units on them are of kind opd.
func opdsOf(ctx context.Context, q queryer, pathA, pathB string) (int64, int64, error) {
	ids := append(model.PathIDs(pathA), model.PathIDs(pathB)...)
	opd := map[int64]bool{}
	if len(ids) > 0 {
		var a args
		kind := a.add(string(model.UnitOPD))
		var id int64
		if err := eachRow(ctx, q, `SELECT id FROM org_unit WHERE kind = `+kind+` AND id IN (`+inList(&a, ids)+`)`, a, []any{&id}, func() {
			opd[id] = true
		}); err != nil {
			return 0, 0, err
		}
	}
	is := func(id int64) bool { return opd[id] }
	return model.OPDOf(pathA, is), model.OPDOf(pathB, is), nil
}

// loadEvents reads the rating events of one employee, of one competency
// when competencyID is not 0.
func loadEvents(ctx context.Context, q queryer, employeeID, competencyID int64) ([]assess.Event, error) {
	query := `SELECT id, competency_id, source, level, COALESCE(rater_id, 0), at FROM rating WHERE employee_id = $1`
	qargs := []any{employeeID}
	if competencyID != 0 {
		query += ` AND competency_id = $2`
		qargs = append(qargs, competencyID)
	}
	var out []assess.Event
	var e assess.Event
	var at int64
	if err := eachRow(ctx, q, query, qargs, []any{&e.ID, &e.CompetencyID, &e.Source, &e.Level, &e.RaterID, &at}, func() {
		e.At = time.Unix(at, 0).UTC()
		out = append(out, e)
	}); err != nil {
		return nil, fmt.Errorf("store: ratings of %d: %w", employeeID, err)
	}
	return out, nil
}

// recomputeLevel resolves one employee's events for one competency and
// stores the result in current_level (or removes the row when no event
// counts any more).
func (s *Store) recomputeLevel(ctx context.Context, q queryer, employeeID, competencyID int64) error {
	evs, err := loadEvents(ctx, q, employeeID, competencyID)
	if err != nil {
		return err
	}
	set, err := loadSettings(ctx, q)
	if err != nil {
		return err
	}
	res := assess.Resolve(set.Rule(), evs, s.Now())
	if len(res) == 0 {
		_, err := q.ExecContext(ctx, `DELETE FROM current_level WHERE employee_id = $1 AND competency_id = $2`, employeeID, competencyID)
		return err
	}
	return upsertLevel(ctx, q, employeeID, &res[0], s.Now().Unix())
}

// upsertLevel writes one resolved level.
func upsertLevel(ctx context.Context, q queryer, employeeID int64, r *assess.Resolution, now int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO current_level (employee_id, competency_id, level, decided, conflict, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (employee_id, competency_id) DO UPDATE SET level = excluded.level, decided = excluded.decided,
		conflict = excluded.conflict, updated_at = excluded.updated_at`,
		employeeID, r.CompetencyID, r.Level, string(r.Decided), r.Conflict, now)
	if err != nil {
		return fmt.Errorf("store: current level: %w", err)
	}
	return nil
}

// currentStandard returns the current standard of a position (0 when it has
// none) and its requirements in dictionary order.
func currentStandard(ctx context.Context, q queryer, positionID int64) (int64, []gap.Requirement, error) {
	if positionID == 0 {
		return 0, nil, nil
	}
	var sid int64
	err := q.QueryRowContext(ctx, `SELECT id FROM position_standard WHERE position_id = $1 AND is_current = TRUE
		ORDER BY id DESC LIMIT 1`, positionID).Scan(&sid)
	if err == sql.ErrNoRows {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("store: standard of position %d: %w", positionID, err)
	}
	reqs, err := standardItems(ctx, q, sid)
	return sid, reqs, err
}

// standardItems reads the requirements of one standard in dictionary order.
func standardItems(ctx context.Context, q queryer, standardID int64) ([]gap.Requirement, error) {
	var out []gap.Requirement
	var r gap.Requirement
	if err := eachRow(ctx, q, `SELECT i.competency_id, i.required, i.weight, i.mandatory FROM standard_item i
		JOIN competency c ON c.id = i.competency_id WHERE i.standard_id = $1 ORDER BY c.framework_id, c.ord, c.id`, []any{standardID}, []any{&r.CompetencyID, &r.Required, &r.Weight, &r.Mandatory}, func() {
		out = append(out, r)
	}); err != nil {
		return nil, fmt.Errorf("store: standard %d: %w", standardID, err)
	}
	return out, nil
}

// currentLevels reads an employee's stored current levels.
func currentLevels(ctx context.Context, q queryer, employeeID int64) ([]gap.Actual, error) {
	var out []gap.Actual
	var a gap.Actual
	if err := eachRow(ctx, q, `SELECT competency_id, level FROM current_level WHERE employee_id = $1`, []any{employeeID}, []any{&a.CompetencyID, &a.Level}, func() {
		out = append(out, a)
	}); err != nil {
		return nil, fmt.Errorf("store: current levels of %d: %w", employeeID, err)
	}
	return out, nil
}

// recomputeJPM compares an employee's current levels with the current
// standard of their position and stores the result in employee_jpm; an
// employee without a position or whose position has no standard has no row.
func (s *Store) recomputeJPM(ctx context.Context, q queryer, employeeID int64) error {
	var pos int64
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(position_id, 0) FROM employee WHERE id = $1`, employeeID).Scan(&pos); err != nil {
		return notFound(err, "err.common.employee_not_found", employeeID)
	}
	sid, reqs, err := currentStandard(ctx, q, pos)
	if err != nil {
		return err
	}
	if sid == 0 || len(reqs) == 0 {
		_, err := q.ExecContext(ctx, `DELETE FROM employee_jpm WHERE employee_id = $1`, employeeID)
		return err
	}
	act, err := currentLevels(ctx, q, employeeID)
	if err != nil {
		return err
	}
	set, err := loadSettings(ctx, q)
	if err != nil {
		return err
	}
	var res gap.Result
	gap.ComputeIntoWith(&res, set.Thresholds(), reqs, act)
	return upsertJPM(ctx, q, employeeID, pos, sid, &res, s.Now().Unix())
}

// upsertJPM writes one employee's JPM row.
func upsertJPM(ctx context.Context, q queryer, employeeID, positionID, standardID int64, r *gap.Result, now int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO employee_jpm (employee_id, position_id, standard_id, sum_required, sum_actual,
		sum_capped, jpm_raw, jpm_capped, mapping, filling, assessed, total, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		ON CONFLICT (employee_id) DO UPDATE SET position_id = excluded.position_id, standard_id = excluded.standard_id,
		sum_required = excluded.sum_required, sum_actual = excluded.sum_actual, sum_capped = excluded.sum_capped,
		jpm_raw = excluded.jpm_raw, jpm_capped = excluded.jpm_capped, mapping = excluded.mapping, filling = excluded.filling,
		assessed = excluded.assessed, total = excluded.total, updated_at = excluded.updated_at`,
		employeeID, positionID, standardID, r.SumRequired, r.SumActual, r.SumCapped, int64(r.JPMRaw), int64(r.JPMCapped),
		r.Mapping.String(), r.Filling.String(), r.Assessed, r.Total, now)
	if err != nil {
		return fmt.Errorf("store: jpm of %d: %w", employeeID, err)
	}
	return nil
}

// recomputeLevels replaces all current levels of one employee.
func (s *Store) recomputeLevels(ctx context.Context, q queryer, employeeID int64) error {
	evs, err := loadEvents(ctx, q, employeeID, 0)
	if err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM current_level WHERE employee_id = $1`, employeeID); err != nil {
		return err
	}
	set, err := loadSettings(ctx, q)
	if err != nil {
		return err
	}
	now := s.Now()
	for _, r := range assess.Resolve(set.Rule(), evs, now) {
		if err := upsertLevel(ctx, q, employeeID, &r, now.Unix()); err != nil {
			return err
		}
	}
	return nil
}

// CheckRating reports whether r.RaterID (or, for test, assessment-centre and
// evidence results, someone administering r.RaterAdmin) may give the rating
// r describes, without recording anything: forms use it before they show.
func (s *Store) CheckRating(ctx context.Context, r *model.Rating) error {
	return s.checkRater(ctx, s.db, r)
}
