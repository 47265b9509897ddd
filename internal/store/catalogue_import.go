package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// The catalogue import's reads and its one write (importer/catalogue.go
// reads the file): programmes matched by code are updated, the others
// created, all in one transaction or none.

// ProgrammeIDsByCode maps the code of every programme to its ID.
func (s *Store) ProgrammeIDsByCode(ctx context.Context) (map[string]int64, error) {
	out := map[string]int64{}
	var code string
	var id int64
	if err := eachRow(ctx, s.db, `SELECT code, id FROM programme`, nil, []any{&code, &id}, func() { out[code] = id }); err != nil {
		return nil, fmt.Errorf("store: programme codes: %w", err)
	}
	return out, nil
}

// CompetencyRef is a competency of the newest version of a framework, as
// the catalogue's files name it.
type CompetencyRef struct {
	ID                  int64
	FrameworkCode, Code string
}

// CompetencyRefs lists the competencies of the newest version of every
// framework, keyed by framework code and competency code (both upper
// case): "KOMPETENSI-ASN" → "INT" → ref.
func (s *Store) CompetencyRefs(ctx context.Context) (map[string]map[string]CompetencyRef, error) {
	out := map[string]map[string]CompetencyRef{}
	var r CompetencyRef
	err := eachRow(ctx, s.db, `SELECT c.id, f.code, c.code FROM competency c JOIN framework f ON f.id = c.framework_id
		WHERE f.id = (SELECT f2.id FROM framework f2 WHERE f2.code = f.code ORDER BY f2.created_at DESC, f2.id DESC LIMIT 1)`,
		nil, []any{&r.ID, &r.FrameworkCode, &r.Code}, func() {
			fw := strings.ToUpper(r.FrameworkCode)
			if out[fw] == nil {
				out[fw] = map[string]CompetencyRef{}
			}
			out[fw][strings.ToUpper(r.Code)] = r
		})
	if err != nil {
		return nil, fmt.Errorf("store: competency refs: %w", err)
	}
	return out, nil
}

// CatalogueImportEvent describes an import file for the audit log.
type CatalogueImportEvent struct {
	File, SHA256 string
	Rows         int
}

// CatalogueRowError is the first row the store refused: its index in the
// rows given and why.
type CatalogueRowError struct {
	Row int
	Err error
}

func (e *CatalogueRowError) Error() string { return fmt.Sprintf("row %d: %v", e.Row, e.Err) }
func (e *CatalogueRowError) Unwrap() error { return e.Err }

// ImportCatalogue writes programmes (ID 0: create; otherwise update) in one
// transaction with an audit row of the file besides each programme's own;
// without apply, or when a row is refused, nothing stays. A refused row is
// a *CatalogueRowError. It returns how many were created and updated.
func (s *Store) ImportCatalogue(ctx context.Context, a model.Actor, ev CatalogueImportEvent, rows []model.Programme, apply bool) (created, updated int, err error) {
	for i := range rows {
		if err := rows[i].Validate(); err != nil {
			return 0, 0, &CatalogueRowError{Row: i, Err: err}
		}
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		created, updated = 0, 0
		for i := range rows {
			p := &rows[i]
			var err error
			if p.ID == 0 {
				err = s.createProgrammeTx(ctx, tx, a, p)
				created++
			} else {
				err = s.updateProgrammeTx(ctx, tx, a, p)
				updated++
			}
			if err != nil {
				return &CatalogueRowError{Row: i, Err: err}
			}
		}
		if err := s.audit(ctx, tx, a, "catalogue.import", "programme", 0, map[string]any{"file": ev.File, "sha256": ev.SHA256,
			"rows": ev.Rows, "created": created, "updated": updated}); err != nil {
			return err
		}
		if !apply {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return created, updated, err
}

// CatalogueExportRow is a programme with its partner's name and its
// competencies' framework codes, as the export writes it.
type CatalogueExportRow struct {
	model.Programme
	CompetencyFrameworks []string // beside Competencies
}

// CatalogueExport returns every programme by code with its competencies.
func (s *Store) CatalogueExport(ctx context.Context, providerID int64) ([]CatalogueExportRow, error) {
	q := `SELECT ` + programmeCols + programmeFrom
	var args []any
	if providerID != 0 {
		q += ` WHERE p.provider_id = $1`
		args = append(args, providerID)
	}
	list, err := queryAll(ctx, s.db, q+` ORDER BY p.code`, args, scanProgramme)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(list))
	out := make([]CatalogueExportRow, len(list))
	for i := range list {
		out[i].Programme = list[i]
		at[list[i].ID] = i
	}
	var pid int64
	var fw string
	var c model.ProgrammeCompetency
	err = eachRow(ctx, s.db, `SELECT pc.programme_id, f.code, c.code, pc.competency_id, pc.level FROM programme_competency pc
		JOIN competency c ON c.id = pc.competency_id JOIN framework f ON f.id = c.framework_id ORDER BY pc.programme_id, c.ord, c.id`,
		nil, []any{&pid, &fw, &c.Code, &c.CompetencyID, &c.Level}, func() {
			if i, ok := at[pid]; ok {
				out[i].Competencies = append(out[i].Competencies, c)
				out[i].CompetencyFrameworks = append(out[i].CompetencyFrameworks, fw)
			}
		})
	if err != nil {
		return nil, fmt.Errorf("store: catalogue export: %w", err)
	}
	return out, nil
}
