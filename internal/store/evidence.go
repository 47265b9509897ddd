package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/policy"
)

// Work evidence (bukti kerja): a document an employee submits for one
// competency of their position's standard, with the level they claim. Their
// supervisor (whoever may give them a supervisor rating, checkRater)
// accepts it with a level, which records a rating of source evidence by the
// reviewer in the same transaction, or rejects it with a reason. The type,
// its statuses and the rules of its values are model.Evidence's. The file
// is kept in the row: transactional with the review and in every backup.

// EvidenceFile is a file to download.
type EvidenceFile struct {
	EmployeeID  int64 // whose evidence it is (for the view log)
	Name        string
	ContentType string
	Content     []byte
}

// SubmitEvidence records e (EmployeeID, CompetencyID, ClaimedLevel, Note,
// FileName, Content) for submitter, who must be the employee
// (policy.MaySubmitEvidence): model.Evidence.Validate checks the values and
// the file, the store that the competency is in the current standard of
// their position. It sets the ID, the cleaned file name, the content type,
// the size and the status. The audit entry names the file but does not
// keep its content.
func (s *Store) SubmitEvidence(ctx context.Context, a model.Actor, submitter int64, e *model.Evidence) error {
	if !policy.MaySubmitEvidence(submitter, e.EmployeeID) {
		return apperr.New(apperr.EFORBIDDEN, "err.evidence.own_only")
	}
	if err := e.Validate(); err != nil {
		return err
	}
	e.SubmittedAt, e.Status = s.Now(), model.EvidencePending
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var pos int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(position_id, 0) FROM employee WHERE id = $1`, e.EmployeeID).Scan(&pos); err != nil {
			return notFound(err, "err.common.employee_not_found", e.EmployeeID)
		}
		_, reqs, err := currentStandard(ctx, tx, pos)
		if err != nil {
			return err
		}
		inStandard := false
		for _, r := range reqs {
			inStandard = inStandard || r.CompetencyID == e.CompetencyID
		}
		if !inStandard {
			return apperr.Invalid("competency", "err.evidence.not_in_standard", e.CompetencyID)
		}
		id, err := insertID(ctx, tx, `INSERT INTO evidence (employee_id, competency_id, claimed_level, note, file_name, content_type,
			content, size, submitted_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending')`,
			e.EmployeeID, e.CompetencyID, e.ClaimedLevel, e.Note, e.FileName, e.ContentType, e.Content, e.Size, e.SubmittedAt.Unix())
		if err != nil {
			return fmt.Errorf("store: submit evidence: %w", err)
		}
		e.ID = id
		return s.audit(ctx, tx, a, "evidence.submit", "evidence", id, map[string]any{"employee_id": e.EmployeeID,
			"competency_id": e.CompetencyID, "claimed_level": e.ClaimedLevel, "file_name": e.FileName,
			"content_type": e.ContentType, "size": e.Size})
	})
}

// evidenceColumns are what lists read (never the content).
const evidenceColumns = `v.id, v.employee_id, e.name, e.gelar_depan, e.gelar_belakang, v.competency_id, c.name, v.claimed_level,
	v.note, v.file_name, v.content_type, v.size, v.submitted_at, v.status, COALESCE(v.reviewer_id, 0), COALESCE(v.reviewed_at, 0),
	v.review_note, COALESCE(v.rating_id, 0)
	FROM evidence v JOIN employee e ON e.id = v.employee_id JOIN competency c ON c.id = v.competency_id `

func (s *Store) evidenceList(ctx context.Context, where string, qargs ...any) ([]model.Evidence, error) {
	var out []model.Evidence
	var v model.Evidence
	var n, f, b string
	var sub, rev int64
	err := eachRow(ctx, s.db, `SELECT `+evidenceColumns+where, qargs, []any{&v.ID, &v.EmployeeID, &n, &f, &b, &v.CompetencyID, &v.CompetencyName, &v.ClaimedLevel,
		&v.Note, &v.FileName, &v.ContentType, &v.Size, &sub, &v.Status, &v.ReviewerID, &rev, &v.ReviewNote, &v.RatingID}, func() {
		v.EmployeeName = names.Display(f, n, b)
		v.SubmittedAt, v.ReviewedAt = time.Unix(sub, 0).UTC(), time.Time{} // v is reused
		if rev != 0 {
			v.ReviewedAt = time.Unix(rev, 0).UTC()
		}
		out = append(out, v)
	})
	if err != nil {
		return nil, fmt.Errorf("store: evidence: %w", err)
	}
	return out, nil
}

// MyEvidence returns up to limit evidence submitted by an employee, newest
// first.
func (s *Store) MyEvidence(ctx context.Context, employeeID int64, limit int) ([]model.Evidence, error) {
	return s.evidenceList(ctx, `WHERE v.employee_id = $1 ORDER BY v.id DESC LIMIT $2`, employeeID, limit)
}

