package web

import (
	"net/http"
	"net/url"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// templateKey reads and checks the type and jenjang of a template request.
func templateKey(v url.Values) (model.PositionType, string, error) {
	t, j := model.PositionType(v.Get("type")), v.Get("jenjang")
	for _, k := range model.TemplateKeys() {
		if k.Type == t && (k.Jenjang == j || j == "") {
			return t, j, nil
		}
	}
	return "", "", errNotPermitted
}

// stdTemplateData is the template edit page.
type stdTemplateData struct {
	Type    model.PositionType
	Jenjang string
	Form    *stdForm
	Levels  []int
}

// templateForm shows the edit form of one template (GET
// /standar/templat?type=T&jenjang=J).
func (s *server) templateForm(w http.ResponseWriter, r *http.Request) error {
	_, err := s.user(r)
	if err != nil {
		return err
	}
	t, j, err := templateKey(r.URL.Query())
	if err != nil {
		return err
	}
	ctx := r.Context()
	choices, err := s.st.CompetencyChoices(ctx)
	if err != nil {
		return err
	}
	all, err := s.st.Templates(ctx, t)
	if err != nil {
		return err
	}
	var items []model.StandardItem
	for _, ti := range all {
		if ti.Jenjang == j {
			items = append(items, ti.StandardItem)
		}
	}
	d := &stdTemplateData{Type: t, Jenjang: j, Form: buildForm(items, choices, t, j), Levels: levelRange}
	s.render(w, r, http.StatusOK, "standard_template", "std.template_title", d)
	return nil
}

// templateSave stores a template (POST /standar/templat).
func (s *server) templateSave(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("form", "err.common.form_could_not_read")
	}
	t, j, err := templateKey(r.PostForm)
	if err != nil {
		return err
	}
	items := readItems(r.PostForm)
	err = s.st.SetTemplate(r.Context(), actor(p), t, j, items)
	if apperr.Code(err) == apperr.EINVALID {
		choices, cerr := s.st.CompetencyChoices(r.Context())
		if cerr != nil {
			return cerr
		}
		d := &stdTemplateData{Type: t, Jenjang: j, Form: buildForm(describe(items, choices), choices, t, j), Levels: levelRange}
		d.Form.Error = apperr.Message(langOf(r), err)
		s.render(w, r, http.StatusBadRequest, "standard_template", "std.template_title", d)
		return nil
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/standar", http.StatusSeeOther)
	return nil
}
