package auth

import (
	"github.com/kompeten/kompeten/internal/model"
)

// Who sees and manages assessment cycles, in one place for the pages and
// the API: administrators (admin BKPSDM and superadmins) anywhere, a unit
// admin (admin OPD) inside their unit's subtree; leadership and auditors,
// who read the whole government, see every cycle without changing any.

// ManagesCycles reports whether p administers anything, and so may create
// cycles inside what they administer.
func (p *Principal) ManagesCycles() bool { return p.Admin.All || len(p.Admin.UnitPaths) > 0 }

// CycleScope is the scope of the cycles p may see: what p administers, else
// the whole government for its readers, else nothing.
func (p *Principal) CycleScope() model.Scope {
	if p.ManagesCycles() {
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
