package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// The programme form (/katalog/baru, /katalog/{id}/ubah). The competencies
// a programme develops are picked from the dictionary, each with the level
// (1–5) it leads to; the form offers the chosen rows and a few empty ones.

// compRow is one competency row of the form as typed.
type compRow struct{ Comp, Level string }

// programmeForm is the programme form as typed.
type programmeForm struct {
	ID                                     int64
	Code, Title, Description, Prerequisite string
	Form, Model, Delivery                  string
	JP, Cost, Capacity, Provider           string
	Active                                 bool
	Comps                                  []compRow
}

// programmeFormData is the create and edit page.
type programmeFormData struct {
	F         programmeForm
	New       bool
	Action    string
	Forms     []model.DevFormInfo
	Models    []model.LearningModel
	Delivery  []model.Delivery
	Providers []model.Provider
	Choices   []model.StandardItem
	Levels    []int
	Errors    map[string][]string
}

// emptyCompRows is how many empty competency rows the form offers.
const emptyCompRows = 3

func (s *server) renderProgrammeForm(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, d *programmeFormData) error {
	ctx := r.Context()
	all, err := s.st.Providers(ctx)
	if err != nil {
		return err
	}
	for _, v := range all {
		if policy.May(p, policy.CatalogueManage, policy.Target{ProviderID: v.ID}) {
			d.Providers = append(d.Providers, v)
		}
	}
	if d.Choices, err = s.st.CompetencyChoices(ctx); err != nil {
		return err
	}
	d.Forms, d.Models, d.Delivery, d.Levels = model.DevForms, model.LearningModels, model.Deliveries, []int{1, 2, 3, 4, 5}
	for range emptyCompRows {
		d.F.Comps = append(d.F.Comps, compRow{})
	}
	title := "catalogue.new"
	if !d.New {
		title = "catalogue.edit"
	}
	s.renderView(w, r, status, "catalogue_form", &view{Title: title, TitleArg: d.F.Title, Data: d})
	return nil
}

// programmeNewForm shows an empty programme form (GET /katalog/baru).
func (s *server) programmeNewForm(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := programmeForm{Form: "teknis", Delivery: string(model.DeliverySync), Active: true}
	if own := ownPartner(p); own != 0 {
		f.Provider = strconv.FormatInt(own, 10)
	}
	return s.renderProgrammeForm(w, r, p, http.StatusOK, &programmeFormData{F: f, New: true, Action: "/katalog/baru"})
}

// programmeEditForm shows the form of programme {id} (GET /katalog/{id}/ubah).
func (s *server) programmeEditForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	pr, err := s.programmeFor(r, p, id, policy.CatalogueManage)
	if err != nil {
		return err
	}
	f := programmeForm{ID: pr.ID, Code: pr.Code, Title: pr.Title, Description: pr.Description, Prerequisite: pr.Prerequisites,
		Form: string(pr.Form), Model: string(pr.Model), Delivery: string(pr.Delivery), JP: strconv.Itoa(pr.JP),
		Cost: strconv.FormatInt(pr.Cost, 10), Capacity: strconv.Itoa(pr.Capacity), Provider: strconv.FormatInt(pr.ProviderID, 10), Active: pr.Active}
	for _, c := range pr.Competencies {
		f.Comps = append(f.Comps, compRow{strconv.FormatInt(c.CompetencyID, 10), strconv.Itoa(c.Level)})
	}
	return s.renderProgrammeForm(w, r, p, http.StatusOK, &programmeFormData{F: f, Action: fmt.Sprintf("/katalog/%d/ubah", id)})
}

// readProgrammeForm reads the posted form.
func readProgrammeForm(r *http.Request) programmeForm {
	g := newForm(r).Text
	f := programmeForm{Code: g("code"), Title: g("title"), Description: g("description"), Prerequisite: g("prerequisites"),
		Form: g("form"), Model: g("model"), Delivery: g("delivery"), JP: g("jp"), Cost: g("cost"), Capacity: g("capacity"),
		Provider: g("provider"), Active: r.PostFormValue("active") != ""}
	comps, levels := r.PostForm["comp"], r.PostForm["level"]
	for i, c := range comps {
		if c = strings.TrimSpace(c); c == "" {
			continue
		}
		row := compRow{Comp: c}
		if i < len(levels) {
			row.Level = strings.TrimSpace(levels[i])
		}
		f.Comps = append(f.Comps, row)
	}
	return f
}

