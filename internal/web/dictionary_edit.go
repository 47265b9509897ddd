package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Agencies edit their own frameworks here (see dictionary/draft.go):
// drafts live under /kamus-draf (a prefix of its own: /kamus/draf/{id}/…
// would clash with /kamus/{id}/ekspor/{format} in the router), the version
// history of a published framework at /kamus/{id}/versi. Editors are
// administrators: BKPSDM (and superadmins) for every framework that is not
// built in, a unit admin (admin OPD) for frameworks owned by a unit of
// their subtree. Drafts of others are "not found".

// frameworkEditor reports whether p may create and edit frameworks at all
// (policy.DictionaryWrite).
func frameworkEditor(p *auth.Principal) bool { return policy.Allowed(p, policy.DictionaryWrite) }

// draftListData is the page /kamus-draf.
type draftListData struct {
	Drafts []dictionary.Draft
	Notice string
}

// draftMetaData is the form of a framework's own fields.
type draftMetaData struct {
	M       dictionary.DraftMeta
	Unit    string // the owner unit select's value
	ID      int64  // 0 for a new framework
	CodeFix bool   // the code continues a published framework
	Copy    int64  // the published version a new framework is copied from (0: none)
	CopyOf  string // its code and version, for the form's hint
	Action  string
	Units   []model.OrgUnit
	AllowNo bool // the owner may be left empty (BKPSDM)
	Errors  map[string][]string
}

// draftShowData is the page of one draft.
type draftShowData struct {
	D        *dictionary.Draft
	Problems []dictionary.Problem // what publishing would refuse now
	Errors   int
	Notice   string
	Groups   []dictionary.Group
}

// CodeAt names the competency a problem's row points at ("" for the
// framework as a whole).
func (d draftShowData) CodeAt(row int) string {
	if row < 1 || row > len(d.D.F.Competencies) {
		return ""
	}
	return d.D.F.Competencies[row-1].Code
}

// problemErrors files dictionary problems under their form fields, in lang.
func problemErrors(lang i18n.Lang, ps []dictionary.Problem) map[string][]string {
	errs := map[string][]string{}
	for _, p := range ps {
		errs[p.Field] = append(errs[p.Field], p.Text(lang))
	}
	return errs
}

// draftFor loads draft {id} when p may edit it; not found otherwise.
func (s *server) draftFor(r *http.Request, p *auth.Principal, id int64) (*dictionary.Draft, error) {
	if !frameworkEditor(p) {
		return nil, errNotPermitted
	}
	d, err := s.st.Draft(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.MayEditFramework(p.Admin, d.OwnerPath)) {
		return nil, errNotPermitted
	}
	return d, err
}

// draftList shows the drafts p may edit (GET /kamus-draf).
func (s *server) draftList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if !frameworkEditor(p) {
		return errNotPermitted
	}
	list, err := s.st.Drafts(r.Context(), p.Admin)
	if err != nil {
		return err
	}
	d := &draftListData{Drafts: list}
	if r.URL.Query().Get("ok") == "discarded" {
		d.Notice = "fwedit.discarded"
	}
	s.render(w, r, http.StatusOK, "dictionary_edit_list", "fwedit.title", d)
	return nil
}

// renderDraftMeta shows the framework fields form.
func (s *server) renderDraftMeta(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, d *draftMetaData) error {
	var current *model.OrgUnit
	if id, err := strconv.ParseInt(d.Unit, 10, 64); err == nil && id > 0 {
		if u, err := s.st.Unit(r.Context(), id); err == nil && p.Administers(u) {
			current = u
		}
	}
	units, err := s.unitChoices(r.Context(), adminScope(p), current)
	if err != nil {
		return err
	}
	d.Units, d.AllowNo = units, p.Admin.All
	title := "fwedit.new"
	if d.ID != 0 {
		title = "fwedit.meta_title"
	}
	s.renderView(w, r, status, "dictionary_edit_meta", &view{Title: title, TitleArg: d.M.Name, Data: d})
	return nil
}

// readDraftMeta reads the posted framework fields.
func readDraftMeta(r *http.Request) (dictionary.DraftMeta, string) {
	g := newForm(r).Text
	m := dictionary.DraftMeta{Code: g("code"), Name: g("name"), Version: g("version"), Source: g("source"), Owner: g("owner"), Description: g("description")}
	unit := g("owner_unit")
	m.OwnerUnitID, _ = strconv.ParseInt(unit, 10, 64)
	return m, unit
}

// draftNewForm shows the form for a new framework (GET /kamus-draf/baru).
func (s *server) draftNewForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if !frameworkEditor(p) {
		return errNotPermitted
	}
	d := &draftMetaData{M: dictionary.DraftMeta{Version: "1"}, Action: "/kamus-draf/baru"}
	if !p.Admin.All && len(p.Admin.UnitPaths) > 0 {
		d.Unit = strconv.FormatInt(lastPathID(p.Admin.UnitPaths[0]), 10)
	}
	if id, err := strconv.ParseInt(r.URL.Query().Get("salin"), 10, 64); err == nil && id > 0 {
		// A copy (of the built-in digital framework, say) starts with the
		// source's fields, under a code the agency makes its own.
		f, _, err := s.st.Framework(r.Context(), id)
		if err != nil {
			return err
		}
		d.Copy, d.CopyOf = id, f.Code+" "+f.Version
		d.M = dictionary.DraftMeta{Code: f.Code + "-INSTANSI", Name: f.Name, Version: f.Version, Source: f.Source,
			Owner: f.Owner, Description: f.Description}
	}
	return s.renderDraftMeta(w, r, p, http.StatusOK, d)
}

