package gap

import (
	"testing"
	"time"
)

func TestTalentYears(t *testing.T) {
	for _, tt := range []struct {
		now  time.Time
		want [2]int
	}{
		{time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), [2]int{2024, 2025}},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), [2]int{2024, 2025}}, // last year's SKP is final from 1 January
	} {
		if got := TalentYears(tt.now); got != tt.want {
			t.Errorf("TalentYears(%s) = %v, want %v", tt.now.Format(time.DateOnly), got, tt.want)
		}
	}
}

func TestPlaceTalent(t *testing.T) {
	tests := []struct {
		name     string
		predikat [2]string
		jpm      Fixed
		assessed int
		excluded bool
		box      int
		pool     bool
	}{
		{"very good twice, high JPM", [2]string{"Sangat Baik", "sangat_baik"}, Percent(95), 3, false, 9, true},
		{"the lower year counts", [2]string{"Baik", "Sangat Baik"}, Percent(95), 3, false, 8, true},
		{"one year unknown: the other", [2]string{"", "Sangat Baik"}, Percent(80), 3, false, 7, true},
		{"medium from 78 %", [2]string{"Baik", "Baik"}, Percent(78), 3, false, 5, false},
		{"low below 78 %", [2]string{"Baik", "Baik"}, Percent(77), 3, false, 2, false},
		{"below expectations", [2]string{"Kurang", "Baik"}, Percent(90), 3, false, 6, false},
		{"nothing assessed: cannot be placed", [2]string{"Sangat Baik", "Sangat Baik"}, 0, 0, false, 0, false},
		{"partly assessed: no box, however high the provisional JPM", [2]string{"Sangat Baik", "Sangat Baik"}, Percent(100), 2, false, 0, false},
		{"complete JPM 0 would be low", [2]string{"Baik", "Baik"}, 0, 3, false, 2, false},
		{"no SKP: cannot be placed", [2]string{"", "?"}, Percent(95), 3, false, 0, false},
		{"a penalty keeps box 9 out of the pool", [2]string{"Sangat Baik", "Sangat Baik"}, Percent(95), 3, true, 9, false},
	}
	for _, tt := range tests {
		b := PlaceTalent(tt.predikat, tt.jpm, tt.assessed, 3, tt.excluded)
		if b.Number != tt.box || b.TalentPool != tt.pool || b.NotEligible != (tt.excluded && tt.box >= 7) {
			t.Errorf("%s: box %d pool %v not eligible %v, want box %d pool %v", tt.name, b.Number, b.TalentPool, b.NotEligible, tt.box, tt.pool)
		}
		if b.NotAssessed != (tt.assessed < 3) || (b.NotAssessed && (b.Assessed != tt.assessed || b.Total != 3)) {
			t.Errorf("%s: not assessed %v (%d of %d)", tt.name, b.NotAssessed, b.Assessed, b.Total)
		}
	}
}

func TestTalentMapCounts(t *testing.T) {
	m := NewTalentMap(time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC))
	if m.Years != [2]int{2024, 2025} || !m.DisciplineKnown {
		t.Errorf("new map: %+v", m)
	}
	for i, b := range m.Boxes {
		if b.Number != i || b.Label == "" {
			t.Errorf("box %d numbered %d, label %q", i, b.Number, b.Label)
		}
	}
	for _, b := range []Box{
		PlaceTalent([2]string{"Sangat Baik", "Sangat Baik"}, Percent(95), 3, 3, false),
		PlaceTalent([2]string{"Sangat Baik", "Sangat Baik"}, Percent(95), 3, 3, true),
		PlaceTalent([2]string{"Baik", "Baik"}, Percent(50), 3, 3, false),
		PlaceTalent([2]string{"", ""}, Percent(50), 3, 3, false),
		PlaceTalent([2]string{"Sangat Baik", "Sangat Baik"}, Percent(100), 1, 3, false), // partly assessed
		PlaceTalent([2]string{"Baik", "Baik"}, 0, 0, 3, false),                          // not assessed at all
	} {
		m.Add(b)
	}
	if m.Total != 6 || m.Counts[9] != 2 || m.Counts[2] != 1 || m.Counts[0] != 3 || m.NotEligible != 1 || m.NotAssessed != 2 {
		t.Errorf("counts %v total %d not eligible %d not assessed %d", m.Counts, m.Total, m.NotEligible, m.NotAssessed)
	}
}

// TestParseMapping: stored codes read back as their category; anything
// else is unknown (the needs analysis counts it as "no JPM").
func TestParseMapping(t *testing.T) {
	for code, want := range map[string]MappingCategory{
		"kurang_optimal": KurangOptimal, "cukup_optimal": CukupOptimal, "optimal": Optimal,
		"unknown": MappingUnknown, "": MappingUnknown, "Optimal": MappingUnknown,
	} {
		if got := ParseMapping(code); got != want {
			t.Errorf("ParseMapping(%q) = %v, want %v", code, got, want)
		}
	}
	for _, c := range []MappingCategory{KurangOptimal, CukupOptimal, Optimal, MappingUnknown} {
		if got := ParseMapping(c.String()); got != c {
			t.Errorf("round trip of %v gave %v", c, got)
		}
	}
}
