// Package settings holds the rules domain.md marks configurable, as one
// value the BKPSDM administrator edits: retirement ages, the JPM category
// thresholds, the 9-box potential thresholds and wording, and the weights
// of the level-resolution rule. It is pure: the store keeps the value, the
// faces edit it, and the logic packages (gap, assess, model) receive the
// parts they need as arguments, never as globals.
package settings

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// Settings is everything an administrator may change about the rules.
type Settings struct {
	Retirement model.RetirementAges `json:"retirement"`
	JPM        JPM                  `json:"jpm"`
	Potential  Potential            `json:"potential"`
	// Boxes is the wording of the 9-box by box number; index 0 is the box
	// of those who cannot be placed yet.
	Boxes [10]BoxText `json:"boxes"`
	// Weights of each rating source in the level-resolution rule
	// (assess.Rule.Weights); a weight of 0 ignores the source unless it
	// outranks the others.
	Weights map[assess.Source]int `json:"weights"`
	// Approval is the approval chain of development plan items: the posts
	// that decide, in order, by their names in model.ApprovalSteps
	// ("atasan", "kepala_opd").
	Approval []string `json:"approval"`
}

// JPM holds the lower bounds of the JPM categories (domain.md §3) in
// hundredths of a percent, and which JPM they read.
type JPM struct {
	Optimal             gap.Fixed `json:"optimal"`
	CukupOptimal        gap.Fixed `json:"cukup_optimal"`
	MemenuhiSyarat      gap.Fixed `json:"memenuhi_syarat"`
	MasihMemenuhiSyarat gap.Fixed `json:"masih_memenuhi_syarat"`
	// UseRaw reads the raw JPM instead of the capped one.
	UseRaw bool `json:"use_raw"`
}

// Potential holds the lower bounds of the 9-box potential levels on the
// capped JPM, in hundredths of a percent.
type Potential struct {
	High   gap.Fixed `json:"high"`
	Medium gap.Fixed `json:"medium"`
}

// BoxText is the wording of one 9-box box in both languages.
type BoxText struct {
	Label    string `json:"label"`
	LabelEN  string `json:"label_en"`
	Action   string `json:"action"`
	ActionEN string `json:"action_en"`
}

// Sources are the rating sources that carry a weight, in the order the
// settings page lists them.
var Sources = []assess.Source{assess.SourceAssessmentCentre, assess.SourceTest, assess.SourceSupervisor,
	assess.SourceEvidence, assess.SourcePeer, assess.SourceSelf}

// MaxWeight bounds a source's weight: ratios of small integers are what
// the rule means, and a bound keeps a typo from drowning every other source.
const MaxWeight = 20

// MaxBoxText bounds each wording of a box.
const MaxBoxText = 500

// Default returns the product's rules, equal to what the code did before
// they became data except for teachers' retirement age (60, domain.md §5).
func Default() Settings {
	t := gap.DefaultThresholds()
	p := gap.DefaultPotentialThresholds()
	s := Settings{
		Retirement: model.DefaultRetirementAges(),
		JPM: JPM{Optimal: t.Optimal, CukupOptimal: t.CukupOptimal, MemenuhiSyarat: t.MemenuhiSyarat,
			MasihMemenuhiSyarat: t.MasihMemenuhiSyarat, UseRaw: t.UseRaw},
		Potential: Potential{High: p.High, Medium: p.Medium},
		Weights:   assess.DefaultRule().Weights,
		Approval:  []string{"atasan", "kepala_opd"},
	}
	for i, b := range gap.DefaultBoxes() {
		s.Boxes[i] = BoxText{Label: b.Label, LabelEN: b.LabelEN, Action: b.Action, ActionEN: b.ActionEN}
	}
	return s
}

