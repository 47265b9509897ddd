package model

import "time"

// Role is what a user account may do. Scope (which records) comes from the
// organisation tree; see package auth.
type Role string

// Roles from product.md.
const (
	RolePegawai       Role = "pegawai"
	RoleAtasan        Role = "atasan"
	RoleAdminOPD      Role = "admin_opd"
	RoleAdminBKPSDM   Role = "admin_bkpsdm"
	RolePenyelenggara Role = "penyelenggara"
	RolePimpinan      Role = "pimpinan"
	RoleAuditor       Role = "auditor"
	RoleSuperadmin    Role = "superadmin"
)

// Roles lists all roles, least privileged first.
var Roles = []Role{RolePegawai, RoleAtasan, RoleAdminOPD, RolePenyelenggara, RolePimpinan, RoleAuditor, RoleAdminBKPSDM, RoleSuperadmin}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if r == x {
			return true
		}
	}
	return false
}

// SeesWholeGovernment reports whether the role reads every record of the pemda.
func (r Role) SeesWholeGovernment() bool {
	switch r {
	case RoleAdminBKPSDM, RolePimpinan, RoleAuditor, RoleSuperadmin:
		return true
	}
	return false
}

// User is a sign-in account. Employees sign in with their NIP (Username is
// the NIP) or a chosen username.
type User struct {
	ID           int64
	Username     string
	EmployeeID   int64 // 0 for accounts that are not an employee (e.g. a provider)
	Role         Role
	ScopeUnitID  int64 // for admin_opd: the unit whose subtree they administer
	PasswordHash string
	Active       bool
	Lang         string // "id" or "en"
	CreatedAt    time.Time
	// ProviderID: the partner a penyelenggara account works for (0: none).
	ProviderID int64
	// Grants: what the person may do beside their role (grant.go).
	Grants []Grant
	// Email: where an account without an employee record is mailed (an
	// employee's account is mailed at the employee's address).
	Email string
}

// AuditEntry records one write to personal, registry or account data.
type AuditEntry struct {
	ID       int64
	At       time.Time
	ActorID  int64  // user ID, 0 for the system or CLI
	Actor    string // username or "cli"
	Action   string // e.g. "employee.update", "import.employees"
	Entity   string // "employee", "org_unit", "position", "user"
	EntityID string
	Detail   string // JSON: changed fields {"field":[old,new]} or counts
}

// Actor is who makes a change, for the audit log.
type Actor struct {
	UserID int64
	Name   string // username, or "cli"/"system"
}