// PendingEvidence returns up to limit pending evidence of the active direct
// reports of reviewer (the employees whose supervisor they are), oldest
// first. Heads of units above may review too (ReviewEvidence) but are not
// offered every evidence of their subtree.
func (s *Store) PendingEvidence(ctx context.Context, reviewer int64, limit int) ([]model.Evidence, error) {
	return s.evidenceList(ctx, `WHERE e.supervisor_id = $1 AND e.status = 'aktif' AND v.status = 'pending'
		ORDER BY v.id LIMIT $2`, reviewer, limit)
}

// ReviewEvidence decides a pending evidence as reviewer, who must be
// allowed to give its employee a supervisor rating (checkRater). Accepting
// needs a level 1–5 and records, in the same transaction, a rating of
// source evidence by the reviewer (so the current level and the JPM
// follow); rejecting needs a reason. Both are audited.
func (s *Store) ReviewEvidence(ctx context.Context, a model.Actor, reviewer, id int64, accept bool, level int, note string) error {
	rv := model.EvidenceReview{Accept: accept, Level: level, Note: note}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var emp, comp int64
		var status string
		err := tx.QueryRowContext(ctx, `SELECT employee_id, competency_id, status FROM evidence WHERE id = $1`, id).Scan(&emp, &comp, &status)
		if err != nil {
			return notFound(err, "err.evidence.evidence_not_found", id)
		}
		// Who may review comes before what they sent: someone who may not
		// review it learns nothing from a validation message.
		if err := s.checkRater(ctx, tx, &model.Rating{EmployeeID: emp, RaterID: reviewer, Source: assess.SourceSupervisor}); err != nil {
			return err
		}
		if err := rv.Validate(); err != nil {
			return err
		}
		if status != model.EvidencePending {
			return apperr.New(apperr.ECONFLICT, "err.evidence.already_reviewed", id)
		}
		now := s.Now()
		newStatus, ratingID := rv.Status(), int64(0)
		if accept {
			r := &model.Rating{EmployeeID: emp, CompetencyID: comp, Source: assess.SourceEvidence, Level: level,
				RaterID: reviewer, At: now, Note: fmt.Sprintf("bukti #%d", id)}
			if err := s.addRatingTx(ctx, tx, a, r); err != nil {
				return err
			}
			ratingID = r.ID
		}
		res, err := tx.ExecContext(ctx, `UPDATE evidence SET status = $1, reviewer_id = $2, reviewed_at = $3, review_note = $4,
			rating_id = $5 WHERE id = $6 AND status = 'pending'`, newStatus, reviewer, now.Unix(), rv.Note, nullID(ratingID), id)
		if err != nil {
			return fmt.Errorf("store: review evidence: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return apperr.New(apperr.ECONFLICT, "err.evidence.already_reviewed", id)
		}
		detail := map[string]any{"employee_id": emp, "competency_id": comp, "status": newStatus, "reviewer_id": reviewer}
		if accept {
			detail["level"], detail["rating_id"] = level, ratingID
		}
		return s.audit(ctx, tx, a, "evidence.review", "evidence", id, detail)
	})
}

// EvidenceFile returns the file of evidence id for viewer (an employee ID,
// 0 for none) administering admin when policy.MayReadEvidence allows it:
// the employee themself, whoever supervises them (the direct supervisor or
// a head above) and administrators of their unit. Anyone else gets not
// found, as for an evidence that does not exist.
func (s *Store) EvidenceFile(ctx context.Context, viewer int64, admin model.Scope, id int64) (*EvidenceFile, error) {
	missing := apperr.New(apperr.ENOTFOUND, "err.evidence.evidence_not_found", id)
	var t policy.Target
	f := &EvidenceFile{}
	err := s.db.QueryRowContext(ctx, `SELECT v.employee_id, COALESCE(e.supervisor_id, 0), u.path, v.file_name, v.content_type, v.content
		FROM evidence v JOIN employee e ON e.id = v.employee_id JOIN org_unit u ON u.id = e.unit_id WHERE v.id = $1`, id).
		Scan(&t.EmployeeID, &t.SupervisorID, &t.UnitPath, &f.Name, &f.ContentType, &f.Content)
	if err == sql.ErrNoRows {
		return nil, missing
	}
	if err != nil {
		return nil, fmt.Errorf("store: evidence file: %w", err)
	}
	p := &policy.Principal{User: model.User{EmployeeID: viewer}, Admin: admin}
	if viewer != 0 && viewer != t.EmployeeID && viewer != t.SupervisorID {
		// Only a head above is left to ask about: the units viewer heads.
		heads, err := s.UnitsHeadedBy(ctx, viewer)
		if err != nil {
			return nil, err
		}
		for _, u := range heads {
			p.HeadPaths = append(p.HeadPaths, u.Path)
		}
	}
	if !policy.MayReadEvidence(p, t) {
		return nil, missing
	}
	f.EmployeeID = t.EmployeeID
	return f, nil
}
