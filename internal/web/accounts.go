package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
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
	// Grants are the grants the admin may give or remove beside a role
	// (model.Grants for an admin of the whole government, else none).
	Grants []model.Grant
	// Providers is the "Akun penyelenggara" section, for those who
	// administer partners (policy.ProviderManage); nil for the others.
	Providers *providerAccountsData
}

// accountList lists the accounts in the admin's scope (GET /akun).
func (s *server) accountList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	users, err := s.st.Users(ctx, adminScope(p))
	if err != nil {
		return err
	}
	d := accountsData{}
	for _, role := range model.Roles {
		if canGrant(p, role) {
			d.Grant = append(d.Grant, role)
		}
	}
	for _, u := range users {
		edit := false
		if u.ID != p.User.ID {
			if edit, err = s.canManage(ctx, p, &u); err != nil {
				return err
			}
		}
		d.Rows = append(d.Rows, accountRow{User: u, CanEdit: edit})
	}
	if p.Admin.All {
		d.Grants = model.Grants
	}
	if policy.Allowed(p, policy.ProviderManage) {
		if d.Providers, err = s.providerAccounts(ctx, langOf(r)); err != nil {
			return err
		}
	}
	switch r.URL.Query().Get("ok") {
	case "saved":
		d.Notice = "accounts.saved"
	case "provider":
		d.Notice = "accounts.provider_created"
	}
	s.render(w, r, http.StatusOK, "accounts", "accounts.title", d)
	return nil
}

// accountUpdate changes an account's role and active flag (POST
// /akun/{id}). The admin may only touch accounts they may manage (see
// canManage), never their own, and may only grant roles at or below their
// own. The administered unit is set afresh on every save: a unit admin
// keeps theirs (when the admin may manage it) unless the form names another
// unit ("unit", an ID inside the admin's own scope); a new unit admin gets
// the named unit or else the unit they work in; every other role gets
// none, so that no stale unit comes back with a later grant.
func (s *server) accountUpdate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u, err := s.st.User(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	if !p.Admin.All {
		ok := false
		if u.EmployeeID != 0 {
			if ok, err = s.st.InScope(ctx, adminScope(p), u.EmployeeID); err != nil {
				return err
			}
		}
		if !ok {
			return errNotPermitted
		}
	}
	ok, err := s.canManage(ctx, p, u)
	if err != nil {
		return err
	}
	if u.ID == p.User.ID || !ok {
		return errForbidden
	}
	role := model.Role(r.PostFormValue("role"))
	if role == "" {
		role = u.Role
	}
	if !canGrant(p, role) {
		return errForbidden
	}
	scopeUnit, err := s.grantedUnit(ctx, p, u, role, r.PostFormValue("unit"))
	if err != nil {
		return err
	}
	u.Role, u.ScopeUnitID = role, scopeUnit
	u.Active = r.PostFormValue("active") == "1"
	if r.PostFormValue("grants") == "1" {
		// The form shows the grants: what is ticked is what the account
		// holds from now on.
		if u.Grants, err = grantsFrom(p, r.PostForm["grant"]); err != nil {
			return err
		}
	}
	if err := s.st.UpdateUser(ctx, actor(p), u); err != nil {
		return err
	}
	http.Redirect(w, r, "/akun?ok=saved", http.StatusSeeOther)
	return nil
}

// grantsFrom reads the ticked grants of the account form. Grants widen
// what a person may do across the whole government (an operator
// administers every partner's catalogue), so only an admin of the whole
// government gives or removes them, and never on their own account
// (accountUpdate refuses that before).
func grantsFrom(p *auth.Principal, ticked []string) ([]model.Grant, error) {
	if !p.Admin.All {
		return nil, errForbidden
	}
	var gs []model.Grant
	for _, v := range ticked {
		g := model.Grant(v)
		if !g.Valid() {
			return nil, apperr.Invalid("grants", "err.grant.unknown", v)
		}
		gs = append(gs, g)
	}
	return model.ParseGrants(model.GrantsText(gs)), nil
}

// grantedUnit decides the unit account u administers after p gives it
// role; form is the posted unit ID ("" for none). Only admin_opd has a
// unit; it must lie in what p administers.
func (s *server) grantedUnit(ctx context.Context, p *auth.Principal, u *model.User, role model.Role, form string) (int64, error) {
	if role != model.RoleAdminOPD {
		return 0, nil
	}
	errUnit := apperr.Invalid("unit", "err.account.unit_outside_authority")
	var id int64
	switch {
	case form != "":
		id, _ = strconv.ParseInt(form, 10, 64)
	case u.Role == model.RoleAdminOPD && u.ScopeUnitID != 0:
		id = u.ScopeUnitID // canManage checked it lies in p's scope
	case u.EmployeeID != 0:
		// A new unit admin administers the unit they work in.
		e, err := s.st.Employee(ctx, u.EmployeeID)
		if err != nil {
			return 0, err
		}
		id = e.UnitID
	default:
		return 0, apperr.Invalid("unit", "err.account.choose_admin_unit")
	}
	unit, err := s.st.Unit(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return 0, errUnit
	}
	if err != nil {
		return 0, err
	}
	if !p.Administers(unit) {
		return 0, errUnit
	}
	return unit.ID, nil
}
