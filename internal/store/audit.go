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
	b, err := json.Marshal(detail)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `INSERT INTO audit_log (at, actor_id, actor, action, entity, entity_id, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		s.Now().Unix(), nullID(a.UserID), actorName(a), action, entity, strconv.FormatInt(entityID, 10), string(b))
	if err != nil {
		return fmt.Errorf("store: audit %s: %w", action, err)
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
}

// AuditLog returns the newest audit entries matching f.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]model.AuditEntry, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	q := `SELECT id, at, COALESCE(actor_id, 0), actor, action, entity, entity_id, detail FROM audit_log`
	var args []any
	if f.Entity != "" {
		args = append(args, f.Entity, f.EntityID)
		q += ` WHERE entity = $1 AND entity_id = $2`
	}
	q += fmt.Sprintf(` ORDER BY id DESC LIMIT %d`, f.Limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: audit log: %w", err)
	}
	defer rows.Close()
	var out []model.AuditEntry
	for rows.Next() {
		var e model.AuditEntry
		var at int64
		if err := rows.Scan(&e.ID, &at, &e.ActorID, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Detail); err != nil {
			return nil, err
		}
		e.At = unixTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
