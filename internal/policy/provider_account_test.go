package policy

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
)

// peopleActions are the actions on a person's records: their registry
// entry, competencies, assessments, evidence, penalties, performance,
// plans, questionnaire results, the needs and talent analyses and the
// audit. A provider account sees of a participant only what running its
// session needs, through the training actions, never through these.
var peopleActions = []Action{RegistryRead, EmployeeWrite, EmployeeImport, AccountManage, AuditRead, SecurityRead,
	StandardRead, AssessmentSelf, AssessmentRate, AssessmentImport, CompetencyRead, EvidenceSubmit, EvidenceRead,
	EvidenceReview, CycleRead, CycleManage, NeedsRead, SurveyResults, TalentRead, SurveyAnswer, SurveyManage,
	PenaltyRead, PenaltyWrite, PerformanceWrite, SettingsManage, PlanRead, PlanPropose, PlanDecide, PlanNominate,
	EnrolmentManage, ProviderManage}

// TestProviderAccountIsRefusedPeopleRecords is issue 13's acceptance row:
// a provider account is refused participants' assessments (and every other
// record about a person), whichever record it names, even one that carries
// its own partner's ID.
func TestProviderAccountIsRefusedPeopleRecords(t *testing.T) {
	targets := map[string]Target{"in A": inA, "in B": inB, "unit A": unitA, "whole": whole,
		"a participant of its own session": {UnitPath: "/1/2/5/", EmployeeID: 20, SupervisorID: 13, ProviderID: 7}}
	for _, p := range []*Principal{provider, provider7} {
		for _, a := range peopleActions {
			for name, tg := range targets {
				if May(p, a, tg) {
					t.Errorf("provider account (partner %d) may %s (%s)", p.User.ProviderID, a, name)
				}
			}
		}
	}
	// The role table itself refuses them: no page or list about people
	// opens at all, not even an empty one.
	for _, a := range peopleActions {
		if Allowed(provider7, a) || Allowed(provider, a) {
			t.Errorf("a provider account opens the %s pages at all", a)
		}
	}
	for _, a := range []Action{Session, OrgRead, DictionaryRead, CatalogueRead, CatalogueManage, TrainingRun, NoticeRead} {
		if !Allowed(provider7, a) {
			t.Errorf("a provider account may not %s at all", a)
		}
	}
}

// TestProviderAccountIsRefusedOtherPartnersProgrammes: the other half of
// the acceptance row, for every catalogue action, and a penyelenggara
// account not yet bound to a partner reaches no catalogue record at all.
func TestProviderAccountIsRefusedOtherPartnersProgrammes(t *testing.T) {
	own, other := Target{ProviderID: 7}, Target{ProviderID: 8}
	for _, a := range []Action{CatalogueRead, CatalogueManage, TrainingRun} {
		if May(provider7, a, other) {
			t.Errorf("a provider account may %s another partner's record", a)
		}
		if !May(provider7, a, own) {
			t.Errorf("a provider account may not %s its own partner's record", a)
		}
		if May(provider, a, other) || May(provider, a, own) {
			t.Errorf("a penyelenggara account without a partner may %s a partner's record", a)
		}
	}
	// Everyone else reads the whole catalogue; an operator manages it.
	for _, p := range []*Principal{pegawai, atasan, adminA, bkpsdm, operator} {
		if !May(p, CatalogueRead, other) {
			t.Errorf("%s may not read the catalogue", p.User.Role)
		}
	}
	if !May(operator, CatalogueManage, other) || !May(operator, ProviderManage, other) {
		t.Error("an operator does not administer every partner's catalogue")
	}
}

// TestGrantsBesideRoles: a grant adds its actions to whatever role its
// holder has, and takes nothing away; without the grant the same person is
// back to their role.
func TestGrantsBesideRoles(t *testing.T) {
	headOperator := &Principal{User: atasan.User, Scope: atasan.Scope, IsHeadOf: atasan.IsHeadOf, HeadPaths: atasan.HeadPaths}
	headOperator.User.Grants = []model.Grant{model.GrantOperator}
	for _, a := range Actions {
		if Allowed(atasan, a) && !Allowed(headOperator, a) {
			t.Errorf("the operator grant takes %s away from an atasan", a)
		}
	}
	for _, a := range []Action{ProviderManage, CatalogueManage, PlanNominate, EnrolmentManage} {
		if Allowed(atasan, a) {
			t.Errorf("an atasan without the grant may %s", a)
		}
		if !Allowed(headOperator, a) {
			t.Errorf("an atasan with the operator grant may not %s", a)
		}
	}
	if !May(headOperator, CompetencyRead, inA) || May(headOperator, CompetencyRead, inB) {
		t.Error("the operator grant changes whose competencies an atasan reads")
	}
}