// parseProgramme turns the form into a programme, every problem beside its
// field. A provider account's programme always belongs to its partner.
func parseProgramme(lang i18n.Lang, p *auth.Principal, f *programmeForm) (model.Programme, map[string][]string) {
	errs := map[string][]string{}
	num := func(field, v string) int64 {
		v = strings.ReplaceAll(strings.ReplaceAll(v, ".", ""), " ", "")
		if v == "" {
			return 0
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			errs[field] = append(errs[field], i18n.T(lang, "catalogue.err_number", v))
		}
		return n
	}
	pr := model.Programme{ID: f.ID, Code: f.Code, Title: f.Title, Description: f.Description, Prerequisites: f.Prerequisite,
		Form: model.DevForm(f.Form), Model: model.LearningModel(f.Model), Delivery: model.Delivery(f.Delivery),
		JP: int(num("jp", f.JP)), Cost: num("cost", f.Cost), Capacity: int(num("capacity", f.Capacity)), Active: f.Active}
	pr.ProviderID, _ = strconv.ParseInt(f.Provider, 10, 64)
	if own := ownPartner(p); own != 0 {
		pr.ProviderID = own
	}
	for _, c := range f.Comps {
		id, err := strconv.ParseInt(c.Comp, 10, 64)
		lvl, lerr := strconv.Atoi(c.Level)
		if err != nil || lerr != nil {
			errs["competencies"] = append(errs["competencies"], i18n.T(lang, "catalogue.err_competency_row"))
			continue
		}
		pr.Competencies = append(pr.Competencies, model.ProgrammeCompetency{CompetencyID: id, Level: lvl})
	}
	for _, e := range model.Problems(pr.Validate()) {
		if len(errs[e.Field]) == 0 {
			errs[e.Field] = append(errs[e.Field], e.Text(lang))
		}
	}
	return pr, errs
}

// programmeCreate stores a new programme (POST /katalog/baru).
func (s *server) programmeCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := readProgrammeForm(r)
	return s.saveProgramme(w, r, p, &programmeFormData{F: f, New: true, Action: "/katalog/baru"})
}

// programmeUpdate saves programme {id} (POST /katalog/{id}/ubah).
func (s *server) programmeUpdate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.programmeFor(r, p, id, policy.CatalogueManage); err != nil {
		return err
	}
	f := readProgrammeForm(r)
	f.ID = id
	return s.saveProgramme(w, r, p, &programmeFormData{F: f, Action: fmt.Sprintf("/katalog/%d/ubah", id)})
}

// saveProgramme validates and stores the form's programme, or shows the
// form again with its errors. The partner chosen must be one p manages.
func (s *server) saveProgramme(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *programmeFormData) error {
	lang := langOf(r)
	pr, errs := parseProgramme(lang, p, &d.F)
	var err error
	if len(errs) == 0 && !policy.May(p, policy.CatalogueManage, policy.Target{ProviderID: pr.ProviderID}) {
		errs["provider"] = append(errs["provider"], i18n.T(lang, "catalogue.err_provider_not_yours"))
	}
	if len(errs) == 0 {
		if d.New {
			err = s.st.CreateProgramme(r.Context(), actor(p), &pr)
		} else {
			err = s.st.UpdateProgramme(r.Context(), actor(p), &pr)
		}
		if err == nil {
			ok := "saved"
			if d.New {
				ok = "created"
			}
			http.Redirect(w, r, fmt.Sprintf("/katalog/%d?ok=%s", pr.ID, ok), http.StatusSeeOther)
			return nil
		}
		if !formError(lang, err, errs) {
			return err
		}
	}
	d.Errors = errs
	return s.renderProgrammeForm(w, r, p, http.StatusBadRequest, d)
}

// formError files an invalid-input or conflict error of the store beside
// its field (a conflict, such as a code taken, beside "form" when it names
// none); other errors pass.
func formError(lang i18n.Lang, err error, errs map[string][]string) bool {
	if storeFieldError(lang, err, errs) {
		return true
	}
	if apperr.Code(err) == apperr.ECONFLICT || apperr.Code(err) == apperr.ENOTFOUND {
		errs["form"] = append(errs["form"], apperr.Message(lang, err))
		return true
	}
	return false
}
