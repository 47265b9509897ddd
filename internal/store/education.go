package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/kompeten/kompeten/internal/model"
)

// Education history (riwayat pendidikan, migration 017): read per employee
// for the profile, the competency PDF and the API, written by the import of
// the agency's SIASN export (importer/education.go checks the file) and by
// the demo, and read in bulk by the qualification gaps of the needs
// analysis (education_gaps.go).

// Education returns an employee's education history, the most recent
// graduation first (the highest level first within a year).
func (s *Store) Education(ctx context.Context, employeeID int64) ([]model.Education, error) {
	var out []model.Education
	var e model.Education
	if err := eachRow(ctx, s.db, `SELECT employee_id, level, year, major, institution, certificate_no FROM education
		WHERE employee_id = $1 ORDER BY year DESC, level DESC`, []any{employeeID},
		[]any{&e.EmployeeID, &e.Level, &e.Year, &e.Major, &e.Institution, &e.CertificateNo}, func() {
			out = append(out, e)
		}); err != nil {
		return nil, fmt.Errorf("store: education of %d: %w", employeeID, err)
	}
	return out, nil
}

// educationKey identifies a stored record: employee, level, year.
type educationKey struct {
	employee int64
	level    model.EducationLevel
	year     int
}

// ApplyEducation writes checked education records (each passed
// model.Education.Validate) in one transaction: a record whose employee,
// level and year are stored replaces the stored major, institution and
// certificate number when one of them differs, a new one is added, and
// records the file does not name stay. The import's one "import.education"
// event keeps its counts, the file's SHA-256 and the file itself
// (import_file); each added or changed record is an "education.set" row in
// its employee's history with the old and new values, naming the event.
func (s *Store) ApplyEducation(ctx context.Context, a model.Actor, ev TalentImportEvent, rs []model.Education) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := s.storedEducation(ctx, tx, rs)
		if err != nil {
			return err
		}
		var changed []model.Education
		for _, e := range rs {
			o, ok := old[educationKey{e.EmployeeID, e.Level, e.Year}]
			if !ok || o.Major != e.Major || o.Institution != e.Institution || o.CertificateNo != e.CertificateNo {
				changed = append(changed, e)
			}
		}
		eventID, err := s.auditTalentImport(ctx, tx, a, ev, map[string]any{
			"written": len(rs), "changed": len(changed), "unchanged": len(rs) - len(changed)})
		if err != nil {
			return err
		}
		if err := s.upsertEducation(ctx, tx, changed); err != nil {
			return err
		}
		au := s.recordAudit(ctx, tx, a, eventID)
		for _, e := range changed {
			o := old[educationKey{e.EmployeeID, e.Level, e.Year}]
			if err := au.add("education.set", e.EmployeeID, map[string]any{"level": string(e.Level), "year": e.Year,
				"major": Change{o.Major, e.Major}, "institution": Change{o.Institution, e.Institution},
				"certificate_no": Change{o.CertificateNo, e.CertificateNo}, "import": eventID}); err != nil {
				return err
			}
		}
		return au.close()
	})
}

// storedEducation returns the stored records of the employees of rs.
func (s *Store) storedEducation(ctx context.Context, tx *sql.Tx, rs []model.Education) (map[educationKey]model.Education, error) {
	ids := make([]int64, len(rs))
	for i, e := range rs {
		ids[i] = e.EmployeeID
	}
	out := map[educationKey]model.Education{}
	err := chunks(ids, func(c []any) error {
		var e model.Education
		return eachRow(ctx, tx, `SELECT employee_id, level, year, major, institution, certificate_no FROM education
			WHERE employee_id IN (`+s.inList(len(c))+`)`, c, []any{&e.EmployeeID, &e.Level, &e.Year, &e.Major, &e.Institution, &e.CertificateNo}, func() {
			out[educationKey{e.EmployeeID, e.Level, e.Year}] = e
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: stored education: %w", err)
	}
	return out, nil
}

// upsertEducation writes records through multi-row upserts.
func (s *Store) upsertEducation(ctx context.Context, tx *sql.Tx, rs []model.Education) error {
	const head, batch = "INSERT INTO education (employee_id, level, year, major, institution, certificate_no)", 300
	const tail = ` ON CONFLICT (employee_id, level, year) DO UPDATE SET major = excluded.major, institution = excluded.institution,
		certificate_no = excluded.certificate_no`
	anon := s.dialect == SQLite
	for len(rs) > 0 {
		c := rs[:min(len(rs), batch)]
		rs = rs[len(c):]
		args := make([]any, 0, 6*len(c))
		for _, e := range c {
			args = append(args, e.EmployeeID, string(e.Level), e.Year, e.Major, e.Institution, e.CertificateNo)
		}
		if _, err := tx.ExecContext(ctx, valuesSQL(head, len(c), 6, anon)+tail, args...); err != nil {
			return fmt.Errorf("store: write education: %w", err)
		}
	}
	return nil
}

// EducationSeed is what the demo's seeding knows of an employee.
type EducationSeed struct {
	ID                        int64
	GelarDepan, GelarBelakang string
	BirthYear                 int // 0 when the birth date is not recorded
}

// SeedEducation gives every employee an education history chosen by pick
// (the demo city, which reads it from their titles and birth year): the
// records go in through multi-row INSERTs in one transaction, replacing
// every stored history, audited as one "education.load" event. Each record
// pick returns must pass model.Education.Validate, one per level and year.
func (s *Store) SeedEducation(ctx context.Context, a model.Actor, what string, pick func(EducationSeed) []model.Education) (int, error) {
	n := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var seeds []EducationSeed
		var e EducationSeed
		var birth string
		if err := eachRow(ctx, tx, `SELECT id, gelar_depan, gelar_belakang, birth_date FROM employee ORDER BY id`, nil,
			[]any{&e.ID, &e.GelarDepan, &e.GelarBelakang, &birth}, func() {
				e.BirthYear = 0
				if len(birth) >= 4 {
					e.BirthYear, _ = strconv.Atoi(birth[:4])
				}
				seeds = append(seeds, e)
			}); err != nil {
			return fmt.Errorf("store: seed education: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM education`); err != nil {
			return fmt.Errorf("store: seed education: %w", err)
		}
		b := newBulkInserter(ctx, tx, "education", []string{"employee_id", "level", "year", "major", "institution", "certificate_no"}, 500)
		b.anon = s.dialect == SQLite
		now := s.Now()
		for _, sd := range seeds {
			for _, e := range pick(sd) {
				if err := e.Validate(now); err != nil {
					return err
				}
				if err := b.add(sd.ID, string(e.Level), e.Year, e.Major, e.Institution, e.CertificateNo); err != nil {
					return fmt.Errorf("store: seed education: %w", err)
				}
				n++
			}
		}
		if err := b.close(); err != nil {
			return fmt.Errorf("store: seed education: %w", err)
		}
		return s.audit(ctx, tx, a, "education.load", "education", 0, map[string]any{"what": what, "records": n})
	})
	return n, err
}
