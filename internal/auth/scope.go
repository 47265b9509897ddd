package auth

import (
	"context"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Principal is a signed-in user with the scope of records they may see and
// the narrower scope of records they administer.
type Principal struct {
	User     model.User
	Scope    model.Scope // what the user may read
	IsHeadOf []int64     // units whose head post the user holds (also as Plt./Plh.)
	// Admin is what the user administers (edits, imports, manages the
	// accounts of): the whole government for admin_bkpsdm and superadmin,
	// the subtree of the administered unit (User.ScopeUnitID) for
	// admin_opd, nothing for every other role. Heading a unit widens what
	// one reads, never what one administers; one's own record and direct
	// reports are not administered either.
	Admin model.Scope
}

// Can reports whether the principal's role allows an action.
func (p *Principal) Can(a Action) bool {
	if p == nil {
		return false
	}
	for _, r := range allowed[a] {
		if p.User.Role == r {
			return true
		}
	}
	return false
}

// Action is something a route does; allowed maps it to roles.
type Action string

// Actions checked by routes.
const (
	ReadRegistry   Action = "registry.read"   // list and open employees in scope
	WriteEmployees Action = "employees.write" // create, edit, import employees in scope
	WriteOrg       Action = "org.write"       // edit units and positions
	ManageAccounts Action = "accounts.manage" // activate, reset, set roles in scope
	ReadAudit      Action = "audit.read"
)

var everyone = []model.Role{model.RolePegawai, model.RoleAtasan, model.RoleAdminOPD, model.RoleAdminBKPSDM,
	model.RolePenyelenggara, model.RolePimpinan, model.RoleAuditor, model.RoleSuperadmin}

var allowed = map[Action][]model.Role{
	ReadRegistry:   everyone,
	WriteEmployees: {model.RoleAdminOPD, model.RoleAdminBKPSDM, model.RoleSuperadmin},
	WriteOrg:       {model.RoleAdminBKPSDM, model.RoleSuperadmin},
	ManageAccounts: {model.RoleAdminOPD, model.RoleAdminBKPSDM, model.RoleSuperadmin},
	ReadAudit:      {model.RoleAdminBKPSDM, model.RoleAuditor, model.RoleSuperadmin},
}

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
			p.Scope.UnitPaths = append(p.Scope.UnitPaths, h.Path)
		}
	}
	return p, nil
}

// Administers reports whether unit u lies in what p administers.
func (p *Principal) Administers(u *model.OrgUnit) bool { return p.Admin.Contains(u.Path) }

// Sees reports whether unit u lies in a subtree p may read.
func (p *Principal) Sees(u *model.OrgUnit) bool { return p.Scope.Contains(u.Path) }
