package api

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// positionJSON is a position (jabatan) as the API shows it.
type positionJSON struct {
	ID      int64  `json:"id"`
	Code    string `json:"code"`
	Title   string `json:"title"`
	Type    string `json:"type"`
	Jenjang string `json:"jenjang"`
	UnitID  int64  `json:"unit_id"`
	IsHead  bool   `json:"is_head"`
}

func toPositionJSON(p *model.Position) positionJSON {
	return positionJSON{ID: p.ID, Code: p.Code, Title: p.Title, Type: string(p.Type), Jenjang: p.Jenjang, UnitID: p.UnitID, IsHead: p.IsHead}
}

// positionInput is the body of POST and PUT /positions; absent fields keep
// their current value on PUT.
type positionInput struct {
	Code    *string `json:"code"`
	Title   *string `json:"title"`
	Type    *string `json:"type"`
	Jenjang *string `json:"jenjang"`
	UnitID  *int64  `json:"unit_id"`
	IsHead  *bool   `json:"is_head"`
}

func (in *positionInput) apply(p *model.Position) {
	if in.Code != nil {
		p.Code = *in.Code
	}
	if in.Title != nil {
		p.Title = *in.Title
	}
	if in.Type != nil {
		p.Type = model.PositionType(*in.Type)
	}
	if in.Jenjang != nil {
		p.Jenjang = *in.Jenjang
	}
	if in.UnitID != nil {
		p.UnitID = *in.UnitID
	}
	if in.IsHead != nil {
		p.IsHead = *in.IsHead
	}
}

// listPositions returns the positions of one unit (unit_id) or all of them.
// Like the unit tree, positions are visible to every signed-in caller.
func (a *API) listPositions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	unitID, err := queryInt(r, "unit_id")
	if err != nil {
		return err
	}
	if unitID != 0 {
		if err := a.checkUnit(r, &unitID); err != nil {
			return err
		}
	}
	var ps []model.Position
	var next any // null: no more pages
	if unitID != 0 {
		ps, err = a.st.Positions(r.Context(), unitID) // one unit's posts: a short list
	} else {
		// Every post of the pemda, a page at a time (a province has
		// hundreds of thousands).
		var off, lim int64
		if off, err = queryInt(r, "offset"); err != nil {
			return err
		}
		if lim, err = queryInt(r, "limit"); err != nil {
			return err
		}
		if lim <= 0 || lim > 1000 {
			lim = 500
		}
		var more bool
		ps, more, err = a.st.PositionsPage(r.Context(), int(off), int(lim))
		if more {
			next = off + int64(len(ps))
		}
	}
	if err != nil {
		return err
	}
	items := make([]positionJSON, 0, len(ps))
	for i := range ps {
		items = append(items, toPositionJSON(&ps[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "next_offset": next})
	return nil
}

func (a *API) getPosition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	pos, err := a.st.Position(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toPositionJSON(pos))
	return nil
}

func (a *API) createPosition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in positionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := a.checkUnit(r, in.UnitID); err != nil {
		return err
	}
	var pos model.Position
	in.apply(&pos)
	if err := a.st.CreatePosition(r.Context(), actor(p), &pos); err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/positions/"+itoa(pos.ID))
	writeJSON(w, http.StatusCreated, toPositionJSON(&pos))
	return nil
}

func (a *API) updatePosition(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	pos, err := a.st.Position(r.Context(), id)
	if err != nil {
		return err
	}
	var in positionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := a.checkUnit(r, in.UnitID); err != nil {
		return err
	}
	in.apply(pos)
	if err := a.st.UpdatePosition(r.Context(), actor(p), pos); err != nil {
		return err
	}
	if pos, err = a.st.Position(r.Context(), id); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toPositionJSON(pos))
	return nil
}

// checkUnit reports an invalid unit_id when id is given and names no unit.
func (a *API) checkUnit(r *http.Request, id *int64) error {
	if id == nil || *id == 0 {
		return nil
	}
	if _, err := a.st.Unit(r.Context(), *id); apperr.Code(err) == apperr.ENOTFOUND {
		return apperr.Invalid("unit_id", "err.common.unit_does_not_exist", *id)
	} else if err != nil {
		return err
	}
	return nil
}
