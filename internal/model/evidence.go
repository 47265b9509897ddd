package model

import (
	"bytes"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Work evidence (bukti kerja): a document an employee submits for one
// competency of their position's standard, with the level they claim. Their
// supervisor (or a head above) accepts it with a level, which records a
// rating of source evidence, or rejects it with a reason.

// Evidence statuses.
const (
	EvidencePending  = "pending"
	EvidenceAccepted = "accepted"
	EvidenceRejected = "rejected"
)

// EvidenceStatuses lists the statuses, in the order an evidence goes
// through them.
var EvidenceStatuses = []string{EvidencePending, EvidenceAccepted, EvidenceRejected}

// EvidenceMaxSize is the largest file accepted, in bytes (5 MB).
const EvidenceMaxSize = 5 << 20

// Longest texts, as the forms' maxlength says.
const (
	EvidenceMaxNote = 500 // the employee's description and the reviewer's note
	EvidenceMaxName = 150 // the file name kept
)

// Evidence is one submitted work evidence, without its file content unless
// it is being submitted.
type Evidence struct {
	ID             int64
	EmployeeID     int64
	EmployeeName   string // with titles (lists)
	CompetencyID   int64
	CompetencyName string // (lists)
	ClaimedLevel   int
	Note           string
	FileName       string
	ContentType    string
	Content        []byte // only on submit
	Size           int64
	SubmittedAt    time.Time
	Status         string
	ReviewerID     int64
	ReviewedAt     time.Time
	ReviewNote     string
	RatingID       int64
}

// Validate checks an evidence being submitted (ClaimedLevel 1–5, Note,
// Content) and sets what follows from it: the content type read from the
// file's first bytes (PDF, JPEG or PNG; anything else is refused whatever
// its name says), the cleaned file name and the size. That the competency
// is in the employee's standard is the store's to check.
func (e *Evidence) Validate() error {
	if e.ClaimedLevel < 1 || e.ClaimedLevel > 5 {
		return apperr.Invalid("level", "err.common.level_1_5")
	}
	e.Note = strings.TrimSpace(e.Note)
	if utf8.RuneCountInString(e.Note) > EvidenceMaxNote {
		return apperr.Invalid("note", "err.evidence.description_at_most", EvidenceMaxNote)
	}
	if len(e.Content) == 0 {
		return apperr.Invalid("file", "err.evidence.evidence_file_uploaded")
	}
	if len(e.Content) > EvidenceMaxSize {
		return apperr.Invalid("file", "err.evidence.file_too_large")
	}
	ctype, ext := EvidenceType(e.Content)
	if ctype == "" {
		return apperr.Invalid("file", "err.evidence.file_type")
	}
	e.ContentType, e.FileName, e.Size = ctype, CleanEvidenceFileName(e.FileName, ext), int64(len(e.Content))
	return nil
}

// EvidenceType returns the content type of a PDF, JPEG or PNG file by its
// first bytes, and its usual extension; "" for anything else.
func EvidenceType(b []byte) (ctype, ext string) {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "application/pdf", ".pdf"
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg", ".jpg"
	case bytes.HasPrefix(b, []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}):
		return "image/png", ".png"
	}
	return "", ""
}

// CleanEvidenceFileName keeps the base name of an uploaded file with
// control characters, quotes, slashes, backslashes and semicolons replaced,
// at most EvidenceMaxName characters, ending in ext (added when the name
// ends otherwise) so that the name agrees with the type the bytes have.
func CleanEvidenceFileName(name, ext string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(strings.TrimSpace(name))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' || r == '/' || r == ';' || r == utf8.RuneError || !unicode.IsPrint(r) {
			return '_'
		}
		return r
	}, name)
	name = strings.Trim(name, ". ")
	low := strings.ToLower(name)
	if !(strings.HasSuffix(low, ext) || (ext == ".jpg" && strings.HasSuffix(low, ".jpeg"))) {
		name += ext
	}
	if r := []rune(name); len(r) > EvidenceMaxName {
		name = string(r[:EvidenceMaxName-len(ext)]) + ext
	}
	if name == ext {
		name = "bukti" + ext
	}
	return name
}

// EvidenceReview is a reviewer's decision on a pending evidence.
type EvidenceReview struct {
	Accept bool
	Level  int    // 1–5, when accepted
	Note   string // the reason, needed when rejected
}

// Validate checks a review (the note trimmed): accepting needs a level 1–5,
// rejecting a reason; the note is at most EvidenceMaxNote characters.
func (r *EvidenceReview) Validate() error {
	r.Note = strings.TrimSpace(r.Note)
	if utf8.RuneCountInString(r.Note) > EvidenceMaxNote {
		return apperr.Invalid("review_note", "err.evidence.review_note_at_most", EvidenceMaxNote)
	}
	if r.Accept && (r.Level < 1 || r.Level > 5) {
		return apperr.Invalid("level", "err.common.level_1_5")
	}
	if !r.Accept && r.Note == "" {
		return apperr.Invalid("review_note", "err.evidence.reason_rejecting_required")
	}
	return nil
}

// Status is the status the review gives the evidence.
func (r *EvidenceReview) Status() string {
	if r.Accept {
		return EvidenceAccepted
	}
	return EvidenceRejected
}
