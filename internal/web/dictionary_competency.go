package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
)

// levelForm is one level of the competency form.
type levelForm struct {
	N                              int
	Title, Description, Indicators string
}

// competencyFormData is the form of one competency of a draft.
type competencyFormData struct {
	D       *dictionary.Draft
	OldCode string
	C       dictionary.Competency
	Tags    string
	Levels  []levelForm
	Parents []string // codes that may be the parent
	Groups  []dictionary.Group
	Kinds   []string
	Errors  map[string][]string
}

// newCompetencyForm fills the form of competency c.
func newCompetencyForm(dr *dictionary.Draft, oldCode string, c dictionary.Competency) *competencyFormData {
	d := &competencyFormData{D: dr, OldCode: oldCode, C: c, Tags: strings.Join(c.Tags, ", "), Groups: dictionary.Groups,
		Kinds: []string{dictionary.KindHard, dictionary.KindSoft}}
	for i, l := range c.Levels {
		d.Levels = append(d.Levels, levelForm{N: i + 1, Title: l.Title, Description: l.Description, Indicators: strings.Join(l.Indicators, "\n")})
	}
	for _, o := range dr.F.Competencies {
		if oldCode == "" || o.Code != oldCode {
			d.Parents = append(d.Parents, o.Code)
		}
	}
	return d
}

// competencyForm shows the form of one competency of a draft, or of a new
// one without ?kode (GET /kamus-draf/{id}/kompetensi).
func (s *server) competencyForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	dr, err := s.draftFor(r, p, id)
	if err != nil {
		return err
	}
	code := r.URL.Query().Get("kode")
	c := dictionary.Competency{Group: dictionary.GroupTeknis, Kind: dictionary.KindHard}
	for i := range c.Levels {
		c.Levels[i].Title = dictionary.ProficiencyTitles[i]
	}
	if code != "" {
		found := dr.F.Find(code)
		if found == nil || found.Code != code {
			return errNotPermitted
		}
		c = *found
	}
	s.renderView(w, r, http.StatusOK, "dictionary_edit_competency", &view{Title: "fwedit.competency_title", TitleArg: c.Name,
		Data: newCompetencyForm(dr, code, c)})
	return nil
}

// splitTags reads tags separated by commas, semicolons or spaces.
func splitTags(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '\n' || r == '\t' || r == '\r' })
}

// competencySave adds or changes a competency of a draft (POST
// /kamus-draf/{id}/kompetensi); problems come back beside their fields.
func (s *server) competencySave(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	dr, err := s.draftFor(r, p, id)
	if err != nil {
		return err
	}
	g := newForm(r).Text
	oldCode := r.PostFormValue("old_code")
	c := dictionary.Competency{Code: g("code"), Name: g("name"), Definition: g("definition"), Group: dictionary.Group(g("group")),
		Kind: g("kind"), ParentCode: g("parent_code"), Tags: splitTags(r.PostFormValue("tags"))}
	for i := range c.Levels {
		n := strconv.Itoa(i + 1)
		c.Levels[i] = dictionary.Level{Title: g("level_" + n + "_title"), Description: g("level_" + n),
			Indicators: strings.Split(strings.ReplaceAll(r.PostFormValue("indicators_"+n), "\r\n", "\n"), "\n")}
	}
	err = s.st.SaveDraftCompetency(r.Context(), actor(p), id, oldCode, c, p.Admin)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/kamus-draf/%d?ok=saved#competency-%s", id, url.PathEscape(c.Code)), http.StatusSeeOther)
		return nil
	}
	var de *dictionary.DraftError
	errs := map[string][]string{}
	switch {
	case errors.As(err, &de):
		errs = problemErrors(langOf(r), de.Problems)
	case apperr.Code(err) == apperr.ENOTFOUND:
		return errNotPermitted
	case !storeFieldError(langOf(r), err, errs):
		return err
	}
	d := newCompetencyForm(dr, oldCode, c)
	d.Tags = r.PostFormValue("tags")
	for i := range d.Levels {
		d.Levels[i].Indicators = r.PostFormValue("indicators_" + strconv.Itoa(i+1))
	}
	d.Errors = errs
	s.renderView(w, r, http.StatusBadRequest, "dictionary_edit_competency", &view{Title: "fwedit.competency_title", TitleArg: c.Name, Data: d})
	return nil
}

// competencyDelete removes a competency from a draft (POST
// /kamus-draf/{id}/kompetensi/hapus).
func (s *server) competencyDelete(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.draftFor(r, p, id); err != nil {
		return err
	}
	if err := s.st.DeleteDraftCompetency(r.Context(), actor(p), id, r.PostFormValue("kode"), p.Admin); err != nil {
		if apperr.Code(err) == apperr.ENOTFOUND {
			err = errNotPermitted
		}
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/kamus-draf/%d?ok=saved", id), http.StatusSeeOther)
	return nil
}
