package api

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/policy"
)

// meJSON describes the caller: the token's account, what it may do and
// which employees it sees.
type meJSON struct {
	User struct {
		ID         int64  `json:"id"`
		Username   string `json:"username"`
		Role       string `json:"role"`
		EmployeeID *int64 `json:"employee_id"`
		Lang       string `json:"lang"`
		// Grants beside the role, and the partner of a provider account.
		Grants     []string `json:"grants"`
		ProviderID *int64   `json:"provider_id"`
	} `json:"user"`
	Employee *employeeJSON `json:"employee"`
	Scope    struct {
		All          bool     `json:"all"`
		UnitIDs      []int64  `json:"unit_ids"`
		UnitPaths    []string `json:"unit_paths"`
		SelfID       *int64   `json:"self_id"`
		SupervisorID *int64   `json:"supervisor_id"`
	} `json:"scope"`
	HeadOf      []int64         `json:"head_of"`
	Permissions map[string]bool `json:"permissions"`
}

// permissionNames are the actions /me reports, by their JSON names.
var permissionNames = map[string]policy.Action{
	"read_registry":   policy.RegistryRead,
	"write_employees": policy.EmployeeWrite,
	"write_org":       policy.OrgWrite,
	"manage_accounts": policy.AccountManage,
	"read_audit":      policy.AuditRead,
}

func (a *API) me(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var m meJSON
	m.User.ID = p.User.ID
	m.User.Username = p.User.Username
	m.User.Role = string(p.User.Role)
	m.User.EmployeeID = ptrID(p.User.EmployeeID)
	m.User.Lang = p.User.Lang
	m.User.Grants = []string{}
	for _, g := range p.User.Grants {
		m.User.Grants = append(m.User.Grants, string(g))
	}
	m.User.ProviderID = ptrID(p.User.ProviderID)
	if p.User.EmployeeID != 0 {
		v, err := a.st.Employee(r.Context(), p.User.EmployeeID)
		if err != nil {
			return err
		}
		e := toEmployeeJSON(v)
		m.Employee = &e
	}
	m.Scope.All = p.Scope.All
	m.Scope.UnitIDs = []int64{}
	m.Scope.UnitPaths = append([]string{}, p.Scope.UnitPaths...)
	for _, path := range p.Scope.UnitPaths {
		parts := strings.Split(strings.Trim(path, "/"), "/")
		if id, err := strconv.ParseInt(parts[len(parts)-1], 10, 64); err == nil {
			m.Scope.UnitIDs = append(m.Scope.UnitIDs, id)
		}
	}
	m.Scope.SelfID = ptrID(p.Scope.SelfID)
	m.Scope.SupervisorID = ptrID(p.Scope.SupervisorID)
	m.HeadOf = append([]int64{}, p.IsHeadOf...)
	m.Permissions = map[string]bool{}
	for name, act := range permissionNames {
		m.Permissions[name] = p.Can(act)
	}
	writeJSON(w, http.StatusOK, m)
	return nil
}
