package web

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// crumb is one step of a breadcrumb; Link is false for units outside the
// user's scope, which are shown as text only.
type crumb struct {
	ID   int64
	Name string
	Link bool
}

// unitRow is a child unit with the employees of its subtree.
type unitRow struct {
	model.OrgUnit
	Count int
}

// orgData is one level of the organisation tree.
type orgData struct {
	Unit          *model.OrgUnit
	Crumbs        []crumb
	Children      []unitRow
	MoreChildren  bool // more than maxOrgRows children; the rest are not listed
	Positions     []model.Position
	MorePositions bool // more than maxOrgRows positions
	Count         int
	Roots         []unitRow                // the top of what the user sees, on /organisasi
	Acting        []model.ActingAssignment // Plt./Plh. of the unit's posts, in force or to come
	CanAct        bool                     // may record them (policy.OrgWrite)
}

// maxOrgRows caps the children and the positions one unit page lists.
const maxOrgRows = 500

// orgRoot shows the top of the tree the user may see (GET /organisasi):
// the root for whole-government users, the units of their scope otherwise.
func (s *server) orgRoot(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var roots []model.OrgUnit
	if p.Scope.All {
		var err error
		if roots, err = s.st.ChildUnits(ctx, 0); err != nil {
			return err
		}
	} else {
		seen := map[int64]bool{}
		for _, path := range topPaths(p.Scope.UnitPaths) {
			id := lastPathID(path)
			if id == 0 || seen[id] {
				continue
			}
			seen[id] = true
			u, err := s.st.Unit(ctx, id)
			if apperr.Code(err) == apperr.ENOTFOUND {
				continue
			}
			if err != nil {
				return err
			}
			roots = append(roots, *u)
		}
	}
	if len(roots) == 1 {
		http.Redirect(w, r, fmt.Sprintf("/organisasi/%d", roots[0].ID), http.StatusSeeOther)
		return nil
	}
	d := orgData{}
	for _, u := range roots {
		d.Roots = append(d.Roots, unitRow{OrgUnit: u, Count: -1})
	}
	sort.Slice(d.Roots, func(i, j int) bool { return d.Roots[i].Name < d.Roots[j].Name })
	s.render(w, r, http.StatusOK, "org", "org.title", d)
	return nil
}

// orgUnit shows one unit: breadcrumbs, children with employee counts, its
// positions, and a link to its employees (GET /organisasi/{id}).
func (s *server) orgUnit(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u, err := s.st.Unit(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !unitVisible(p, u)) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	d := orgData{Unit: u}
	anc, err := s.st.Ancestors(ctx, id)
	if err != nil {
		return err
	}
	for _, a := range anc {
		if a.ID != u.ID {
			d.Crumbs = append(d.Crumbs, crumb{ID: a.ID, Name: a.Name, Link: unitVisible(p, &a)})
		}
	}
	children, more, err := s.st.ChildUnitsPage(ctx, id, maxOrgRows)
	if err != nil {
		return err
	}
	counts, err := s.unitCounts(ctx, id, children, more)
	if err != nil {
		return err
	}
	d.Count, d.MoreChildren = counts[id], more
	for _, c := range children {
		d.Children = append(d.Children, unitRow{OrgUnit: c, Count: counts[c.ID]})
	}
	if d.Positions, d.MorePositions, err = s.st.UnitPositions(ctx, id, maxOrgRows); err != nil {
		return err
	}
	if d.Acting, err = s.st.ActingAssignments(ctx, store.ActingFilter{UnitID: id, Current: true}); err != nil {
		return err
	}
	d.CanAct = p.Can(policy.OrgWrite)
	v := &view{Title: "org.title", TitleArg: u.Name, Data: d}
	s.renderView(w, r, http.StatusOK, "org", v)
	return nil
}

// topPaths drops the paths that lie inside another path of the list.
func topPaths(paths []string) []string {
	var out []string
	for i, p := range paths {
		inner := false
		for j, q := range paths {
			if i != j && strings.HasPrefix(p, q) && (p != q || j < i) {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, p)
		}
	}
	return out
}

// lastPathID returns the unit ID at the end of a materialised path.
func lastPathID(path string) int64 {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	id, _ := strconv.ParseInt(parts[len(parts)-1], 10, 64)
	return id
}
