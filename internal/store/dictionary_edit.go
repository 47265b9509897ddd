package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
)

// Agencies edit their own frameworks through drafts. A draft is a framework
// version being written (a dictionary.Framework kept as JSON in
// framework_draft, at most one per framework code); publishing validates it
// whole and writes it as framework, competency and competency_level rows,
// which never change afterwards, and removes the draft. Editing a published
// version starts a new draft copied from it, with the next free version
// number; ratings and standards keep pointing at the competencies of the
// version they were made against. Built-in frameworks are read-only.
//
// Who may edit: an administrator of the whole government (BKPSDM,
// superadmin) every framework that is not built in; a unit admin (admin
// OPD) the frameworks owned by a unit inside their subtree (owner_unit_id).
// Frameworks without an owner unit (imported from a file, or created by
// BKPSDM without one) belong to BKPSDM. Every write is audited.

// maxDraftCompetencies bounds a draft, so that one JSON document stays small.
const maxDraftCompetencies = 2000

// FrameworkDraft is a framework version being edited.
type FrameworkDraft struct {
	ID             int64
	BasedOnID      int64  // the published version it was copied from; 0 for a new framework
	BasedOnVersion string // read only
	OwnerUnitID    int64  // the agency that owns it; 0 = BKPSDM
	OwnerUnitName  string // read only
	OwnerPath      string // read only
	F              dictionary.Framework
	CreatedAt      time.Time
	UpdatedAt      time.Time
	CreatedBy      string
}

// DraftError is what a draft write returns when the content breaks the
// rules of dictionary.Framework.Validate (or the draft's own: version,
// owner unit, unique code): every problem names its field and says why.
// It unwraps to an apperr EINVALID about the first problem.
type DraftError struct {
	Problems []dictionary.Problem
}

func (e *DraftError) Error() string {
	if len(e.Problems) == 0 {
		return "draft: invalid"
	}
	return e.Problems[0].String()
}

// Unwrap gives the apperr view of the first problem.
func (e *DraftError) Unwrap() error {
	if len(e.Problems) == 0 {
		return apperr.New(apperr.EINVALID, "err.framework.invalid_entry")
	}
	p := e.Problems[0]
	return apperr.Invalid(p.Field, "err.text", p)
}

// draftProblem builds a problem about the framework as a whole (Row 0).
func draftProblem(field, key string, args ...any) dictionary.Problem {
	return dictionary.NewProblem(0, field, key, args...)
}

// FrameworkOwnership is what decides who may edit a published version.
type FrameworkOwnership struct {
	ID          int64
	Code        string
	Version     string
	BuiltIn     bool
	OwnerUnitID int64
	OwnerPath   string // "" when no unit owns it (BKPSDM)
	BasedOnID   int64
}

// FrameworkOwner returns the ownership of published version id.
func (s *Store) FrameworkOwner(ctx context.Context, id int64) (*FrameworkOwnership, error) {
	return frameworkOwner(ctx, s.db, id)
}

func frameworkOwner(ctx context.Context, q queryer, id int64) (*FrameworkOwnership, error) {
	var o FrameworkOwnership
	err := q.QueryRowContext(ctx, `SELECT f.id, f.code, f.version, f.builtin, COALESCE(f.owner_unit_id, 0), COALESCE(u.path, ''),
		COALESCE(f.based_on_id, 0) FROM framework f LEFT JOIN org_unit u ON u.id = f.owner_unit_id WHERE f.id = $1`, id).
		Scan(&o.ID, &o.Code, &o.Version, &o.BuiltIn, &o.OwnerUnitID, &o.OwnerPath, &o.BasedOnID)
	if err != nil {
		return nil, notFound(err, "err.standard.framework_not_found", id)
	}
	return &o, nil
}

// CanVersion reports whether admin (auth.Principal.Admin) may start a new
// version of the framework: never a built-in one.
func (o *FrameworkOwnership) CanVersion(admin model.Scope) bool {
	return !o.BuiltIn && admin.Contains(o.OwnerPath)
}

// EditableBy reports whether admin may edit the draft.
func (d *FrameworkDraft) EditableBy(admin model.Scope) bool { return admin.Contains(d.OwnerPath) }

