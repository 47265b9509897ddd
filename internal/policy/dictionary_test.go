package policy

import "testing"

// Who edits and versions agency frameworks: the unit admin of A those owned
// by a unit of A's subtree, BKPSDM and the superadmin every one including
// BKPSDM's own (no owner unit), nobody a built-in one; and the store's rule
// agrees with the route's record rule (May DictionaryWrite).
func TestMayEditFramework(t *testing.T) {
	for _, c := range []struct {
		name      string
		p         *Principal
		owner     string
		builtIn   bool
		edit, ver bool
	}{
		{"unit admin, owned by their OPD", adminA, "/1/2/", false, true, true},
		{"unit admin, owned by a section of it", adminA, "/1/2/5/", false, true, true},
		{"unit admin, owned by another OPD", adminA, "/1/3/", false, false, false},
		{"unit admin, BKPSDM's own", adminA, "", false, false, false},
		{"unit admin, a built-in one", adminA, "", true, false, false},
		{"unit admin without a unit", adminNoUnit, "/1/2/", false, false, false},
		{"BKPSDM, any agency's", bkpsdm, "/1/3/", false, true, true},
		{"BKPSDM, its own", bkpsdm, "", false, true, true},
		{"BKPSDM, a built-in one", bkpsdm, "", true, true, false},
		{"superadmin", super, "/1/2/5/", false, true, true},
		{"a head of unit administers nothing", atasan, "/1/2/5/", false, false, false},
		{"leadership reads, edits nothing", pimpinan, "", false, false, false},
	} {
		if got := MayEditFramework(c.p.Admin, c.owner); got != c.edit {
			t.Errorf("%s: MayEditFramework = %v, want %v", c.name, got, c.edit)
		}
		if got := MayVersionFramework(c.p.Admin, c.builtIn, c.owner); got != c.ver {
			t.Errorf("%s: MayVersionFramework = %v, want %v", c.name, got, c.ver)
		}
		if route := May(c.p, DictionaryWrite, Target{UnitPath: c.owner}); route != c.edit {
			t.Errorf("%s: the route's rule says %v, the store's %v", c.name, route, c.edit)
		}
	}
}
