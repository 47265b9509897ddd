package auth

import (
	"context"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Principal is a signed-in user with their scopes; its rules live in
// package policy (one access policy), auth only computes it (ScopeFor).
type Principal = policy.Principal

// AdministersWholeGovernment reports whether role administers every record
// of the pemda (admin_bkpsdm, superadmin).
func AdministersWholeGovernment(role model.Role) bool {
	return role == model.RoleAdminBKPSDM || role == model.RoleSuperadmin
}

// ScopeFor computes what a user may see: the whole government for BKPSDM
// admins, leadership, auditors and superadmins; otherwise their own record,
// their direct reports, the subtree of every unit they head (holder or
// Plt./Plh.), and for a unit admin the subtree of their unit. It also
// computes Admin, what the user administers.
func ScopeFor(ctx context.Context, st *store.Store, u *model.User) (*Principal, error) {
	p := &Principal{User: *u}
	if u.Role.SeesWholeGovernment() {
		p.Scope.All = true
		p.Admin.All = AdministersWholeGovernment(u.Role)
		return p, nil
	}
	if u.Role == model.RoleAdminOPD && u.ScopeUnitID != 0 {
		unit, err := st.Unit(ctx, u.ScopeUnitID)
		if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
			return nil, err
		}
		if unit != nil {
			p.Scope.UnitPaths = append(p.Scope.UnitPaths, unit.Path)
			p.Admin.UnitPaths = []string{unit.Path}
		}
	}
	if u.EmployeeID != 0 {
		p.Scope.SelfID = u.EmployeeID
		p.Scope.SupervisorID = u.EmployeeID
		heads, err := st.UnitsHeadedBy(ctx, u.EmployeeID)
		if err != nil {
			return nil, err
		}
		for _, h := range heads {
			p.IsHeadOf = append(p.IsHeadOf, h.ID)
			p.HeadPaths = append(p.HeadPaths, h.Path)
			p.Scope.UnitPaths = append(p.Scope.UnitPaths, h.Path)
		}
	}
	return p, nil
}