// loadDraft reads a draft; with lock it holds the row for the rest of the
// transaction on PostgreSQL (SQLite transactions here take the write lock
// when they begin).
func (s *Store) loadDraft(ctx context.Context, q queryer, id int64, lock bool) (*FrameworkDraft, error) {
	query := `SELECT id, COALESCE(based_on_id, 0), COALESCE(owner_unit_id, 0), body, created_at, updated_at, created_by
		FROM framework_draft WHERE id = $1`
	if lock && s.dialect == Postgres {
		query += ` FOR UPDATE`
	}
	var d FrameworkDraft
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
func (s *Store) editableDraft(ctx context.Context, q queryer, id int64, admin model.Scope) (*FrameworkDraft, error) {
	d, err := s.loadDraft(ctx, q, id, true)
	if err != nil {
		return nil, err
	}
	if !d.EditableBy(admin) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.framework.framework_draft_not_found", id)
	}
	return d, nil
}

// Draft loads one draft.
func (s *Store) Draft(ctx context.Context, id int64) (*FrameworkDraft, error) {
	return s.loadDraft(ctx, s.db, id, false)
}

// Drafts lists the drafts admin may edit, by code.
func (s *Store) Drafts(ctx context.Context, admin model.Scope) ([]FrameworkDraft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM framework_draft ORDER BY code, id`)
	if err != nil {
		return nil, fmt.Errorf("store: drafts: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []FrameworkDraft
	for _, id := range ids {
		d, err := s.loadDraft(ctx, s.db, id, false)
		if apperr.Code(err) == apperr.ENOTFOUND {
			continue // discarded meanwhile
		}
		if err != nil {
			return nil, err
		}
		if d.EditableBy(admin) {
			out = append(out, *d)
		}
	}
	return out, nil
}

// saveDraft writes the draft's body and meta.
func (s *Store) saveDraft(ctx context.Context, q queryer, d *FrameworkDraft) error {
	body, err := json.Marshal(&d.F)
	if err != nil {
		return err
	}
	d.UpdatedAt = unixTime(s.Now().Unix())
	_, err = q.ExecContext(ctx, `UPDATE framework_draft SET code = $1, version = $2, owner_unit_id = $3, body = $4, updated_at = $5 WHERE id = $6`,
		d.F.Code, d.F.Version, nullID(d.OwnerUnitID), string(body), d.UpdatedAt.Unix(), d.ID)
	if isUniqueViolation(err) {
		return &DraftError{Problems: []dictionary.Problem{draftProblem("framework.code", "err.framework.code_used_by_draft", d.F.Code)}}
	}
	if err != nil {
		return fmt.Errorf("store: save draft %d: %w", d.ID, err)
	}
	return nil
}

// checkMeta validates the framework fields of a draft (code, name, version,
// owner unit) and resolves the owner unit's name and path. newCode marks a
// draft whose code is its own choice (a new framework), which must not be
// taken by a stored framework or another draft.
func (s *Store) checkMeta(ctx context.Context, q queryer, d *FrameworkDraft, admin model.Scope, newCode bool) error {
	f := &d.F
	f.Code, f.Name, f.Version = strings.TrimSpace(f.Code), strings.TrimSpace(f.Name), strings.TrimSpace(f.Version)
	f.Source, f.Owner, f.Description = strings.TrimSpace(f.Source), strings.TrimSpace(f.Owner), strings.TrimSpace(f.Description)
	var ps []dictionary.Problem
	meta := dictionary.Framework{Code: f.Code, Name: f.Name}
	for _, p := range meta.Validate() {
		if p.Row == 0 && strings.HasPrefix(p.Field, "framework.") {
			ps = append(ps, p)
		}
	}
	if utf8.RuneCountInString(f.Code) > 60 {
		ps = append(ps, draftProblem("framework.code", "err.framework.framework_code_at_most"))
	}
	if utf8.RuneCountInString(f.Name) > 200 {
		ps = append(ps, draftProblem("framework.name", "err.framework.framework_name_at_most"))
	}
	switch {
	case f.Version == "":
		ps = append(ps, draftProblem("framework.version", "err.framework.version_required"))
	case strings.ContainsAny(f.Version, " \t\r\n,") || utf8.RuneCountInString(f.Version) > 40:
		ps = append(ps, draftProblem("framework.version", "err.framework.version_format"))
	}
	if newCode && f.Code != "" {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM framework WHERE code = $1) + (SELECT COUNT(*) FROM framework_draft WHERE code = $1 AND id <> $2)`,
			f.Code, d.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			ps = append(ps, draftProblem("framework.code", "err.framework.code_taken_new_version", f.Code))
		}
	}
	if f.Code != "" && f.Version != "" {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1 AND version = $2`, f.Code, f.Version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			ps = append(ps, draftProblem("framework.version", "err.framework.version_published_immutable", f.Version))
		}
	}
	d.OwnerUnitName, d.OwnerPath = "", ""
	if d.OwnerUnitID != 0 {
		err := q.QueryRowContext(ctx, `SELECT name, path FROM org_unit WHERE id = $1`, d.OwnerUnitID).Scan(&d.OwnerUnitName, &d.OwnerPath)
		if err == sql.ErrNoRows {
			ps = append(ps, draftProblem("owner_unit", "err.framework.owner_unit_missing"))
		} else if err != nil {
			return err
		}
	}
	if !admin.Contains(d.OwnerPath) {
		if d.OwnerUnitID == 0 {
			ps = append(ps, draftProblem("owner_unit", "err.framework.choose_owner_unit_agency"))
		} else {
			ps = append(ps, draftProblem("owner_unit", "err.framework.owner_unit_outside"))
		}
	}
	if len(ps) > 0 {
		return &DraftError{Problems: ps}
	}
	return nil
}

// CreateDraft starts a new framework as a draft with no competencies yet:
// its code must be new, its owner unit (0 = BKPSDM, only for an
// administrator of the whole government) inside admin. Audited.
func (s *Store) CreateDraft(ctx context.Context, a model.Actor, d *FrameworkDraft, admin model.Scope) error {
	d.BasedOnID = 0
	d.F.Competencies = nil
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.checkMeta(ctx, tx, d, admin, true); err != nil {
			return err
		}
		return s.insertDraft(ctx, tx, a, d)
	})
}

func (s *Store) insertDraft(ctx context.Context, tx *sql.Tx, a model.Actor, d *FrameworkDraft) error {
	body, err := json.Marshal(&d.F)
	if err != nil {
		return err
	}
	now := s.Now().Unix()
	id, err := insertID(ctx, tx, `INSERT INTO framework_draft (code, version, based_on_id, owner_unit_id, body, created_at, updated_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, d.F.Code, d.F.Version, nullID(d.BasedOnID), nullID(d.OwnerUnitID), string(body), now, now, actorName(a))
	if isUniqueViolation(err) {
		return &DraftError{Problems: []dictionary.Problem{draftProblem("framework.code", "err.framework.code_used_by_draft", d.F.Code)}}
	}
	if err != nil {
		return fmt.Errorf("store: create draft %s: %w", d.F.Code, err)
	}
	d.ID, d.CreatedAt, d.UpdatedAt, d.CreatedBy = id, unixTime(now), unixTime(now), actorName(a)
	return s.audit(ctx, tx, a, "framework_draft.create", "framework_draft", id, map[string]any{
		"code": d.F.Code, "version": d.F.Version, "based_on_id": d.BasedOnID, "owner_unit_id": d.OwnerUnitID,
		"competencies": len(d.F.Competencies)})
}

