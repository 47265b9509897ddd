package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Partners (providers) of the catalogue, with their cooperation
// agreements. Callers check policy.ProviderManage for writes and
// policy.CatalogueRead for reads.

const providerCols = `id, name, kind, contact_name, email, phone, address, website, accreditation, mou_no, mou_from, mou_until,
	price_basis, price, rating, active, created_at, updated_at`

func scanProvider(sc interface{ Scan(...any) error }, p *model.Provider) error {
	var created, updated int64
	err := sc.Scan(&p.ID, &p.Name, &p.Kind, &p.ContactName, &p.Email, &p.Phone, &p.Address, &p.Website, &p.Accreditation,
		&p.MoUNo, &p.MoUFrom, &p.MoUUntil, &p.PriceBasis, &p.Price, &p.Rating, &p.Active, &created, &updated)
	p.CreatedAt, p.UpdatedAt = unixTime(created), unixTime(updated)
	return err
}

// providerFields is what the audit compares.
func providerFields(p *model.Provider) map[string]string {
	return map[string]string{"name": p.Name, "kind": string(p.Kind), "contact_name": p.ContactName, "email": p.Email,
		"phone": p.Phone, "address": p.Address, "website": p.Website, "accreditation": p.Accreditation, "mou_no": p.MoUNo,
		"mou_from": p.MoUFrom, "mou_until": p.MoUUntil, "price_basis": p.PriceBasis, "price": fmt.Sprint(p.Price),
		"rating": fmt.Sprint(p.Rating), "active": fmt.Sprint(p.Active)}
}

// CreateProvider adds a partner, audited.
func (s *Store) CreateProvider(ctx context.Context, a model.Actor, p *model.Provider) error {
	if p.PriceBasis == "" {
		p.PriceBasis = "peserta"
	}
	if err := p.Validate(); err != nil {
		return err
	}
	now := s.Now()
	p.CreatedAt, p.UpdatedAt = now, now
	return s.inTx(ctx, func(tx *sql.Tx) error {
		id, err := insertID(ctx, tx, `INSERT INTO provider (name, kind, contact_name, email, phone, address, website, accreditation,
			mou_no, mou_from, mou_until, price_basis, price, rating, active, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
			p.Name, string(p.Kind), p.ContactName, p.Email, p.Phone, p.Address, p.Website, p.Accreditation, p.MoUNo, p.MoUFrom,
			p.MoUUntil, p.PriceBasis, p.Price, p.Rating, p.Active, now.Unix())
		if isUniqueViolation(err) {
			return apperr.New(apperr.ECONFLICT, "err.catalogue.provider_exists", p.Name)
		}
		if err != nil {
			return fmt.Errorf("store: create provider: %w", err)
		}
		p.ID = id
		return s.audit(ctx, tx, a, "provider.create", "provider", id, providerFields(p))
	})
}

// UpdateProvider saves a partner, auditing what changed.
func (s *Store) UpdateProvider(ctx context.Context, a model.Actor, p *model.Provider) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var old model.Provider
		if err := scanProvider(tx.QueryRowContext(ctx, `SELECT `+providerCols+` FROM provider WHERE id = $1`, p.ID), &old); err != nil {
			return notFound(err, "err.catalogue.provider_not_found", p.ID)
		}
		ch := changes(providerFields(&old), providerFields(p))
		if len(ch) == 0 {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE provider SET name=$1, kind=$2, contact_name=$3, email=$4, phone=$5, address=$6, website=$7,
			accreditation=$8, mou_no=$9, mou_from=$10, mou_until=$11, price_basis=$12, price=$13, rating=$14, active=$15, updated_at=$16
			WHERE id=$17`, p.Name, string(p.Kind), p.ContactName, p.Email, p.Phone, p.Address, p.Website, p.Accreditation, p.MoUNo,
			p.MoUFrom, p.MoUUntil, p.PriceBasis, p.Price, p.Rating, p.Active, s.Now().Unix(), p.ID)
		if isUniqueViolation(err) {
			return apperr.New(apperr.ECONFLICT, "err.catalogue.provider_exists", p.Name)
		}
		if err != nil {
			return fmt.Errorf("store: update provider %d: %w", p.ID, err)
		}
		return s.audit(ctx, tx, a, "provider.update", "provider", p.ID, ch)
	})
}

// Provider returns a partner by ID.
func (s *Store) Provider(ctx context.Context, id int64) (*model.Provider, error) {
	var p model.Provider
	if err := scanProvider(s.db.QueryRowContext(ctx, `SELECT `+providerCols+` FROM provider WHERE id = $1`, id), &p); err != nil {
		return nil, notFound(err, "err.catalogue.provider_not_found", id)
	}
	return &p, nil
}

// Providers lists every partner by name (a government has tens, not
// thousands).
func (s *Store) Providers(ctx context.Context) ([]model.Provider, error) {
	return queryAll(ctx, s.db, `SELECT `+providerCols+` FROM provider ORDER BY name`, nil, scanProvider)
}
