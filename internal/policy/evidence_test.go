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
