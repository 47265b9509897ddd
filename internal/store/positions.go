package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

const positionCols = `id, code, title, type, jenjang, unit_id, is_head`

func scanPosition(sc interface{ Scan(...any) error }, p *model.Position) error {
	return sc.Scan(&p.ID, &p.Code, &p.Title, &p.Type, &p.Jenjang, &p.UnitID, &p.IsHead)
}

// CreatePosition adds a position; an empty Code gets "J<id>".
func (s *Store) CreatePosition(ctx context.Context, a model.Actor, p *model.Position) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createPositionTx(ctx, tx, a, p) })
}

func (s *Store) createPositionTx(ctx context.Context, tx *sql.Tx, a model.Actor, p *model.Position) error {
	code := p.Code
	if code == "" {
		code = fmt.Sprintf("tmp-%d-%s", p.UnitID, p.Title)
	}
	id, err := insertID(ctx, tx, `INSERT INTO position (code, title, type, jenjang, unit_id, is_head) VALUES ($1, $2, $3, $4, $5, $6)`,
		code, p.Title, string(p.Type), p.Jenjang, p.UnitID, p.IsHead)
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.position.title_or_code_exists", p.Title, p.Code)
	}
	if isForeignKeyViolation(err) {
		return apperr.Invalid("unit", "err.common.unit_does_not_exist", p.UnitID)
	}
	if err != nil {
		return fmt.Errorf("store: create position %q: %w", p.Title, err)
	}
	p.ID = id
	if p.Code == "" {
		p.Code = fmt.Sprintf("J%d", id)
		if _, err := tx.ExecContext(ctx, `UPDATE position SET code = $1 WHERE id = $2`, p.Code, id); err != nil {
			return err
		}
	}
	return s.audit(ctx, tx, a, "position.create", "position", id, map[string]any{"code": p.Code, "title": p.Title, "type": p.Type, "unit_id": p.UnitID})
}

// UpdatePosition changes a position's attributes and re-derives supervisors
// when the head post changes.
func (s *Store) UpdatePosition(ctx context.Context, a model.Actor, p *model.Position) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old model.Position
		if err := scanPosition(tx.QueryRowContext(ctx, `SELECT `+positionCols+` FROM position WHERE id = $1`, p.ID), &old); err != nil {
			return notFound(err, "err.standard.position_not_found", p.ID)
		}
		ch := map[string]Change{}
		diff(ch, "code", old.Code, p.Code)
		diff(ch, "title", old.Title, p.Title)
		diff(ch, "type", string(old.Type), string(p.Type))
		diff(ch, "jenjang", old.Jenjang, p.Jenjang)
		diff(ch, "unit_id", fmt.Sprint(old.UnitID), fmt.Sprint(p.UnitID))
		diff(ch, "is_head", fmt.Sprint(old.IsHead), fmt.Sprint(p.IsHead))
		if len(ch) == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE position SET code=$1, title=$2, type=$3, jenjang=$4, unit_id=$5, is_head=$6 WHERE id=$7`,
			p.Code, p.Title, string(p.Type), p.Jenjang, p.UnitID, p.IsHead, p.ID)
		if isUniqueViolation(err) {
			return apperr.New(apperr.ECONFLICT, "err.position.title_or_code_in_use", p.Title)
		}
		if err != nil {
			return err
		}
		if err := s.audit(ctx, tx, a, "position.update", "position", p.ID, ch); err != nil {
			return err
		}
		return s.deriveSupervisors(ctx, tx)
	})
}

// Position returns one position.
func (s *Store) Position(ctx context.Context, id int64) (*model.Position, error) {
	var p model.Position
	if err := scanPosition(s.db.QueryRowContext(ctx, `SELECT `+positionCols+` FROM position WHERE id = $1`, id), &p); err != nil {
		return nil, notFound(err, "err.standard.position_not_found", id)
	}
	return &p, nil
}

// Positions returns the positions of one unit (0: all positions), by title.
func (s *Store) Positions(ctx context.Context, unitID int64) ([]model.Position, error) {
	q := `SELECT ` + positionCols + ` FROM position`
	var args []any
	if unitID != 0 {
		q += ` WHERE unit_id = $1`
		args = append(args, unitID)
	}
	out, err := queryAll(ctx, s.db, q+` ORDER BY unit_id, is_head DESC, title`, args, scanPosition)
	if err != nil {
		return nil, fmt.Errorf("store: positions: %w", err)
	}
	return out, nil
}

// PositionsPage returns up to limit positions after offset in ID order, and
// whether more follow: the whole list of a province (hundreds of thousands
// of posts) is read a page at a time.
func (s *Store) PositionsPage(ctx context.Context, offset, limit int) ([]model.Position, bool, error) {
	rows, err := s.query(ctx, `SELECT `+positionCols+` FROM position ORDER BY id LIMIT $1 OFFSET $2`, limit+1, offset)
	if err != nil {
		return nil, false, fmt.Errorf("store: positions page: %w", err)
	}
	defer rows.Close()
	var out []model.Position
	for rows.Next() {
		var p model.Position
		if err := scanPosition(rows, &p); err != nil {
			return nil, false, err
		}
		out = append(out, p)
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	return out, more, rows.Err()
}
