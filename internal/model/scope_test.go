package model

import "testing"

func TestScopeContains(t *testing.T) {
	opd := Scope{UnitPaths: []string{"/1/7/"}}
	noSlash := Scope{UnitPaths: []string{"/1/7"}}
	cases := []struct {
		name string
		sc   Scope
		path string
		want bool
	}{
		{"zero scope sees nothing", Scope{}, "/1/", false},
		{"all sees every unit", Scope{All: true}, "/1/7/42/", true},
		{"all contains the whole government", Scope{All: true}, "", true},
		{"subtree root itself", opd, "/1/7/", true},
		{"unit below", opd, "/1/7/42/", true},
		{"parent is outside", opd, "/1/", false},
		{"sibling is outside", opd, "/1/8/", false},
		{"ID sharing a prefix is outside", opd, "/1/70/", false},
		{"scope path without trailing slash", noSlash, "/1/7/42/", true},
		{"scope path without slash, prefix sibling", noSlash, "/1/70/", false},
		{"unit path without trailing slash", opd, "/1/7/42", true},
		{"empty unit path (whole government) is not in a subtree", opd, "", false},
		{"root path names no unit", opd, "/", false},
		{"empty scope path is not the whole government", Scope{UnitPaths: []string{""}}, "/1/", false},
		{"slash scope path is not the whole government", Scope{UnitPaths: []string{"/"}}, "/1/", false},
		{"self and supervisor do not contain units", Scope{SelfID: 5, SupervisorID: 5}, "/1/", false},
		{"second subtree", Scope{UnitPaths: []string{"/1/8/", "/1/7/"}}, "/1/7/9/", true},
	}
	for _, c := range cases {
		if got := c.sc.Contains(c.path); got != c.want {
			t.Errorf("%s: %+v.Contains(%q) = %v, want %v", c.name, c.sc, c.path, got, c.want)
		}
	}
}

func TestScopeContainsEmployee(t *testing.T) {
	me := Scope{SelfID: 5, SupervisorID: 5, UnitPaths: []string{"/1/7/"}}
	cases := []struct {
		name   string
		sc     Scope
		id     int64
		path   string
		superv int64
		want   bool
	}{
		{"all", Scope{All: true}, 9, "/2/", 0, true},
		{"self anywhere", me, 5, "/2/", 0, true},
		{"direct report anywhere", me, 9, "/2/", 5, true},
		{"in subtree", me, 9, "/1/7/3/", 0, true},
		{"outsider", me, 9, "/2/", 6, false},
		{"zero IDs never match a zero SelfID", Scope{}, 0, "/2/", 0, false},
		{"no supervisor does not match a zero SupervisorID", Scope{SelfID: 5}, 9, "/2/", 0, false},
		{"unit admin without self", Scope{UnitPaths: []string{"/1/7/"}}, 5, "/1/8/", 5, false},
	}
	for _, c := range cases {
		if got := c.sc.ContainsEmployee(c.id, c.path, c.superv); got != c.want {
			t.Errorf("%s: ContainsEmployee(%d, %q, %d) = %v, want %v", c.name, c.id, c.path, c.superv, got, c.want)
		}
	}
}

func TestScopeOverlaps(t *testing.T) {
	opd := Scope{UnitPaths: []string{"/1/7/"}}
	cases := []struct {
		name string
		a, b Scope
		want bool
	}{
		{"all and all", Scope{All: true}, Scope{All: true}, true},
		{"all and a subtree", Scope{All: true}, opd, true},
		{"a subtree and all", opd, Scope{All: true}, true},
		{"all and only people", Scope{All: true}, Scope{SelfID: 3}, false},
		{"same subtree", opd, opd, true},
		{"ancestor", opd, Scope{UnitPaths: []string{"/1/"}}, true},
		{"descendant", opd, Scope{UnitPaths: []string{"/1/7/9/"}}, true},
		{"sibling", opd, Scope{UnitPaths: []string{"/1/8/"}}, false},
		{"prefix sibling", opd, Scope{UnitPaths: []string{"/1/70/"}}, false},
		{"no trailing slash", Scope{UnitPaths: []string{"/1/7"}}, Scope{UnitPaths: []string{"/1/70"}}, false},
		{"zero scopes", Scope{}, Scope{}, false},
	}
	for _, c := range cases {
		if got := c.a.Overlaps(c.b); got != c.want {
			t.Errorf("%s: %+v.Overlaps(%+v) = %v, want %v", c.name, c.a, c.b, got, c.want)
		}
		if got := c.b.Overlaps(c.a); got != c.want {
			t.Errorf("%s (swapped): Overlaps = %v, want %v", c.name, got, c.want)
		}
	}
	paths := []struct {
		sc   Scope
		path string
		want bool
	}{
		{opd, "", true}, // the whole government overlaps every subtree
		{Scope{}, "", false},
		{Scope{SelfID: 1}, "", false},
		{opd, "/1/", true},
		{opd, "/1/7/5/", true},
		{opd, "/1/70/", false},
		{Scope{All: true}, "/9/", true},
	}
	for _, c := range paths {
		if got := c.sc.OverlapsPath(c.path); got != c.want {
			t.Errorf("%+v.OverlapsPath(%q) = %v, want %v", c.sc, c.path, got, c.want)
		}
	}
}

func TestScopeEmptyAndHasUnits(t *testing.T) {
	for _, c := range []struct {
		sc           Scope
		empty, units bool
	}{
		{Scope{}, true, false},
		{Scope{UnitPaths: []string{""}}, true, false},
		{Scope{SelfID: 1}, false, false},
		{Scope{UnitPaths: []string{"/1/"}}, false, true},
		{Scope{All: true}, false, true},
	} {
		if c.sc.Empty() != c.empty || c.sc.HasUnits() != c.units {
			t.Errorf("%+v: Empty %v HasUnits %v, want %v %v", c.sc, c.sc.Empty(), c.sc.HasUnits(), c.empty, c.units)
		}
	}
}

func TestInSubtree(t *testing.T) {
	for _, c := range []struct {
		path, root string
		want       bool
	}{
		{"/1/7/", "/1/7/", true},
		{"/1/7/42/", "/1/7/", true},
		{"/1/70/", "/1/7/", false},
		{"/1/70/", "/1/7", false},
		{"/1/7", "/1/7/", true},
		{"/1/", "/1/7/", false},
		{"", "/1/", false},
		{"/1/", "", false},
		{"/1/", "/", false},
	} {
		if got := InSubtree(c.path, c.root); got != c.want {
			t.Errorf("InSubtree(%q, %q) = %v, want %v", c.path, c.root, got, c.want)
		}
	}
}
