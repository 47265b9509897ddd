package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
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

// versionsData is the page /kamus/{id}/versi.
type versionsData struct {
	Info       store.FrameworkInfo
	Versions   []store.FrameworkVersion
	CanVersion bool
	DraftID    int64 // the code's draft when the user may edit it
	BuiltIn    bool
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
	g := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
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
	err = s.st.CreateDraft(r.Context(), actor(p), dr, p.Admin)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/kamus-draf/%d?ok=created", dr.ID), http.StatusSeeOther)
		return nil
	}
	var de *dictionary.DraftError
	if !errors.As(err, &de) {
		return err
	}
	d := &draftMetaData{M: m, Unit: unit, Action: "/kamus-draf/baru", Errors: problemErrors(langOf(r), de.Problems)}
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
	g := func(k string) string { return strings.TrimSpace(r.PostFormValue(k)) }
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
	d := &versionsData{Info: info, BuiltIn: own.BuiltIn, CanVersion: policy.MayVersionFramework(p.Admin, own.BuiltIn, own.OwnerPath)}
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
