package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/settings"
	"github.com/kompeten/kompeten/internal/store"
)

// settingsField is one number of the settings form: its input name, label
// (a catalogue key, or text) and value as typed.
type settingsField struct {
	Name, Label, Value string
}

// settingsData is the settings page (/pengaturan).
type settingsData struct {
	Ages      []settingsField // retirement ages: position types, jenjangs, teachers
	JPM       []settingsField
	UseRaw    bool
	Potential []settingsField
	Boxes     [10]settings.BoxText
	Weights   []settingsField
	Approval  string // the approval chain of plan items, its step names joined by commas
	Job       *store.SettingsJob
	OK        string
	Errors    map[string][]string
}

// percentText writes a threshold for the form: "90", "87,5" (or "87.5").
func percentText(lang i18n.Lang, f gap.Fixed) string {
	s := strconv.FormatFloat(float64(f)/100, 'f', -1, 64)
	if lang != i18n.EN {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// parsePercent reads "87,5", "87.5" or "90" into hundredths of a percent.
func parsePercent(s string) (gap.Fixed, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || v < -1 || v > 1000 {
		return 0, false
	}
	if v < 0 {
		return gap.Fixed(v*100 - 0.5), true
	}
	return gap.Fixed(v*100 + 0.5), true
}

// settingsFields fills the page's fields from set.
func settingsFields(lang i18n.Lang, set settings.Settings) *settingsData {
	d := &settingsData{UseRaw: set.JPM.UseRaw, Boxes: set.Boxes, Approval: strings.Join(set.Approval, ",")}
	for _, t := range model.PositionTypes {
		if t != model.Fungsional {
			d.Ages = append(d.Ages, settingsField{"age_" + string(t), i18n.T(lang, "ptype."+string(t)), strconv.Itoa(set.Retirement.Types[t])})
		}
	}
	for _, j := range model.Jenjangs {
		d.Ages = append(d.Ages, settingsField{"age_" + j, i18n.T(lang, "ptype.fungsional") + " " + i18n.T(lang, "jenjang."+j), strconv.Itoa(set.Retirement.Jenjangs[j])})
	}
	d.Ages = append(d.Ages, settingsField{"age_teacher", i18n.T(lang, "settings.teacher"), strconv.Itoa(set.Retirement.Teacher)})
	pct := func(name, key string, v gap.Fixed) settingsField {
		return settingsField{name, i18n.T(lang, key), percentText(lang, v)}
	}
	d.JPM = []settingsField{pct("optimal", "settings.jpm_optimal", set.JPM.Optimal), pct("cukup_optimal", "settings.jpm_cukup_optimal", set.JPM.CukupOptimal),
		pct("memenuhi_syarat", "settings.jpm_memenuhi_syarat", set.JPM.MemenuhiSyarat),
		pct("masih_memenuhi_syarat", "settings.jpm_masih_memenuhi_syarat", set.JPM.MasihMemenuhiSyarat)}
	d.Potential = []settingsField{pct("potential_high", "settings.potential_high", set.Potential.High),
		pct("potential_medium", "settings.potential_medium", set.Potential.Medium)}
	for _, src := range settings.Sources {
		d.Weights = append(d.Weights, settingsField{"weight_" + string(src), src.Label(string(lang)), strconv.Itoa(set.Weights[src])})
	}
	return d
}

// readSettingsForm reads the posted form over the settings in force; the
// first number that does not parse is an invalid-field error.
func readSettingsForm(r *http.Request, set settings.Settings) (settings.Settings, error) {
	f := newForm(r)
	next := set
	next.Retirement = model.DefaultRetirementAges()
	for _, t := range model.PositionTypes {
		if t != model.Fungsional {
			next.Retirement.Types[t] = f.Int("age_"+string(t), "err.settings.number", "age_"+string(t))
		}
	}
	for _, j := range model.Jenjangs {
		next.Retirement.Jenjangs[j] = f.Int("age_"+j, "err.settings.number", "age_"+j)
	}
	next.Retirement.Teacher = f.Int("age_teacher", "err.settings.number", "age_teacher")
	pct := func(name string) gap.Fixed {
		v, ok := parsePercent(f.Text(name))
		if !ok {
			f.refuse(name, "err.settings.number", []any{name})
		}
		return v
	}
	next.JPM = settings.JPM{Optimal: pct("optimal"), CukupOptimal: pct("cukup_optimal"), MemenuhiSyarat: pct("memenuhi_syarat"),
		MasihMemenuhiSyarat: pct("masih_memenuhi_syarat"), UseRaw: f.Text("use_raw") != ""}
	next.Potential = settings.Potential{High: pct("potential_high"), Medium: pct("potential_medium")}
	for i := range next.Boxes {
		n := strconv.Itoa(i)
		next.Boxes[i] = settings.BoxText{Label: f.Text("box" + n + "_label"), LabelEN: f.Text("box" + n + "_label_en"),
			Action: f.Text("box" + n + "_action"), ActionEN: f.Text("box" + n + "_action_en")}
	}
	next.Weights = map[assess.Source]int{}
	for _, src := range settings.Sources {
		next.Weights[src] = f.Int("weight_"+string(src), "err.settings.number", "weight_"+string(src))
	}
	if v := f.Text("approval"); v != "" {
		next.Approval = strings.Split(v, ",")
	}
	return next, f.Err()
}

// settingsPage shows the rules and the last recomputation (GET /pengaturan).
func (s *server) settingsPage(w http.ResponseWriter, r *http.Request) error {
	set, err := s.st.Settings(r.Context())
	if err != nil {
		return err
	}
	d := settingsFields(langOf(r), set)
	d.OK = r.URL.Query().Get("ok")
	return s.renderSettings(w, r, http.StatusOK, d)
}

func (s *server) renderSettings(w http.ResponseWriter, r *http.Request, status int, d *settingsData) error {
	job, err := s.st.LatestSettingsJob(r.Context())
	if err != nil {
		return err
	}
	d.Job = job
	s.renderView(w, r, status, "settings", &view{Title: "settings.title", Data: d})
	return nil
}

// settingsSave stores the posted rules (POST /pengaturan): a change that
// makes stored values stale starts their recomputation in the background.
func (s *server) settingsSave(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	lang := langOf(r)
	set, err := s.st.Settings(r.Context())
	if err != nil {
		return err
	}
	next, err := readSettingsForm(r, set)
	if err == nil {
		var job *store.SettingsJob
		if job, err = s.st.SaveSettings(r.Context(), actor(p), next); err == nil {
			ok := "saved"
			if job != nil {
				ok = "recompute"
			}
			http.Redirect(w, r, "/pengaturan?ok="+ok, http.StatusSeeOther)
			return nil
		}
	}
	if apperr.Code(err) != apperr.EINVALID {
		return err
	}
	d := settingsFields(lang, set)
	// Show what was typed, not what is stored.
	d.Ages, d.JPM, d.Potential, d.Weights = typed(r, d.Ages), typed(r, d.JPM), typed(r, d.Potential), typed(r, d.Weights)
	d.UseRaw, d.Boxes, d.Approval = next.JPM.UseRaw, next.Boxes, strings.Join(next.Approval, ",")
	d.Errors = map[string][]string{}
	storeFieldError(lang, err, d.Errors)
	for k, v := range d.Errors { // every problem above the form: fields are many
		if k != "form" {
			d.Errors["form"] = append(d.Errors["form"], v...)
		}
	}
	return s.renderSettings(w, r, http.StatusUnprocessableEntity, d)
}

// typed replaces the values of fs by what the form posted.
func typed(r *http.Request, fs []settingsField) []settingsField {
	out := make([]settingsField, len(fs))
	for i, f := range fs {
		f.Value = strings.TrimSpace(r.PostFormValue(f.Name))
		out[i] = f
	}
	return out
}
