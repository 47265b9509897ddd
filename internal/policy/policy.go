// Package policy is Kompeten's one access policy: which actions a role may
// take at all (Allowed) and which records a principal may take them on
// (May). It is pure — no database, no HTTP — so that the web pages, the
// API, the importers and the store ask the same question and get the same
// answer, and so that the rules can be table-tested role × scope × action ×
// target.
//
// It is a package of its own rather than part of model because it joins
// several aggregates (employees, units, cycles, surveys, frameworks) and
// because auth (which computes a Principal from the database) and every
// face depend on it while it depends on model only.
//
// Two steps, in this order:
//   - Allowed(p, action): the role × action table (roles below) plus, for
//     a few actions, the shape of the principal's scope (reading the needs
//     analysis needs a unit subtree, managing cycles needs something
//     administered). Routers ask it before a handler runs.
//   - May(p, action, target): Allowed, then the record-level rule of the
//     action against the record's Target (its unit, the person it is
//     about). Handlers and the store ask it, or its parts, for the record
//     they load.
package policy

import (
	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Action is something a route (or a store write) does, named per
// capability: "<object>.<verb>".
type Action string

// The actions. Each route of both faces names exactly one (see
// web.routeTable and api's route table); the route × role matrix tests
// walk them against Allowed and May.
const (
	// Public marks routes that need no sign-in (sign-in, health, static
	// files, language switch, the OpenAPI document). Allowed is always
	// true.
	Public Action = "public"
	// Session is any signed-in user: the home page, /me, signing out.
	Session Action = "session"

	OrgRead        Action = "org.read"        // the organisation's units and positions (API: the structure, not who works there)
	RegistryRead   Action = "registry.read"   // employees in the read scope, and the unit pages that count them
	EmployeeWrite  Action = "employee.write"  // create and edit employees in the administered scope
	EmployeeImport Action = "employee.import" // import and export the registry (CSV/XLSX)
	OrgWrite       Action = "org.write"       // create and edit units and positions
	AccountManage  Action = "account.manage"  // activate, reset, set roles of accounts administered
	AuditRead      Action = "audit.read"      // the audit log
	SecurityRead   Action = "audit.security"  // its security part: sign-ins, failures, throttling

	DictionaryRead   Action = "dictionary.read"   // frameworks and their versions
	DictionaryImport Action = "dictionary.import" // import whole frameworks
	DictionaryWrite  Action = "dictionary.write"  // agency framework drafts owned in the administered scope
	StandardRead     Action = "standard.read"     // a position's competency standard
	StandardWrite    Action = "standard.write"    // standards, templates, applying templates

	AssessmentSelf   Action = "assessment.self"   // one's own assessment page and self-rating
	AssessmentRate   Action = "assessment.rate"   // rate someone else (supervisor, head above, peer)
	AssessmentImport Action = "assessment.import" // import test, assessment-centre and SKP results
	CompetencyRead   Action = "competency.read"   // a person's competency levels, gaps and JPM
	EvidenceSubmit   Action = "evidence.submit"   // upload one's own work evidence
	EvidenceRead     Action = "evidence.read"     // download an evidence file: its owner and its reviewers
	EvidenceReview   Action = "evidence.review"   // accept or reject someone's evidence

	CycleRead   Action = "cycle.read"   // assessment cycles and their progress
	CycleManage Action = "cycle.manage" // create, edit and close cycles in the administered scope

	NeedsRead     Action = "needs.read"     // needs analysis (heat-map, people, exports)
	SurveyResults Action = "survey.results" // questionnaire results beside the needs analysis
	TalentRead    Action = "talent.read"    // the talent map (9-box)
	SurveyAnswer  Action = "survey.answer"  // the questionnaires addressed to oneself
	SurveyManage  Action = "survey.manage"  // create, edit, delete questionnaires in the administered scope

	PenaltyRead      Action = "penalty.read"      // discipline penalties: one's own, or administered
	PenaltyWrite     Action = "penalty.write"     // record and revoke penalties (never one's own)
	PerformanceWrite Action = "performance.write" // SKP predikat per year (never one's own)

	SettingsManage Action = "settings.manage" // the rules as data (retirement ages, thresholds, 9-box, weights): BKPSDM

	// Training (issue 13; record rules in training.go).
	CatalogueRead     Action = "catalogue.read"     // the catalogue: partners, programmes, sessions, calendar (a provider account: its own)
	CatalogueManage   Action = "catalogue.manage"   // programmes and sessions (BKPSDM, operators; a provider account: its own)
	ProviderManage    Action = "provider.manage"    // partners, MoUs, ratings, provider accounts, the catalogue import (BKPSDM, operators)
	TrainingRun       Action = "training.run"       // a session's participants, attendance, completion and scores
	PlanRead          Action = "plan.read"          // development plans: one's own, those one supervises, heads or administers
	PlanPropose       Action = "plan.propose"       // add an item to a plan: one's own, a direct report's, an administered one's
	PlanDecide        Action = "plan.decide"        // approve, reject or ask to change: whoever holds the step's post
	PlanNominate      Action = "plan.nominate"      // nominate participants in bulk (unit admins, BKPSDM, operators)
	EnrolmentManage   Action = "enrolment.manage"   // enrol others and cancel their places (admins of their unit, operators)
	AttendanceCheckIn Action = "attendance.checkin" // mark oneself present from the QR code or the typed code
	NoticeRead        Action = "notice.read"        // one's inbox and notification preferences
)

// Actions lists every action, for tests and documentation.
var Actions = []Action{Public, Session, OrgRead, RegistryRead, EmployeeWrite, EmployeeImport, OrgWrite, AccountManage,
	AuditRead, SecurityRead, DictionaryRead, DictionaryImport, DictionaryWrite, StandardRead, StandardWrite, AssessmentSelf,
	AssessmentRate, AssessmentImport, CompetencyRead, EvidenceSubmit, EvidenceRead, EvidenceReview, CycleRead, CycleManage,
	NeedsRead, SurveyResults, TalentRead, SurveyAnswer, SurveyManage, PenaltyRead, PenaltyWrite, PerformanceWrite, SettingsManage,
	CatalogueRead, CatalogueManage, ProviderManage, TrainingRun, PlanRead, PlanPropose, PlanDecide, PlanNominate, EnrolmentManage,
	AttendanceCheckIn, NoticeRead}

var (
	everyone = []model.Role{model.RolePegawai, model.RoleAtasan, model.RoleAdminOPD, model.RoleAdminBKPSDM,
		model.RolePenyelenggara, model.RolePimpinan, model.RoleAuditor, model.RoleSuperadmin}
	// staff is everyone but a partner's account (penyelenggara): the
	// actions on people's records, which a partner's staff never take
	// (issue 13: of a participant they see only what running the session
	// needs, through training.run).
	staff = []model.Role{model.RolePegawai, model.RoleAtasan, model.RoleAdminOPD, model.RoleAdminBKPSDM,
		model.RolePimpinan, model.RoleAuditor, model.RoleSuperadmin}
	admins    = []model.Role{model.RoleAdminOPD, model.RoleAdminBKPSDM, model.RoleSuperadmin}
	govAdmins = []model.Role{model.RoleAdminBKPSDM, model.RoleSuperadmin}
	auditors  = []model.Role{model.RoleAdminBKPSDM, model.RoleAuditor, model.RoleSuperadmin}
)

// roles is the role × action table: who may take each action at all. A
// new action without a row here is allowed to nobody (and fails the route
// matrix test).
var roles = map[Action][]model.Role{
	Session:          everyone,
	OrgRead:          everyone,
	RegistryRead:     staff,
	EmployeeWrite:    admins,
	EmployeeImport:   admins,
	OrgWrite:         govAdmins,
	AccountManage:    admins,
	AuditRead:        auditors,
	SecurityRead:     {model.RoleAuditor, model.RoleSuperadmin},
	DictionaryRead:   everyone,
	DictionaryImport: govAdmins,
	DictionaryWrite:  admins,
	StandardRead:     staff,
	StandardWrite:    govAdmins,
	AssessmentSelf:   staff,
	AssessmentRate:   staff,
	AssessmentImport: admins,
	CompetencyRead:   staff,
	EvidenceSubmit:   staff,
	EvidenceRead:     staff,
	EvidenceReview:   staff,
	CycleRead:        staff,
	CycleManage:      admins,
	NeedsRead:        staff,
	SurveyResults:    staff,
	TalentRead:       staff,
	SurveyAnswer:     staff,
	SurveyManage:     admins,
	PenaltyRead:      staff,
	PenaltyWrite:     admins,
	PerformanceWrite: admins,
	SettingsManage:   govAdmins,

	CatalogueRead:     everyone,
	CatalogueManage:   {model.RoleAdminBKPSDM, model.RoleSuperadmin, model.RolePenyelenggara},
	ProviderManage:    govAdmins,
	TrainingRun:       everyone, // the record decides: an instructor may hold any role
	PlanRead:          staff,
	PlanPropose:       staff,
	PlanDecide:        staff, // approvers act by their post, not by a role
	PlanNominate:      admins,
	EnrolmentManage:   admins,
	AttendanceCheckIn: staff,
	NoticeRead:        everyone,
}

// grants is the grant × action table: what a grant adds to any role.
var grants = map[Action][]model.Grant{
	CatalogueManage: {model.GrantOperator},
	ProviderManage:  {model.GrantOperator},
	PlanNominate:    {model.GrantOperator},
	EnrolmentManage: {model.GrantOperator},
}

// shape holds the actions whose permission also depends on the shape of
// the principal's scope, not only on the role: what a page shows would be
// empty, or a form could save nothing, without it.
var shape = map[Action]func(p *Principal) bool{
	// Cycles are seen by those who administer something, and by the
	// readers of the whole government.
	CycleRead: func(p *Principal) bool { return !p.CycleScope().Empty() },
	// Managing needs something administered: a unit admin without a unit
	// administers nothing.
	CycleManage:     func(p *Principal) bool { return p.Admin.HasUnits() },
	SurveyManage:    func(p *Principal) bool { return p.Admin.HasUnits() },
	DictionaryWrite: func(p *Principal) bool { return p.Admin.HasUnits() },
	// Needs figures are per unit: one's own record and direct reports
	// make no unit.
	NeedsRead:     func(p *Principal) bool { return p.Scope.HasUnits() },
	SurveyResults: func(p *Principal) bool { return p.Scope.HasUnits() },
	// The talent map: readers of the whole government, heads of units and
	// administrators.
	TalentRead: func(p *Principal) bool { return p.Scope.All || len(p.IsHeadOf) > 0 || p.Admin.HasUnits() },
}

// Principal is a signed-in user with the scope of records they may read
// and the narrower scope of records they administer. auth.ScopeFor
// computes it from the organisation tree.
type Principal struct {
	User      model.User
	Scope     model.Scope // what the user may read
	IsHeadOf  []int64     // units whose head post the user holds (also as Plt./Plh.)
	HeadPaths []string    // the paths of those units, in the same order
	// Admin is what the user administers (edits, imports, manages the
	// accounts of): the whole government for admin_bkpsdm and superadmin,
	// the subtree of the administered unit (User.ScopeUnitID) for
	// admin_opd, nothing for every other role. Heading a unit widens what
	// one reads, never what one administers; one's own record and direct
	// reports are not administered either.
	Admin model.Scope
	// ReadOnly: the caller came with a read-only API token, which may
	// only read (GET and HEAD), whatever the role allows.
	ReadOnly bool
}

// hidden holds the actions whose refusal by role is answered "not found"
// rather than "forbidden", as their pages always have: whoever may not
// manage cycles or frameworks learns nothing about which exist.
var hidden = map[Action]bool{CycleRead: true, CycleManage: true, DictionaryWrite: true}

// Hidden reports whether a refusal of action a is answered "not found".
func Hidden(a Action) bool { return hidden[a] }

// RoleAllows reports whether the role × action table lets role take the
// action at all.
func RoleAllows(role model.Role, a Action) bool {
	if a == Public {
		return true
	}
	for _, r := range roles[a] {
		if r == role {
			return true
		}
	}
	return false
}

// GrantAllows reports whether one of the account's grants lets it take the
// action, whatever its role.
func GrantAllows(u *model.User, a Action) bool {
	for _, g := range grants[a] {
		if u.HasGrant(g) {
			return true
		}
	}
	return false
}

// PrincipalAllows reports whether p's role or one of p's grants lets p take
// the action at all: what the routers ask before a handler runs.
func PrincipalAllows(p *Principal, a Action) bool {
	if a == Public {
		return true
	}
	return p != nil && (RoleAllows(p.User.Role, a) || GrantAllows(&p.User, a))
}

// Allowed reports whether p may take action a at all: the role and grant
// tables, and for some actions the shape of p's scope. A nil principal (not
// signed in) is allowed only Public.
func Allowed(p *Principal, a Action) bool {
	if a == Public {
		return true
	}
	if !PrincipalAllows(p, a) {
		return false
	}
	if f := shape[a]; f != nil && !f(p) {
		return false
	}
	return true
}

// Can is Allowed as a method, for templates and views.
func (p *Principal) Can(a Action) bool { return Allowed(p, a) }

// Administers reports whether unit u lies in what p administers.
func (p *Principal) Administers(u *model.OrgUnit) bool { return p.Admin.Contains(u.Path) }

// Sees reports whether unit u lies in a subtree p may read.
func (p *Principal) Sees(u *model.OrgUnit) bool { return p.Scope.Contains(u.Path) }

// ManagesCycles reports whether p administers anything, and so may create
// cycles inside what they administer.
func (p *Principal) ManagesCycles() bool { return Allowed(p, CycleManage) }

// CycleScope is the scope of the cycles p may see: what p administers,
// else the whole government for its readers, else nothing.
func (p *Principal) CycleScope() model.Scope {
	if p.Admin.HasUnits() {
		return p.Admin
	}
	if p.Scope.All {
		return model.Scope{All: true}
	}
	return model.Scope{}
}

// SeesCycle reports whether p may open a cycle whose scope unit has the
// materialised path scopePath.
func (p *Principal) SeesCycle(scopePath string) bool { return p.CycleScope().Contains(scopePath) }

// Target is the record an action is taken on, as much of it as the rules
// need.
type Target struct {
	// UnitPath is the unit the record belongs to: an employee's unit, a
	// unit itself, a position's unit, the scope unit of a cycle or survey,
	// the owner unit of a framework. "" is the whole government (a cycle
	// or survey without a scope unit), which only a whole-government scope
	// contains.
	UnitPath string
	// EmployeeID is the person the record is about (0: none), and
	// SupervisorID their direct supervisor. For a position it is the
	// principal when they hold it.
	EmployeeID   int64
	SupervisorID int64
	// Within is, for a questionnaire answer, the survey's subtree, which
	// the respondent's UnitPath must lie in.
	Within string
	// Peer is, for a rating, whether rater and rated share an OPD (the
	// store knows the tree and says so).
	Peer bool
	// ProviderID is the partner a catalogue record belongs to (a
	// programme's or session's provider; 0: none).
	ProviderID int64
	// Instructor: the principal teaches the session (the store says so).
	Instructor bool
	// Approver: the principal holds the post that decides the plan item's
	// waiting step, as its holder or Plt./Plh. (the store says so).
	Approver bool
}

// May reports whether p may take action a on the record t: Allowed, then
// the action's record rule.
func May(p *Principal, a Action, t Target) bool {
	if !Allowed(p, a) {
		return false
	}
	if a == Public {
		return true
	}
	me := p.User.EmployeeID
	self := me != 0 && t.EmployeeID == me
	switch a {
	case Session, OrgRead, DictionaryRead, DictionaryImport, StandardWrite, OrgWrite, AuditRead, SecurityRead, EmployeeImport, SettingsManage:
		return true // not about one record, or about every record alike
	case AssessmentSelf, EvidenceSubmit:
		return self // one's own assessment and evidence, so one needs an employee record
	case StandardRead:
		// A position's standard: readers of its unit, whoever edits
		// standards, and its holder (t.EmployeeID is the principal when
		// they hold it).
		return p.Scope.Contains(t.UnitPath) || Allowed(p, StandardWrite) || self
	case RegistryRead, CompetencyRead:
		if t.EmployeeID == 0 {
			return p.Scope.Contains(t.UnitPath)
		}
		return p.Scope.ContainsEmployee(t.EmployeeID, t.UnitPath, t.SupervisorID)
	case AccountManage:
		// One's own account is managed by another administrator: resetting
		// it here would change one's password without the old one.
		return !self && p.Admin.Contains(t.UnitPath)
	case EmployeeWrite, CycleManage, SurveyManage, DictionaryWrite:
		return p.Admin.Contains(t.UnitPath)
	case PenaltyWrite, PerformanceWrite, AssessmentImport:
		// Nobody records restricted data about themselves, by any face.
		return !self && p.Admin.Contains(t.UnitPath)
	case PenaltyRead:
		return self || p.Admin.Contains(t.UnitPath)
	case CycleRead:
		return p.CycleScope().Contains(t.UnitPath)
	case NeedsRead:
		return p.Scope.Contains(t.UnitPath)
	case SurveyResults:
		return p.Scope.OverlapsPath(t.UnitPath)
	case TalentRead:
		return p.Scope.Contains(t.UnitPath) || p.Admin.Contains(t.UnitPath)
	case SurveyAnswer:
		return self && (t.Within == "" || model.InSubtree(t.UnitPath, t.Within))
	case AssessmentRate:
		return me != 0 && !self && (t.Peer || MaySupervise(p, t))
	case EvidenceRead:
		return MayReadEvidence(p, t)
	case EvidenceReview:
		return MaySupervise(p, t)
	case CatalogueRead, CatalogueManage, ProviderManage, TrainingRun, PlanRead, PlanPropose, PlanDecide, PlanNominate,
		EnrolmentManage, AttendanceCheckIn, NoticeRead:
		return mayTraining(p, a, t)
	}
	return false
}

// MaySupervise reports whether p rates t's person as a supervisor: p is
// their direct supervisor or heads (holds or acts in the head post of) a
// unit whose subtree holds them.
func MaySupervise(p *Principal, t Target) bool {
	return supervises(p.User.EmployeeID, p.HeadPaths, t)
}

// supervises is the supervisor rule of MaySupervise and MayRate: rater is
// an employee other than t's person, and either t's direct supervisor or
// the head of a unit (heads: the paths of the units rater heads) whose
// subtree holds t's unit.
func supervises(rater int64, heads []string, t Target) bool {
	if rater == 0 || t.EmployeeID == rater {
		return false
	}
	if t.SupervisorID == rater {
		return true
	}
	return model.Scope{UnitPaths: heads}.Contains(t.UnitPath)
}

// ErrAboutSelf is the refusal of a restricted record about oneself, the
// same from every face (web form, API, import row).
var ErrAboutSelf = apperr.New(apperr.EFORBIDDEN, "err.policy.about_self")

// RecordsAboutSelf reports whether p would record restricted data
// (penalties, SKP, test or assessment-centre results) about themselves,
// which no face allows: an administrator's own record is administered by
// someone else.
func RecordsAboutSelf(p *Principal, employeeID int64) bool {
	return p != nil && p.User.EmployeeID != 0 && p.User.EmployeeID == employeeID
}

// MayNameSupervisor reports whether p may name candidate as the supervisor
// of an employee of the unit at unitPath (issue 10: the supervisor field
// must not reach outside the administrator's scope, or it would reveal and
// empower anyone in the government: a supervisor reads the employee's
// record and rates them). Only those who write employees name
// supervisors; what they may name is MayNameSupervisorWithin their Admin
// scope.
func MayNameSupervisor(p *Principal, candidate Target, candidateHeads []string, unitPath string) bool {
	return p != nil && Allowed(p, EmployeeWrite) && MayNameSupervisorWithin(p.Admin, candidate.UnitPath, candidateHeads, unitPath)
}

// MayNameSupervisorWithin is the rule of MayNameSupervisor for an
// administered scope, for callers that hold a scope rather than a
// principal (the employee import): the employee's unit (unitPath) must lie
// in admin, and the candidate must be someone admin holds (their unit at
// candidateUnit) or the head, holder or Plt./Plh., of the employee's unit
// or a unit above it (candidateHeads: the paths of the units the candidate
// heads today). The head of a unit beside or below is not enough: heading
// another branch gives no authority over this one. A whole-government
// scope names anyone.
func MayNameSupervisorWithin(admin model.Scope, candidateUnit string, candidateHeads []string, unitPath string) bool {
	if !admin.Contains(unitPath) {
		return false
	}
	if admin.Contains(candidateUnit) {
		return true
	}
	for _, h := range candidateHeads {
		if model.InSubtree(unitPath, h) {
			return true
		}
	}
	return false
}
