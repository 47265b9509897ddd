package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
)

// Target positions (jabatan target, issue 11 point 6): the post an employee
// is being developed for, one per employee, recorded by an administrator.
// The needs analysis compares the employee's current levels with its
// current standard beside the standard of the position held (PP 17/2020
// Pasal 205–206).

// TargetNoteMax is the longest note a target position keeps, in characters.
const TargetNoteMax = 500

// TargetPosition is an employee's recorded target position, with its
// standard compared with the employee's current levels.
type TargetPosition struct {
	EmployeeID, PositionID int64
	PositionTitle          string
	UnitName               string // the unit of the target position
	Note                   string
	SetAt                  time.Time
	StandardID             int64      // 0: the target position has no standard yet
	Result                 gap.Result // current levels against the target's standard
	Names                  []string   // competency name of each Result.Gaps entry
}

// SetTargetPosition records (or replaces) the target position of an
// employee, audited with the old and new position. The target must exist
// and differ from the position held. Callers check that the actor
// administers the employee (policy.EmployeeWrite).
func (s *Store) SetTargetPosition(ctx context.Context, a model.Actor, employeeID, positionID int64, note string) error {
	note = strings.TrimSpace(note)
	if utf8.RuneCountInString(note) > TargetNoteMax {
		return apperr.New(apperr.EINVALID, "err.target.note_too_long", TargetNoteMax)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var held sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT position_id FROM employee WHERE id = $1`, employeeID).Scan(&held); err != nil {
			return notFound(err, "err.common.employee_not_found", employeeID)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM position WHERE id = $1`, positionID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.New(apperr.EINVALID, "err.target.position_unknown", positionID)
		}
		if held.Valid && held.Int64 == positionID {
			return apperr.New(apperr.EINVALID, "err.target.same_as_held")
		}
		var old sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT position_id FROM target_position WHERE employee_id = $1`, employeeID).Scan(&old)
		if err != nil && err != sql.ErrNoRows {
			return fmt.Errorf("store: target position of %d: %w", employeeID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO target_position (employee_id, position_id, note, set_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (employee_id) DO UPDATE SET position_id = excluded.position_id, note = excluded.note, set_at = excluded.set_at`,
			employeeID, positionID, note, s.Now().Unix()); err != nil {
			return fmt.Errorf("store: set target position of %d: %w", employeeID, err)
		}
		return s.audit(ctx, tx, a, "target_position.set", "employee", employeeID,
			map[string]any{"position_id": Change{idText(old), strconv.FormatInt(positionID, 10)}, "note": note})
	})
}

// ClearTargetPosition removes an employee's target position, audited; no
// target is not an error (nothing changes, nothing is logged).
func (s *Store) ClearTargetPosition(ctx context.Context, a model.Actor, employeeID int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old int64
		err := tx.QueryRowContext(ctx, `SELECT position_id FROM target_position WHERE employee_id = $1`, employeeID).Scan(&old)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return fmt.Errorf("store: target position of %d: %w", employeeID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM target_position WHERE employee_id = $1`, employeeID); err != nil {
			return fmt.Errorf("store: clear target position of %d: %w", employeeID, err)
		}
		return s.audit(ctx, tx, a, "target_position.clear", "employee", employeeID,
			map[string]any{"position_id": Change{strconv.FormatInt(old, 10), ""}})
	})
}

// idText writes a nullable ID for an audit change ("" when null).
func idText(id sql.NullInt64) string {
	if !id.Valid {
		return ""
	}
	return strconv.FormatInt(id.Int64, 10)
}

// TargetPosition returns an employee's target position with the gap of
// their current levels to its current standard; nil when none is recorded.
func (s *Store) TargetPosition(ctx context.Context, employeeID int64) (*TargetPosition, error) {
	t := TargetPosition{EmployeeID: employeeID}
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT t.position_id, p.title, u.name, t.note, t.set_at
		FROM target_position t JOIN position p ON p.id = t.position_id JOIN org_unit u ON u.id = p.unit_id
		WHERE t.employee_id = $1`, employeeID).Scan(&t.PositionID, &t.PositionTitle, &t.UnitName, &t.Note, &at)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: target position of %d: %w", employeeID, err)
	}
	t.SetAt = unixTime(at)
	sid, reqs, err := currentStandard(ctx, s.db, t.PositionID)
	if err != nil {
		return nil, err
	}
	t.StandardID = sid
	actual, err := currentLevels(ctx, s.db, employeeID)
	if err != nil {
		return nil, err
	}
	gap.ComputeInto(&t.Result, reqs, actual)
	names := map[int64]string{}
	var id int64
	var name string
	if len(reqs) > 0 {
		var a args
		ids := make([]int64, len(reqs))
		for i, r := range reqs {
			ids[i] = r.CompetencyID
		}
		in := inList(&a, ids)
		if err := eachRow(ctx, s.db, `SELECT id, name FROM competency WHERE id IN (`+in+`)`, a, []any{&id, &name}, func() {
			names[id] = name
		}); err != nil {
			return nil, fmt.Errorf("store: target standard names: %w", err)
		}
	}
	for _, g := range t.Result.Gaps {
		t.Names = append(t.Names, names[g.CompetencyID])
	}
	return &t, nil
}

