package model

import (
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
)

// IsProviderAccount reports whether u signs in for a partner (penyelenggara):
// such an account reaches only its own partner's catalogue records and the
// participants of its sessions, never the registry.
func (u *User) IsProviderAccount() bool { return u.Role == RolePenyelenggara || u.ProviderID != 0 }

// CheckBinding checks what ties an account to a person or a partner
// (issue 13): a penyelenggara account names its partner, has no employee
// record and holds no grant (a grant such as operator administers every
// partner's catalogue, which a partner's staff must not); every other
// account names no partner. An e-mail address, when given, must be one.
func (u *User) CheckBinding() error {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	if u.Email != "" && !ValidEmail(u.Email) {
		return apperr.Invalid("email", "err.grant.email", u.Email)
	}
	for _, g := range u.Grants {
		if !g.Valid() {
			return apperr.Invalid("grants", "err.grant.unknown", string(g))
		}
	}
	if u.Role != RolePenyelenggara {
		if u.ProviderID != 0 {
			return apperr.Invalid("provider_id", "err.grant.provider_role")
		}
		return nil
	}
	switch {
	case u.ProviderID == 0:
		return apperr.Invalid("provider_id", "err.grant.provider_required")
	case u.EmployeeID != 0:
		return apperr.Invalid("role", "err.grant.provider_employee")
	case len(u.Grants) > 0:
		return apperr.Invalid("grants", "err.grant.provider_grants")
	}
	return nil
}
