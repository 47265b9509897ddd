package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// unitVisible reports whether unit u lies in a subtree p may see.
func unitVisible(p *auth.Principal, u *model.OrgUnit) bool {
	if p.Scope.All {
		return true
	}
	for _, path := range p.Scope.UnitPaths {
		if strings.HasPrefix(u.Path, path) {
			return true
		}
	}
	return false
}

// adminScope is the part of p's scope that p administers: the whole
// government, or unit subtrees. An admin's own record and direct reports
// are not administered through it.
func adminScope(p *auth.Principal) model.Scope {
	return model.Scope{All: p.Scope.All, UnitPaths: p.Scope.UnitPaths}
}

// visibleUnits returns the units p may see, in tree order (depth, name).
func (s *server) visibleUnits(ctx context.Context, p *auth.Principal) ([]model.OrgUnit, error) {
	all, err := s.st.Units(ctx)
	if err != nil {
		return nil, err
	}
	if p.Scope.All {
		return treeOrder(all), nil
	}
	var out []model.OrgUnit
	for _, u := range all {
		if unitVisible(p, &u) {
			out = append(out, u)
		}
	}
	return treeOrder(out), nil
}

// treeOrder sorts units depth-first, children by name, so that an indented
// list reads as a tree. Units whose parent is absent start new roots.
func treeOrder(units []model.OrgUnit) []model.OrgUnit {
	byParent := map[int64][]model.OrgUnit{}
	present := map[int64]bool{}
	for _, u := range units {
		present[u.ID] = true
	}
	var roots []model.OrgUnit
	for _, u := range units { // Units() is already by depth, name
		if present[u.ParentID] {
			byParent[u.ParentID] = append(byParent[u.ParentID], u)
		} else {
			roots = append(roots, u)
		}
	}
	out := make([]model.OrgUnit, 0, len(units))
	var walk func(u model.OrgUnit)
	walk = func(u model.OrgUnit) {
		out = append(out, u)
		for _, c := range byParent[u.ID] {
			walk(c)
		}
	}
	for _, r := range roots {
		walk(r)
	}
	return out
}

// pathID reads the {id} path value; anything but a positive integer is
// "not found".
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotPermitted
	}
	return id, nil
}

// employeeInScope loads employee id when it is visible in sc, and answers
// not found (without saying whether it exists) otherwise.
func (s *server) employeeInScope(ctx context.Context, sc model.Scope, id int64) (*store.EmployeeView, error) {
	ok, err := s.st.InScope(ctx, sc, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errNotPermitted
	}
	e, err := s.st.Employee(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, errNotPermitted
	}
	return e, err
}

// actor is who makes a change, for the audit log.
func actor(p *auth.Principal) model.Actor {
	return model.Actor{UserID: p.User.ID, Name: p.User.Username}
}
