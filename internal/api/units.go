package api

import (
	"net/http"
	"sort"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// unitJSON is an organisation unit as the API shows it.
type unitJSON struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	ParentID *int64 `json:"parent_id"`
	Path     string `json:"path"`
	Depth    int    `json:"depth"`
}

func toUnitJSON(u *model.OrgUnit) unitJSON {
	return unitJSON{ID: u.ID, Code: u.Code, Name: u.Name, Kind: string(u.Kind), ParentID: ptrID(u.ParentID), Path: u.Path, Depth: u.Depth}
}

// unitInput is the body of POST and PUT /units; absent fields keep their
// current value on PUT.
type unitInput struct {
	Code     *string `json:"code"`
	Name     *string `json:"name"`
	Kind     *string `json:"kind"`
	ParentID *int64  `json:"parent_id"`
}

func (in *unitInput) apply(u *model.OrgUnit) {
	if in.Code != nil {
		u.Code = *in.Code
	}
	if in.Name != nil {
		u.Name = *in.Name
	}
	if in.Kind != nil {
		u.Kind = model.UnitKind(*in.Kind)
	}
}

// listUnits returns the organisation tree as a flat list in tree order
// (each unit followed by its subtree, siblings by name), a page at a time.
// The tree is not confidential: every signed-in caller sees all of it.
func (a *API) listUnits(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	units, err := a.st.Units(r.Context())
	if err != nil {
		return err
	}
	children := map[int64][]*model.OrgUnit{}
	known := map[int64]bool{}
	for i := range units {
		known[units[i].ID] = true
	}
	for i := range units {
		u := &units[i]
		parent := u.ParentID
		if !known[parent] {
			parent = 0
		}
		children[parent] = append(children[parent], u)
	}
	items := make([]unitJSON, 0, len(units))
	var walk func(id int64)
	walk = func(id int64) {
		kids := children[id]
		sort.SliceStable(kids, func(i, j int) bool { return kids[i].Name < kids[j].Name })
		for _, k := range kids {
			items = append(items, toUnitJSON(k))
			walk(k.ID)
		}
	}
	walk(0)
	// A province has tens of thousands of units: the list is paged in tree
	// order (default 1,000 per page).
	off, err := queryInt(r, "offset")
	if err != nil {
		return err
	}
	lim, err := queryInt(r, "limit")
	if err != nil {
		return err
	}
	if lim <= 0 || lim > 5000 {
		lim = 1000
	}
	off = min(max(off, 0), int64(len(items)))
	end := min(off+lim, int64(len(items)))
	var next any // null on the last page
	if end < int64(len(items)) {
		next = end
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items[off:end], "next_offset": next})
	return nil
}

func (a *API) getUnit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, err := a.st.Unit(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toUnitJSON(u))
	return nil
}

func (a *API) createUnit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in unitInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	var u model.OrgUnit
	in.apply(&u)
	if in.ParentID != nil {
		u.ParentID = *in.ParentID
	}
	if err := a.st.CreateUnit(r.Context(), actor(p), &u); err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/units/"+itoa(u.ID))
	writeJSON(w, http.StatusCreated, toUnitJSON(&u))
	return nil
}

func (a *API) updateUnit(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	u, err := a.st.Unit(r.Context(), id)
	if err != nil {
		return err
	}
	var in unitInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.ParentID != nil && *in.ParentID != u.ParentID {
		return apperr.Invalid("parent_id", "err.unit.move_not_by_put")
	}
	in.apply(u)
	if err := a.st.UpdateUnit(r.Context(), actor(p), u); err != nil {
		return err
	}
	if u, err = a.st.Unit(r.Context(), id); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toUnitJSON(u))
	return nil
}
