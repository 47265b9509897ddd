package policy

import (
	"testing"

	"github.com/kompeten/kompeten/internal/model"
)

// A small government: root /1/, OPD A /1/2/ with a section /1/2/5/, OPD
// B /1/3/. The principals are what auth.ScopeFor computes for each role.
var (
	pegawai = &Principal{User: model.User{Role: model.RolePegawai, EmployeeID: 12},
		Scope: model.Scope{SelfID: 12, SupervisorID: 12}}
	atasan = &Principal{User: model.User{Role: model.RoleAtasan, EmployeeID: 13},
		Scope:    model.Scope{UnitPaths: []string{"/1/2/5/"}, SelfID: 13, SupervisorID: 13},
		IsHeadOf: []int64{5}, HeadPaths: []string{"/1/2/5/"}}
	adminA = &Principal{User: model.User{Role: model.RoleAdminOPD, EmployeeID: 10, ScopeUnitID: 2},
		Scope: model.Scope{UnitPaths: []string{"/1/2/"}, SelfID: 10, SupervisorID: 10},
		Admin: model.Scope{UnitPaths: []string{"/1/2/"}}}
	// adminSection administers only A's section.
	adminSection = &Principal{User: model.User{Role: model.RoleAdminOPD, EmployeeID: 16, ScopeUnitID: 5},
		Scope: model.Scope{UnitPaths: []string{"/1/2/5/"}, SelfID: 16, SupervisorID: 16},
		Admin: model.Scope{UnitPaths: []string{"/1/2/5/"}}}
	adminNoUnit = &Principal{User: model.User{Role: model.RoleAdminOPD, EmployeeID: 14},
		Scope: model.Scope{SelfID: 14, SupervisorID: 14}}
	bkpsdm = &Principal{User: model.User{Role: model.RoleAdminBKPSDM, EmployeeID: 11},
		Scope: model.Scope{All: true}, Admin: model.Scope{All: true}}
	pimpinan = &Principal{User: model.User{Role: model.RolePimpinan, EmployeeID: 15}, Scope: model.Scope{All: true}}
	auditor  = &Principal{User: model.User{Role: model.RoleAuditor}, Scope: model.Scope{All: true}}
	provider = &Principal{User: model.User{Role: model.RolePenyelenggara}}
	super    = &Principal{User: model.User{Role: model.RoleSuperadmin}, Scope: model.Scope{All: true}, Admin: model.Scope{All: true}}
)

// Records: someone in A's section reporting to the atasan, someone in B,
// and the admin of A's own record.
var (
	inA     = Target{UnitPath: "/1/2/5/", EmployeeID: 20, SupervisorID: 13}
	inB     = Target{UnitPath: "/1/3/", EmployeeID: 30, SupervisorID: 31}
	adminAs = Target{UnitPath: "/1/2/", EmployeeID: 10, SupervisorID: 11}
	unitA   = Target{UnitPath: "/1/2/"}
	unitB   = Target{UnitPath: "/1/3/"}
	whole   = Target{UnitPath: ""}
)

func TestAllowed(t *testing.T) {
	cases := []struct {
		name string
		p    *Principal
		a    Action
		want bool
	}{
		{"nobody signed in: public only", nil, Public, true},
		{"nobody signed in: no session", nil, Session, false},
		{"every role reads the registry", pegawai, RegistryRead, true},
		{"and the organisation's structure", provider, OrgRead, true},
		{"pegawai writes no employee", pegawai, EmployeeWrite, false},
		{"unit admin writes employees", adminA, EmployeeWrite, true},
		{"leadership reads, writes no employee", pimpinan, EmployeeWrite, false},
		{"unit admin does not write the organisation", adminA, OrgWrite, false},
		{"BKPSDM writes the organisation", bkpsdm, OrgWrite, true},
		{"auditor reads the audit log", auditor, AuditRead, true},
		{"unit admin does not", adminA, AuditRead, false},
		{"provider does not manage accounts", provider, AccountManage, false},
		{"unit admin imports assessments", adminA, AssessmentImport, true},
		{"atasan does not", atasan, AssessmentImport, false},
		{"a head reads needs", atasan, NeedsRead, true},
		{"a plain employee has no unit to read needs of", pegawai, NeedsRead, false},
		{"a head sees the talent map", atasan, TalentRead, true},
		{"a plain employee does not", pegawai, TalentRead, false},
		{"a unit admin without a unit manages no cycles", adminNoUnit, CycleManage, false},
		{"nor reads any", adminNoUnit, CycleRead, false},
		{"leadership reads cycles", pimpinan, CycleRead, true},
		{"but manages none", pimpinan, CycleManage, false},
		{"a unit admin manages surveys", adminA, SurveyManage, true},
		{"a unit admin edits framework drafts", adminA, DictionaryWrite, true},
		{"but imports no whole framework", adminA, DictionaryImport, false},
		{"superadmin imports frameworks", super, DictionaryImport, true},
	}
	for _, c := range cases {
		if got := Allowed(c.p, c.a); got != c.want {
			t.Errorf("%s: Allowed(%v) = %v, want %v", c.name, c.a, got, c.want)
		}
	}
}

