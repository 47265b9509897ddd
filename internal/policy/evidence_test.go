package policy

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
)

// Evidence is submitted about oneself only, by the store's rule and the
// routes' alike.
func TestMaySubmitEvidence(t *testing.T) {
	for _, c := range []struct {
		submitter, employee int64
		want                bool
	}{
		{7, 7, true},
		{7, 8, false},
		{0, 0, false}, // an account without an employee record
		{0, 7, false},
	} {
		if got := MaySubmitEvidence(c.submitter, c.employee); got != c.want {
			t.Errorf("MaySubmitEvidence(%d, %d) = %v, want %v", c.submitter, c.employee, got, c.want)
		}
		p := &Principal{User: model.User{Role: model.RolePegawai, EmployeeID: c.submitter}}
		if route := May(p, EvidenceSubmit, Target{EmployeeID: c.employee}); route != c.want {
			t.Errorf("submitter %d, employee %d: the route's rule says %v", c.submitter, c.employee, route)
		}
	}
}

// An evidence file is read by its owner, whoever supervises them and the
// administrators of their unit: in A's section the atasan (head of the
// section) and the direct supervisor (13), A's and the government's
// admins; nobody else, whatever their role.
func TestMayReadEvidence(t *testing.T) {
	direct := &Principal{User: model.User{Role: model.RolePegawai, EmployeeID: 31}}
	for _, c := range []struct {
		name string
		p    *Principal
		t    Target
		want bool
	}{
		{"the owner", &Principal{User: model.User{Role: model.RolePegawai, EmployeeID: 20}}, inA, true},
		{"the head of their section", atasan, inA, true},
		{"the head of a section elsewhere", atasan, inB, false},
		{"their direct supervisor", direct, inB, true},
		{"a colleague", pegawai, inA, false},
		{"the admin of their OPD", adminA, inA, true},
		{"the admin of another OPD", adminA, inB, false},
		{"BKPSDM", bkpsdm, inB, true},
		{"leadership reads the registry, not evidence", pimpinan, inA, false},
		{"an account without an employee record", auditor, inA, false},
		{"an admin's own evidence", adminA, adminAs, true},
	} {
		if got := MayReadEvidence(c.p, c.t); got != c.want {
			t.Errorf("%s: MayReadEvidence = %v, want %v", c.name, got, c.want)
		}
		if route := May(c.p, EvidenceRead, c.t); route != c.want {
			t.Errorf("%s: May(EvidenceRead) = %v, want %v", c.name, route, c.want)
		}
	}
}
