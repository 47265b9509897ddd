package model

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Discipline penalty levels of PP 94/2021.
const (
	PenaltyRingan = "ringan" // light: reprimands; no period
	PenaltySedang = "sedang" // moderate: cut of the performance allowance for 6, 9 or 12 months
	PenaltyBerat  = "berat"  // heavy: demotion or removal from post for 12 months, dismissal
)

// PenaltyLevels lists the levels in order of weight.
var PenaltyLevels = []string{PenaltyRingan, PenaltySedang, PenaltyBerat}

// Longest penalty texts, as the form's maxlength says.
const (
	PenaltyMaxKind     = 200
	PenaltyMaxDecreeNo = 100
	PenaltyMaxNote     = 300
)

// DisciplinePenalty is one recorded hukuman disiplin. The penalties are
// restricted data: the employee and the administrators of their unit read
// them (policy.PenaltyRead), administrators record them about others
// (policy.PenaltyWrite).
type DisciplinePenalty struct {
	ID         int64
	EmployeeID int64
	Level      string
	Kind       string // the penalty as the decree names it, e.g. "pemotongan tunjangan kinerja 25% selama 6 bulan"
	DecreeNo   string
	DecreeDate time.Time
	StartsOn   time.Time
	EndsOn     time.Time
	Revoked    bool
	RevokeNote string
}

// Excludes says whether the penalty keeps its holder out of the succession
// pool on day: a moderate or heavy penalty, not revoked, in force that day
// (the store's talent map asks the same of its rows in SQL).
func (p *DisciplinePenalty) Excludes(day time.Time) bool {
	d := day.Format(time.DateOnly)
	return !p.Revoked && p.Level != PenaltyRingan &&
		p.StartsOn.Format(time.DateOnly) <= d && d <= p.EndsOn.Format(time.DateOnly)
}

// Validate checks a penalty before it is stored, naming the field at fault.
// It trims the texts and gives a reprimand without an end date the one day
// it starts on (a reprimand has no period).
func (p *DisciplinePenalty) Validate() error {
	p.Kind, p.DecreeNo = strings.TrimSpace(p.Kind), strings.TrimSpace(p.DecreeNo)
	switch p.Level {
	case PenaltyRingan, PenaltySedang, PenaltyBerat:
	default:
		return apperr.Invalid("level", "err.penalty.level_unknown", p.Level)
	}
	if utf8.RuneCountInString(p.Kind) > PenaltyMaxKind {
		return apperr.Invalid("kind", "err.penalty.penalty_kind_at_most", PenaltyMaxKind)
	}
	if p.DecreeNo == "" {
		return apperr.Invalid("decree_no", "err.penalty.penalty_decree_number_required")
	}
	if utf8.RuneCountInString(p.DecreeNo) > PenaltyMaxDecreeNo {
		return apperr.Invalid("decree_no", "err.penalty.decree_number_at_most", PenaltyMaxDecreeNo)
	}
	if p.DecreeDate.IsZero() {
		return apperr.Invalid("decree_date", "err.penalty.decree_date_required")
	}
	if p.StartsOn.IsZero() {
		return apperr.Invalid("starts_on", "err.penalty.start_date_required")
	}
	if p.Level == PenaltyRingan && p.EndsOn.IsZero() {
		p.EndsOn = p.StartsOn
	}
	if p.EndsOn.IsZero() {
		return apperr.Invalid("ends_on", "err.penalty.end_required", p.Level)
	}
	if p.EndsOn.Before(p.StartsOn) {
		return apperr.Invalid("ends_on", "err.penalty.end_date_before_start", p.EndsOn.Format(time.DateOnly), p.StartsOn.Format(time.DateOnly))
	}
	if p.StartsOn.Before(p.DecreeDate) {
		return apperr.Invalid("starts_on", "err.penalty.starts_before_decree", p.StartsOn.Format(time.DateOnly), p.DecreeDate.Format(time.DateOnly))
	}
	return nil
}

// RevokeNote returns the reason for revoking a penalty, trimmed, or why
// it is refused: a revocation needs a reason, of at most PenaltyMaxNote
// characters.
func RevokeNote(note string) (string, error) {
	note = strings.TrimSpace(note)
	if note == "" {
		return "", apperr.Invalid("note", "err.penalty.reason_revoking_required")
	}
	if utf8.RuneCountInString(note) > PenaltyMaxNote {
		return "", apperr.Invalid("note", "err.penalty.reason_revoking_at_most", PenaltyMaxNote)
	}
	return note, nil
}
