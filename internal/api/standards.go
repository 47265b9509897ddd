package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// frameworkJSON is a stored framework version as lists show it.
type frameworkJSON struct {
	ID           int64     `json:"id"`
	Code         string    `json:"code"`
	Version      string    `json:"version"`
	Name         string    `json:"name"`
	Source       string    `json:"source"`
	Owner        string    `json:"owner"`
	Description  string    `json:"description"`
	BuiltIn      bool      `json:"builtin"`
	Competencies int       `json:"competency_count"`
	CreatedAt    time.Time `json:"created_at"`
}

func toFrameworkJSON(fi *store.FrameworkInfo) frameworkJSON {
	return frameworkJSON{ID: fi.ID, Code: fi.Code, Version: fi.Version, Name: fi.Name, Source: fi.Source, Owner: fi.Owner,
		Description: fi.Description, BuiltIn: fi.BuiltIn, Competencies: fi.Competencies, CreatedAt: fi.CreatedAt}
}

// competencyJSON is a competency with its stored ID and five levels.
type competencyJSON struct {
	ID int64 `json:"id"`
	dictionary.Competency
}

// frameworkDetailJSON is one framework with its competencies.
type frameworkDetailJSON struct {
	frameworkJSON
	Competencies []competencyJSON `json:"competencies"`
}

// listFrameworks returns every stored framework version; the dictionary is
// readable by every signed-in caller.
func (a *API) listFrameworks(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	list, err := a.st.Frameworks(r.Context())
	if err != nil {
		return err
	}
	items := make([]frameworkJSON, 0, len(list))
	for i := range list {
		items = append(items, toFrameworkJSON(&list[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
	return nil
}

// getFramework returns one framework version with its competencies and
// their levels.
func (a *API) getFramework(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	list, err := a.st.Frameworks(r.Context())
	if err != nil {
		return err
	}
	var out *frameworkDetailJSON
	for i := range list {
		if list[i].ID == id {
			out = &frameworkDetailJSON{frameworkJSON: toFrameworkJSON(&list[i])}
		}
	}
	if out == nil {
		return apperr.New(apperr.ENOTFOUND, "err.standard.framework_not_found", id)
	}
	f, ids, err := a.st.Framework(r.Context(), id)
	if err != nil {
		return err
	}
	out.Competencies = make([]competencyJSON, 0, len(f.Competencies))
	for i, c := range f.Competencies {
		if c.Tags == nil {
			c.Tags = []string{}
		}
		for l := range c.Levels {
			if c.Levels[l].Indicators == nil {
				c.Levels[l].Indicators = []string{}
			}
		}
		out.Competencies = append(out.Competencies, competencyJSON{ID: ids[i], Competency: c})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// standardJSON is the current standard of a position; Standard is null
// when the position has none.
type standardJSON struct {
	PositionID int64           `json:"position_id"`
	Standard   *model.Standard `json:"standard"`
}

// getStandard returns a position's current standard (positions, like the
// unit tree, are visible to every signed-in caller).
func (a *API) getStandard(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	tg, err := a.positionTarget(r.Context(), p, id)
	if err != nil {
		return err
	}
	if !policy.May(p, policy.StandardRead, tg) {
		// As the page: readers of the position's unit, its holder and
		// whoever edits standards.
		return apperr.New(apperr.ENOTFOUND, "err.api.no_record_with_id", r.PathValue("id"))
	}
	cur, err := a.st.CurrentStandard(r.Context(), id)
	if err != nil {
		return err
	}
	if cur != nil && cur.Items == nil {
		cur.Items = []model.StandardItem{}
	}
	writeJSON(w, http.StatusOK, standardJSON{PositionID: id, Standard: cur})
	return nil
}

// standardInput is the body of PUT /positions/{id}/standard.
type standardInput struct {
	DecreeNo   string              `json:"decree_no"`
	DecreeDate string              `json:"decree_date"`
	Items      []standardItemInput `json:"items"`
}

// standardItemInput is one competency of a new standard; weight 0 or
// absent means 1, mandatory absent means true.
type standardItemInput struct {
	CompetencyID int64 `json:"competency_id"`
	Required     int   `json:"required"`
	Weight       int   `json:"weight"`
	Mandatory    *bool `json:"mandatory"`
}

// putStandard stores a new standard for a position (the previous one
// becomes history) and returns it.
func (a *API) putStandard(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.st.Position(r.Context(), id); err != nil {
		return err
	}
	var in standardInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	items := make([]model.StandardItem, 0, len(in.Items))
	for _, it := range in.Items {
		m := true
		if it.Mandatory != nil {
			m = *it.Mandatory
		}
		items = append(items, model.StandardItem{CompetencyID: it.CompetencyID, Required: it.Required, Weight: it.Weight, Mandatory: m})
	}
	if _, err := a.st.SetStandard(r.Context(), actor(p), id, in.DecreeNo, in.DecreeDate, items); err != nil {
		return err
	}
	cur, err := a.st.CurrentStandard(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, standardJSON{PositionID: id, Standard: cur})
	return nil
}
