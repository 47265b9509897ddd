package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// The audit trail of the SKP and assessment-centre imports: the file an
// import applied (import_file, migration 014), one audit row per record it
// changed naming the import's event (audit_log.event_id), and the reads the
// audit page shows them with. The writes are set-based: an import of tens
// of thousands of rows reads the stored values in chunks and writes its
// changes and their audit rows through multi-row INSERTs, all in the
// import's one transaction.

// MaxImportFileSize bounds the file an import keeps (the web's upload
// limit): importer.Talent refuses a larger file before reading it.
const MaxImportFileSize = 50 << 20

// inChunk is how many keys one IN list carries (well under both engines'
// parameter limits).
const inChunk = 500

// inList returns n parameter markers for an IN list: "?" on SQLite (modernc
// looks "$N" markers up by name, at a cost quadratic in their count), "$1",
// "$2", … on PostgreSQL.
func (s *Store) inList(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		if s.dialect == SQLite {
			b.WriteByte('?')
		} else {
			b.WriteString("$" + strconv.Itoa(i+1))
		}
	}
	return b.String()
}

// keepImportFile stores the file an import applied with its event.
func (s *Store) keepImportFile(ctx context.Context, tx *sql.Tx, eventID int64, kind, name, sum string, data []byte) error {
	if len(data) > MaxImportFileSize {
		return apperr.Invalid("file", "err.import.kept_file_too_large", MaxImportFileSize>>20)
	}
	if data == nil {
		data = []byte{}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO import_file (audit_id, kind, name, sha256, size, content) VALUES ($1, $2, $3, $4, $5, $6)`,
		eventID, kind, name, sum, len(data), data)
	if err != nil {
		return fmt.Errorf("store: keep import file: %w", err)
	}
	return nil
}

// recordAuditor writes an import's per-record audit rows (entity
// "employee") through multi-row INSERTs, each naming the import's event.
type recordAuditor struct {
	b           *bulkInserter
	at, actorID any
	actor       string
	eventID     int64
}

func (s *Store) recordAudit(ctx context.Context, tx *sql.Tx, a model.Actor, eventID int64) *recordAuditor {
	b := newBulkInserter(ctx, tx, "audit_log", []string{"at", "actor_id", "actor", "action", "entity", "entity_id", "detail", "event_id"}, 500)
	b.anon = s.dialect == SQLite
	return &recordAuditor{b: b, at: s.Now().Unix(), actorID: nullID(a.UserID), actor: actorName(a), eventID: eventID}
}

func (r *recordAuditor) add(action string, employeeID int64, detail any) error {
	d, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	if err := r.b.add(r.at, r.actorID, r.actor, action, "employee", strconv.FormatInt(employeeID, 10), string(d), r.eventID); err != nil {
		return fmt.Errorf("store: audit %s: %w", action, err)
	}
	return nil
}

func (r *recordAuditor) close() error {
	if err := r.b.close(); err != nil {
		return fmt.Errorf("store: audit import records: %w", err)
	}
	return nil
}

// chunks calls f with the distinct keys in chunks of at most inChunk.
func chunks(keys []int64, f func([]any) error) error {
	seen := make(map[int64]bool, len(keys))
	var all []any
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			all = append(all, k)
		}
	}
	for len(all) > 0 {
		c := all[:min(len(all), inChunk)]
		all = all[len(c):]
		if err := f(c); err != nil {
			return err
		}
	}
	return nil
}

// storedPerformance returns the stored predikat of the employees of
// results, by employee and year.
func (s *Store) storedPerformance(ctx context.Context, tx *sql.Tx, results []PerformanceResult) (map[[2]int64]string, error) {
	ids := make([]int64, len(results))
	for i, g := range results {
		ids[i] = g.EmployeeID
	}
	out := map[[2]int64]string{}
	err := chunks(ids, func(c []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT employee_id, year, predikat FROM performance_rating WHERE employee_id IN (`+s.inList(len(c))+`)`, c...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e, y int64
			var p string
			if err := rows.Scan(&e, &y, &p); err != nil {
				return err
			}
			out[[2]int64{e, y}] = p
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: stored performance: %w", err)
	}
	return out, nil
}

