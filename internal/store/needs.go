package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
)

// Needs analysis (AKPK): the arithmetic is in package needs (the tree of
// tallies an analysis is summed from is needs.Tree). The store reads
// what it is summed from and keeps it (needs_cache.go): one pass over every
// employee with the JPM machinery tallies each unit's own needs, rolled up
// the tree once into subtree tallies; every unit's and every scope's
// analysis is then assembled from those, O(rows × competencies) whatever
// the number of employees.
//
// Only active employees (status "aktif") holding a position with a current
// standard count. Read scope is the organisation subtrees of model.Scope
// (the whole pemda for whole-government roles); the records a user sees
// only as their own or as direct reports are not part of an analysis.

// NeedPerson is one employee short in a competency (drill-down).
type NeedPerson struct {
	EmployeeID               int64
	NIP                      string
	Kind                     model.EmployeeKind
	Name, GelarDepan         string
	GelarBelakang            string
	Position                 string
	UnitID                   int64
	UnitName                 string
	Required, Actual, Weight int
}

// NeedsAnalysis returns the needs analysis of unitID's subtree (0: the top
// of the scope, the whole pemda for whole-government roles) within scope:
// the ranked needs and the heat-map whose rows are the unit's children,
// each aggregating its whole subtree, plus a row for the employees placed
// in the unit itself, and whose columns are the needs.MaxHeatColumns competencies
// of highest need. A unit outside the scope is "not found".
func (s *Store) NeedsAnalysis(ctx context.Context, scope model.Scope, unitID int64) (*needs.Analysis, error) {
	snap, stale, err := s.needsSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	out, err := snap.Analysis(scope, unitID)
	if err != nil {
		return nil, err
	}
	out.AsOf, out.Stale = snap.at, stale
	return out, nil
}

// NeedPeople lists, a page at a time, the active employees of unitID's
// subtree (0: the top of the scope, as in NeedsAnalysis) who are assessed
// and short in competency competencyID: largest shortfall first, then by
// name. It returns whether there are more. A unit outside the scope is
// "not found".
func (s *Store) NeedPeople(ctx context.Context, scope model.Scope, unitID, competencyID int64, offset, limit int) ([]NeedPerson, bool, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	offset = max(offset, 0)
	snap, _, err := s.needsSnapshot(ctx)
	if err != nil {
		return nil, false, err
	}
	_, base, _, err := snap.Base(scope, unitID)
	if err != nil {
		return nil, false, err
	}
	var a args
	var or []string
	for _, u := range base {
		or = append(or, pathRange("u.path", u.Path, &a))
	}
	comp := a.add(competencyID)
	q := `SELECT e.id, e.nip, e.kind, e.name, e.gelar_depan, e.gelar_belakang, p.title, u.id, u.name, i.required, l.level, i.weight
		FROM org_unit u
		JOIN employee e ON e.unit_id = u.id
		JOIN position p ON p.id = e.position_id
		JOIN position_standard ps ON ps.position_id = e.position_id AND ps.is_current = TRUE
		JOIN standard_item i ON i.standard_id = ps.id AND i.competency_id = ` + comp + `
		JOIN current_level l ON l.employee_id = e.id AND l.competency_id = ` + comp + `
		WHERE (` + strings.Join(or, " OR ") + `) AND e.status = 'aktif' AND l.level < i.required
		ORDER BY i.required - l.level DESC, e.sort_name, e.id
		LIMIT ` + a.add(limit+1) + ` OFFSET ` + a.add(offset)
	var out []NeedPerson
	var p NeedPerson
	if err := eachRow(ctx, s.db, q, a, []any{&p.EmployeeID, &p.NIP, &p.Kind, &p.Name, &p.GelarDepan, &p.GelarBelakang, &p.Position,
		&p.UnitID, &p.UnitName, &p.Required, &p.Actual, &p.Weight}, func() { out = append(out, p) }); err != nil {
		return nil, false, fmt.Errorf("store: need people: %w", err)
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	return out, more, nil
}

// NeedCompetency returns the code and name of a competency for the
// drill-down heading ("not found" when there is none).
func (s *Store) NeedCompetency(ctx context.Context, id int64) (code, name string, err error) {
	err = s.queryRow(ctx, `SELECT code, name FROM competency WHERE id = $1`, id).Scan(&code, &name)
	return code, name, notFound(err, "err.common.competency_not_found", id)
}