// draftCreate starts a new framework (POST /kamus-draf/baru).
func (s *server) draftCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if !frameworkEditor(p) {
		return errNotPermitted
	}
	m, unit := readDraftMeta(r)
	dr := &dictionary.Draft{OwnerUnitID: m.OwnerUnitID, F: dictionary.Framework{Code: m.Code, Name: m.Name, Version: m.Version,
		Source: m.Source, Owner: m.Owner, Description: m.Description}}
	from, _ := strconv.ParseInt(newForm(r).Text("salin"), 10, 64)
	if from > 0 {
		err = s.st.CopyFramework(r.Context(), actor(p), from, dr, p.Admin)
	} else {
		err = s.st.CreateDraft(r.Context(), actor(p), dr, p.Admin)
	}
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/kamus-draf/%d?ok=created", dr.ID), http.StatusSeeOther)
		return nil
	}
	var de *dictionary.DraftError
	if !errors.As(err, &de) {
		return err
	}
	d := &draftMetaData{M: m, Unit: unit, Action: "/kamus-draf/baru", Copy: from, Errors: problemErrors(langOf(r), de.Problems)}
	if from > 0 {
		d.CopyOf = newForm(r).Text("salin_dari")
	}
	return s.renderDraftMeta(w, r, p, http.StatusBadRequest, d)
}

// draftShow shows a draft with what publishing would refuse
// (GET /kamus-draf/{id}).
func (s *server) draftShow(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	dr, err := s.draftFor(r, p, id)
	if err != nil {
		return err
	}
	return s.renderDraft(w, r, http.StatusOK, dr, nil, r.URL.Query().Get("ok"))
}

// renderDraft shows a draft; problems, when given, are those of a refused
// publication, else the draft's current ones.
func (s *server) renderDraft(w http.ResponseWriter, r *http.Request, status int, dr *dictionary.Draft, problems []dictionary.Problem, ok string) error {
	d := draftShowData{D: dr, Groups: dictionary.Groups, Problems: problems}
	if problems == nil {
		ps, err := s.st.DraftProblems(r.Context(), dr)
		if err != nil {
			return err
		}
		d.Problems = ps
	}
	for _, p := range d.Problems {
		if !p.Warning {
			d.Errors++
		}
	}
	switch ok {
	case "created":
		d.Notice = "fwedit.created"
	case "saved":
		d.Notice = "fwedit.saved"
	case "version":
		d.Notice = "fwedit.version_started"
	case "existing":
		d.Notice = "fwedit.version_existing"
	}
	s.renderView(w, r, status, "dictionary_edit", &view{Title: "fwedit.draft_title", TitleArg: dr.F.Name, Data: d})
	return nil
}

// draftMetaForm shows the framework fields of a draft (GET /kamus-draf/{id}/info).
func (s *server) draftMetaForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	dr, err := s.draftFor(r, p, id)
	if err != nil {
		return err
	}
	f := dr.F
	d := &draftMetaData{M: dictionary.DraftMeta{Code: f.Code, Name: f.Name, Version: f.Version, Source: f.Source, Owner: f.Owner,
		Description: f.Description, OwnerUnitID: dr.OwnerUnitID}, ID: id, CodeFix: dr.BasedOnID != 0,
		Action: fmt.Sprintf("/kamus-draf/%d/info", id)}
	if dr.OwnerUnitID != 0 {
		d.Unit = strconv.FormatInt(dr.OwnerUnitID, 10)
	}
	return s.renderDraftMeta(w, r, p, http.StatusOK, d)
}

// draftMetaSave saves the framework fields of a draft (POST /kamus-draf/{id}/info).
func (s *server) draftMetaSave(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	dr, err := s.draftFor(r, p, id)
	if err != nil {
		return err
	}
	m, unit := readDraftMeta(r)
	if dr.BasedOnID != 0 {
		m.Code = dr.F.Code
	}
	err = s.st.UpdateDraftMeta(r.Context(), actor(p), id, m, p.Admin)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/kamus-draf/%d?ok=saved", id), http.StatusSeeOther)
		return nil
	}
	var de *dictionary.DraftError
	if !errors.As(err, &de) {
		return err
	}
	d := &draftMetaData{M: m, Unit: unit, ID: id, CodeFix: dr.BasedOnID != 0, Action: fmt.Sprintf("/kamus-draf/%d/info", id),
		Errors: problemErrors(langOf(r), de.Problems)}
	return s.renderDraftMeta(w, r, p, http.StatusBadRequest, d)
}

// draftPublish freezes a draft as a new framework version (POST
// /kamus-draf/{id}/terbitkan); a refused draft shows every problem.
func (s *server) draftPublish(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	dr, err := s.draftFor(r, p, id)
	if err != nil {
		return err
	}
	fid, err := s.st.PublishDraft(r.Context(), actor(p), id, p.Admin)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/kamus/%d/versi?ok=published", fid), http.StatusSeeOther)
		return nil
	}
	var de *dictionary.DraftError
	if !errors.As(err, &de) {
		if apperr.Code(err) == apperr.ENOTFOUND {
			err = errNotPermitted
		}
		return err
	}
	return s.renderDraft(w, r, http.StatusBadRequest, dr, de.Problems, "")
}

// draftDiscard deletes a draft (POST /kamus-draf/{id}/hapus).
func (s *server) draftDiscard(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.draftFor(r, p, id); err != nil {
		return err
	}
	if err := s.st.DiscardDraft(r.Context(), actor(p), id, p.Admin); err != nil {
		if apperr.Code(err) == apperr.ENOTFOUND {
			err = errNotPermitted
		}
		return err
	}
	http.Redirect(w, r, "/kamus-draf?ok=discarded", http.StatusSeeOther)
	return nil
}