// upsertPerformances writes yearly predikat through multi-row upserts
// (what upsertPerformance does for one).
func (s *Store) upsertPerformances(ctx context.Context, tx *sql.Tx, rs []PerformanceResult) error {
	const head, batch = "INSERT INTO performance_rating (employee_id, year, predikat)", 500
	const tail = " ON CONFLICT (employee_id, year) DO UPDATE SET predikat = excluded.predikat"
	anon := s.dialect == SQLite
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	for len(rs) > 0 {
		c := rs[:min(len(rs), batch)]
		rs = rs[len(c):]
		args := make([]any, 0, 3*len(c))
		for _, g := range c {
			args = append(args, g.EmployeeID, g.Year, g.Predikat)
		}
		var err error
		if len(c) == batch {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, valuesSQL(head, batch, 3, anon)+tail); err != nil {
					return fmt.Errorf("store: import performance: %w", err)
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, valuesSQL(head, len(c), 3, anon)+tail, args...)
		}
		if err != nil {
			return fmt.Errorf("store: import performance: %w", err)
		}
	}
	return nil
}

// competencyCodes returns the codes of the competencies of results.
func (s *Store) competencyCodes(ctx context.Context, tx *sql.Tx, results []AssessmentResult) (map[int64]string, error) {
	ids := make([]int64, len(results))
	for i, g := range results {
		ids[i] = g.CompetencyID
	}
	out := map[int64]string{}
	err := chunks(ids, func(c []any) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, code FROM competency WHERE id IN (`+s.inList(len(c))+`)`, c...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var code string
			if err := rows.Scan(&id, &code); err != nil {
				return err
			}
			out[id] = code
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: competency codes: %w", err)
	}
	return out, nil
}

// ImportFileInfo describes the file an import kept.
type ImportFileInfo struct {
	Kind, Name, SHA256 string
	Size               int64
}

// ImportEvent is an import's audit event with what it changed.
type ImportEvent struct {
	Event   model.AuditEntry
	File    *ImportFileInfo    // nil: the import kept no file (before migration 014)
	Records []model.AuditEntry // its per-record rows, oldest first (at most limit)
	Total   int                // all its per-record rows
}

// ImportEventRecords returns audit event id with its kept file and the
// first limit of its per-record rows (ENOTFOUND for an unknown event).
func (s *Store) ImportEventRecords(ctx context.Context, id int64, limit int) (*ImportEvent, error) {
	if limit <= 0 || limit > 5000 {
		limit = 1000
	}
	const cols = `id, at, COALESCE(actor_id, 0), actor, action, entity, entity_id, detail`
	scan := func(sc interface{ Scan(...any) error }, e *model.AuditEntry) error {
		var at int64
		err := sc.Scan(&e.ID, &at, &e.ActorID, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail)
		e.At = unixTime(at)
		return err
	}
	out := &ImportEvent{}
	err := scan(s.db.QueryRowContext(ctx, `SELECT `+cols+` FROM audit_log WHERE id = $1 AND entity = 'import'`, id), &out.Event)
	if err == sql.ErrNoRows {
		return nil, apperr.New(apperr.ENOTFOUND, "err.audit.event_not_found", id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: import event %d: %w", id, err)
	}
	var f ImportFileInfo
	switch err := s.db.QueryRowContext(ctx, `SELECT kind, name, sha256, size FROM import_file WHERE audit_id = $1`, id).Scan(&f.Kind, &f.Name, &f.SHA256, &f.Size); {
	case err == nil:
		out.File = &f
	case err != sql.ErrNoRows:
		return nil, fmt.Errorf("store: import file %d: %w", id, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE event_id = $1`, id).Scan(&out.Total); err != nil {
		return nil, fmt.Errorf("store: import event %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM audit_log WHERE event_id = $1 ORDER BY id LIMIT $2`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("store: import event %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var e model.AuditEntry
		if err := scan(rows, &e); err != nil {
			return nil, err
		}
		out.Records = append(out.Records, e)
	}
	return out, rows.Err()
}

// ImportFile returns the file import event id kept: its name and bytes
// (ENOTFOUND when it kept none).
func (s *Store) ImportFile(ctx context.Context, id int64) (string, []byte, error) {
	var name string
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT name, content FROM import_file WHERE audit_id = $1`, id).Scan(&name, &data)
	if err == sql.ErrNoRows {
		return "", nil, apperr.New(apperr.ENOTFOUND, "err.audit.file_not_found", id)
	}
	if err != nil {
		return "", nil, fmt.Errorf("store: import file %d: %w", id, err)
	}
	return name, data, nil
}
