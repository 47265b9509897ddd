package policy

// MaySubmitEvidence reports whether submitter (an employee ID; 0 for an
// account without an employee record) may submit work evidence about
// employeeID: one's own only, as policy.EvidenceSubmit says of the web and
// API routes.
func MaySubmitEvidence(submitter, employeeID int64) bool {
	return submitter != 0 && submitter == employeeID
}

// MayReadEvidence reports whether p may download the file of an evidence
// about t's person: the person themself, whoever supervises them
// (MaySupervise: the direct supervisor or a head above, the reviewers of
// the evidence) and the administrators of their unit. It is the record
// rule of EvidenceRead; the store asks it with the facts it reads (p's
// employee ID, head paths and administered scope).
func MayReadEvidence(p *Principal, t Target) bool {
	me := p.User.EmployeeID
	return (me != 0 && t.EmployeeID == me) || (me != 0 && MaySupervise(p, t)) || p.Admin.Contains(t.UnitPath)
}
