package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/kompeten/kompeten/internal/model"
)

// Change is one changed field for the audit detail: [old, new].
type Change [2]string

// audit appends one entry to the audit log inside the caller's transaction,
// so that a change and its record commit or fail together.
func (s *Store) audit(ctx context.Context, q queryer, a model.Actor, action, entity string, entityID int64, detail any) error {
	_, err := s.auditID(ctx, q, a, action, entity, entityID, detail)
	return err
}

// auditID is audit that also returns the new entry's ID (for auditRange).
func (s *Store) auditID(ctx context.Context, q queryer, a model.Actor, action, entity string, entityID int64, detail any) (int64, error) {
	b, err := json.Marshal(detail)
	if err != nil {
		return 0, err
	}
	const ins = `INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`
	args := []any{s.Now().Unix(), nullID(a.UserID), actorName(a), action, entity, strconv.FormatInt(entityID, 10), string(b)}
	id, err := insertID(ctx, q, ins, args...)
	if err != nil {
		return 0, fmt.Errorf("store: audit %s: %w", action, err)
	}
	return id, nil
}

// idRange is an inclusive range of IDs.
type idRange struct{ first, last int64 }

// auditRange records that audit entry auditID concerns every record of
// entity with an ID in one of ranges (an import's event and the employees
// it created): AuditLog shows the entry in each such record's history.
// This replaces one audit row per record, which at a million-row import
// cost a million rows and seconds; what a record was created with is its
// import file's row, named by the event (file name and SHA-256).
func (s *Store) auditRange(ctx context.Context, q queryer, auditID int64, entity string, ranges []idRange) error {
	for _, r := range ranges {
		if _, err := q.ExecContext(ctx, `INSERT INTO audit_range (audit_id, entity, first_id, last_id) VALUES ($1, $2, $3, $4)`,
			auditID, entity, r.first, r.last); err != nil {
			return fmt.Errorf("store: audit range of %s: %w", entity, err)
		}
	}
	return nil
}

func actorName(a model.Actor) string {
	if a.Name == "" {
		return "system"
	}
	return a.Name
}

// AuditFilter selects audit entries.
type AuditFilter struct {
	Entity   string
	EntityID string
	Limit    int
	// Security selects the security part of the log (entity
	// AuditSecurity: sign-ins, failures, throttling) instead of the rest;
	// the two are never mixed, since fewer roles may read the first.
	Security bool
}

// AuditLog returns the newest audit entries matching f, newest first. The
// entries of one record (Entity and EntityID) are those written for it and
// those whose audit_range covers its ID: an import's "import.employees"
// event for each employee it created (imports record the IDs they create as
// ranges rather than one "employee.create" row per employee; imports before
// migration 011 wrote those rows, which still show). Unfiltered, the
// per-record rows of SKP and assessment-centre imports are left out: the
// import's event stands for them.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]model.AuditEntry, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	const cols = `a.id, a.at, COALESCE(a.actor_id, 0), a.actor, a.action, a.entity, a.entity_id, a.detail`
	q := `SELECT ` + cols + ` FROM audit_log a`
	var args []any
	if f.Security != (f.Entity == AuditSecurity) && f.Entity != "" {
		return nil, nil // a record of the other part
	}
	if f.Entity != "" {
		args = append(args, f.Entity, f.EntityID)
		q += ` WHERE a.entity = $1 AND a.entity_id = $2`
		// IDs are stored as decimal text; only a canonical one matches a
		// row above and so a range below.
		if id, err := strconv.ParseInt(f.EntityID, 10, 64); err == nil && strconv.FormatInt(id, 10) == f.EntityID {
			args = append(args, id)
			q += ` UNION ALL SELECT ` + cols + ` FROM audit_range r JOIN audit_log a ON a.id = r.audit_id
				WHERE r.entity = $1 AND r.first_id <= $3 AND r.last_id >= $3`
		}
	} else {
		// An import's per-record rows are listed under its event
		// (ImportEventRecords) and in each record's history, not here.
		q += ` WHERE a.event_id IS NULL`
	}
	switch {
	case f.Security && len(args) == 0:
		q += ` WHERE a.entity = '` + AuditSecurity + `'`
	case !f.Security:
		// Around the whole query, so that it also applies to the range branch.
		q = `SELECT * FROM (` + q + `) x WHERE x.entity <> '` + AuditSecurity + `'`
	}
	q += fmt.Sprintf(` ORDER BY 1 DESC LIMIT %d`, f.Limit)
	var out []model.AuditEntry
	var e model.AuditEntry
	var at int64
	if err := eachRow(ctx, s.db, q, args, []any{&e.ID, &at, &e.ActorID, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail}, func() {
		e.At = unixTime(at)
		out = append(out, e)
	}); err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	return out, nil
}
