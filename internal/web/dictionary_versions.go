package web

import (
	"fmt"
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// versionsData is the page /kamus/{id}/versi.
type versionsData struct {
	Info       store.FrameworkInfo
	Versions   []store.FrameworkVersion
	CanVersion bool
	DraftID    int64 // the code's draft when the user may edit it
	BuiltIn    bool
	CanCopy    bool // a built-in framework the user may copy into an agency framework
	Notice     string
}

// Capped reports whether a count of the page is a lower bound (see
// store.UsageCap), which a hint under the table then explains.
func (d versionsData) Capped() bool {
	for _, v := range d.Versions {
		if v.RatingsMore || v.CurrentStandardsMore || v.OldStandardsMore {
			return true
		}
	}
	return false
}

// Cap is where the counts stop.
func (versionsData) Cap() int { return store.UsageCap }

// frameworkVersions shows the versions of a framework's code with what
// points at each, and to editors the way to a new version (GET /kamus/{id}/versi).
func (s *server) frameworkVersions(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	info, err := s.frameworkInfo(r, id)
	if err != nil {
		return err
	}
	own, err := s.st.FrameworkOwner(r.Context(), id)
	if err != nil {
		return err
	}
	d := &versionsData{Info: info, BuiltIn: own.BuiltIn, CanVersion: policy.MayVersionFramework(p.Admin, own.BuiltIn, own.OwnerPath),
		CanCopy: own.BuiltIn && frameworkEditor(p)}
	if d.Versions, err = s.st.FrameworkVersions(r.Context(), info.Code); err != nil {
		return err
	}
	if d.CanVersion {
		if d.DraftID, err = s.st.DraftOf(r.Context(), info.Code); err != nil {
			return err
		}
	}
	if r.URL.Query().Get("ok") == "published" {
		d.Notice = "fwedit.published"
	}
	v := &view{Title: "fwedit.versions_title", TitleArg: info.Name, Data: d}
	s.renderView(w, r, http.StatusOK, "dictionary_edit_versions", v)
	return nil
}

// frameworkNewVersion starts (or reopens) the draft of the next version of
// a framework (POST /kamus/{id}/versi-baru).
func (s *server) frameworkNewVersion(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if !frameworkEditor(p) {
		return errNotPermitted
	}
	did, existing, err := s.st.NewVersionDraft(r.Context(), actor(p), id, p.Admin)
	if err != nil {
		if apperr.Code(err) == apperr.ENOTFOUND {
			err = errNotPermitted
		}
		return err
	}
	ok := "version"
	if existing {
		ok = "existing"
	}
	http.Redirect(w, r, fmt.Sprintf("/kamus-draf/%d?ok=%s", did, ok), http.StatusSeeOther)
	return nil
}
