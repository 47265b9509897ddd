package web

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// unitVisible reports whether unit u lies in a subtree p may see.
func unitVisible(p *auth.Principal, u *model.OrgUnit) bool { return p.Sees(u) }

// adminScope is the part of p's scope that p administers (see
// auth.Principal.Admin): the whole government for BKPSDM admins and
// superadmins, the administered unit's subtree for a unit admin. Units the
// admin merely heads, their own record and their direct reports are read,
// not administered.
func adminScope(p *auth.Principal) model.Scope { return p.Admin }

// maxUnitOptions is the largest number of units a unit select offers.
const maxUnitOptions = 300

// unitChoices returns the units a unit select offers for scope sc: the top
// of its tree (for the whole government the roots and their children, the
// OPDs; otherwise the root of each subtree and its children) in tree
// order, at most maxUnitOptions, and first the unit current (nil: none)
// when it is not among them. Deeper units are reached from the
// organisation tree or by code. A few indexed queries; never every unit.
func (s *server) unitChoices(ctx context.Context, sc model.Scope, current *model.OrgUnit) ([]model.OrgUnit, error) {
	var ids []int64
	if !sc.All {
		for _, path := range topPaths(sc.UnitPaths) {
			if id := lastPathID(path); id != 0 {
				ids = append(ids, id)
			}
		}
		if len(ids) == 0 {
			if current == nil {
				return nil, nil
			}
			return []model.OrgUnit{*current}, nil
		}
	}
	// The top of a tree changes rarely, and every list page shows it: keep
	// it briefly (countCacheTTL) per set of roots, and drop it whenever this
	// process writes anything (Store.Writes), so a unit created or renamed
	// here shows at once. A change made on another app node shows within
	// the TTL. The scope decided ids above; the cache never widens it.
	key := fmt.Sprint(ids)
	top, ok := s.topUnits.Get(key)
	if !ok {
		gen := s.topUnits.Gen()
		var err error
		if top, err = s.st.TopUnits(ctx, ids, maxUnitOptions); err != nil {
			return nil, err
		}
		top = treeOrder(top)
		s.topUnits.PutAt(gen, key, top)
	}
	minDepth := 0
	for i, u := range top {
		if i == 0 || u.Depth < minDepth {
			minDepth = u.Depth
		}
	}
	out := make([]model.OrgUnit, 0, len(top)+1)
	if current != nil && !slices.ContainsFunc(top, func(u model.OrgUnit) bool { return u.ID == current.ID }) {
		c := *current
		c.Depth = 0
		out = append(out, c)
	}
	for _, u := range top {
		u.Depth -= minDepth // indentation only
		out = append(out, u)
	}
	return out, nil
}

// treeOrder sorts units depth-first, children by name, so that an indented
// list reads as a tree. Units whose parent is absent start new roots. The
// input must be ordered by depth, then name.
func treeOrder(units []model.OrgUnit) []model.OrgUnit {
	byParent := map[int64][]model.OrgUnit{}
	present := map[int64]bool{}
	for _, u := range units {
		present[u.ID] = true
	}
	var roots []model.OrgUnit
	for _, u := range units {
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

// userID is user for routes with an {id}: it also reads the ID.
func (s *server) userID(r *http.Request) (*auth.Principal, int64, error) {
	p, err := s.user(r)
	if err != nil {
		return nil, 0, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, 0, err
	}
	return p, id, nil
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
