package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/policy"
)

// The version history of a framework code, as the page /kamus/{id}/versi
// shows it (web/dictionary_edit.go): readable by every signed-in caller,
// like the dictionary itself.

// frameworkVersionJSON is one published version with what points at it.
type frameworkVersionJSON struct {
	ID               int64     `json:"id"`
	BasedOnID        *int64    `json:"based_on_id"`
	Version          string    `json:"version"`
	Name             string    `json:"name"`
	BuiltIn          bool      `json:"builtin"`
	CreatedAt        time.Time `json:"created_at"`
	OwnerUnitName    string    `json:"owner_unit_name"`
	Competencies     int       `json:"competency_count"`
	Ratings          int       `json:"rating_count"`
	CurrentStandards int       `json:"current_standard_count"`
	OldStandards     int       `json:"old_standard_count"`
	Templates        int       `json:"template_count"`
	// The counts stop at store.UsageCap; these say a count was capped.
	RatingsMore          bool `json:"rating_count_more"`
	CurrentStandardsMore bool `json:"current_standard_count_more"`
	OldStandardsMore     bool `json:"old_standard_count_more"`
}

// frameworkVersionsJSON answers GET /frameworks/{id}/versions.
type frameworkVersionsJSON struct {
	FrameworkID int64  `json:"framework_id"`
	Code        string `json:"code"`
	BuiltIn     bool   `json:"builtin"`
	// CanVersion tells whether the caller may start a new version (on the
	// web pages); DraftID is the draft under way, shown only to them.
	CanVersion bool                   `json:"can_version"`
	DraftID    *int64                 `json:"draft_id"`
	Items      []frameworkVersionJSON `json:"items"`
}

// frameworkVersions lists the published versions of the code of framework
// {id}, newest first, with the ratings, standards and template rows that
// use each.
func (a *API) frameworkVersions(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	own, err := a.st.FrameworkOwner(ctx, id) // not found for an unknown id
	if err != nil {
		return err
	}
	list, err := a.st.FrameworkVersions(ctx, own.Code)
	if err != nil {
		return err
	}
	out := frameworkVersionsJSON{FrameworkID: id, Code: own.Code, BuiltIn: own.BuiltIn,
		CanVersion: policy.MayVersionFramework(p.Admin, own.BuiltIn, own.OwnerPath), Items: make([]frameworkVersionJSON, 0, len(list))}
	if out.CanVersion {
		draft, err := a.st.DraftOf(ctx, own.Code)
		if err != nil {
			return err
		}
		out.DraftID = ptrID(draft)
	}
	for _, v := range list {
		out.Items = append(out.Items, frameworkVersionJSON{ID: v.ID, BasedOnID: ptrID(v.BasedOnID), Version: v.Version, Name: v.Name,
			BuiltIn: v.BuiltIn, CreatedAt: v.CreatedAt, OwnerUnitName: v.OwnerUnitName, Competencies: v.Competencies,
			Ratings: v.Ratings, CurrentStandards: v.CurrentStandards, OldStandards: v.OldStandards, Templates: v.Templates,
			RatingsMore: v.RatingsMore, CurrentStandardsMore: v.CurrentStandardsMore, OldStandardsMore: v.OldStandardsMore})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