// NextVersion suggests the version after v: its last run of digits plus
// one ("2025.1" → "2025.2", "v9" → "v10", "2025-rev3a" → "2025-rev4a"),
// else v with ".2" appended ("" gives "1").
func NextVersion(v string) string {
	end := len(v)
	for end > 0 && (v[end-1] < '0' || v[end-1] > '9') {
		end--
	}
	start := end
	for start > 0 && v[start-1] >= '0' && v[start-1] <= '9' {
		start--
	}
	if start == end {
		if v == "" {
			return "1"
		}
		return v + ".2"
	}
	n, err := strconv.Atoi(v[start:end])
	if err != nil {
		return v + ".2"
	}
	return v[:start] + strconv.Itoa(n+1) + v[end:]
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
		if !admin.Contains(o.OwnerPath) {
			return apperr.New(apperr.ENOTFOUND, "err.standard.framework_not_found", frameworkID)
		}
		var draftID int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM framework_draft WHERE code = $1`, o.Code).Scan(&draftID)
		if err == nil {
			d, err := s.loadDraft(ctx, tx, draftID, false)
			if err != nil {
				return err
			}
			if !d.EditableBy(admin) {
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
		f.Version = NextVersion(o.Version)
		for range 1000 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1 AND version = $2`, f.Code, f.Version).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				break
			}
			f.Version = NextVersion(f.Version)
		}
		d := &FrameworkDraft{BasedOnID: frameworkID, OwnerUnitID: o.OwnerUnitID, F: *f}
		if err := s.insertDraft(ctx, tx, a, d); err != nil {
			return err
		}
		id = d.ID
		return nil
	})
	return id, existing, err
}

