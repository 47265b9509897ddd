package model

import (
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

// PlanItem is one item of an employee's yearly development plan (table
// plan_item): a programme of the catalogue (ProgrammeID, optionally a
// SessionID) or a free activity with a title, form, JP and cost of its own.
// Pages show it with its decision trail and who must decide next.
type PlanItem struct {
	ID           int64
	EmployeeID   int64
	Year         int
	ProgrammeID  int64
	SessionID    int64
	Title        string // a free activity's title; a catalogue item's is its programme's (read with it)
	Form         DevForm
	JP           int
	Cost         int64
	CompetencyID int64
	Purpose      string
	ProposedBy   Proposer
	ProposerID   int64 // the proposing account (app_user.id)
	Status       PlanStatus
	Step         ApprovalStep // the step waiting (StepNone unless Status is PlanSubmitted)
	CreatedAt    time.Time
	UpdatedAt    time.Time

	// Read with the item.
	EmployeeName string
	EmployeeNIP  string
	SessionName  string
	SessionStart string
	Decisions    []PlanDecision
}

// Proposer says who proposed a plan item (plan_item.proposed_by).
type Proposer string

// The proposers.
const (
	ProposedByEmployee   Proposer = "pegawai"
	ProposedBySupervisor Proposer = "atasan"
	ProposedByAdmin      Proposer = "admin"
)

// ProposerOf returns who proposes for the employee: the employee themselves,
// their direct supervisor, or else an administrator (the policy has already
// allowed one of the three).
func ProposerOf(myEmployeeID, employeeID, supervisorID int64) Proposer {
	switch {
	case myEmployeeID != 0 && myEmployeeID == employeeID:
		return ProposedByEmployee
	case myEmployeeID != 0 && myEmployeeID == supervisorID:
		return ProposedBySupervisor
	}
	return ProposedByAdmin
}

// PlanDecision is one step of an item's way (table plan_decision).
type PlanDecision struct {
	Step       ApprovalStep
	Decision   Decision
	Reason     string
	ByUserID   int64
	ByEmployee int64
	ByName     string // read with it
	Acting     bool   // decided as Plt./Plh.
	At         time.Time
}

// Decision is what happened at a step (plan_decision.decision).
type Decision string

// The decisions: the three an approver takes, and the proposer's own.
const (
	DecisionApprove  Decision = "setuju"
	DecisionReject   Decision = "tolak"
	DecisionChange   Decision = "perbaiki"
	DecisionSubmit   Decision = "ajukan"
	DecisionCancel   Decision = "batal"
	DecisionNominate Decision = "nominasi"
)

// PlanStatuses lists the statuses in the order of an item's way.
var PlanStatuses = []PlanStatus{PlanDraft, PlanSubmitted, PlanChange, PlanRejected, PlanApproved, PlanEnrolled, PlanDone, PlanCancelled}

// Proposers lists who may propose.
var Proposers = []Proposer{ProposedByEmployee, ProposedBySupervisor, ProposedByAdmin}

// AllDecisions lists every decision a trail may show.
var AllDecisions = []Decision{DecisionSubmit, DecisionApprove, DecisionReject, DecisionChange, DecisionCancel, DecisionNominate}

// ApproverDecisions are the decisions an approver may take.
var ApproverDecisions = []Decision{DecisionApprove, DecisionReject, DecisionChange}

// Limits of a plan item.
const (
	PlanMaxText    = 2000
	PlanMaxTitle   = 300
	PlanMaxJP      = 2000
	PlanMinYear    = 2000
	PlanYearsAhead = 2 // a plan may be drawn for this many years after the current one
)

// Editable reports whether the proposer may still change the item.
func (it *PlanItem) Editable() bool { return it.Status == PlanDraft || it.Status == PlanChange }

// Validate checks an item as proposed: a catalogue item names its programme
// (its title, form, JP and cost come from there), a free activity gives its
// own title, form, JP and cost; both give a purpose; the year lies between
// PlanMinYear and PlanYearsAhead after thisYear.
func (it *PlanItem) Validate(thisYear int) error {
	it.Title, it.Purpose = strings.TrimSpace(it.Title), strings.TrimSpace(it.Purpose)
	if it.Year < PlanMinYear || it.Year > thisYear+PlanYearsAhead {
		return apperr.Invalid("year", "err.plan.year", PlanMinYear, thisYear+PlanYearsAhead)
	}
	if it.Purpose == "" {
		return apperr.Invalid("purpose", "err.plan.purpose_required")
	}
	if TooLong(it.Purpose, PlanMaxText) {
		return apperr.Invalid("purpose", "err.plan.too_long", PlanMaxText)
	}
	if it.ProgrammeID != 0 {
		return nil
	}
	if it.SessionID != 0 {
		return apperr.Invalid("session", "err.plan.session_without_programme")
	}
	switch {
	case it.Title == "":
		return apperr.Invalid("title", "err.plan.title_required")
	case TooLong(it.Title, PlanMaxTitle):
		return apperr.Invalid("title", "err.plan.too_long", PlanMaxTitle)
	case it.JP < 1 || it.JP > PlanMaxJP:
		return apperr.Invalid("jp", "err.plan.jp", PlanMaxJP)
	case it.Cost < 0:
		return apperr.Invalid("cost", "err.plan.cost")
	}
	if _, ok := FormInfo(it.Form); !ok {
		return apperr.Invalid("form", "err.plan.form", string(it.Form))
	}
	return nil
}

// CheckDecision checks an approver's decision: one of ApproverDecisions, and
// a reason when rejecting or asking to change (the proposer must learn why).
func CheckDecision(d Decision, reason string) error {
	reason = strings.TrimSpace(reason)
	switch d {
	case DecisionApprove:
	case DecisionReject, DecisionChange:
		if reason == "" {
			return apperr.Invalid("reason", "err.plan.reason_required")
		}
	default:
		return apperr.Invalid("decision", "err.plan.decision", string(d))
	}
	if TooLong(reason, PlanMaxText) {
		return apperr.Invalid("reason", "err.plan.too_long", PlanMaxText)
	}
	return nil
}
