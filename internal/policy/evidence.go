package policy

// MaySubmitEvidence reports whether submitter (an employee ID; 0 for an
// account without an employee record) may submit work evidence about
// employeeID: one's own only, as policy.EvidenceSubmit says of the web and
// API routes.
func MaySubmitEvidence(submitter, employeeID int64) bool {
	return submitter != 0 && submitter == employeeID
}
