package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Programmes of the catalogue with the competencies they develop. Callers
// check policy.CatalogueManage against the programme's provider for writes
// and policy.CatalogueRead for reads (a provider account: its own).

const programmeCols = `p.id, p.code, p.title, p.description, p.form, p.learning_model, p.delivery, p.jp, p.cost, p.capacity,
	p.prerequisites, p.provider_id, v.name, p.active, p.created_at, p.updated_at`

const programmeFrom = ` FROM programme p JOIN provider v ON v.id = p.provider_id`

func scanProgramme(sc interface{ Scan(...any) error }, p *model.Programme) error {
	var created, updated int64
	err := sc.Scan(&p.ID, &p.Code, &p.Title, &p.Description, &p.Form, &p.Model, &p.Delivery, &p.JP, &p.Cost, &p.Capacity,
		&p.Prerequisites, &p.ProviderID, &p.ProviderName, &p.Active, &created, &updated)
	p.CreatedAt, p.UpdatedAt = unixTime(created), unixTime(updated)
	return err
}

func programmeFields(p *model.Programme) map[string]string {
	var comps []string
	for _, c := range p.Competencies {
		comps = append(comps, fmt.Sprintf("%d:%d", c.CompetencyID, c.Level))
	}
	return map[string]string{"code": p.Code, "title": p.Title, "description": p.Description, "form": string(p.Form),
		"model": string(p.Model), "delivery": string(p.Delivery), "jp": fmt.Sprint(p.JP), "cost": fmt.Sprint(p.Cost),
		"capacity": fmt.Sprint(p.Capacity), "prerequisites": p.Prerequisites, "provider_id": fmt.Sprint(p.ProviderID),
		"active": fmt.Sprint(p.Active), "competencies": strings.Join(comps, ",")}
}

// CreateProgramme adds a programme with its competencies, audited.
func (s *Store) CreateProgramme(ctx context.Context, a model.Actor, p *model.Programme) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createProgrammeTx(ctx, tx, a, p) })
}

func (s *Store) createProgrammeTx(ctx context.Context, tx *sql.Tx, a model.Actor, p *model.Programme) error {
	if err := checkProgrammeRefs(ctx, tx, p); err != nil {
		return err
	}
	now := s.Now()
	p.CreatedAt, p.UpdatedAt = now, now
	id, err := insertID(ctx, tx, `INSERT INTO programme (code, title, description, form, learning_model, delivery, jp, cost, capacity,
		prerequisites, provider_id, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
		p.Code, p.Title, p.Description, string(p.Form), string(p.Model), string(p.Delivery), p.JP, p.Cost, p.Capacity,
		p.Prerequisites, p.ProviderID, p.Active, now.Unix())
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.catalogue.code_exists", p.Code)
	}
	if err != nil {
		return fmt.Errorf("store: create programme: %w", err)
	}
	p.ID = id
	if err := writeProgrammeCompetencies(ctx, tx, p); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "programme.create", "programme", id, programmeFields(p))
}

// checkProgrammeRefs checks that the provider and competencies exist.
func checkProgrammeRefs(ctx context.Context, tx *sql.Tx, p *model.Programme) error {
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM provider WHERE id = $1`, p.ProviderID).Scan(&one); err != nil {
		return notFound(err, "err.catalogue.provider_not_found", p.ProviderID)
	}
	for _, c := range p.Competencies {
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM competency WHERE id = $1`, c.CompetencyID).Scan(&one); err != nil {
			return notFound(err, "err.catalogue.competency_not_found", c.CompetencyID)
		}
	}
	return nil
}

func writeProgrammeCompetencies(ctx context.Context, tx *sql.Tx, p *model.Programme) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM programme_competency WHERE programme_id = $1`, p.ID); err != nil {
		return err
	}
	for _, c := range p.Competencies {
		if _, err := tx.ExecContext(ctx, `INSERT INTO programme_competency (programme_id, competency_id, level) VALUES ($1, $2, $3)`,
			p.ID, c.CompetencyID, c.Level); err != nil {
			return fmt.Errorf("store: programme competency: %w", err)
		}
	}
	return nil
}

