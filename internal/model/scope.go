package model

import "strings"

// Scope is the set of employee records a user may see (or administer),
// derived from the organisation tree (see auth.ScopeFor). The zero Scope
// sees nothing.
//
// Containment is written once, here; the store's SQL condition
// (store.scopeClause) is its twin for queries and must agree with
// ContainsEmployee.
type Scope struct {
	All          bool     // the whole government
	UnitPaths    []string // subtrees (materialised paths, "/1/7/") the user may see
	SelfID       int64    // the user's own employee record
	SupervisorID int64    // direct reports of this employee
}

// subtree returns p as a subtree prefix: with its trailing slash, so that
// "/1/7" never contains "/1/70/". "" (and "/", which names no unit) stay
// "": an empty path is never a subtree (the whole government is All).
func subtree(p string) string {
	if p == "" || p == "/" {
		return ""
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// InSubtree reports whether the unit at path lies in the subtree at root
// (the unit itself included). Both are materialised paths ("/1/7/"; a
// missing trailing slash is supplied, so "/1/7" never contains "/1/70/");
// an empty one (or "/") names no unit and contains nothing. It is the one
// test of "this unit inside that subtree" every other check is built on.
func InSubtree(path, root string) bool {
	path, root = subtree(path), subtree(root)
	return path != "" && root != "" && strings.HasPrefix(path, root)
}

// Contains reports whether the unit at unitPath lies in one of the
// scope's subtrees, or the scope is the whole government. An empty
// unitPath names no unit, or the whole government where a record's path
// means "everywhere" (a cycle or survey without a scope unit): only All
// contains it. SelfID and SupervisorID name people, not units: they never
// make a unit contained.
func (sc Scope) Contains(unitPath string) bool {
	if sc.All {
		return true
	}
	for _, p := range sc.UnitPaths {
		if InSubtree(unitPath, p) {
			return true
		}
	}
	return false
}

// ContainsEmployee reports whether the employee with the given ID, unit
// path and supervisor (0: none) is in scope: the whole government, their
// unit in one of the subtrees, the employee themselves (SelfID), or one of
// SupervisorID's direct reports. It is the pure twin of the store's SQL
// condition.
func (sc Scope) ContainsEmployee(id int64, unitPath string, supervisorID int64) bool {
	switch {
	case sc.All, sc.Contains(unitPath):
		return true
	case id != 0 && sc.SelfID == id:
		return true
	case supervisorID != 0 && sc.SupervisorID == supervisorID:
		return true
	}
	return false
}

// OverlapsPath reports whether the subtree at path and one of the scope's
// subtrees share a unit (one contains the other). An empty path is the
// whole government, which overlaps any scope with a subtree.
func (sc Scope) OverlapsPath(path string) bool {
	if sc.All {
		return true
	}
	for _, p := range sc.UnitPaths {
		if subtree(p) == "" {
			continue
		}
		if subtree(path) == "" || InSubtree(path, p) || InSubtree(p, path) {
			return true
		}
	}
	return false
}

// Overlaps reports whether the two scopes share a unit subtree. People
// named by SelfID or SupervisorID are not compared: a scope is about units
// here.
func (sc Scope) Overlaps(other Scope) bool {
	if sc.All {
		return other.All || slicesAny(other.UnitPaths)
	}
	if other.All {
		return slicesAny(sc.UnitPaths)
	}
	for _, p := range other.UnitPaths {
		if subtree(p) != "" && sc.OverlapsPath(p) {
			return true
		}
	}
	return false
}

// slicesAny reports whether paths holds a path naming a unit.
func slicesAny(paths []string) bool {
	for _, p := range paths {
		if subtree(p) != "" {
			return true
		}
	}
	return false
}

// Empty reports whether the scope contains nothing at all.
func (sc Scope) Empty() bool {
	return !sc.All && !slicesAny(sc.UnitPaths) && sc.SelfID == 0 && sc.SupervisorID == 0
}

// HasUnits reports whether the scope reaches a whole subtree (or the whole
// government), not only people: what reading a unit's figures (needs,
// survey results) or administering something needs.
func (sc Scope) HasUnits() bool { return sc.All || slicesAny(sc.UnitPaths) }
