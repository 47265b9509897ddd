package settings

import (
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
)

// TestDefaultsAreTodaysRules: the defaults give what the code constants
// gave (thresholds, potential, wording, weights), and the retirement ages of
// domain.md with teachers at 60.
func TestDefaultsAreTodaysRules(t *testing.T) {
	d := Default()
	if err := d.Validate(); err != nil {
		t.Fatalf("the defaults are refused: %v", err)
	}
	if d.Thresholds() != gap.DefaultThresholds() || d.PotentialThresholds() != gap.DefaultPotentialThresholds() {
		t.Errorf("thresholds %+v %+v", d.Thresholds(), d.PotentialThresholds())
	}
	r := d.Rule()
	for src, w := range assess.DefaultRule().Weights {
		if r.Weights[src] != w {
			t.Errorf("weight of %s: %d, want %d", src, r.Weights[src], w)
		}
	}
	for _, pred := range [][2]string{{"Sangat Baik", "Sangat Baik"}, {"Baik", "Butuh Perbaikan"}, {"", "Baik"}, {"", ""}} {
		for _, jpm := range []gap.Fixed{gap.Percent(50), gap.Percent(80), gap.Percent(95)} {
			for _, excl := range []bool{false, true} {
				for _, assessed := range []int{0, 2, 3} {
					if got, want := d.PlaceTalent(pred, jpm, assessed, 3, excl), gap.PlaceTalent(pred, jpm, assessed, 3, excl); got != want {
						t.Errorf("%v %v %v %d of 3: %+v, want %+v", pred, jpm, excl, assessed, got, want)
					}
				}
			}
		}
	}
	ages := []struct {
		t       model.PositionType
		jenjang string
		title   string
		want    int
	}{
		{model.JPTPratama, "", "Sekretaris Daerah", 60},
		{model.Administrator, "", "Sekretaris Dinas", 58},
		{model.Fungsional, "ahli_madya", "Dokter Ahli Madya", 60},
		{model.Fungsional, "ahli_utama", "Peneliti Ahli Utama", 65},
		{model.Fungsional, "ahli_pertama", "Guru Ahli Pertama", 60},
		{model.Fungsional, "ahli_madya", "Guru Ahli Madya (Kepala Sekolah)", 60},
	}
	for _, a := range ages {
		if got := d.Retirement.Age(a.t, a.jenjang, a.title); got != a.want {
			t.Errorf("%s retires at %d, want %d", a.title, got, a.want)
		}
	}
}

// TestValidate: each kind of impossible value is refused with its field.
func TestValidate(t *testing.T) {
	cases := []struct {
		field string
		edit  func(s *Settings)
	}{
		{"retirement.teacher", func(s *Settings) { s.Retirement.Teacher = 6 }},
		{"retirement.pelaksana", func(s *Settings) { s.Retirement.Types[model.Pelaksana] = 71 }},
		{"jpm.optimal", func(s *Settings) { s.JPM.Optimal = gap.Percent(101) }},
		{"jpm.cukup_optimal", func(s *Settings) { s.JPM.CukupOptimal = gap.Percent(91) }},
		{"jpm.masih_memenuhi_syarat", func(s *Settings) { s.JPM.MasihMemenuhiSyarat = -1 }},
		{"jpm.masih_memenuhi_syarat", func(s *Settings) { s.JPM.MasihMemenuhiSyarat = gap.Percent(81) }},
		{"potential.medium", func(s *Settings) { s.Potential.Medium = gap.Percent(95) }},
		{"boxes", func(s *Settings) { s.Boxes[5].Action = "  " }},
		{"weights", func(s *Settings) { s.Weights["boss"] = 1 }},
		{"weights.peer", func(s *Settings) { s.Weights[assess.SourcePeer] = MaxWeight + 1 }},
		{"weights", func(s *Settings) {
			for k := range s.Weights {
				s.Weights[k] = 0
			}
		}},
		{"approval", func(s *Settings) { s.Approval = nil }},
		{"approval", func(s *Settings) { s.Approval = []string{"atasan", "bupati"} }},
		{"approval", func(s *Settings) { s.Approval = []string{"atasan", "atasan"} }},
	}
	for _, c := range cases {
		s := Default()
		c.edit(&s)
		err := s.Validate()
		if ae, ok := err.(*apperr.Error); !ok || ae.Code != apperr.EINVALID || ae.Field != c.field {
			t.Errorf("want an invalid %s, got %v", c.field, err)
		}
	}
}

// TestStale: each change names what it makes stale; the 9-box wording and
// potential thresholds need nothing (the map is placed when read).
func TestStale(t *testing.T) {
	old := Default()
	cases := []struct {
		name string
		edit func(s *Settings)
		want Work
	}{
		{"nothing", func(s *Settings) {}, Work{}},
		{"box wording", func(s *Settings) { s.Boxes[9].Label = "Bintang" }, Work{}},
		{"potential", func(s *Settings) { s.Potential.High = gap.Percent(92) }, Work{}},
		{"teacher age", func(s *Settings) { s.Retirement.Teacher = 61 }, Work{Retirement: true}},
		{"jenjang age", func(s *Settings) { s.Retirement.Jenjangs["mahir"] = 59 }, Work{Retirement: true}},
		{"threshold", func(s *Settings) { s.JPM.MemenuhiSyarat = gap.Percent(85) }, Work{JPM: true}},
		{"raw JPM", func(s *Settings) { s.JPM.UseRaw = true }, Work{JPM: true}},
		{"weight", func(s *Settings) { s.Weights[assess.SourceSelf] = 2 }, Work{Levels: true, JPM: true}},
	}
	for _, c := range cases {
		s := Default()
		c.edit(&s)
		if got := s.Stale(old); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestApprovalChain: the default chain is the supervisor then the OPD head;
// a government may keep only the supervisor.
func TestApprovalChain(t *testing.T) {
	d := Default()
	if got := d.Chain(); len(got) != 2 || got[0] != model.StepSupervisor || got[1] != model.StepOPDHead {
		t.Errorf("default chain %v", got)
	}
	d.Approval = []string{"atasan"}
	if err := d.Validate(); err != nil {
		t.Errorf("supervisor only refused: %v", err)
	}
	if d.Stale(Default()).Any() {
		t.Error("a chain change makes stored values stale")
	}
}
