package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// The store half of the assessment-centre and SKP imports: the lookups the
// importer needs to check a file's rows, and the writes of the rows it
// found good. Reading and checking the file is internal/importer's
// (assessment.go, performance.go).

// EmployeeRef is what an import needs of an employee named by NIP.
type EmployeeRef struct {
	ID       int64
	UnitPath string
}

// EmployeeRefsByNIP returns the employees with the given NIPs, by NIP;
// unknown NIPs are absent from the map.
func (s *Store) EmployeeRefsByNIP(ctx context.Context, nips []string) (map[string]EmployeeRef, error) {
	out := make(map[string]EmployeeRef, len(nips))
	if len(nips) == 0 {
		return out, nil
	}
	stmt, err := s.db.PrepareContext(ctx, `SELECT e.id, u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.nip = $1`)
	if err != nil {
		return nil, fmt.Errorf("store: employees by NIP: %w", err)
	}
	defer stmt.Close()
	for _, n := range nips {
		if _, done := out[n]; done || n == "" {
			continue
		}
		var e EmployeeRef
		switch err := stmt.QueryRowContext(ctx, n).Scan(&e.ID, &e.UnitPath); {
		case err == sql.ErrNoRows:
		case err != nil:
			return nil, fmt.Errorf("store: employee %s: %w", n, err)
		default:
			out[n] = e
		}
	}
	return out, nil
}

// TalentImportEvent describes an applied assessment-centre or SKP file
// for the audit log.
type TalentImportEvent struct {
	Kind      string // "assessment" or "performance"
	File      string
	SHA256    string
	Rows, Bad int // data rows of the file, rows refused
	Employees int // distinct employees of the written rows
}

// AssessmentResult is one checked assessment-centre result.
type AssessmentResult struct {
	EmployeeID, CompetencyID int64
	Level                    int
	At                       time.Time
	Note                     string
}

// PerformanceResult is one checked SKP predikat for a year.
type PerformanceResult struct {
	EmployeeID int64
	Year       int
	Predikat   string // as model.CanonicalPredikat spells it
}

// ApplyAssessmentResults writes results as rating events (source
// assessment_centre) in one transaction, recomputes the current levels and
// JPM of their employees, and audits the import as one event with its
// counts and the file's SHA-256.
func (s *Store) ApplyAssessmentResults(ctx context.Context, a model.Actor, ev TalentImportEvent, results []AssessmentResult) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		b := newBulkInserter(ctx, tx, "rating", []string{"employee_id", "competency_id", "source", "level", "rater_id", "at", "note"}, 500)
		b.anon = s.dialect == SQLite
		people := map[int64]bool{}
		for _, g := range results {
			people[g.EmployeeID] = true
			if err := b.add(g.EmployeeID, g.CompetencyID, string(assess.SourceAssessmentCentre), g.Level, nil, g.At.Unix(), g.Note); err != nil {
				return fmt.Errorf("store: import assessment: %w", err)
			}
		}
		if err := b.close(); err != nil {
			return fmt.Errorf("store: import assessment: %w", err)
		}
		ids := make([]int64, 0, len(people))
		for id := range people {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		for _, id := range ids {
			if err := s.recomputeLevels(ctx, tx, id); err != nil {
				return err
			}
			if err := s.recomputeJPM(ctx, tx, id); err != nil {
				return err
			}
		}
		return s.auditTalentImport(ctx, tx, a, ev, len(results))
	})
}

// ApplyPerformanceResults writes yearly SKP predikat (replacing stored
// ones) in one transaction with one audit event for the file.
func (s *Store) ApplyPerformanceResults(ctx context.Context, a model.Actor, ev TalentImportEvent, results []PerformanceResult) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, g := range results {
			if err := upsertPerformance(ctx, tx, g.EmployeeID, g.Year, g.Predikat); err != nil {
				return err
			}
		}
		return s.auditTalentImport(ctx, tx, a, ev, len(results))
	})
}

func (s *Store) auditTalentImport(ctx context.Context, tx *sql.Tx, a model.Actor, ev TalentImportEvent, written int) error {
	return s.audit(ctx, tx, a, "import."+ev.Kind, "import", 0, map[string]any{
		"file": ev.File, "sha256": ev.SHA256, "rows": ev.Rows, "written": written, "bad": ev.Bad, "employees": ev.Employees})
}
