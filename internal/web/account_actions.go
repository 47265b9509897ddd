package web

import (
	"context"
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// accountActivate activates an employee's account, creating it (username =
// NIP, role pegawai, a generated password shown once) when there is none
// (POST /pegawai/{id}/akun/aktifkan).
func (s *server) accountActivate(w http.ResponseWriter, r *http.Request) error {
	return s.accountAction(w, r, false)
}

// accountReset sets a new generated password, shown once, and activates the
// account, creating it when there is none (POST /pegawai/{id}/akun/reset).
func (s *server) accountReset(w http.ResponseWriter, r *http.Request) error {
	return s.accountAction(w, r, true)
}

func (s *server) accountAction(w http.ResponseWriter, r *http.Request, reset bool) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, err := s.employeeInScope(ctx, adminScope(p), id)
	if err != nil {
		return err
	}
	acc, err := s.st.UserByEmployee(ctx, id)
	if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
		return err
	}
	if acc != nil {
		ok, err := s.canManage(ctx, p, acc)
		if err != nil {
			return err
		}
		if !ok {
			return errForbidden
		}
	}
	password, notice := "", "profile.activated"
	switch {
	case acc == nil:
		password = auth.RandomPassword()
		hash, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		acc = &model.User{Username: e.NIP, EmployeeID: id, Role: model.RolePegawai, PasswordHash: hash, Active: true}
		if err := s.st.CreateUser(ctx, actor(p), acc); err != nil {
			return err
		}
		notice = "profile.account_created"
	case reset:
		password = auth.RandomPassword()
		hash, err := auth.HashPassword(password)
		if err != nil {
			return err
		}
		acc.PasswordHash, acc.Active = hash, true
		if err := s.st.UpdateUser(ctx, actor(p), acc); err != nil {
			return err
		}
		notice = "profile.password_reset"
	default:
		acc.Active = true
		if err := s.st.UpdateUser(ctx, actor(p), acc); err != nil {
			return err
		}
	}
	d, err := s.profile(r, p, id)
	if err != nil {
		return err
	}
	d.NewPassword, d.Notice = password, notice
	// The generated password is shown in this response only: not stored in
	// the session, not in a redirect, not cached.
	s.renderProfile(w, r, http.StatusOK, d)
	return nil
}

// roleRank is a role's place in model.Roles (least privileged first).
func roleRank(r model.Role) int {
	for i, x := range model.Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// canGrant reports whether p may give role to an account: roles at or below
// p's own; whole-government roles only by an admin of the whole government
// (admin_bkpsdm, superadmin).
func canGrant(p *auth.Principal, role model.Role) bool {
	if !role.Valid() || roleRank(role) > roleRank(p.User.Role) {
		return false
	}
	if !p.Admin.All && role.SeesWholeGovernment() {
		return false
	}
	return true
}

// canManage reports whether p may change account u (reset its password,
// activate it, change its role): p may grant u's role, and, unless p
// administers the whole government, u's employee lies in what p administers
// and so does the unit u administers (a unit admin's scope unit). Otherwise
// a unit admin could reset the password of an admin of another unit who
// happens to work in theirs, and sign in as them.
func (s *server) canManage(ctx context.Context, p *auth.Principal, u *model.User) (bool, error) {
	if !canGrant(p, u.Role) || u.ID == p.User.ID {
		return false, nil // and never one's own account (policy.AccountManage)
	}
	if p.Admin.All {
		return true, nil
	}
	if u.EmployeeID == 0 {
		return false, nil
	}
	ok, err := s.st.InScope(ctx, p.Admin, u.EmployeeID)
	if err != nil || !ok {
		return false, err
	}
	if u.Role == model.RoleAdminOPD && u.ScopeUnitID != 0 {
		unit, err := s.st.Unit(ctx, u.ScopeUnitID)
		if apperr.Code(err) == apperr.ENOTFOUND {
			return true, nil // administers nothing
		}
		if err != nil {
			return false, err
		}
		return p.Administers(unit), nil
	}
	return true, nil
}
