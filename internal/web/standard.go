package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// stdRow is one competency line of a standard or template form.
type stdRow struct {
	model.StandardItem
	Include bool
}

// stdForm is the editable list of competencies shared by the template and
// the position standard forms.
type stdForm struct {
	Rows     []stdRow
	Choices  []model.StandardItem // competencies that can be added
	DecreeNo string
	Date     string
	Error    string // the store's message when saving failed
}

// stdOverview is the standards administration page (/standar).
type stdOverview struct {
	Columns []model.StandardItem // the national competencies
	Rows    []stdTemplateRow
	Types   []model.PositionType
	Result  *store.ApplyResult
	Seeded  int
	Applied string // the type just applied
	Error   string
}

// stdTemplateRow is one template (type, jenjang) with its level per column.
type stdTemplateRow struct {
	Type    model.PositionType
	Jenjang string
	Levels  []int // per column; 0 = not in the template
	Others  int   // items outside the national set
}

// levelRange is the 1–5 choice of a level select.
var levelRange = []int{1, 2, 3, 4, 5}

// nationalColumns returns the newest national competencies.
func nationalColumns(choices []model.StandardItem) []model.StandardItem {
	var out []model.StandardItem
	for _, c := range choices {
		if c.FrameworkCode == dictionary.CodeNational {
			out = append(out, c)
		}
	}
	return out
}

// standardsIndex shows the templates per position type and the bulk apply
// form (GET /standar).
func (s *server) standardsIndex(w http.ResponseWriter, r *http.Request) error {
	_, err := s.user(r)
	if err != nil {
		return err
	}
	d := &stdOverview{}
	if n, err := strconv.Atoi(r.URL.Query().Get("seeded")); err == nil {
		d.Seeded = n
	}
	return s.renderStandards(w, r, http.StatusOK, d)
}

func (s *server) renderStandards(w http.ResponseWriter, r *http.Request, status int, d *stdOverview) error {
	ctx := r.Context()
	choices, err := s.st.CompetencyChoices(ctx)
	if err != nil {
		return err
	}
	tpl, err := s.st.Templates(ctx, "")
	if err != nil {
		return err
	}
	d.Columns = nationalColumns(choices)
	d.Types = model.PositionTypes
	col := map[string]int{}
	for i, c := range d.Columns {
		col[c.Code] = i
	}
	index := map[string]int{}
	for _, k := range model.TemplateKeys() {
		index[string(k.Type)+"/"+k.Jenjang] = len(d.Rows)
		d.Rows = append(d.Rows, stdTemplateRow{Type: k.Type, Jenjang: k.Jenjang, Levels: make([]int, len(d.Columns))})
	}
	for _, ti := range tpl {
		key := string(ti.Type) + "/" + ti.Jenjang
		i, ok := index[key]
		if !ok {
			index[key] = len(d.Rows)
			i = len(d.Rows)
			d.Rows = append(d.Rows, stdTemplateRow{Type: ti.Type, Jenjang: ti.Jenjang, Levels: make([]int, len(d.Columns))})
		}
		if c, ok := col[ti.Code]; ok && ti.FrameworkCode == dictionary.CodeNational {
			d.Rows[i].Levels[c] = ti.Required
		} else {
			d.Rows[i].Others++
		}
	}
	s.render(w, r, status, "standards", "std.title", d)
	return nil
}

// standardsSeed fills the default templates (POST /standar/templat/bawaan).
func (s *server) standardsSeed(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	n, err := s.st.SeedDefaultTemplates(r.Context(), actor(p))
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/standar?seeded=%d", n), http.StatusSeeOther)
	return nil
}

// standardsApply applies a template to every position of a type (POST
// /standar/terapkan).
func (s *server) standardsApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	t := model.PositionType(r.PostFormValue("position_type"))
	res, err := s.st.ApplyTemplate(r.Context(), actor(p), t, r.PostFormValue("decree_no"), r.PostFormValue("decree_date"),
		r.PostFormValue("only_missing") != "")
	d := &stdOverview{}
	if apperr.Code(err) == apperr.EINVALID {
		d.Error = apperr.Message(langOf(r), err)
		return s.renderStandards(w, r, http.StatusBadRequest, d)
	}
	if err == nil && res.Positions > 0 {
		// Holders of the positions just given a standard get their JPM now,
		// not at the next nightly recompute (about 1.5 s for a city).
		_, err = s.st.RecomputeAll(r.Context())
	}
	if err != nil {
		return err
	}
	d.Result, d.Applied = &res, string(t)
	return s.renderStandards(w, r, http.StatusOK, d)
}

// buildForm lists the items (included) followed by the national
// competencies not among them (excluded, at the default level for the
// position type), and the remaining competencies as choices to add.
func buildForm(items []model.StandardItem, choices []model.StandardItem, t model.PositionType, jenjang string) *stdForm {
	f := &stdForm{}
	in := map[int64]bool{}
	for _, it := range items {
		f.Rows = append(f.Rows, stdRow{StandardItem: it, Include: true})
		in[it.CompetencyID] = true
	}
	def := model.DefaultRequiredLevel(t, jenjang)
	if def == 0 {
		def = 1
	}
	for _, c := range nationalColumns(choices) {
		if in[c.CompetencyID] {
			continue
		}
		c.Required, c.Weight, c.Mandatory = def, 1, true
		f.Rows = append(f.Rows, stdRow{StandardItem: c})
		in[c.CompetencyID] = true
	}
	for _, c := range choices {
		if !in[c.CompetencyID] {
			f.Choices = append(f.Choices, c)
		}
	}
	return f
}

// readItems reads the competency rows of a posted form: "cid" lists the
// rows; inc_ID, req_ID, w_ID and m_ID carry each row; add_cid, add_req,
// add_w and add_m add one more competency. Unparseable numbers become 0 and
// are refused by the store.
func readItems(form url.Values) []model.StandardItem {
	var items []model.StandardItem
	num := func(k string) int {
		n, err := strconv.Atoi(strings.TrimSpace(form.Get(k)))
		if err != nil {
			return 0
		}
		return n
	}
	seen := map[int64]bool{}
	for _, v := range form["cid"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || seen[id] || form.Get("inc_"+v) == "" {
			continue
		}
		seen[id] = true
		items = append(items, model.StandardItem{CompetencyID: id, Required: num("req_" + v), Weight: num("w_" + v), Mandatory: form.Get("m_"+v) != ""})
	}
	if id, err := strconv.ParseInt(form.Get("add_cid"), 10, 64); err == nil && id > 0 && !seen[id] {
		items = append(items, model.StandardItem{CompetencyID: id, Required: num("add_req"), Weight: num("add_w"), Mandatory: form.Get("add_m") != ""})
	}
	return items
}

// describe fills code, name and framework of items from choices (for
// re-showing a refused form); unknown competencies keep their ID only.
func describe(items []model.StandardItem, choices []model.StandardItem) []model.StandardItem {
	byID := map[int64]model.StandardItem{}
	for _, c := range choices {
		byID[c.CompetencyID] = c
	}
	for i := range items {
		if c, ok := byID[items[i].CompetencyID]; ok {
			items[i].Code, items[i].Name, items[i].Group = c.Code, c.Name, c.Group
			items[i].FrameworkCode, items[i].FrameworkVersion = c.FrameworkCode, c.FrameworkVersion
		}
	}
	return items
}
