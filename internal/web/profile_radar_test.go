package web

import (
	"fmt"
	"strings"
	"testing"
)

// TestRadarAxesNamed: the radar's spokes carry the competencies' names,
// wrapped into short lines, not numbers that send the reader to a table.
func TestRadarAxesNamed(t *testing.T) {
	svg := string(radarSVG([]radarAxis{
		{Label: "Pengembangan Diri dan Orang Lain", Required: 3, Actual: 2},
		{Label: "Integritas", Required: 3, Actual: 3},
		{Label: "Kerjasama", Required: 2, Actual: 1},
	}, "Radar", "desc", "Standar", "Aktual"))
	for _, want := range []string{">Pengembangan</tspan>", ">Diri dan Orang</tspan>", ">Lain</tspan>", ">Integritas</tspan>", ">Kerjasama</tspan>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the radar lacks the label line %q", want)
		}
	}
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Integritas", []string{"Integritas"}},
		{"Orientasi pada Hasil", []string{"Orientasi pada", "Hasil"}},
		{"Pengambilan Keputusan", []string{"Pengambilan", "Keputusan"}},
		{"", []string{""}},
	} {
		if got := wrapLabel(tt.in, radarLabelWidth); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRadarLeavesUnassessedOut: a competency not assessed is not drawn as
// level 0: no dot at the centre, and the actual line only joins assessed
// neighbours (unfilled); a complete profile is the filled polygon.
func TestRadarLeavesUnassessedOut(t *testing.T) {
	partial := string(radarSVG([]radarAxis{
		{Label: "A", Required: 3, Actual: 2}, {Label: "B", Required: 3, Actual: 0},
		{Label: "C", Required: 3, Actual: 3}, {Label: "D", Required: 3, Actual: 4},
	}, "Radar", "desc", "Standar", "Aktual"))
	if strings.Contains(partial, `class="radar-actual" points=`) || !strings.Contains(partial, `radar-partial`) {
		t.Errorf("a partly assessed profile is drawn as a closed polygon:\n%s", partial)
	}
	if strings.Count(partial, `r="3" fill="#2563eb"`) != 3 {
		t.Errorf("want a dot on the three assessed axes only:\n%s", partial)
	}
	cx, cy := radarPoint(0, 4, 0)
	if strings.Contains(partial, fmt.Sprintf(`cx="%.1f" cy="%.1f" r="3"`, cx, cy)) {
		t.Error("a dot at the centre for the unassessed competency")
	}
	// C–D and D–A join; A–B and B–C do not.
	if n := strings.Count(partial, "M"); n != 2 {
		t.Errorf("%d segments, want 2:\n%s", n, partial)
	}
	full := string(radarSVG([]radarAxis{{Label: "A", Required: 3, Actual: 2}, {Label: "B", Required: 3, Actual: 1}, {Label: "C", Required: 3, Actual: 3}},
		"Radar", "desc", "Standar", "Aktual"))
	if !strings.Contains(full, `class="radar-actual" points=`) {
		t.Errorf("a complete profile lacks its polygon:\n%s", full)
	}
}
