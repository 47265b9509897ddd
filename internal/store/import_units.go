package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// UnitImport is one org unit to create (Unit.ID 0) or update (Unit.ID set)
// by ImportUnits.
type UnitImport struct {
	Unit model.OrgUnit
	// ParentCode names the parent of a new unit ("" for a root); it may be a
	// unit created earlier in the same import.
	ParentCode string
}

// ImportUnits creates and updates org units in one transaction, in the
// order given (parents first), auditing each change and one
// "import.units" event with detail.
func (s *Store) ImportUnits(ctx context.Context, a model.Actor, units []UnitImport, detail map[string]any) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range units {
			u := &units[i].Unit
			if err := u.Validate(); err != nil {
				return err
			}
			if u.ID == 0 {
				u.ParentID = 0
				if pc := units[i].ParentCode; pc != "" {
					if err := tx.QueryRowContext(ctx, `SELECT id FROM org_unit WHERE code = $1`, pc).Scan(&u.ParentID); err != nil {
						return notFound(err, "unit induk %s tidak ada", pc)
					}
				}
				if err := s.createUnitTx(ctx, tx, a, u); err != nil {
					return err
				}
				continue
			}
			var old model.OrgUnit
			if err := scanUnit(tx.QueryRowContext(ctx, `SELECT `+unitCols+` FROM org_unit WHERE id = $1`, u.ID), &old); err != nil {
				return notFound(err, "unit %d tidak ditemukan", u.ID)
			}
			ch := map[string]Change{}
			diff(ch, "code", old.Code, u.Code)
			diff(ch, "name", old.Name, u.Name)
			diff(ch, "kind", string(old.Kind), string(u.Kind))
			if len(ch) == 0 {
				continue
			}
			_, err := tx.ExecContext(ctx, `UPDATE org_unit SET code = $1, name = $2, kind = $3 WHERE id = $4`, u.Code, u.Name, string(u.Kind), u.ID)
			if isUniqueViolation(err) {
				return apperr.New(apperr.ECONFLICT, "kode unit %s sudah dipakai", u.Code)
			}
			if err != nil {
				return fmt.Errorf("store: import unit %s: %w", u.Code, err)
			}
			if err := s.audit(ctx, tx, a, "unit.update", "org_unit", u.ID, ch); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "import.units", "import", 0, detail)
	})
}

// ImportPositions creates (ID 0) and updates (ID set) positions in one
// transaction, auditing each change and one "import.positions" event with
// detail, then re-derives supervisors.
func (s *Store) ImportPositions(ctx context.Context, a model.Actor, ps []model.Position, detail map[string]any) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i := range ps {
			p := &ps[i]
			if err := p.Validate(); err != nil {
				return err
			}
			if p.ID == 0 {
				if err := s.createPositionTx(ctx, tx, a, p); err != nil {
					return err
				}
				continue
			}
			var old model.Position
			if err := scanPosition(tx.QueryRowContext(ctx, `SELECT `+positionCols+` FROM position WHERE id = $1`, p.ID), &old); err != nil {
				return notFound(err, "jabatan %d tidak ditemukan", p.ID)
			}
			ch := map[string]Change{}
			diff(ch, "code", old.Code, p.Code)
			diff(ch, "title", old.Title, p.Title)
			diff(ch, "type", string(old.Type), string(p.Type))
			diff(ch, "jenjang", old.Jenjang, p.Jenjang)
			diff(ch, "unit_id", fmt.Sprint(old.UnitID), fmt.Sprint(p.UnitID))
			diff(ch, "is_head", fmt.Sprint(old.IsHead), fmt.Sprint(p.IsHead))
			if len(ch) == 0 {
				continue
			}
			_, err := tx.ExecContext(ctx, `UPDATE position SET code=$1, title=$2, type=$3, jenjang=$4, unit_id=$5, is_head=$6 WHERE id=$7`,
				p.Code, p.Title, string(p.Type), p.Jenjang, p.UnitID, p.IsHead, p.ID)
			if isUniqueViolation(err) {
				return apperr.New(apperr.ECONFLICT, "jabatan %q sudah ada di unit ini atau kodenya sudah dipakai", p.Title)
			}
			if err != nil {
				return fmt.Errorf("store: import position %s: %w", p.Code, err)
			}
			if err := s.audit(ctx, tx, a, "position.update", "position", p.ID, ch); err != nil {
				return err
			}
		}
		if err := s.audit(ctx, tx, a, "import.positions", "import", 0, detail); err != nil {
			return err
		}
		return s.deriveSupervisors(ctx, tx)
	})
}
