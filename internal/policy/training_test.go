package policy

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
)

// An operator is a pegawai by role with the operator grant; a provider
// account works for partner 7.
var (
	operator = &Principal{User: model.User{Role: model.RolePegawai, EmployeeID: 40, Grants: []model.Grant{model.GrantOperator}},
		Scope: model.Scope{SelfID: 40, SupervisorID: 40}}
	provider7 = &Principal{User: model.User{Role: model.RolePenyelenggara, ProviderID: 7}}
)

func TestGrantsWidenTheRoleTable(t *testing.T) {
	for _, a := range []Action{CatalogueManage, ProviderManage, PlanNominate, EnrolmentManage} {
		if RoleAllows(model.RolePegawai, a) {
			t.Errorf("a pegawai's role alone allows %s", a)
		}
		if !PrincipalAllows(operator, a) || !Allowed(operator, a) {
			t.Errorf("the operator grant does not allow %s", a)
		}
		if PrincipalAllows(pegawai, a) {
			t.Errorf("a pegawai without the grant is allowed %s", a)
		}
	}
	if PrincipalAllows(operator, SettingsManage) {
		t.Error("the operator grant reaches the settings")
	}
	if !May(operator, EnrolmentManage, inB) {
		t.Error("an operator may not enrol an employee of another OPD")
	}
}

func TestProviderAccountsReachTheirOwnPartnerOnly(t *testing.T) {
	own, other := Target{ProviderID: 7}, Target{ProviderID: 8}
	for _, a := range []Action{CatalogueRead, CatalogueManage, TrainingRun} {
		if !May(provider7, a, own) {
			t.Errorf("a provider account may not %s its own programme", a)
		}
		if May(provider7, a, other) {
			t.Errorf("a provider account may %s another partner's programme", a)
		}
	}
	if May(provider7, ProviderManage, own) {
		t.Error("a provider account manages partners (its own MoU and rating)")
	}
	for _, a := range []Action{CompetencyRead, PenaltyRead, RegistryRead, PlanRead} {
		if May(provider7, a, inA) {
			t.Errorf("a provider account may %s an employee", a)
		}
	}
	if !May(pegawai, TrainingRun, Target{ProviderID: 8, Instructor: true}) {
		t.Error("an instructor may not run their session")
	}
	if May(pegawai, TrainingRun, Target{ProviderID: 8}) {
		t.Error("a pegawai runs a session they do not teach")
	}
}

func TestPlanDecisionsFollowThePost(t *testing.T) {
	if !May(atasan, PlanDecide, Target{UnitPath: "/1/2/5/", EmployeeID: 20, Approver: true}) {
		t.Error("the approver of the step may not decide")
	}
	if May(atasan, PlanDecide, Target{UnitPath: "/1/2/5/", EmployeeID: 20}) {
		t.Error("someone not holding the step's post decides")
	}
	if May(pegawai, PlanDecide, Target{EmployeeID: 12, Approver: true}) {
		t.Error("an employee decides their own item")
	}
	if !May(pegawai, PlanPropose, Target{EmployeeID: 12}) || May(pegawai, PlanPropose, inB) {
		t.Error("proposing: one's own plan only, for a pegawai")
	}
	if !May(atasan, PlanPropose, inA) {
		t.Error("a supervisor may not propose for a direct report")
	}
	// A Plt./Plh. keeps the role of their own post: the post decides.
	if !May(pegawai, PlanDecide, Target{UnitPath: "/1/3/", EmployeeID: 30, Approver: true}) {
		t.Error("a pegawai acting in the step's post may not decide")
	}
	// Whoever decides a step may read the item, even outside their scope.
	if !May(pegawai, PlanRead, Target{UnitPath: "/1/3/", EmployeeID: 30, Approver: true}) ||
		May(pegawai, PlanRead, Target{UnitPath: "/1/3/", EmployeeID: 30}) {
		t.Error("reading an item: its approver yes, anyone else out of scope no")
	}
}
