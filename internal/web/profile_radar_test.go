package web

import (
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
