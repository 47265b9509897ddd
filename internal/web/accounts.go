package web

import (
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// accountRow is one account with what the admin may do to it.
type accountRow struct {
	model.User
	CanEdit bool
}

// accountsData is the account list.
type accountsData struct {
	Rows   []accountRow
	Grant  []model.Role // roles the admin may give
	Notice string       // catalogue key
}

// accountList lists the accounts in the admin's scope (GET /akun).
func (s *server) accountList(w http.ResponseWriter, r *http.Request) {
	p := s.require(w, r, auth.ManageAccounts)
	if p == nil {
		return
	}
	users, err := s.st.Users(r.Context(), adminScope(p))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := accountsData{}
	for _, role := range model.Roles {
		if canGrant(p, role) {
			d.Grant = append(d.Grant, role)
		}
	}
	for _, u := range users {
		d.Rows = append(d.Rows, accountRow{User: u, CanEdit: u.ID != p.User.ID && canManageRole(p, u.Role)})
	}
	if r.URL.Query().Get("ok") == "saved" {
		d.Notice = "accounts.saved"
	}
	s.render(w, r, http.StatusOK, "accounts", "accounts.title", d)
}

// accountUpdate changes an account's role and active flag (POST
// /akun/{id}). The admin may only touch accounts of employees in their
// scope (whole-government admins: any account), never their own, never one
// whose role is above their own, and may only grant roles at or below
// their own.
func (s *server) accountUpdate(w http.ResponseWriter, r *http.Request) {
	p := s.require(w, r, auth.ManageAccounts)
	if p == nil {
		return
	}
	ctx := r.Context()
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u, err := s.st.User(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		s.fail(w, r, errNotPermitted)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !p.Scope.All {
		ok := false
		if u.EmployeeID != 0 {
			if ok, err = s.st.InScope(ctx, adminScope(p), u.EmployeeID); err != nil {
				s.fail(w, r, err)
				return
			}
		}
		if !ok {
			s.fail(w, r, errNotPermitted)
			return
		}
	}
	if u.ID == p.User.ID || !canManageRole(p, u.Role) {
		s.fail(w, r, errForbidden)
		return
	}
	role := model.Role(r.PostFormValue("role"))
	if role == "" {
		role = u.Role
	}
	if !canGrant(p, role) {
		s.fail(w, r, errForbidden)
		return
	}
	if role == model.RoleAdminOPD && u.ScopeUnitID == 0 && u.EmployeeID != 0 {
		// A new unit admin administers the unit they work in.
		e, err := s.st.Employee(ctx, u.EmployeeID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		u.ScopeUnitID = e.UnitID
	}
	if v := r.PostFormValue("unit"); v != "" && role == model.RoleAdminOPD {
		uid, _ := strconv.ParseInt(v, 10, 64)
		unit, err := s.st.Unit(ctx, uid)
		if err != nil || !unitVisible(p, unit) {
			s.fail(w, r, apperr.Invalid("unit", "unit tidak ditemukan atau di luar wewenang Anda"))
			return
		}
		u.ScopeUnitID = unit.ID
	}
	u.Role = role
	u.Active = r.PostFormValue("active") == "1"
	if err := s.st.UpdateUser(ctx, actor(p), u); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/akun?ok=saved", http.StatusSeeOther)
}