// Validate reports the first value that cannot work, as an apperr with the
// field it concerns: an implausible retirement age, a threshold outside
// 0–100 % or above the one of the better category, an empty or overlong
// box text, a weight outside 0–MaxWeight or no source weighted at all.
func (s Settings) Validate() error {
	if err := s.Retirement.Validate(); err != nil {
		return err
	}
	pct := func(field string, v gap.Fixed) error {
		if v < 0 || v > gap.Percent(100) {
			return apperr.Invalid(field, "err.settings.percent_range", v.String())
		}
		return nil
	}
	for _, c := range []struct {
		field string
		v     gap.Fixed
	}{{"jpm.optimal", s.JPM.Optimal}, {"jpm.cukup_optimal", s.JPM.CukupOptimal},
		{"jpm.memenuhi_syarat", s.JPM.MemenuhiSyarat}, {"jpm.masih_memenuhi_syarat", s.JPM.MasihMemenuhiSyarat},
		{"potential.high", s.Potential.High}, {"potential.medium", s.Potential.Medium}} {
		if err := pct(c.field, c.v); err != nil {
			return err
		}
	}
	switch {
	case s.JPM.CukupOptimal > s.JPM.Optimal:
		return apperr.Invalid("jpm.cukup_optimal", "err.settings.threshold_order", s.JPM.CukupOptimal.String(), s.JPM.Optimal.String())
	case s.JPM.MasihMemenuhiSyarat > s.JPM.MemenuhiSyarat:
		return apperr.Invalid("jpm.masih_memenuhi_syarat", "err.settings.threshold_order", s.JPM.MasihMemenuhiSyarat.String(), s.JPM.MemenuhiSyarat.String())
	case s.Potential.Medium > s.Potential.High:
		return apperr.Invalid("potential.medium", "err.settings.threshold_order", s.Potential.Medium.String(), s.Potential.High.String())
	}
	for i, b := range s.Boxes {
		for _, t := range []string{b.Label, b.LabelEN, b.Action, b.ActionEN} {
			if strings.TrimSpace(t) == "" || utf8.RuneCountInString(t) > MaxBoxText {
				return apperr.Invalid("boxes", "err.settings.box_text", i, MaxBoxText)
			}
		}
	}
	weighted := false
	for src, w := range s.Weights {
		if !slices.Contains(Sources, src) {
			return apperr.Invalid("weights", "err.settings.weight_source", string(src))
		}
		if w < 0 || w > MaxWeight {
			return apperr.Invalid("weights."+string(src), "err.settings.weight_range", w, MaxWeight)
		}
		weighted = weighted || w > 0
	}
	if !weighted {
		return apperr.Invalid("weights", "err.settings.weight_none")
	}
	if len(s.Approval) == 0 {
		return apperr.Invalid("approval", "err.settings.approval_empty")
	}
	for i, name := range s.Approval {
		if _, ok := model.ApprovalSteps[name]; !ok {
			return apperr.Invalid("approval", "err.settings.approval_step", name)
		}
		if slices.Contains(s.Approval[:i], name) {
			return apperr.Invalid("approval", "err.settings.approval_twice", name)
		}
	}
	return nil
}

// Chain returns the approval chain of plan items as model steps.
func (s Settings) Chain() []model.ApprovalStep {
	out := make([]model.ApprovalStep, 0, len(s.Approval))
	for _, name := range s.Approval {
		out = append(out, model.ApprovalSteps[name])
	}
	return out
}

// Thresholds returns the JPM category thresholds for package gap.
func (s Settings) Thresholds() gap.Thresholds {
	return gap.Thresholds{Optimal: s.JPM.Optimal, CukupOptimal: s.JPM.CukupOptimal,
		MemenuhiSyarat: s.JPM.MemenuhiSyarat, MasihMemenuhiSyarat: s.JPM.MasihMemenuhiSyarat, UseRaw: s.JPM.UseRaw}
}

// PotentialThresholds returns the 9-box potential thresholds for package gap.
func (s Settings) PotentialThresholds() gap.PotentialThresholds {
	return gap.PotentialThresholds{High: s.Potential.High, Medium: s.Potential.Medium}
}

// BoxTable returns the 9-box wording for package gap, box numbers set.
func (s Settings) BoxTable() gap.BoxTable {
	var t gap.BoxTable
	for i, b := range s.Boxes {
		t[i] = gap.Box{Number: i, Label: b.Label, LabelEN: b.LabelEN, Action: b.Action, ActionEN: b.ActionEN}
	}
	return t
}

// Rule returns the level-resolution rule: the product's validity,
// precedence and peer minimum with these weights.
func (s Settings) Rule() assess.Rule {
	r := assess.DefaultRule()
	r.Weights = make(map[assess.Source]int, len(s.Weights))
	for src, w := range s.Weights {
		r.Weights[src] = w
	}
	return r
}

// PlaceTalent places one employee on the 9-box with these thresholds and
// this wording (see gap.PlaceTalentWith).
func (s Settings) PlaceTalent(predikat [2]string, jpmCapped gap.Fixed, assessed, total int, excluded bool) gap.Box {
	return gap.PlaceTalentWith(s.PotentialThresholds(), s.BoxTable(), predikat, jpmCapped, assessed, total, excluded)
}

// Work is what a change of settings makes stale among stored values; the
// 9-box is computed when read and needs nothing.
type Work struct {
	Retirement bool // employees' retirement dates
	Levels     bool // current levels (the weights), and with them every JPM
	JPM        bool // JPM categories (the thresholds or which JPM they read)
}

// Any reports whether anything must be recomputed.
func (w Work) Any() bool { return w.Retirement || w.Levels || w.JPM }

// Stale returns what changing old into s makes stale.
func (s Settings) Stale(old Settings) Work {
	w := Work{
		Retirement: !sameAges(old.Retirement, s.Retirement),
		Levels:     !sameWeights(old.Weights, s.Weights),
		JPM:        old.JPM != s.JPM,
	}
	if w.Levels {
		w.JPM = true
	}
	return w
}

func sameAges(a, b model.RetirementAges) bool {
	if a.Teacher != b.Teacher || len(a.Types) != len(b.Types) || len(a.Jenjangs) != len(b.Jenjangs) {
		return false
	}
	for k, v := range a.Types {
		if w, ok := b.Types[k]; !ok || w != v {
			return false
		}
	}
	for k, v := range a.Jenjangs {
		if w, ok := b.Jenjangs[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func sameWeights(a, b map[assess.Source]int) bool {
	for _, src := range Sources {
		if a[src] != b[src] {
			return false
		}
	}
	return true
}