// UpdateProgramme saves a programme and its competencies, auditing what
// changed.
func (s *Store) UpdateProgramme(ctx context.Context, a model.Actor, p *model.Programme) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.updateProgrammeTx(ctx, tx, a, p) })
}

func (s *Store) updateProgrammeTx(ctx context.Context, tx *sql.Tx, a model.Actor, p *model.Programme) error {
	old, err := programmeTx(ctx, tx, p.ID)
	if err != nil {
		return err
	}
	if err := checkProgrammeRefs(ctx, tx, p); err != nil {
		return err
	}
	ch := changes(programmeFields(old), programmeFields(p))
	if len(ch) == 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, `UPDATE programme SET code=$1, title=$2, description=$3, form=$4, learning_model=$5, delivery=$6,
		jp=$7, cost=$8, capacity=$9, prerequisites=$10, provider_id=$11, active=$12, updated_at=$13 WHERE id=$14`,
		p.Code, p.Title, p.Description, string(p.Form), string(p.Model), string(p.Delivery), p.JP, p.Cost, p.Capacity,
		p.Prerequisites, p.ProviderID, p.Active, s.Now().Unix(), p.ID)
	if isUniqueViolation(err) {
		return apperr.New(apperr.ECONFLICT, "err.catalogue.code_exists", p.Code)
	}
	if err != nil {
		return fmt.Errorf("store: update programme %d: %w", p.ID, err)
	}
	if err := writeProgrammeCompetencies(ctx, tx, p); err != nil {
		return err
	}
	return s.audit(ctx, tx, a, "programme.update", "programme", p.ID, ch)
}

// Programme returns a programme with its competencies.
func (s *Store) Programme(ctx context.Context, id int64) (*model.Programme, error) {
	return programmeTx(ctx, s.db, id)
}

func programmeTx(ctx context.Context, q queryer, id int64) (*model.Programme, error) {
	var p model.Programme
	if err := scanProgramme(q.QueryRowContext(ctx, `SELECT `+programmeCols+programmeFrom+` WHERE p.id = $1`, id), &p); err != nil {
		return nil, notFound(err, "err.catalogue.programme_not_found", id)
	}
	var c model.ProgrammeCompetency
	err := eachRow(ctx, q, `SELECT pc.competency_id, c.code, c.name, pc.level FROM programme_competency pc
		JOIN competency c ON c.id = pc.competency_id WHERE pc.programme_id = $1 ORDER BY c.ord, c.id`, []any{id},
		[]any{&c.CompetencyID, &c.Code, &c.Name, &c.Level}, func() { p.Competencies = append(p.Competencies, c) })
	if err != nil {
		return nil, fmt.Errorf("store: programme %d competencies: %w", id, err)
	}
	return &p, nil
}

// ProgrammeFilter narrows the catalogue's list. Zero values do not filter.
type ProgrammeFilter struct {
	Query        string // words of the title or the code
	Form         model.DevForm
	ProviderID   int64
	CompetencyID int64
	ActiveOnly   bool
	Limit        int // 0: 100
	Offset       int
}

// Programmes lists the catalogue by title, without competencies (open one
// with Programme).
func (s *Store) Programmes(ctx context.Context, f ProgrammeFilter) ([]model.Programme, error) {
	var a args
	var where []string
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + strings.ToLower(q) + "%"
		where = append(where, "(LOWER(p.title) LIKE "+a.add(like)+" OR LOWER(p.code) LIKE "+a.add(like)+")")
	}
	if f.Form != "" {
		where = append(where, "p.form = "+a.add(string(f.Form)))
	}
	if f.ProviderID != 0 {
		where = append(where, "p.provider_id = "+a.add(f.ProviderID))
	}
	if f.CompetencyID != 0 {
		where = append(where, "p.id IN (SELECT programme_id FROM programme_competency WHERE competency_id = "+a.add(f.CompetencyID)+")")
	}
	if f.ActiveOnly {
		where = append(where, "p.active = TRUE")
	}
	q := `SELECT ` + programmeCols + programmeFrom
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	q += fmt.Sprintf(" ORDER BY p.title, p.id LIMIT %d OFFSET %d", limit, max(f.Offset, 0))
	return queryAll(ctx, s.db, q, a, scanProgramme)
}
