package model

import "slices"

// ApprovalStep is a post that decides plan items (plan_item.step,
// plan_decision.step). It names the post, not the place in a chain, so an
// item waiting at a step keeps its meaning when the government changes its
// chain.
type ApprovalStep int

// The steps. StepNone: nobody must decide.
const (
	StepNone       ApprovalStep = 0
	StepSupervisor ApprovalStep = 1 // the employee's direct supervisor (employee.supervisor_id, Plt./Plh. included)
	StepOPDHead    ApprovalStep = 2 // the head of the employee's OPD, or its Plt./Plh. today
)

// ApprovalSteps lists the steps a chain may hold, with the names the
// settings store them under.
var ApprovalSteps = map[string]ApprovalStep{"atasan": StepSupervisor, "kepala_opd": StepOPDHead}

// StepName returns the settings' name of a step ("" for StepNone).
func StepName(s ApprovalStep) string {
	for k, v := range ApprovalSteps {
		if v == s {
			return k
		}
	}
	return ""
}

// Name is the step's name for texts: its settings name, "none" for
// StepNone.
func (s ApprovalStep) Name() string {
	if n := StepName(s); n != "" {
		return n
	}
	return "none"
}

// NextApproval returns the step at which an item waits next, and its
// approver, or StepNone when the chain is done (the item is approved).
// chain is the government's chain in order; holder gives the employee who
// holds a step's post for this employee (0: nobody); after is the step just
// decided (StepNone at submission). A step is skipped when nobody holds its
// post (an employee without a supervisor goes to the next step), when its
// holder is the employee or the proposer (an item proposed by the
// supervisor skips their own step), or when its holder already held an
// earlier step of the chain (one person decides once, even when holding two
// consecutive posts).
func NextApproval(chain []ApprovalStep, holder func(ApprovalStep) int64, after ApprovalStep, employeeID, proposerEmployeeID int64) (ApprovalStep, int64) {
	start := 0
	if after != StepNone {
		i := slices.Index(chain, after)
		if i < 0 {
			return StepNone, 0
		}
		start = i + 1
	}
	var earlier []int64
	for _, s := range chain[:start] {
		if h := holder(s); h != 0 {
			earlier = append(earlier, h)
		}
	}
	for _, s := range chain[start:] {
		h := holder(s)
		switch {
		case h == 0, h == employeeID, proposerEmployeeID != 0 && h == proposerEmployeeID, slices.Contains(earlier, h):
			if h != 0 {
				earlier = append(earlier, h)
			}
			continue
		}
		return s, h
	}
	return StepNone, 0
}
