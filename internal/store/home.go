package store

import (
	"context"
	"fmt"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
)

// The reads of the home page's cards: what waits for the person signed in.
// Each is one or a few set-based queries over the scope the caller passes;
// none writes.

// RatingDue is a direct report still to be rated by their supervisor in the
// open cycle that includes them.
type RatingDue struct {
	EmployeeID int64
	Name       string // with titles
	UnitName   string
	CycleID    int64
	CycleName  string
	ClosesOn   string // ISO date
}

// RatingsDue returns the active direct reports of supervisorID who are in
// a cycle open today with supervisor ratings and have no supervisor rating
// in it yet, by name (each once, with the narrowest such cycle), at most
// limit of them, and how many there are in all.
func (s *Store) RatingsDue(ctx context.Context, supervisorID int64, limit int) ([]RatingDue, int, error) {
	today := s.today()
	var out []RatingDue
	seen := map[int64]bool{}
	var r RatingDue
	var n, f, b string
	err := eachRow(ctx, s.db, `SELECT e.id, e.name, e.gelar_depan, e.gelar_belakang, `+unitPlaceU+`, c.id, c.name, c.closes_on
		FROM employee e JOIN org_unit u ON u.id = e.unit_id
		JOIN assessment_cycle c ON c.closed_at IS NULL AND c.src_supervisor AND c.opens_on <= $2 AND c.closes_on >= $2
		LEFT JOIN org_unit su ON su.id = c.scope_unit_id
		WHERE e.supervisor_id = $1 AND e.status = 'aktif'
		AND (su.id IS NULL OR (u.path >= su.path AND u.path < SUBSTR(su.path, 1, LENGTH(su.path) - 1) || '0'))
		AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.cycle_id = c.id AND r.employee_id = e.id AND r.source = 'supervisor')
		ORDER BY e.sort_name, e.id, LENGTH(COALESCE(su.path, '')) DESC, c.id DESC`,
		[]any{supervisorID, today}, []any{&r.EmployeeID, &n, &f, &b, &r.UnitName, &r.CycleID, &r.CycleName, &r.ClosesOn}, func() {
			if seen[r.EmployeeID] {
				return
			}
			seen[r.EmployeeID] = true
			r.Name = names.Display(f, n, b)
			out = append(out, r)
		})
	if err != nil {
		return nil, 0, fmt.Errorf("store: ratings due: %w", err)
	}
	total := len(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, total, nil
}

// SelfAssessmentDue returns the cycle open today in which employeeID is
// asked to rate themselves and has not yet done so (the narrowest, as
// AddRating would attach the rating), or nil.
func (s *Store) SelfAssessmentDue(ctx context.Context, employeeID int64) (*model.Cycle, error) {
	cycles, err := s.OpenCyclesFor(ctx, employeeID)
	if err != nil {
		return nil, err
	}
	for _, c := range cycles {
		if !c.Self {
			continue
		}
		var done bool
		if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM rating
			WHERE cycle_id = $1 AND employee_id = $2 AND source = $3)`, c.ID, employeeID, string(assess.SourceSelf)).Scan(&done); err != nil {
			return nil, fmt.Errorf("store: self assessment due: %w", err)
		}
		if done {
			return nil, nil
		}
		return &c, nil
	}
	return nil, nil
}

// DataChecks counts what an administrator of a scope has to fix before the
// analysis of that scope means much.
type DataChecks struct {
	// PositionsWithoutStandard counts the positions of the scope's units
	// that have no current competency standard (SKJ).
	PositionsWithoutStandard int
	// Unassessed counts the active employees with no assessed competency
	// ("belum dinilai"), apart from everyone else, never as level 0.
	Unassessed int
	// NoSupervisor counts the active employees without a supervisor.
	NoSupervisor int
	// NIPWarnings counts the employees whose NIP disagrees with their birth
	// date or gender: real in old records, a warning to verify.
	NIPWarnings int
}

// Any reports whether something is to fix.
func (d DataChecks) Any() bool {
	return d.PositionsWithoutStandard+d.Unassessed+d.NoSupervisor+d.NIPWarnings > 0
}

// DataChecksIn counts the data to fix in sc: two queries, one over the
// positions of the scope's units, one over its employees.
func (s *Store) DataChecksIn(ctx context.Context, sc model.Scope) (DataChecks, error) {
	var d DataChecks
	var a args
	units := scopeUnits("u.path", sc, false, &a)
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM position p JOIN org_unit u ON u.id = p.unit_id
		WHERE `+units+` AND NOT EXISTS (SELECT 1 FROM position_standard ps WHERE ps.position_id = p.id AND ps.is_current)`,
		a...).Scan(&d.PositionsWithoutStandard); err != nil {
		return d, fmt.Errorf("store: positions without standard: %w", err)
	}
	a = nil
	cond := scopeClause(sc, &a)
	male := a.add(string(model.Male))
	if err := s.db.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(CASE WHEN e.status = 'aktif' AND NOT EXISTS (SELECT 1 FROM employee_jpm j WHERE j.employee_id = e.id AND j.assessed > 0) THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN e.status = 'aktif' AND e.supervisor_id IS NULL THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN (e.birth_date <> '' AND SUBSTR(e.nip, 1, 8) <> REPLACE(e.birth_date, '-', ''))
			OR SUBSTR(e.nip, 15, 1) <> CASE WHEN e.gender = `+male+` THEN '1' ELSE '2' END THEN 1 ELSE 0 END), 0)
		FROM employee e WHERE `+cond, a...).Scan(&d.Unassessed, &d.NoSupervisor, &d.NIPWarnings); err != nil {
		return d, fmt.Errorf("store: data checks: %w", err)
	}
	return d, nil
}
