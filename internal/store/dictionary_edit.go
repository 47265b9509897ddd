package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Agency frameworks are edited through drafts (dictionary.Draft, whose
// document and rules are package dictionary's), kept as JSON in
// framework_draft, at most one per framework code; publishing writes the
// draft as framework, competency and competency_level rows, which never
// change afterwards, and removes the draft. Who may edit is
// policy.MayEditFramework: an administrator of the whole government
// (BKPSDM, superadmin) every framework that is not built in; a unit admin
// (admin OPD) the frameworks owned by a unit inside their subtree
// (owner_unit_id). Frameworks without an owner unit (imported from a file,
// or created by BKPSDM without one) belong to BKPSDM. Every write is
// audited.

// loadDraft reads a draft; with lock it holds the row for the rest of the
// transaction on PostgreSQL (SQLite transactions here take the write lock
// when they begin).
func (s *Store) loadDraft(ctx context.Context, q queryer, id int64, lock bool) (*dictionary.Draft, error) {
	query := `SELECT id, COALESCE(based_on_id, 0), COALESCE(owner_unit_id, 0), body, created_at, updated_at, created_by
		FROM framework_draft WHERE id = $1`
	if lock && s.dialect == Postgres {
		query += ` FOR UPDATE`
	}
	var d dictionary.Draft
	var body string
	var created, updated int64
	if err := q.QueryRowContext(ctx, query, id).Scan(&d.ID, &d.BasedOnID, &d.OwnerUnitID, &body, &created, &updated, &d.CreatedBy); err != nil {
		return nil, notFound(err, "err.framework.framework_draft_not_found", id)
	}
	if err := json.Unmarshal([]byte(body), &d.F); err != nil {
		return nil, fmt.Errorf("store: draft %d: %w", id, err)
	}
	d.CreatedAt, d.UpdatedAt = unixTime(created), unixTime(updated)
	if d.OwnerUnitID != 0 {
		if err := q.QueryRowContext(ctx, `SELECT name, path FROM org_unit WHERE id = $1`, d.OwnerUnitID).Scan(&d.OwnerUnitName, &d.OwnerPath); err != nil {
			return nil, fmt.Errorf("store: draft %d owner: %w", id, err)
		}
	}
	if d.BasedOnID != 0 {
		if err := q.QueryRowContext(ctx, `SELECT version FROM framework WHERE id = $1`, d.BasedOnID).Scan(&d.BasedOnVersion); err != nil {
			return nil, fmt.Errorf("store: draft %d base: %w", id, err)
		}
	}
	return &d, nil
}

// editableDraft loads and locks a draft admin may edit; any other draft is
// not found.
func (s *Store) editableDraft(ctx context.Context, q queryer, id int64, admin model.Scope) (*dictionary.Draft, error) {
	d, err := s.loadDraft(ctx, q, id, true)
	if err != nil {
		return nil, err
	}
	if !policy.MayEditFramework(admin, d.OwnerPath) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.framework.framework_draft_not_found", id)
	}
	return d, nil
}

// Draft loads one draft.
func (s *Store) Draft(ctx context.Context, id int64) (*dictionary.Draft, error) {
	return s.loadDraft(ctx, s.db, id, false)
}

// Drafts lists the drafts admin may edit, by code.
func (s *Store) Drafts(ctx context.Context, admin model.Scope) ([]dictionary.Draft, error) {
	var ids []int64
	var id int64
	if err := eachRow(ctx, s.db, `SELECT id FROM framework_draft ORDER BY code, id`, nil, []any{&id}, func() {
		ids = append(ids, id)
	}); err != nil {
		return nil, fmt.Errorf("store: drafts: %w", err)
	}
	var out []dictionary.Draft
	for _, id := range ids {
		d, err := s.loadDraft(ctx, s.db, id, false)
		if apperr.Code(err) == apperr.ENOTFOUND {
			continue // discarded meanwhile
		}
		if err != nil {
			return nil, err
		}
		if policy.MayEditFramework(admin, d.OwnerPath) {
			out = append(out, *d)
		}
	}
	return out, nil
}