// NeedsSources returns what the needs analysis of unitID's subtree within
// scope (as NeedsAnalysis resolves them; a unit outside the scope is "not
// found") adds from its other two sources: the ranked needs of the active
// employees with a target position against its current standard, and the
// performance gap of the last final SKP year (gap.TalentYears) of the
// employees the analysis counts (those with a standard). Targets are few,
// so they are read per request; the SKP counts come with the snapshot.
func (s *Store) NeedsSources(ctx context.Context, scope model.Scope, unitID int64) (*needs.Sources, error) {
	snap, _, err := s.needsSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	_, base, _, err := snap.Base(scope, unitID)
	if err != nil {
		return nil, err
	}
	out := &needs.Sources{}
	// Performance: counted in the snapshot's pass (needs_cache.go).
	n, err := snap.Analysis(scope, unitID)
	if err != nil {
		return nil, err
	}
	out.Performance = needs.PerformanceOf(snap.year, n.Perf)
	// Targets: each employee's current levels against the target's standard.
	// Read from the few target rows outward (CROSS JOIN fixes SQLite's join
	// order: a subtree condition first would scan its employees), the
	// subtree checked in Go.
	type target struct{ emp, pos int64 }
	var targets []target
	var tg target
	var path string
	if err := eachRow(ctx, s.db, `SELECT e.id, t.position_id, u.path FROM target_position t CROSS JOIN employee e CROSS JOIN org_unit u
		WHERE e.id = t.employee_id AND u.id = e.unit_id AND e.status = 'aktif' ORDER BY e.id`, nil, []any{&tg.emp, &tg.pos, &path}, func() {
		for _, u := range base {
			if model.InSubtree(path, u.Path) {
				targets = append(targets, tg)
				break
			}
		}
	}); err != nil {
		return nil, fmt.Errorf("store: needs targets: %w", err)
	}
	stds := map[int64][]gap.Requirement{}
	cols := needs.Columns{Names: map[int64]needs.Competency{}}
	slot := map[int64]int{}
	type person struct {
		reqs   []gap.Requirement
		levels []int
	}
	var people []person
	for _, t := range targets {
		reqs, ok := stds[t.pos]
		if !ok {
			if _, reqs, err = currentStandard(ctx, s.db, t.pos); err != nil {
				return nil, err
			}
			stds[t.pos] = reqs
		}
		if len(reqs) == 0 {
			continue
		}
		actual, err := currentLevels(ctx, s.db, t.emp)
		if err != nil {
			return nil, err
		}
		p := person{reqs: reqs}
		for _, r := range reqs {
			lvl := 0 // not assessed
			for _, x := range actual {
				if x.CompetencyID == r.CompetencyID {
					lvl = x.Level
				}
			}
			p.levels = append(p.levels, lvl)
			if _, ok := slot[r.CompetencyID]; !ok {
				slot[r.CompetencyID] = len(cols.IDs)
				cols.IDs = append(cols.IDs, r.CompetencyID)
			}
		}
		people = append(people, p)
	}
	out.TargetEmployees = len(people)
	if len(people) == 0 {
		return out, nil
	}
	tally := needs.NewTally(len(cols.IDs))
	for _, p := range people {
		tally.AddEmployee(gap.MappingUnknown, p.reqs, p.levels, slot)
	}
	var c args
	in := inList(&c, cols.IDs)
	var id int64
	var comp needs.Competency
	if err := eachRow(ctx, s.db, `SELECT id, code, name, grp FROM competency WHERE id IN (`+in+`)`, c, []any{&id, &comp.Code, &comp.Name, &comp.Group}, func() {
		cols.Names[id] = comp
	}); err != nil {
		return nil, fmt.Errorf("store: needs target competencies: %w", err)
	}
	out.Target = needs.RankedNeeds(cols, tally)
	return out, nil
}

// TargetOption is a position a target may name, for the form's list.
type TargetOption struct {
	ID              int64
	Title, UnitName string
}

// maxTargetOptions bounds the form's list of target positions.
const maxTargetOptions = 500

// TargetOptions lists the positions with a current standard in the OPD of
// the employee's unit (the subtree of the second unit of its path: a
// target is prepared inside the agency), other than the position held, by
// unit and title; at most maxTargetOptions.
func (s *Store) TargetOptions(ctx context.Context, employeeID int64) ([]TargetOption, error) {
	var path string
	var held sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT u.path, e.position_id FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.id = $1`,
		employeeID).Scan(&path, &held); err != nil {
		return nil, notFound(err, "err.common.employee_not_found", employeeID)
	}
	ids := model.PathIDs(path)
	if len(ids) > 2 {
		ids = ids[:2]
	}
	opd := "/"
	for _, id := range ids {
		opd += strconv.FormatInt(id, 10) + "/"
	}
	var a args
	q := `SELECT p.id, p.title, u.name FROM position p JOIN org_unit u ON u.id = p.unit_id
		WHERE ` + pathRange("u.path", opd, &a) + ` AND p.id <> ` + a.add(held.Int64) + `
		AND EXISTS (SELECT 1 FROM position_standard ps WHERE ps.position_id = p.id AND ps.is_current = TRUE)
		ORDER BY u.path, p.title, p.id LIMIT ` + a.add(maxTargetOptions)
	var out []TargetOption
	var o TargetOption
	if err := eachRow(ctx, s.db, q, a, []any{&o.ID, &o.Title, &o.UnitName}, func() { out = append(out, o) }); err != nil {
		return nil, fmt.Errorf("store: target options of %d: %w", employeeID, err)
	}
	return out, nil
}
