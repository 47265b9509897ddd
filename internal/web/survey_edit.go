package web

import (
	"context"
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

// Building a survey: /kuesioner/baru creates it with the three usual
// questions already in (competencies of one framework, preferred forms, a
// free answer), so that most administrators only set title, unit and
// dates; /kuesioner/{id}/ubah edits the details and, until the first
// answer, adds and removes questions. Plain forms, no script.

// The default questions speak to the respondents, who read Indonesian,
// whatever language the administrator's screen is in; they can be
// replaced on the edit page.
const (
	defaultPromptCompetencies = "Kompetensi apa yang paling perlu Anda kembangkan dalam satu tahun ke depan?"
	defaultPromptForms        = "Bentuk pengembangan kompetensi apa yang paling Anda sukai?"
	defaultPromptText         = "Kebutuhan pengembangan lain atau saran (boleh dikosongkan)"
	defaultCompetencyPicks    = 5
	defaultFormPicks          = 3
)

// allFrameworks is the framework choice that offers every competency.
const allFrameworks = "*"

// surveyForm is the survey's own fields as typed.
type surveyForm struct {
	Title, Intro, Unit, UnitCode string
	OpensOn, ClosesOn            string
	// On the new-survey form only: the framework of the default
	// competencies question and whether to add the other two.
	Framework  string
	Picks      string
	Forms, Txt bool
}

// fwGroup is the competencies of one framework, for checkboxes and selects.
type fwGroup struct {
	Code, Name string
	Items      []model.StandardItem
}

// questionForm is the add-question form as typed.
type questionForm struct {
	Kind, Prompt, Picks string
	Required            bool
	Picked              map[int64]bool
}

// surveyEditData is what survey_new.html and survey_edit.html show.
type surveyEditData struct {
	SV     *model.Survey // nil on the new-survey form
	F      surveyForm
	Q      questionForm
	Units  []model.OrgUnit
	Groups []fwGroup
	Kinds  []string
	State  string
	Error  string
	Notice string // catalogue key
}

// surveyAdmin is user for the building pages: an administrator of
// some part of the organisation.
func (s *server) surveyAdmin(r *http.Request) (*auth.Principal, error) {
	p, err := s.user(r)
	if err != nil {
		return nil, err
	}
	if !canManageSurveys(p) {
		return nil, errForbidden
	}
	return p, nil
}

// managedSurvey loads survey {id} when p administers its scope unit, and
// returns "not found" otherwise.
func (s *server) managedSurvey(r *http.Request) (*auth.Principal, *model.Survey, error) {
	p, err := s.surveyAdmin(r)
	if err != nil {
		return nil, nil, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, nil, err
	}
	sv, err := s.st.Survey(r.Context(), id)
	if err == nil && !policy.ManagesSurvey(p.Admin, sv) {
		err = errNotPermitted
	}
	if apperr.Code(err) == apperr.ENOTFOUND {
		err = errNotPermitted
	}
	if err != nil {
		return nil, nil, err
	}
	return p, sv, nil
}

// competencyGroups returns the newest version of every framework's
// competencies, grouped by framework, built-in ones first.
func (s *server) competencyGroups(ctx context.Context) ([]fwGroup, error) {
	choices, err := s.st.CompetencyChoices(ctx)
	if err != nil {
		return nil, err
	}
	infos, err := s.st.Frameworks(ctx)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, fi := range infos {
		names[fi.Code] = fi.Name
	}
	var out []fwGroup
	for _, c := range choices {
		if len(out) == 0 || out[len(out)-1].Code != c.FrameworkCode {
			out = append(out, fwGroup{Code: c.FrameworkCode, Name: names[c.FrameworkCode]})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, c)
	}
	return out, nil
}

// fillChoices adds the unit select and the competency groups to d.
func (s *server) fillChoices(ctx context.Context, p *auth.Principal, d *surveyEditData) error {
	var cur *model.OrgUnit
	if d.SV != nil {
		cur = &model.OrgUnit{ID: d.SV.ScopeUnitID, Name: d.SV.ScopeName}
	}
	units, err := s.unitChoices(ctx, p.Admin, cur)
	if err != nil {
		return err
	}
	d.Units = units
	d.Groups, err = s.competencyGroups(ctx)
	d.Kinds = model.QuestionKinds
	return err
}

// readSurveyForm reads the survey's fields from a posted form.
func readSurveyForm(r *http.Request) surveyForm {
	g := newForm(r).Text
	return surveyForm{Title: g("title"), Intro: g("intro"), Unit: g("unit"), UnitCode: g("unit_code"), OpensOn: g("opens_on"), ClosesOn: g("closes_on"),
		Framework: g("framework"), Picks: g("picks"), Forms: g("q_forms") != "", Txt: g("q_text") != ""}
}

// formUnit resolves the unit typed as a code or picked from the select (0
// when neither); a unit that does not exist is refused with the message
// the store gives one p does not administer (the store checks that).
func (s *server) formUnit(ctx context.Context, f surveyForm) (int64, error) {
	var u *model.OrgUnit
	var err error
	switch {
	case f.UnitCode != "":
		u, err = s.st.UnitByCode(ctx, f.UnitCode)
	case f.Unit != "":
		id, perr := strconv.ParseInt(f.Unit, 10, 64)
		if perr != nil {
			return 0, apperr.Invalid("unit", "err.survey.target_unit_outside")
		}
		u, err = s.st.Unit(ctx, id)
	default:
		return 0, nil
	}
	if apperr.Code(err) == apperr.ENOTFOUND {
		return 0, apperr.Invalid("unit", "err.survey.target_unit_outside")
	}
	if err != nil {
		return 0, err
	}
	return u.ID, nil
}

// atoiOr reads a number field, def when empty and -1 (refused by the
// store) when not a number.
func atoiOr(v string, def int) int {
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	return n
}

// surveyNewForm shows the new-survey form (GET /kuesioner/baru): open from
// today for two weeks, the national competencies, all three questions.
func (s *server) surveyNewForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.surveyAdmin(r)
	if err != nil {
		return err
	}
	today := s.st.Now().In(s.loc)
	d := &surveyEditData{F: surveyForm{OpensOn: today.Format("2006-01-02"), ClosesOn: today.AddDate(0, 0, 14).Format("2006-01-02"),
		Framework: dictionary.CodeNational, Picks: strconv.Itoa(defaultCompetencyPicks), Forms: true, Txt: true}}
	if !p.Admin.All && len(p.Admin.UnitPaths) == 1 {
		// A unit admin usually surveys their own unit.
		d.F.Unit = strconv.FormatInt(lastPathID(p.Admin.UnitPaths[0]), 10)
	}
	return s.renderSurveyForm(w, r, p, http.StatusOK, d)
}