// saveDraft writes the draft's body and meta.
func (s *Store) saveDraft(ctx context.Context, q queryer, d *dictionary.Draft) error {
	body, err := json.Marshal(&d.F)
	if err != nil {
		return err
	}
	d.UpdatedAt = unixTime(s.Now().Unix())
	_, err = q.ExecContext(ctx, `UPDATE framework_draft SET code = $1, version = $2, owner_unit_id = $3, body = $4, updated_at = $5 WHERE id = $6`,
		d.F.Code, d.F.Version, nullID(d.OwnerUnitID), string(body), d.UpdatedAt.Unix(), d.ID)
	if isUniqueViolation(err) {
		return dictionary.NewDraftError("framework.code", "err.framework.code_used_by_draft", d.F.Code)
	}
	if err != nil {
		return fmt.Errorf("store: save draft %d: %w", d.ID, err)
	}
	return nil
}

// checkMeta reads what the draft's framework fields need from the
// database (is the code or version taken, the owner unit's name and path)
// and asks dictionary.Draft.CheckMeta, with the owner unit allowed when
// policy.MayEditFramework says admin may own a framework by it. newCode
// marks a draft whose code is its own choice (a new framework), which must
// not be taken by a stored framework or another draft.
func (s *Store) checkMeta(ctx context.Context, q queryer, d *dictionary.Draft, admin model.Scope, newCode bool) error {
	f := &d.F
	var facts dictionary.MetaFacts
	if newCode && f.Code != "" {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM framework WHERE code = $1) + (SELECT COUNT(*) FROM framework_draft WHERE code = $1 AND id <> $2)`,
			f.Code, d.ID).Scan(&n); err != nil {
			return err
		}
		facts.CodeTaken = n > 0
	}
	if f.Code != "" && f.Version != "" {
		published, err := versionStored(ctx, q, f.Code, f.Version)
		if err != nil {
			return err
		}
		facts.VersionPublished = published
	}
	d.OwnerUnitName, d.OwnerPath = "", ""
	if d.OwnerUnitID != 0 {
		err := q.QueryRowContext(ctx, `SELECT name, path FROM org_unit WHERE id = $1`, d.OwnerUnitID).Scan(&d.OwnerUnitName, &d.OwnerPath)
		if err == sql.ErrNoRows {
			facts.OwnerMissing = true
		} else if err != nil {
			return err
		}
	}
	facts.OwnerOutside = !policy.MayEditFramework(admin, d.OwnerPath)
	return d.CheckMeta(facts)
}

// versionStored reports whether framework code has a stored version.
func versionStored(ctx context.Context, q queryer, code, version string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1 AND version = $2`, code, version).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

// codeStored reports whether a framework with code is stored.
func codeStored(ctx context.Context, q queryer, code string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1`, code).Scan(&n); err != nil {
		return false, err
	}
	return n > 0, nil
}

// CreateDraft starts a new framework as a draft with no competencies yet:
// its code must be new, its owner unit (0 = BKPSDM, only for an
// administrator of the whole government) inside admin. Audited.
func (s *Store) CreateDraft(ctx context.Context, a model.Actor, d *dictionary.Draft, admin model.Scope) error {
	d.BasedOnID = 0
	d.F.Competencies = nil
	d.TrimMeta()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.checkMeta(ctx, tx, d, admin, true); err != nil {
			return err
		}
		return s.insertDraft(ctx, tx, a, d, nil)
	})
}

// CopyFramework starts a new framework as a draft copied from published
// version fromID, built-in or not (every signed-in user reads every
// framework): an agency version of the built-in digital framework, say,
// that the agency then edits. d carries the copy's own fields (a new code,
// its owner unit inside admin, as CreateDraft wants them); its competencies,
// levels and indicators are the source's. The copy is a framework of its
// own, not a version of the source's code, so the built-in code keeps only
// the versions Kompeten ships, and standards set on the source keep it until
// they are moved. Audited as framework_draft.create with copied_from.
func (s *Store) CopyFramework(ctx context.Context, a model.Actor, fromID int64, d *dictionary.Draft, admin model.Scope) error {
	d.BasedOnID = 0
	d.TrimMeta()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// A published version never changes: reading it through the pool
		// gives what the transaction would see.
		f, _, err := s.Framework(ctx, fromID)
		if err != nil {
			return err
		}
		d.F.Competencies = f.Competencies
		if err := s.checkMeta(ctx, tx, d, admin, true); err != nil {
			return err
		}
		return s.insertDraft(ctx, tx, a, d, map[string]any{"copied_from": fromID, "copied_code": f.Code, "copied_version": f.Version})
	})
}

// insertDraft stores a new draft and its audit row; extra adds to the
// audit detail.
func (s *Store) insertDraft(ctx context.Context, tx *sql.Tx, a model.Actor, d *dictionary.Draft, extra map[string]any) error {
	body, err := json.Marshal(&d.F)
	if err != nil {
		return err
	}
	now := s.Now().Unix()
	id, err := insertID(ctx, tx, `INSERT INTO framework_draft (code, version, based_on_id, owner_unit_id, body, created_at, updated_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, d.F.Code, d.F.Version, nullID(d.BasedOnID), nullID(d.OwnerUnitID), string(body), now, now, actorName(a))
	if isUniqueViolation(err) {
		return dictionary.NewDraftError("framework.code", "err.framework.code_used_by_draft", d.F.Code)
	}
	if err != nil {
		return fmt.Errorf("store: create draft %s: %w", d.F.Code, err)
	}
	d.ID, d.CreatedAt, d.UpdatedAt, d.CreatedBy = id, unixTime(now), unixTime(now), actorName(a)
	detail := map[string]any{"code": d.F.Code, "version": d.F.Version, "based_on_id": d.BasedOnID, "owner_unit_id": d.OwnerUnitID,
		"competencies": len(d.F.Competencies)}
	maps.Copy(detail, extra)
	return s.audit(ctx, tx, a, "framework_draft.create", "framework_draft", id, detail)
}

