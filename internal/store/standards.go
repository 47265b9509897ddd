package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
)

// Position standards (SKJ, Standar Kompetensi Jabatan): the required level,
// weight and mandatory flag per competency of a position, set by a decree
// (nomor and tanggal SK) and versioned: a new standard makes the previous
// one history. Templates per position type (and jenjang for functional
// posts) give the defaults that a new standard starts from and that
// ApplyTemplate copies onto every position of a type at once.

// ApplyResult counts what ApplyTemplate did.
type ApplyResult struct {
	Positions int `json:"positions"` // positions that got a new standard
	Items     int `json:"items"`     // standard items written
	Skipped   int `json:"skipped"`   // positions of the type left alone (already had one, or no template)
}

// competenciesExist checks that every item names a stored competency (the
// rest of the items' rules is model.ValidateStandardItems).
func competenciesExist(ctx context.Context, q queryer, items []model.StandardItem) error {
	for _, it := range items {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM competency WHERE id = $1`, it.CompetencyID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return apperr.Invalid("competency", "err.common.competency_does_not_exist", it.CompetencyID)
		}
	}
	return nil
}

// lockStandards serialises writers of standards on PostgreSQL (readers go
// on), so that "the previous standard is no longer current" and the new
// rows never race; SQLite transactions are already exclusive.
func (s *Store) lockStandards(ctx context.Context, tx *sql.Tx) error {
	if s.dialect != Postgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `LOCK TABLE position_standard IN EXCLUSIVE MODE`)
	return err
}

func auditItems(items []model.StandardItem) []map[string]any {
	out := make([]map[string]any, 0, len(items))
	for _, it := range items {
		out = append(out, map[string]any{"competency_id": it.CompetencyID, "required": it.Required, "weight": it.Weight, "mandatory": it.Mandatory})
	}
	return out
}

// SetTemplate replaces the template of a position type and jenjang ("" for
// every jenjang without its own) with items, audited.
func (s *Store) SetTemplate(ctx context.Context, a model.Actor, t model.PositionType, jenjang string, items []model.StandardItem) error {
	if err := model.ValidateTemplateKey(t, jenjang); err != nil {
		return err
	}
	if err := model.ValidateStandardItems(items); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := competenciesExist(ctx, tx, items); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM standard_template WHERE position_type = $1 AND jenjang = $2`, string(t), jenjang); err != nil {
			return fmt.Errorf("store: set template: %w", err)
		}
		for _, it := range items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO standard_template (position_type, jenjang, competency_id, required, weight, mandatory)
				VALUES ($1, $2, $3, $4, $5, $6)`, string(t), jenjang, it.CompetencyID, it.Required, it.Weight, it.Mandatory); err != nil {
				return fmt.Errorf("store: set template: %w", err)
			}
		}
		return s.audit(ctx, tx, a, "standard.template", "standard_template", 0, map[string]any{
			"position_type": t, "jenjang": jenjang, "items": auditItems(items)})
	})
}

const itemCols = `c.code, c.name, c.grp, f.code, f.version`

// Templates returns the template rows of a position type ("" for every
// type), by type, jenjang and competency order.
func (s *Store) Templates(ctx context.Context, t model.PositionType) ([]model.TemplateItem, error) {
	q := `SELECT t.position_type, t.jenjang, t.competency_id, ` + itemCols + `, t.required, t.weight, t.mandatory
		FROM standard_template t JOIN competency c ON c.id = t.competency_id JOIN framework f ON f.id = c.framework_id`
	var args []any
	if t != "" {
		q += ` WHERE t.position_type = $1`
		args = append(args, string(t))
	}
	var out []model.TemplateItem
	var ti model.TemplateItem
	if err := eachRow(ctx, s.db, q+` ORDER BY t.position_type, t.jenjang, f.builtin DESC, f.code, c.ord`, args,
		[]any{&ti.Type, &ti.Jenjang, &ti.CompetencyID, &ti.Code, &ti.Name, &ti.Group, &ti.FrameworkCode, &ti.FrameworkVersion,
			&ti.Required, &ti.Weight, &ti.Mandatory}, func() { out = append(out, ti) }); err != nil {
		return nil, fmt.Errorf("store: templates: %w", err)
	}
	return out, nil
}

// TemplateFor returns the template that applies to a position of type t and
// jenjang (model.ApplicableTemplate).
func (s *Store) TemplateFor(ctx context.Context, t model.PositionType, jenjang string) ([]model.StandardItem, error) {
	all, err := s.Templates(ctx, t)
	if err != nil {
		return nil, err
	}
	return model.ApplicableTemplate(all, jenjang), nil
}

// SeedDefaultTemplates adds, for every (type, jenjang) of TemplateKeys, the
// nine national competencies of the newest KOMPETENSI-ASN version at
// DefaultRequiredLevel, weight 1, mandatory, unless that template row
// exists already (edits survive). It returns how many rows it added.
func (s *Store) SeedDefaultTemplates(ctx context.Context, a model.Actor) (int, error) {
	fid, err := s.FrameworkID(ctx, dictionary.CodeNational, "")
	if err != nil {
		return 0, err
	}
	added := 0
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		for _, k := range model.TemplateKeys() {
			res, err := tx.ExecContext(ctx, `INSERT INTO standard_template (position_type, jenjang, competency_id, required, weight, mandatory)
				SELECT $1, $2, c.id, $3, 1, TRUE FROM competency c WHERE c.framework_id = $4
				ON CONFLICT (position_type, jenjang, competency_id) DO NOTHING`,
				string(k.Type), k.Jenjang, model.DefaultRequiredLevel(k.Type, k.Jenjang), fid)
			if err != nil {
				return fmt.Errorf("store: seed templates: %w", err)
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		if added == 0 {
			return nil
		}
		return s.audit(ctx, tx, a, "standard.template_seed", "standard_template", 0, map[string]any{"framework_id": fid, "rows": added})
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// SetStandard stores a new standard for a position with its decree
// (checked by model.Standard.Validate); the previous standard stays as
// history, no longer current. The audit entry carries the items. It
// returns the new standard's ID.
func (s *Store) SetStandard(ctx context.Context, a model.Actor, positionID int64, decreeNo, decreeDate string, items []model.StandardItem) (int64, error) {
	st := model.Standard{PositionID: positionID, DecreeNo: decreeNo, DecreeDate: decreeDate, Items: items}
	if err := st.Validate(); err != nil {
		return 0, err
	}
	decreeNo, decreeDate = st.DecreeNo, st.DecreeDate
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockStandards(ctx, tx); err != nil {
			return err
		}
		var err error
		id, err = s.setStandardTx(ctx, tx, a, positionID, decreeNo, decreeDate, items)
		return err
	})
	return id, err
}

// SetStandards is SetStandard for many positions in one transaction (the
// demo city's teacher and health posts: one commit instead of thousands),
// each standard checked, stored, audited and its holders recomputed as
// SetStandard does, in position order.
func (s *Store) SetStandards(ctx context.Context, a model.Actor, decreeNo, decreeDate string, standards map[int64][]model.StandardItem) error {
	ids := make([]int64, 0, len(standards))
	for id, items := range standards {
		st := model.Standard{PositionID: id, DecreeNo: decreeNo, DecreeDate: decreeDate, Items: items}
		if err := st.Validate(); err != nil {
			return err
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.lockStandards(ctx, tx); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := s.setStandardTx(ctx, tx, a, id, decreeNo, decreeDate, standards[id]); err != nil {
				return err
			}
		}
		return nil
	})
}

// setStandardTx stores a checked standard in the caller's transaction,
// which holds the standards lock.
func (s *Store) setStandardTx(ctx context.Context, tx *sql.Tx, a model.Actor, positionID int64, decreeNo, decreeDate string, items []model.StandardItem) (int64, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM position WHERE id = $1`, positionID).Scan(&n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, apperr.New(apperr.ENOTFOUND, "err.standard.position_not_found", positionID)
	}
	if err := competenciesExist(ctx, tx, items); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE position_standard SET is_current = FALSE WHERE position_id = $1 AND is_current = TRUE`, positionID); err != nil {
		return 0, fmt.Errorf("store: set standard: %w", err)
	}
	id, err := insertID(ctx, tx, `INSERT INTO position_standard (position_id, decree_no, decree_date, is_current, created_at, created_by)
		VALUES ($1, $2, $3, TRUE, $4, $5)`, positionID, decreeNo, decreeDate, s.Now().Unix(), actorName(a))
	if err != nil {
		return 0, fmt.Errorf("store: set standard: %w", err)
	}
	for _, it := range items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO standard_item (standard_id, competency_id, required, weight, mandatory) VALUES ($1, $2, $3, $4, $5)`,
			id, it.CompetencyID, it.Required, it.Weight, it.Mandatory); err != nil {
			return 0, fmt.Errorf("store: standard item: %w", err)
		}
	}
	if err := s.audit(ctx, tx, a, "standard.set", "position", positionID, map[string]any{
		"standard_id": id, "decree_no": decreeNo, "decree_date": decreeDate, "items": auditItems(items)}); err != nil {
		return 0, err
	}
	return id, s.recomputeHolders(ctx, tx, positionID)
}