// DraftMeta is the framework fields of a draft a form edits.
type DraftMeta struct {
	Code, Name, Version, Source, Owner, Description string
	OwnerUnitID                                     int64
}

// UpdateDraftMeta changes the framework fields of a draft admin may edit.
// The code of a new version stays that of the framework it continues.
// Problems come back as a *DraftError. Audited with the changed fields.
func (s *Store) UpdateDraftMeta(ctx context.Context, a model.Actor, id int64, m DraftMeta, admin model.Scope) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		old := d.F
		oldOwner := d.OwnerUnitID
		if d.BasedOnID == 0 {
			d.F.Code = m.Code
		}
		d.F.Name, d.F.Version, d.F.Source, d.F.Owner, d.F.Description = m.Name, m.Version, m.Source, m.Owner, m.Description
		d.OwnerUnitID = m.OwnerUnitID
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

// normaliseCompetency trims the fields of c and lower-cases its tags.
func normaliseCompetency(c *dictionary.Competency) {
	c.Code, c.Name, c.Definition = strings.TrimSpace(c.Code), strings.TrimSpace(c.Name), strings.TrimSpace(c.Definition)
	c.ParentCode, c.Kind = strings.TrimSpace(c.ParentCode), strings.TrimSpace(c.Kind)
	var tags []string
	for _, t := range c.Tags {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			tags = append(tags, t)
		}
	}
	c.Tags = tags
	for i := range c.Levels {
		l := &c.Levels[i]
		l.Title, l.Description = strings.TrimSpace(l.Title), strings.TrimSpace(l.Description)
		var ind []string
		for _, x := range l.Indicators {
			if x = strings.TrimSpace(x); x != "" {
				ind = append(ind, x)
			}
		}
		l.Indicators = ind
	}
}

// checkCompetency validates competency c as it would stand at index i of
// f (i == len(f.Competencies) for a new one): the problems of its own row
// from dictionary.Framework.Validate, plus a code already used by another
// competency. It sets c.ParentCode to the parent's exact code.
func checkCompetency(f *dictionary.Framework, i int, c *dictionary.Competency) []dictionary.Problem {
	var ps []dictionary.Problem
	row := i + 1
	for j, o := range f.Competencies {
		if j != i && c.Code != "" && strings.EqualFold(o.Code, c.Code) {
			ps = append(ps, dictionary.NewProblem(row, "code", "err.framework.code_used_by_competency", c.Code, o.Name))
		}
		if c.ParentCode != "" && strings.EqualFold(o.Code, c.ParentCode) && j != i {
			c.ParentCode = o.Code
		}
	}
	cand := dictionary.Framework{Code: f.Code, Name: f.Name, Competencies: append([]dictionary.Competency(nil), f.Competencies...)}
	if i < len(cand.Competencies) {
		cand.Competencies[i] = *c
	} else {
		cand.Competencies = append(cand.Competencies, *c)
	}
	dup := len(ps) > 0
	for _, p := range cand.Validate() {
		if p.Row != row || (dup && p.Field == "code") {
			continue
		}
		ps = append(ps, p)
	}
	if c.ParentCode != "" && strings.EqualFold(c.ParentCode, c.Code) {
		ps = append(ps, dictionary.NewProblem(row, "parent_code", "err.framework.own_parent"))
	}
	return ps
}

