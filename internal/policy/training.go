package policy

import "github.com/kompeten/kompeten/internal/model"

// Record rules of the training capability (issue 13). A provider account
// (penyelenggara) reaches only its own partner's records; an operator
// (model.GrantOperator) administers the catalogue and sessions of the whole
// government; approvers act by their post, which the store resolves into
// Target.Approver.

// runsCatalogue: BKPSDM and operators administer every catalogue record.
func runsCatalogue(p *Principal) bool {
	return p.Admin.All || p.User.HasGrant(model.GrantOperator)
}

// ownProvider: a provider account and a record of its own partner.
func ownProvider(p *Principal, t Target) bool {
	return p.User.ProviderID != 0 && t.ProviderID == p.User.ProviderID
}

func mayTraining(p *Principal, a Action, t Target) bool {
	me := p.User.EmployeeID
	self := me != 0 && t.EmployeeID == me
	switch a {
	case CatalogueRead:
		// A provider account sees its own partner's programmes and
		// sessions only (t.ProviderID 0: a list, which the handler filters
		// to the partner); everyone else the whole catalogue. A
		// penyelenggara account not yet bound to a partner sees none of
		// it, rather than all of it.
		if p.User.IsProviderAccount() {
			return p.User.ProviderID != 0 && (t.ProviderID == 0 || ownProvider(p, t))
		}
		return true
	case CatalogueManage:
		return runsCatalogue(p) || ownProvider(p, t)
	case ProviderManage:
		return runsCatalogue(p)
	case TrainingRun:
		return runsCatalogue(p) || ownProvider(p, t) || t.Instructor
	case PlanRead:
		return self || t.Approver || p.Scope.ContainsEmployee(t.EmployeeID, t.UnitPath, t.SupervisorID) ||
			p.Admin.Contains(t.UnitPath) || p.User.HasGrant(model.GrantOperator)
	case PlanPropose:
		return self || (me != 0 && t.SupervisorID == me) || p.Admin.Contains(t.UnitPath)
	case PlanDecide:
		return t.Approver && !self
	case PlanNominate, EnrolmentManage:
		return p.Admin.Contains(t.UnitPath) || p.User.HasGrant(model.GrantOperator)
	case AttendanceCheckIn:
		return self
	case NoticeRead:
		return true // one's own inbox: the handler reads only the principal's rows
	}
	return false
}

// SessionTarget describes a session for TrainingRun and CatalogueRead: its
// partner, and whether the account userID teaches it (an instructor runs
// the attendance of their own session whatever their role).
func SessionTarget(s *model.TrainingSession, userID int64) Target {
	t := Target{ProviderID: s.ProviderID}
	for _, i := range s.Instructors {
		t.Instructor = t.Instructor || (userID != 0 && i.UserID == userID)
	}
	return t
}