// recomputeHolders brings the JPM of everyone holding a position up to date
// with its new standard, inside the caller's transaction.
func (s *Store) recomputeHolders(ctx context.Context, tx *sql.Tx, positionID int64) error {
	var ids []int64
	var id int64
	if err := eachRow(ctx, tx, `SELECT id FROM employee WHERE position_id = $1`, []any{positionID}, []any{&id}, func() { ids = append(ids, id) }); err != nil {
		return err
	}
	for _, id := range ids {
		if err := s.recomputeJPM(ctx, tx, id); err != nil {
			return err
		}
	}
	return nil
}

// standards loads the standards of a position (current only, or all newest
// first) with their items.
func (s *Store) standards(ctx context.Context, positionID int64, currentOnly bool) ([]model.Standard, error) {
	q := `SELECT id, position_id, decree_no, decree_date, is_current, created_at, created_by FROM position_standard WHERE position_id = $1`
	if currentOnly {
		q += ` AND is_current = TRUE`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY id DESC`, positionID)
	if err != nil {
		return nil, fmt.Errorf("store: standards: %w", err)
	}
	var out []model.Standard
	index := map[int64]int{}
	for rows.Next() {
		var st model.Standard
		var at int64
		if err := rows.Scan(&st.ID, &st.PositionID, &st.DecreeNo, &st.DecreeDate, &st.Current, &at, &st.CreatedBy); err != nil {
			rows.Close()
			return nil, err
		}
		st.CreatedAt = unixTime(at)
		index[st.ID] = len(out)
		out = append(out, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	iq := `SELECT i.standard_id, i.competency_id, ` + itemCols + `, i.required, i.weight, i.mandatory
		FROM standard_item i JOIN position_standard ps ON ps.id = i.standard_id
		JOIN competency c ON c.id = i.competency_id JOIN framework f ON f.id = c.framework_id
		WHERE ps.position_id = $1`
	if currentOnly {
		iq += ` AND ps.is_current = TRUE`
	}
	items, err := s.db.QueryContext(ctx, iq+` ORDER BY i.standard_id, f.builtin DESC, f.code, c.ord`, positionID)
	if err != nil {
		return nil, fmt.Errorf("store: standard items: %w", err)
	}
	defer items.Close()
	for items.Next() {
		var sid int64
		var it model.StandardItem
		if err := items.Scan(&sid, &it.CompetencyID, &it.Code, &it.Name, &it.Group, &it.FrameworkCode, &it.FrameworkVersion,
			&it.Required, &it.Weight, &it.Mandatory); err != nil {
			return nil, err
		}
		if i, ok := index[sid]; ok {
			out[i].Items = append(out[i].Items, it)
		}
	}
	return out, items.Err()
}

// CurrentStandard returns the current standard of a position with its
// items (competency code, name and framework), or nil when the position
// has none yet.
func (s *Store) CurrentStandard(ctx context.Context, positionID int64) (*model.Standard, error) {
	list, err := s.standards(ctx, positionID, true)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// StandardHistory returns every standard of a position, newest (current)
// first, each with its items.
func (s *Store) StandardHistory(ctx context.Context, positionID int64) ([]model.Standard, error) {
	return s.standards(ctx, positionID, false)
}

// ApplyTemplate gives every position of type t a new standard from its
// template (the jenjang's own, else the type's general one) with the
// decree; with onlyMissing, positions that already have a current standard
// are left alone. It works set-based (a few INSERT … SELECT statements
// whatever the number of positions) in one transaction, audited as one
// event.
func (s *Store) ApplyTemplate(ctx context.Context, a model.Actor, t model.PositionType, decreeNo, decreeDate string, onlyMissing bool) (ApplyResult, error) {
	var res ApplyResult
	decreeNo = strings.TrimSpace(decreeNo)
	decreeDate = strings.TrimSpace(decreeDate)
	if err := model.ValidateTemplateKey(t, ""); err != nil {
		return res, err
	}
	if err := model.ValidateDecree(decreeNo, decreeDate); err != nil {
		return res, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// Which jenjangs have a template of their own; the rest use "".
		var own []string
		general := false
		var j string
		if err := eachRow(ctx, tx, `SELECT DISTINCT jenjang FROM standard_template WHERE position_type = $1`, []any{string(t)}, []any{&j}, func() {
			if j == "" {
				general = true
			} else {
				own = append(own, j)
			}
		}); err != nil {
			return fmt.Errorf("store: apply template: %w", err)
		}
		var total int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM position WHERE type = $1`, string(t)).Scan(&total); err != nil {
			return err
		}
		if len(own) == 0 && !general {
			res.Skipped = total
			return nil
		}
		// eff is the template jenjang a position p uses; $1 is the type.
		args := []any{string(t)}
		eff := `''`
		if len(own) > 0 {
			ph := make([]string, len(own))
			for i, j := range own {
				args = append(args, j)
				ph[i] = fmt.Sprintf("$%d", len(args))
			}
			eff = `CASE WHEN p.jenjang IN (` + strings.Join(ph, ", ") + `) THEN p.jenjang ELSE '' END`
		}
		cond := `p.type = $1 AND EXISTS (SELECT 1 FROM standard_template t WHERE t.position_type = p.type AND t.jenjang = ` + eff + `)`
		if onlyMissing {
			cond += ` AND NOT EXISTS (SELECT 1 FROM position_standard o WHERE o.position_id = p.id AND o.is_current = TRUE)`
		}
		if err := s.lockStandards(ctx, tx); err != nil {
			return err
		}
		if s.dialect == Postgres {
			// Right after a bulk load the planner has no statistics for
			// these tables yet and chose nested loops that ran for more
			// than ten minutes at a million employees (the demo city).
			if _, err := tx.ExecContext(ctx, `ANALYZE position, position_standard, standard_template`); err != nil {
				return fmt.Errorf("store: apply template: analyze: %w", err)
			}
		}
		var maxID int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM position_standard`).Scan(&maxID); err != nil {
			return err
		}
		if !onlyMissing {
			if _, err := tx.ExecContext(ctx, `UPDATE position_standard SET is_current = FALSE WHERE is_current = TRUE
				AND position_id IN (SELECT p.id FROM position p WHERE `+cond+`)`, args...); err != nil {
				return fmt.Errorf("store: apply template: %w", err)
			}
		}
		n := len(args)
		r, err := tx.ExecContext(ctx, fmt.Sprintf(`INSERT INTO position_standard (position_id, decree_no, decree_date, is_current, created_at, created_by)
			SELECT p.id, $%d, $%d, TRUE, $%d, $%d FROM position p WHERE %s ORDER BY p.id`, n+1, n+2, n+3, n+4, cond),
			append(args, decreeNo, decreeDate, s.Now().Unix(), actorName(a))...)
		if err != nil {
			return fmt.Errorf("store: apply template: %w", err)
		}
		np, _ := r.RowsAffected()
		res.Positions = int(np)
		res.Skipped = total - res.Positions
		if np == 0 {
			return nil
		}
		r, err = tx.ExecContext(ctx, fmt.Sprintf(`INSERT INTO standard_item (standard_id, competency_id, required, weight, mandatory)
			SELECT ps.id, t.competency_id, t.required, t.weight, t.mandatory
			FROM position_standard ps JOIN position p ON p.id = ps.position_id
			JOIN standard_template t ON t.position_type = p.type AND t.jenjang = %s
			WHERE ps.id > $%d AND p.type = $1`, eff, n+1), append(args, maxID)...)
		if err != nil {
			return fmt.Errorf("store: apply template items: %w", err)
		}
		ni, _ := r.RowsAffected()
		res.Items = int(ni)
		return s.audit(ctx, tx, a, "standard.apply_template", "standard_template", 0, map[string]any{
			"position_type": t, "decree_no": decreeNo, "decree_date": decreeDate, "only_missing": onlyMissing,
			"positions": res.Positions, "items": res.Items, "skipped": res.Skipped})
	})
	return res, err
}

// CompetencyChoices lists the competencies of the newest version of every
// framework (built-in frameworks first, then by code and framework order),
// for forms that pick competencies for a standard.
func (s *Store) CompetencyChoices(ctx context.Context) ([]model.StandardItem, error) {
	var out []model.StandardItem
	var it model.StandardItem
	if err := eachRow(ctx, s.db, `SELECT c.id, `+itemCols+` FROM competency c JOIN framework f ON f.id = c.framework_id
		WHERE f.id = (SELECT f2.id FROM framework f2 WHERE f2.code = f.code ORDER BY f2.created_at DESC, f2.id DESC LIMIT 1)
		ORDER BY f.builtin DESC, f.code, c.ord`, nil, []any{&it.CompetencyID, &it.Code, &it.Name, &it.Group, &it.FrameworkCode, &it.FrameworkVersion}, func() {
		out = append(out, it)
	}); err != nil {
		return nil, fmt.Errorf("store: competency choices: %w", err)
	}
	return out, nil
}