func TestMay(t *testing.T) {
	cases := []struct {
		name string
		p    *Principal
		a    Action
		t    Target
		want bool
	}{
		{"pegawai reads themselves", pegawai, RegistryRead, Target{UnitPath: "/1/2/5/", EmployeeID: 12}, true},
		{"pegawai reads no colleague", pegawai, RegistryRead, inA, false},
		{"atasan reads a direct report anywhere", atasan, RegistryRead, Target{UnitPath: "/1/3/", EmployeeID: 40, SupervisorID: 13}, true},
		{"atasan reads the unit they head", atasan, RegistryRead, inA, true},
		{"atasan reads nobody in B", atasan, RegistryRead, inB, false},
		{"unit admin reads A", adminA, RegistryRead, inA, true},
		{"unit admin reads no B", adminA, RegistryRead, inB, false},
		{"unit page in scope", adminA, RegistryRead, unitA, true},
		{"unit page out of scope", adminA, RegistryRead, unitB, false},
		{"leadership reads B", pimpinan, RegistryRead, inB, true},

		{"unit admin edits A", adminA, EmployeeWrite, inA, true},
		{"unit admin edits no B", adminA, EmployeeWrite, inB, false},
		{"heading a unit administers nothing", atasan, EmployeeWrite, inA, false},
		{"BKPSDM edits B", bkpsdm, EmployeeWrite, inB, true},

		{"penalty for someone in A", adminA, PenaltyWrite, inA, true},
		{"no penalty about oneself", adminA, PenaltyWrite, adminAs, false},
		{"no SKP about oneself", adminA, PerformanceWrite, adminAs, false},
		{"no test or AC result about oneself", adminA, AssessmentImport, adminAs, false},
		{"BKPSDM records no penalty of their own", bkpsdm, PenaltyWrite, Target{UnitPath: "/1/", EmployeeID: 11}, false},
		{"a superadmin without an employee record", super, PenaltyWrite, inB, true},
		{"penalty in B refused to A's admin", adminA, PenaltyWrite, inB, false},
		{"one reads one's own penalties", pegawai, PenaltyRead, Target{UnitPath: "/1/2/5/", EmployeeID: 12}, true},
		{"not a colleague's", pegawai, PenaltyRead, inA, false},
		{"a head reads no penalty of their unit", atasan, PenaltyRead, inA, false},
		{"the admin reads A's", adminA, PenaltyRead, inA, true},

		{"cycle of A seen by A's admin", adminA, CycleRead, unitA, true},
		{"cycle of B not", adminA, CycleRead, unitB, false},
		{"a whole-government cycle not seen by a unit admin", adminA, CycleRead, whole, false},
		{"leadership sees it", pimpinan, CycleRead, whole, true},
		{"BKPSDM closes it", bkpsdm, CycleManage, whole, true},
		{"A's admin manages A's cycle", adminA, CycleManage, unitA, true},

		{"survey results of a subtree overlapping the head's", atasan, SurveyResults, unitA, true},
		{"not of B", atasan, SurveyResults, unitB, false},
		{"answer a survey addressed to oneself", pegawai, SurveyAnswer, Target{UnitPath: "/1/2/5/", EmployeeID: 12, Within: "/1/2/"}, true},
		{"not one addressed elsewhere", pegawai, SurveyAnswer, Target{UnitPath: "/1/2/5/", EmployeeID: 12, Within: "/1/3/"}, false},
		{"not in someone else's name", pegawai, SurveyAnswer, Target{UnitPath: "/1/2/5/", EmployeeID: 20, Within: "/1/2/"}, false},
		{"needs of the unit one heads", atasan, NeedsRead, Target{UnitPath: "/1/2/5/"}, true},
		{"not of the OPD above it", atasan, NeedsRead, unitA, false},
		{"talent map of what one administers", adminA, TalentRead, unitA, true},

		{"supervisor rates their report", atasan, AssessmentRate, inA, true},
		{"a head rates someone in their unit", atasan, AssessmentRate, Target{UnitPath: "/1/2/5/", EmployeeID: 21, SupervisorID: 22}, true},
		{"a peer in the same OPD rates", pegawai, AssessmentRate, Target{UnitPath: "/1/2/", EmployeeID: 23, Peer: true}, true},
		{"nobody rates someone in another OPD", pegawai, AssessmentRate, inB, false},
		{"nobody rates themselves here (self-assessment is its own action)", pegawai, AssessmentRate, Target{UnitPath: "/1/2/", EmployeeID: 12, Peer: true}, false},
		{"an account without an employee rates nobody", super, AssessmentRate, inB, false},
		{"administering is not supervising", adminA, AssessmentRate, Target{UnitPath: "/1/2/5/", EmployeeID: 24, SupervisorID: 13}, false},
		{"supervisor reviews evidence", atasan, EvidenceReview, inA, true},
		{"the unit admin does not review evidence (supervisors do)", adminA, EvidenceReview, inA, false},
		{"but downloads it", adminA, EvidenceRead, inA, true},
		{"a colleague does not", pegawai, EvidenceReview, inA, false},
		{"the owner downloads their evidence", pegawai, EvidenceRead, Target{UnitPath: "/1/2/5/", EmployeeID: 12}, true},
		{"one's own assessment page", pegawai, AssessmentSelf, Target{UnitPath: "/1/2/5/", EmployeeID: 12}, true},
		{"an account without an employee has none", super, AssessmentSelf, Target{}, false},
		{"a standard of a unit one reads", atasan, StandardRead, Target{UnitPath: "/1/2/5/"}, true},
		{"of one's own position elsewhere", pegawai, StandardRead, Target{UnitPath: "/1/3/", EmployeeID: 12}, true},
		{"not of another unit's position", pegawai, StandardRead, Target{UnitPath: "/1/3/"}, false},
		{"no admin manages their own account", adminA, AccountManage, adminAs, false},
		{"framework draft of A", adminA, DictionaryWrite, unitA, true},
		{"framework draft of B", adminA, DictionaryWrite, unitB, false},
		{"a draft with no owner is BKPSDM's", adminA, DictionaryWrite, whole, false},
	}
	for _, c := range cases {
		if got := May(c.p, c.a, c.t); got != c.want {
			t.Errorf("%s: May(%s, %v, %+v) = %v, want %v", c.name, c.p.User.Role, c.a, c.t, got, c.want)
		}
	}
}