// NewVersionDraft starts a new version of published version frameworkID: a
// draft copied from it (competencies, levels, indicators), with the next
// version number not yet published. Built-in frameworks cannot be
// versioned; a framework admin does not administer is not found. When the
// framework's code already has a draft, that draft is returned (existing
// true) instead of a second one.
func (s *Store) NewVersionDraft(ctx context.Context, a model.Actor, frameworkID int64, admin model.Scope) (id int64, existing bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		o, err := frameworkOwner(ctx, tx, frameworkID)
		if err != nil {
			return err
		}
		if o.BuiltIn {
			return apperr.New(apperr.EFORBIDDEN, "err.framework.builtin_read_only", o.Code)
		}
		if !policy.MayVersionFramework(admin, o.BuiltIn, o.OwnerPath) {
			return apperr.New(apperr.ENOTFOUND, "err.standard.framework_not_found", frameworkID)
		}
		var draftID int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM framework_draft WHERE code = $1`, o.Code).Scan(&draftID)
		if err == nil {
			d, err := s.loadDraft(ctx, tx, draftID, false)
			if err != nil {
				return err
			}
			if !policy.MayEditFramework(admin, d.OwnerPath) {
				return apperr.New(apperr.ECONFLICT, "err.framework.draft_by_other", o.Code)
			}
			id, existing = draftID, true
			return nil
		}
		if err != sql.ErrNoRows {
			return err
		}
		// The rows of a published version never change: reading them
		// through the pool gives what the transaction would see.
		f, _, err := s.Framework(ctx, frameworkID)
		if err != nil {
			return err
		}
		f.Version = dictionary.NextVersion(o.Version)
		for range 1000 {
			taken, err := versionStored(ctx, tx, f.Code, f.Version)
			if err != nil {
				return err
			}
			if !taken {
				break
			}
			f.Version = dictionary.NextVersion(f.Version)
		}
		d := &dictionary.Draft{BasedOnID: frameworkID, OwnerUnitID: o.OwnerUnitID, F: *f}
		if err := s.insertDraft(ctx, tx, a, d, nil); err != nil {
			return err
		}
		id = d.ID
		return nil
	})
	return id, existing, err
}

// UpdateDraftMeta changes the framework fields of a draft admin may edit.
// The code of a new version stays that of the framework it continues.
// Problems come back as a *dictionary.DraftError. Audited with the changed fields.
func (s *Store) UpdateDraftMeta(ctx context.Context, a model.Actor, id int64, m dictionary.DraftMeta, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		old := d.F
		oldOwner := d.OwnerUnitID
		d.SetMeta(m)
		if err := s.checkMeta(ctx, tx, d, admin, d.BasedOnID == 0); err != nil {
			return err
		}
		if err := s.saveDraft(ctx, tx, d); err != nil {
			return err
		}
		changes := map[string]Change{}
		diff(changes, "code", old.Code, d.F.Code)
		diff(changes, "name", old.Name, d.F.Name)
		diff(changes, "version", old.Version, d.F.Version)
		diff(changes, "source", old.Source, d.F.Source)
		diff(changes, "owner", old.Owner, d.F.Owner)
		diff(changes, "description", old.Description, d.F.Description)
		diff(changes, "owner_unit_id", strconv.FormatInt(oldOwner, 10), strconv.FormatInt(d.OwnerUnitID, 10))
		return s.audit(ctx, tx, a, "framework_draft.update", "framework_draft", id, changes)
	})
}

// SaveDraftCompetency adds competency c to a draft admin may edit (oldCode
// "") or replaces the competency whose code is oldCode, by the rules of
// dictionary.Draft.PutCompetency (a *dictionary.DraftError names each
// field at fault). Audited.
func (s *Store) SaveDraftCompetency(ctx context.Context, a model.Actor, id int64, oldCode string, c dictionary.Competency, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		added, err := d.PutCompetency(oldCode, &c)
		if err != nil {
			return err
		}
		if err := s.saveDraft(ctx, tx, d); err != nil {
			return err
		}
		detail := map[string]any{"op": "add", "code": c.Code, "framework": d.F.Code, "version": d.F.Version}
		if !added {
			detail["op"] = "update"
			if oldCode != c.Code {
				detail["old_code"] = oldCode
			}
		}
		return s.audit(ctx, tx, a, "framework_draft.competency", "framework_draft", id, detail)
	})
}

// DeleteDraftCompetency removes a competency from a draft admin may edit;
// a competency that is the parent of others stays until they move. Audited.
func (s *Store) DeleteDraftCompetency(ctx context.Context, a model.Actor, id int64, code string, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		if err := d.RemoveCompetency(code); err != nil {
			return err
		}
		if err := s.saveDraft(ctx, tx, d); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "framework_draft.competency", "framework_draft", id, map[string]any{
			"op": "delete", "code": code, "framework": d.F.Code, "version": d.F.Version})
	})
}

// DiscardDraft deletes a draft admin may edit. Audited.
func (s *Store) DiscardDraft(ctx context.Context, a model.Actor, id int64, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM framework_draft WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: discard draft %d: %w", id, err)
		}
		return s.audit(ctx, tx, a, "framework_draft.discard", "framework_draft", id, map[string]any{
			"code": d.F.Code, "version": d.F.Version, "competencies": len(d.F.Competencies)})
	})
}

// DraftProblems returns every problem of a draft as publishing would see
// them (dictionary.Draft.Problems, with whether its version is published
// and a new framework's code taken).
func (s *Store) DraftProblems(ctx context.Context, d *dictionary.Draft) ([]dictionary.Problem, error) {
	published, err := versionStored(ctx, s.db, d.F.Code, d.F.Version)
	if err != nil {
		return nil, err
	}
	taken := false
	if d.BasedOnID == 0 {
		if taken, err = codeStored(ctx, s.db, d.F.Code); err != nil {
			return nil, err
		}
	}
	return d.Problems(published, taken), nil
}

// PublishDraft freezes a draft admin may edit: dictionary.Draft.PublishError
// checks the whole framework (a *dictionary.DraftError lists every
// problem), then it is stored as a new framework version with its owner
// unit and the version it continues, the draft removed, and the new
// version's ID returned, in one transaction. Audited as framework.publish.
func (s *Store) PublishDraft(ctx context.Context, a model.Actor, id int64, admin model.Scope) (int64, error) {
	var fid int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		taken := false
		if d.BasedOnID == 0 {
			if taken, err = codeStored(ctx, tx, d.F.Code); err != nil {
				return err
			}
		}
		if err := d.PublishError(taken); err != nil {
			return err
		}
		if fid, err = s.insertFramework(ctx, tx, &d.F, false); err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) && ae.Code == apperr.ECONFLICT {
				return dictionary.NewDraftError("framework.version", "err.framework.version_published", d.F.Version)
			}
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE framework SET owner_unit_id = $1, based_on_id = $2 WHERE id = $3`,
			nullID(d.OwnerUnitID), nullID(d.BasedOnID), fid); err != nil {
			return fmt.Errorf("store: publish draft %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM framework_draft WHERE id = $1`, id); err != nil {
			return fmt.Errorf("store: publish draft %d: %w", id, err)
		}
		return s.audit(ctx, tx, a, "framework.publish", "framework", fid, map[string]any{
			"code": d.F.Code, "version": d.F.Version, "draft_id": id, "based_on_id": d.BasedOnID,
			"owner_unit_id": d.OwnerUnitID, "competencies": len(d.F.Competencies)})
	})
	return fid, err
}

// DraftOf returns the ID of the draft of a framework code, 0 when none.
func (s *Store) DraftOf(ctx context.Context, code string) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM framework_draft WHERE code = $1`, code).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}