// renderSurveyForm fills the choices and renders the building page: the
// new-survey form when d.SV is nil, else the edit page.
func (s *server) renderSurveyForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, d *surveyEditData) error {
	if err := s.fillChoices(r.Context(), p, d); err != nil {
		return err
	}
	title, arg := "survey.new_title", ""
	if d.SV != nil {
		title, arg = "survey.edit_title", d.SV.Title
		d.State = d.SV.State(s.today())
	}
	s.renderView(w, r, status, "survey_edit", &view{Title: title, TitleArg: arg, Data: d})
	return nil
}

// refused shows err on the form when it is the user's to fix (invalid
// input, a conflict with answers already in) and reports whether it did.
func refused(lang i18n.Lang, d *surveyEditData, err error) (int, bool) {
	switch apperr.Code(err) {
	case apperr.EINVALID:
		d.Error = apperr.Message(lang, err)
		return http.StatusBadRequest, true
	case apperr.ECONFLICT:
		d.Error = apperr.Message(lang, err)
		return http.StatusConflict, true
	}
	return 0, false
}

// surveyCreate creates a survey with the default questions (POST
// /kuesioner/baru) and opens its edit page.
func (s *server) surveyCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.surveyAdmin(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	f := readSurveyForm(r)
	d := &surveyEditData{F: f}
	sv := &model.Survey{Title: f.Title, Intro: f.Intro, OpensOn: f.OpensOn, ClosesOn: f.ClosesOn}
	unitID, err := s.formUnit(ctx, f)
	if err == nil {
		sv.ScopeUnitID = unitID
		sv.Questions, err = s.defaultQuestions(ctx, f)
	}
	if err == nil {
		err = s.st.CreateSurvey(ctx, actor(p), p.Admin, sv)
	}
	if status, ok := refused(langOf(r), d, err); ok {
		return s.renderSurveyForm(w, r, p, status, d)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/kuesioner/%d/ubah?dibuat=1", sv.ID), http.StatusSeeOther)
	return nil
}

// defaultQuestions builds the questions the new-survey form asked for: the
// competencies of the chosen framework (every framework for "*"), and the
// forms and free-answer questions when ticked.
func (s *server) defaultQuestions(ctx context.Context, f surveyForm) ([]model.SurveyQuestion, error) {
	var qs []model.SurveyQuestion
	if f.Framework != "" {
		groups, err := s.competencyGroups(ctx)
		if err != nil {
			return nil, err
		}
		var ids []int64
		for _, g := range groups {
			if f.Framework == allFrameworks || g.Code == f.Framework {
				for _, c := range g.Items {
					ids = append(ids, c.CompetencyID)
				}
			}
		}
		if len(ids) == 0 {
			return nil, apperr.Invalid("framework", "err.survey.framework_not_found", f.Framework)
		}
		qs = append(qs, model.SurveyQuestion{Kind: model.QuestionCompetencies, Prompt: defaultPromptCompetencies,
			MaxPicks: atoiOr(f.Picks, defaultCompetencyPicks), Required: true, OptionIDs: ids})
	}
	if f.Forms {
		qs = append(qs, model.SurveyQuestion{Kind: model.QuestionForms, Prompt: defaultPromptForms, MaxPicks: defaultFormPicks})
	}
	if f.Txt {
		qs = append(qs, model.SurveyQuestion{Kind: model.QuestionText, Prompt: defaultPromptText})
	}
	return qs, nil
}

// surveyEditForm shows a survey's details, questions and the add-question
// form (GET /kuesioner/{id}/ubah).
func (s *server) surveyEditForm(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	d := &surveyEditData{SV: sv, F: surveyForm{Title: sv.Title, Intro: sv.Intro, Unit: strconv.FormatInt(sv.ScopeUnitID, 10),
		OpensOn: sv.OpensOn, ClosesOn: sv.ClosesOn}, Q: questionForm{Kind: model.QuestionCompetencies}}
	switch {
	case r.URL.Query().Get("dibuat") == "1":
		d.Notice = "survey.created"
	case r.URL.Query().Get("tersimpan") == "1":
		d.Notice = "survey.saved"
	}
	return s.renderSurveyForm(w, r, p, http.StatusOK, d)
}

// surveyUpdate saves a survey's details (POST /kuesioner/{id}/ubah).
func (s *server) surveyUpdate(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	f := readSurveyForm(r)
	d := &surveyEditData{SV: sv, F: f, Q: questionForm{Kind: model.QuestionCompetencies}}
	upd := &model.Survey{ID: sv.ID, Title: f.Title, Intro: f.Intro, OpensOn: f.OpensOn, ClosesOn: f.ClosesOn, ScopeUnitID: sv.ScopeUnitID}
	unitID, err := s.formUnit(ctx, f)
	if err == nil && unitID != 0 {
		upd.ScopeUnitID = unitID
	}
	if err == nil {
		err = s.st.UpdateSurvey(ctx, actor(p), p.Admin, upd)
	}
	if status, ok := refused(langOf(r), d, err); ok {
		return s.renderSurveyForm(w, r, p, status, d)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/kuesioner/%d/ubah?tersimpan=1", sv.ID), http.StatusSeeOther)
	return nil
}

// surveyDelete removes a survey nobody has answered (POST
// /kuesioner/{id}/hapus).
func (s *server) surveyDelete(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	if err := s.st.DeleteSurvey(r.Context(), actor(p), p.Admin, sv.ID); err != nil {
		return err
	}
	http.Redirect(w, r, "/kuesioner?dihapus=1", http.StatusSeeOther)
	return nil
}