// SaveDraftCompetency adds competency c to a draft admin may edit (oldCode
// "") or replaces the competency whose code is oldCode. It refuses, with a
// *DraftError naming each field at fault, a competency that breaks the
// rules of dictionary.Framework.Validate. Renaming a code renames it in
// the parent links of its children. Audited.
func (s *Store) SaveDraftCompetency(ctx context.Context, a model.Actor, id int64, oldCode string, c dictionary.Competency, admin model.Scope) error {
	normaliseCompetency(&c)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		i := len(d.F.Competencies)
		if oldCode != "" {
			i = -1
			for j, o := range d.F.Competencies {
				if o.Code == oldCode {
					i = j
				}
			}
			if i < 0 {
				return apperr.New(apperr.ENOTFOUND, "err.framework.competency_not_draft", oldCode)
			}
		} else if i >= maxDraftCompetencies {
			return apperr.Invalid("code", "err.framework.too_many_competencies", maxDraftCompetencies)
		}
		if ps := checkCompetency(&d.F, i, &c); len(ps) > 0 {
			return &DraftError{Problems: ps}
		}
		op := "add"
		if i < len(d.F.Competencies) {
			op = "update"
			d.F.Competencies[i] = c
			if oldCode != c.Code {
				for j := range d.F.Competencies {
					if d.F.Competencies[j].ParentCode == oldCode {
						d.F.Competencies[j].ParentCode = c.Code
					}
				}
			}
		} else {
			d.F.Competencies = append(d.F.Competencies, c)
		}
		if err := s.saveDraft(ctx, tx, d); err != nil {
			return err
		}
		detail := map[string]any{"op": op, "code": c.Code, "framework": d.F.Code, "version": d.F.Version}
		if op == "update" && oldCode != c.Code {
			detail["old_code"] = oldCode
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
		i := -1
		for j, o := range d.F.Competencies {
			if o.Code == code {
				i = j
			}
			if strings.EqualFold(o.ParentCode, code) {
				return apperr.Invalid("parent_code", "err.framework.still_a_parent", code, o.Code, o.Code)
			}
		}
		if i < 0 {
			return apperr.New(apperr.ENOTFOUND, "err.framework.competency_not_draft", code)
		}
		d.F.Competencies = append(d.F.Competencies[:i], d.F.Competencies[i+1:]...)
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
// them (dictionary.Framework.Validate, the version not yet published).
func (s *Store) DraftProblems(ctx context.Context, d *FrameworkDraft) ([]dictionary.Problem, error) {
	ps := d.F.Validate()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1 AND version = $2`, d.F.Code, d.F.Version).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		ps = append(ps, draftProblem("framework.version", "err.framework.version_published", d.F.Version))
	}
	if d.BasedOnID == 0 {
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1`, d.F.Code).Scan(&n); err != nil {
			return nil, err
		}
		if n > 0 {
			ps = append(ps, draftProblem("framework.code", "err.framework.code_taken", d.F.Code))
		}
	}
	return ps, nil
}

