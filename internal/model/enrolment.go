package model

import (
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Enrolment sources (enrolment.source).
const (
	EnrolFromPlan       = "rencana"  // an approved plan item
	EnrolFromNomination = "nominasi" // a unit admin's nomination
	EnrolFromAdmin      = "admin"    // an admin or operator enrolled the person directly
)

// Attendance ways (attendance.how).
const (
	AttendQR     = "qr"
	AttendCode   = "kode"
	AttendManual = "manual"
)

// Enrolment is one person's place in a session, read with what a
// participant list needs: the person's name, NIP and unit, and nothing
// else of their record (a provider sees these only). WaitPos is the place
// on the waiting list (1 first; 0 when not waiting).
type Enrolment struct {
	ID          int64
	SessionID   int64
	EmployeeID  int64
	PlanItemID  int64
	Status      EnrolmentStatus
	Source      string
	Score       int
	HasScore    bool
	CompletedAt time.Time
	CreatedAt   time.Time
	WaitPos     int

	Name     string
	NIP      string
	UnitName string
}

// Seated reports whether the enrolment holds a seat (now or at its end).
func (e *Enrolment) Seated() bool {
	return e.Status == EnrolSeat || e.Status == EnrolCompleted || e.Status == EnrolIncomplete
}

// AttendanceMark is a participant's presence on one day of a session. A
// struck mark stays, with who struck it.
type AttendanceMark struct {
	SessionID  int64
	Day        string
	EmployeeID int64
	At         time.Time
	How        string
	ByUserID   int64
	Struck     bool
	StruckBy   int64
	Name       string // read with it
}

// AttendancePercent is the share of the session's days (whole percent,
// rounded down) on which present holds an unstruck mark; a session without
// days counts as fully attended.
func AttendancePercent(days []string, present map[string]bool) int {
	if len(days) == 0 {
		return 100
	}
	n := 0
	for _, d := range days {
		if present[d] {
			n++
		}
	}
	return n * 100 / len(days)
}

// PPPKAgreement is a PPPK's work agreement (perjanjian kerja): its days
// bound the agreement year of the 24 JP ceiling. Dates are ISO.
type PPPKAgreement struct {
	EmployeeID int64
	Start, End string
}

// Validate checks the days: both given, ISO, the end after the start.
func (p *PPPKAgreement) Validate() error {
	if !isISODate(p.Start, false) {
		return apperr.Invalid("start", "err.enrol.agreement_date", p.Start)
	}
	if !isISODate(p.End, false) {
		return apperr.Invalid("end", "err.enrol.agreement_date", p.End)
	}
	if p.End <= p.Start {
		return apperr.Invalid("end", "err.enrol.agreement_end_before_start")
	}
	return nil
}

// EnrolmentStatuses lists the enrolment statuses, for labels.
var EnrolmentStatuses = []string{string(EnrolSeat), string(EnrolWaiting), string(EnrolCancelled), string(EnrolCompleted), string(EnrolIncomplete)}

// AttendanceWays lists how a mark is made, for labels.
var AttendanceWays = []string{AttendQR, AttendCode, AttendManual}
