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
// unknown NIPs are absent from the map. The NIPs are looked up in chunks of
// inChunk (one query per chunk, not one per row of a file).
func (s *Store) EmployeeRefsByNIP(ctx context.Context, nips []string) (map[string]EmployeeRef, error) {
	out := make(map[string]EmployeeRef, len(nips))
	seen := make(map[string]bool, len(nips))
	var keys []any
	for _, n := range nips {
		if n != "" && !seen[n] {
			seen[n] = true
			keys = append(keys, n)
		}
	}
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), inChunk)]
		keys = keys[len(chunk):]
		var n string
		var e EmployeeRef
		if err := eachRow(ctx, s.db, `SELECT e.nip, e.id, u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id
			WHERE e.nip IN (`+s.inList(len(chunk))+`)`, chunk, []any{&n, &e.ID, &e.UnitPath}, func() {
			out[n] = e
		}); err != nil {
			return nil, fmt.Errorf("store: employees by NIP: %w", err)
		}
	}
	return out, nil
}

// TalentImportEvent describes an applied assessment-centre or SKP file
// for the audit log: the import's event keeps the file itself (Data, at
// most MaxImportFileSize bytes) in import_file.
type TalentImportEvent struct {
	Kind      string // "assessment" or "performance"
	File      string
	SHA256    string
	Data      []byte // the file's bytes
	Rows, Bad int    // data rows of the file, rows refused
	Employees int    // distinct employees of the written rows
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
// JPM of their employees, and audits the import: one "import.assessment"
// event with its counts, the file's SHA-256 and the file itself
// (import_file), and one "rating.import" row per result in the history of
// its employee (competency, level, date), naming the event.
func (s *Store) ApplyAssessmentResults(ctx context.Context, a model.Actor, ev TalentImportEvent, results []AssessmentResult) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		eventID, err := s.auditTalentImport(ctx, tx, a, ev, map[string]any{"written": len(results)})
		if err != nil {
			return err
		}
		codes, err := s.competencyCodes(ctx, tx, results)
		if err != nil {
			return err
		}
		b := newBulkInserter(ctx, tx, "rating", []string{"employee_id", "competency_id", "source", "level", "rater_id", "at", "note"}, 500)
		b.anon = s.dialect == SQLite
		au := s.recordAudit(ctx, tx, a, eventID)
		people := map[int64]bool{}
		for _, g := range results {
			people[g.EmployeeID] = true
			if err := b.add(g.EmployeeID, g.CompetencyID, string(assess.SourceAssessmentCentre), g.Level, nil, g.At.Unix(), g.Note); err != nil {
				return fmt.Errorf("store: import assessment: %w", err)
			}
			if err := au.add("rating.import", g.EmployeeID, map[string]any{"competency_id": g.CompetencyID, "competency": codes[g.CompetencyID],
				"source": string(assess.SourceAssessmentCentre), "level": g.Level, "date": g.At.Format("2006-01-02"), "import": eventID}); err != nil {
				return err
			}
		}
		if err := b.close(); err != nil {
			return fmt.Errorf("store: import assessment: %w", err)
		}
		if err := au.close(); err != nil {
			return err
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
		return nil
	})
}

// ApplyPerformanceResults writes yearly SKP predikat (replacing stored
// ones) in one transaction: the stored predikat of the file's employees
// are read in chunks, only the changed ones are written (multi-row
// upserts), and each change is audited as a "performance.set" row with the
// year and the old and new predikat (as SetPerformance audits one), naming
// the import's one "import.performance" event, which keeps the counts, the
// file's SHA-256 and the file itself (import_file).
func (s *Store) ApplyPerformanceResults(ctx context.Context, a model.Actor, ev TalentImportEvent, results []PerformanceResult) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := s.storedPerformance(ctx, tx, results)
		if err != nil {
			return err
		}
		var changed []PerformanceResult
		for _, g := range results {
			if old[[2]int64{g.EmployeeID, int64(g.Year)}] != g.Predikat {
				changed = append(changed, g)
			}
		}
		eventID, err := s.auditTalentImport(ctx, tx, a, ev, map[string]any{
			"written": len(results), "changed": len(changed), "unchanged": len(results) - len(changed)})
		if err != nil {
			return err
		}
		if err := s.upsertPerformances(ctx, tx, changed); err != nil {
			return err
		}
		au := s.recordAudit(ctx, tx, a, eventID)
		for _, g := range changed {
			if err := au.add("performance.set", g.EmployeeID, map[string]any{"year": g.Year,
				"predikat": Change{old[[2]int64{g.EmployeeID, int64(g.Year)}], g.Predikat}, "import": eventID}); err != nil {
				return err
			}
		}
		return au.close()
	})
}

// auditTalentImport writes the import's event (the file's name, SHA-256
// and counts, with counts) and keeps the file in import_file; it returns
// the event's ID for the per-record rows.
func (s *Store) auditTalentImport(ctx context.Context, tx *sql.Tx, a model.Actor, ev TalentImportEvent, counts map[string]any) (int64, error) {
	detail := map[string]any{"file": ev.File, "sha256": ev.SHA256, "rows": ev.Rows, "bad": ev.Bad, "employees": ev.Employees}
	for k, v := range counts {
		detail[k] = v
	}
	id, err := s.auditID(ctx, tx, a, "import."+ev.Kind, "import", 0, detail)
	if err != nil {
		return 0, err
	}
	return id, s.keepImportFile(ctx, tx, id, ev.Kind, ev.File, ev.SHA256, ev.Data)
}