// PublishDraft freezes a draft admin may edit: it validates the whole
// framework (a *DraftError lists every problem), stores it as a new
// framework version with its owner unit and the version it continues,
// removes the draft and returns the new version's ID, in one transaction.
// Audited as framework.publish.
func (s *Store) PublishDraft(ctx context.Context, a model.Actor, id int64, admin model.Scope) (int64, error) {
	var fid int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := s.editableDraft(ctx, tx, id, admin)
		if err != nil {
			return err
		}
		var errs []dictionary.Problem
		for _, p := range d.F.Validate() {
			if !p.Warning {
				errs = append(errs, p)
			}
		}
		if d.BasedOnID == 0 {
			// A new framework's code may have been taken since the draft
			// began (an import): publishing would make it a version of
			// someone else's framework.
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM framework WHERE code = $1`, d.F.Code).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				errs = append(errs, draftProblem("framework.code", "err.framework.code_taken", d.F.Code))
			}
		}
		if len(errs) > 0 {
			return &DraftError{Problems: errs}
		}
		if fid, err = s.insertFramework(ctx, tx, &d.F, false); err != nil {
			var ae *apperr.Error
			if errors.As(err, &ae) && ae.Code == apperr.ECONFLICT {
				return &DraftError{Problems: []dictionary.Problem{draftProblem("framework.version", "err.framework.version_published", d.F.Version)}}
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

// FrameworkVersion is one published version of a framework code with what
// points at it. The counts that grow with the registry (ratings, position
// standards) are capped at UsageCap: the page asks "is this version in
// use, and roughly how much", and an exact count of the national
// framework's ratings would read every rating of the government (≈ 12
// million rows at a million employees) on every view of a page open to
// every signed-in user. A count with its *More flag set is a lower bound
// ("10.000+").
type FrameworkVersion struct {
	ID, BasedOnID        int64
	Version, Name        string
	BuiltIn              bool
	CreatedAt            time.Time
	OwnerUnitName        string
	Competencies         int
	Ratings              int  // rating events against its competencies, at most UsageCap
	RatingsMore          bool // there are more than Ratings
	CurrentStandards     int  // current position standards using its competencies (a lower bound when CurrentStandardsMore)
	CurrentStandardsMore bool
	OldStandards         int // superseded position standards using them (a lower bound when OldStandardsMore)
	OldStandardsMore     bool
	Templates            int // standard template rows using them (templates are per position type and jenjang: few)
}

// UsageCap is where FrameworkVersions stops counting ratings and standards.
const UsageCap = 10000

// FrameworkVersions lists the published versions of a framework code,
// newest first, each with the number of ratings, current and superseded
// position standards and template rows that use its competencies. Each
// count reads at most UsageCap+1 index entries (rating_competency,
// standard_item_competency, position_standard_old), so a view costs the same for a framework
// nobody uses and for the national one at a million employees.
func (s *Store) FrameworkVersions(ctx context.Context, code string) ([]FrameworkVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.id, COALESCE(f.based_on_id, 0), f.version, f.name, f.builtin, f.created_at, COALESCE(u.name, ''),
		(SELECT COUNT(*) FROM competency c WHERE c.framework_id = f.id),
		(SELECT COUNT(*) FROM competency c JOIN standard_template t ON t.competency_id = c.id WHERE c.framework_id = f.id)
		FROM framework f LEFT JOIN org_unit u ON u.id = f.owner_unit_id WHERE f.code = $1 ORDER BY f.created_at DESC, f.id DESC`, code)
	if err != nil {
		return nil, fmt.Errorf("store: versions of %s: %w", code, err)
	}
	var out []FrameworkVersion
	for rows.Next() {
		var v FrameworkVersion
		var created int64
		if err := rows.Scan(&v.ID, &v.BasedOnID, &v.Version, &v.Name, &v.BuiltIn, &created, &v.OwnerUnitName,
			&v.Competencies, &v.Templates); err != nil {
			rows.Close()
			return nil, err
		}
		v.CreatedAt = unixTime(created)
		out = append(out, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		v := &out[i]
		// Both scans run in competency order without sorting, so the
		// LIMIT stops them after UsageCap+1 rows on either engine.
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM competency c JOIN rating r ON r.competency_id = c.id
			WHERE c.framework_id = $1 LIMIT $2) x`, v.ID, UsageCap+1).Scan(&n); err != nil {
			return nil, fmt.Errorf("store: ratings of framework %d: %w", v.ID, err)
		}
		v.Ratings, v.RatingsMore = min(n, UsageCap), n > UsageCap
		// Standards: the framework's first UsageCap+1 standard items in
		// competency order, classified by their standard. A standard names
		// a competency once, so a long first competency yields distinct
		// standards; when the scan stops early, what it saw is a lower
		// bound of each count.
		var items, cur, old int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT CASE WHEN x.cur THEN x.standard_id END),
			COUNT(DISTINCT CASE WHEN x.cur THEN NULL ELSE x.standard_id END) FROM (SELECT i.standard_id, ps.is_current AS cur
			FROM competency c JOIN standard_item i ON i.competency_id = c.id JOIN position_standard ps ON ps.id = i.standard_id
			WHERE c.framework_id = $1 LIMIT $2) x`, v.ID, UsageCap+1).Scan(&items, &cur, &old); err != nil {
			return nil, fmt.Errorf("store: standards of framework %d: %w", v.ID, err)
		}
		v.CurrentStandards, v.CurrentStandardsMore = min(cur, UsageCap), items > UsageCap
		v.OldStandards, v.OldStandardsMore = min(old, UsageCap), items > UsageCap
		if v.OldStandardsMore {
			// Superseded standards are few next to current ones: read the
			// first UsageCap+1 items of any superseded standard (partial
			// index position_standard_old) and count those of this
			// framework; when that scan ends, the count is exact.
			var seen, mine int
			if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT CASE WHEN c.framework_id = $1 THEN y.standard_id END)
				FROM (SELECT i.standard_id, i.competency_id FROM position_standard ps JOIN standard_item i ON i.standard_id = ps.id
				WHERE ps.is_current = FALSE LIMIT $2) y JOIN competency c ON c.id = y.competency_id`, v.ID, UsageCap+1).Scan(&seen, &mine); err != nil {
				return nil, fmt.Errorf("store: old standards of framework %d: %w", v.ID, err)
			}
			if seen <= UsageCap {
				v.OldStandards, v.OldStandardsMore = mine, false
			} else {
				v.OldStandards = min(max(v.OldStandards, mine), UsageCap)
			}
		}
	}
	return out, nil
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