// TestEveryActionHasARule: an action added to Actions without a row in
// the role table would be allowed to nobody; say so at once.
func TestEveryActionHasARule(t *testing.T) {
	seen := map[Action]bool{}
	for _, a := range Actions {
		if seen[a] {
			t.Errorf("%s listed twice", a)
		}
		seen[a] = true
		if a != Public && len(roles[a]) == 0 {
			t.Errorf("%s has no row in the role table", a)
		}
	}
	for a := range roles {
		if !seen[a] {
			t.Errorf("%s has a role row but is not in Actions", a)
		}
	}
	for _, r := range model.Roles {
		if !RoleAllows(r, Session) || !RoleAllows(r, Public) {
			t.Errorf("role %s cannot use the session", r)
		}
	}
}

func TestMayNameSupervisor(t *testing.T) {
	cases := []struct {
		name      string
		p         *Principal
		candidate Target
		heads     []string
		unit      string
		want      bool
	}{
		{"someone A's admin administers", adminA, Target{UnitPath: "/1/2/5/", EmployeeID: 20}, nil, "/1/2/5/", true},
		{"the head of the pemda above A", adminA, Target{UnitPath: "/1/", EmployeeID: 1}, []string{"/1/"}, "/1/2/5/", true},
		{"an acting head of A itself", adminA, Target{UnitPath: "/1/3/", EmployeeID: 31}, []string{"/1/2/"}, "/1/2/5/", true},
		{"a plain employee of B", adminA, inB, nil, "/1/2/5/", false},
		{"the head of B, not above", adminA, Target{UnitPath: "/1/3/", EmployeeID: 31}, []string{"/1/3/"}, "/1/2/5/", false},
		{"for an employee outside what one administers", adminA, Target{UnitPath: "/1/2/", EmployeeID: 10}, nil, "/1/3/", false},
		{"BKPSDM names anyone", bkpsdm, inB, nil, "/1/2/5/", true},
		{"a head administers nothing", atasan, inA, nil, "/1/2/5/", false},
		{"nor does a plain employee", pegawai, inA, nil, "/1/2/5/", false},
		{"nor leadership, who read everything", pimpinan, inB, nil, "/1/2/5/", false},
		{"nobody signed in", nil, inA, nil, "/1/2/5/", false},
		{"the admin themself", adminA, adminAs, nil, "/1/2/", true},
		{"the head of the employee's own unit, from outside", adminSection, inB, []string{"/1/2/5/"}, "/1/2/5/", true},
		{"a colleague of the section admin's OPD, outside the section", adminSection, Target{UnitPath: "/1/2/", EmployeeID: 21}, nil, "/1/2/5/", false},
		{"the head of a section beside, outside the section admin's", adminSection, Target{UnitPath: "/1/2/6/", EmployeeID: 22}, []string{"/1/2/6/"}, "/1/2/5/", false},
		{"the head of a unit whose path only starts alike", adminA, inB, []string{"/1/2/5/"}, "/1/2/55/", false},
		{"someone without a unit", adminA, Target{EmployeeID: 40}, nil, "/1/2/5/", false},
		{"an admin without a unit", adminNoUnit, inA, nil, "/1/2/5/", false},
	}
	for _, c := range cases {
		if got := MayNameSupervisor(c.p, c.candidate, c.heads, c.unit); got != c.want {
			t.Errorf("%s: MayNameSupervisor = %v, want %v", c.name, got, c.want)
		}
	}
}
