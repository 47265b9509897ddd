package model

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Kinds of acting assignment.
const (
	ActingPlt = "plt" // Pelaksana Tugas: the post is vacant, or its holder is away for long
	ActingPlh = "plh" // Pelaksana Harian: the holder is away for a few days
)

// ActingKinds lists the kinds of acting assignment.
var ActingKinds = []string{ActingPlt, ActingPlh}

// ActingMaxDecreeNo is the longest decree number, as the form's maxlength says.
const ActingMaxDecreeNo = 100

// ActingAssignment records that an employee acts (Plt. or Plh.) in a
// managerial post, besides their own, from From to Until inclusive (zero
// Until: until further notice) under a decree. It needs no job to end:
// every read compares the dates with today, so an assignment stops giving
// scope and supervision on the day after Until by itself (the supervisors
// stored per employee follow through store.RefreshActingSupervisors).
type ActingAssignment struct {
	ID         int64
	EmployeeID int64
	PositionID int64
	Kind       string
	From       time.Time
	Until      time.Time
	DecreeNo   string
	DecreeDate time.Time

	// Read with the row, for lists: who acts, in which post of which unit.
	EmployeeName, EmployeeNIP string
	PositionTitle             string
	UnitID                    int64
	UnitName                  string
}

// ActiveOn says whether the assignment is in force on day (the store's
// reads ask the same in SQL: from_date <= day and until_date empty or >= day).
func (a *ActingAssignment) ActiveOn(day time.Time) bool {
	d := day.Format(time.DateOnly)
	return a.From.Format(time.DateOnly) <= d && (a.Until.IsZero() || d <= a.Until.Format(time.DateOnly))
}

// Ended says whether the assignment's last day lies before day.
func (a *ActingAssignment) Ended(day time.Time) bool {
	return !a.Until.IsZero() && a.Until.Format(time.DateOnly) < day.Format(time.DateOnly)
}

// Overlaps says whether two periods (zero Until: open-ended) share a day.
func (a *ActingAssignment) Overlaps(b *ActingAssignment) bool {
	endsBefore := func(x, y *ActingAssignment) bool { // x ends before y starts
		return !x.Until.IsZero() && x.Until.Format(time.DateOnly) < y.From.Format(time.DateOnly)
	}
	return !endsBefore(a, b) && !endsBefore(b, a)
}

// Validate checks an assignment before it is stored, naming the field at
// fault, and trims the decree number. That the post is a managerial head
// post and the employee someone else than its holder is the store's to
// check, as it reads them.
func (a *ActingAssignment) Validate() error {
	a.Kind = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(a.Kind), "."))
	a.DecreeNo = strings.TrimSpace(a.DecreeNo)
	if a.EmployeeID == 0 {
		return apperr.Invalid("employee", "err.acting.employee_required")
	}
	if a.PositionID == 0 {
		return apperr.Invalid("position", "err.acting.position_required")
	}
	switch a.Kind {
	case ActingPlt, ActingPlh:
	default:
		return apperr.Invalid("kind", "err.acting.kind_unknown", a.Kind)
	}
	if a.From.IsZero() {
		return apperr.Invalid("from", "err.acting.from_required")
	}
	if !a.Until.IsZero() && a.Until.Before(a.From) {
		return apperr.Invalid("until", "err.acting.until_before_from", a.Until.Format(time.DateOnly), a.From.Format(time.DateOnly))
	}
	if a.DecreeNo == "" {
		return apperr.Invalid("decree_no", "err.acting.decree_no_required")
	}
	if utf8.RuneCountInString(a.DecreeNo) > ActingMaxDecreeNo {
		return apperr.Invalid("decree_no", "err.acting.decree_no_at_most", ActingMaxDecreeNo)
	}
	if a.DecreeDate.IsZero() {
		return apperr.Invalid("decree_date", "err.acting.decree_date_required")
	}
	if a.DecreeDate.After(a.From.AddDate(1, 0, 0)) {
		// A decree is signed before or around the start; one dated a year
		// after is a typing error in either date.
		return apperr.Invalid("decree_date", "err.acting.decree_after_start")
	}
	return nil
}
