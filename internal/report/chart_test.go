package report

import (
	"math"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
)

// fillAt is the colour a reader sees at pt: the fill of the last (topmost)
// shape covering it, white where none does.
func fillAt(s *Scene, pt Point) RGB {
	c := RGB{255, 255, 255}
	for _, it := range s.items {
		if it.fill.none() {
			continue
		}
		switch {
		case it.kind == kindPoly && insidePolygon(it.pts, pt),
			it.kind == kindCircle && math.Hypot(pt.X-it.pts[0].X, pt.Y-it.pts[0].Y) <= it.r:
			c = it.fill.Color
		}
	}
	return c
}

// insidePolygon is the even-odd rule.
func insidePolygon(pts []Point, p Point) bool {
	in := false
	for i, j := 0, len(pts)-1; i < len(pts); j, i = i, i+1 {
		a, b := pts[i], pts[j]
		if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
			in = !in
		}
	}
	return in
}

// strokeNear reports whether a line of colour c passes within tol of p.
func strokeNear(s *Scene, p Point, c RGB, tol float64) bool {
	for _, it := range s.items {
		if it.stroke.none() || it.stroke.Color != c || it.kind == kindText {
			continue
		}
		pts := it.pts
		if it.kind == kindPoly {
			pts = append(pts[:len(pts):len(pts)], pts[0])
		}
		for i := 1; i < len(pts); i++ {
			seg := [4]float64{pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y}
			dx, dy := seg[2]-seg[0], seg[3]-seg[1]
			t := math.Max(0, math.Min(1, ((p.X-seg[0])*dx+(p.Y-seg[1])*dy)/(dx*dx+dy*dy)))
			if math.Hypot(p.X-(seg[0]+t*dx), p.Y-(seg[1]+t*dy)) <= tol {
				return true
			}
		}
	}
	return false
}

// TestRadarShapes: the radar's dots sit at each actual level in the actual
// colour and the dashed standard line passes through each required level;
// pages (SVG) and PDFs draw this same scene.
func TestRadarShapes(t *testing.T) {
	axes := []RadarAxis{{"1", 3, 2}, {"2", 3, 3}, {"3", 2, 0}, {"4", 4, 5}, {"5", 2, 1}}
	s := RadarChart(axes, "Standar", "Aktual")
	if s.W != 400 || s.H != 430 {
		t.Fatalf("size %v×%v, want 400×430", s.W, s.H)
	}
	if c := fillAt(s, Point{2, 2}); c != (RGB{255, 255, 255}) {
		t.Errorf("corner %v, want white", c)
	}
	for i, a := range axes {
		if a.Actual == 0 {
			// Not assessed: no level, so nothing of the actual profile at the
			// centre (it is not level 0), and no filled polygon.
			if c := fillAt(s, RadarPoint(i, len(axes), 0)); c == RadarActual {
				t.Errorf("axis %d, not assessed, is drawn at level 0", i)
			}
			continue
		}
		if c := fillAt(s, RadarPoint(i, len(axes), float64(a.Actual))); c != RadarActual {
			t.Errorf("axis %d level %d: %v, want the actual colour", i, a.Actual, c)
		}
		if !strokeNear(s, RadarPoint(i, len(axes), float64(a.Required)), RadarRequired, 0.5) {
			t.Errorf("axis %d: no standard line through its required level %d", i, a.Required)
		}
	}
	if svg := string(s.SVG(SVGOptions{})); strings.Contains(svg, `class="radar-actual"`) {
		t.Error("a partly assessed profile is drawn as a filled polygon")
	}
	if RadarChart(nil, "", "") != nil {
		t.Error("a radar without axes should be nil")
	}
}

func TestRadarSVG(t *testing.T) {
	svg := string(RadarChart([]RadarAxis{{"1", 2, 1}, {"2", 3, 3}, {"3", 2, 2}}, "Standar", "Aktual <1>").SVG(SVGOptions{ID: "r", Title: "T & D"}))
	for _, w := range []string{`class="radar-required"`, `class="radar-actual"`, `stroke-dasharray="6 4"`, `fill-opacity="0.3"`,
		"Aktual &lt;1&gt;", "T &amp; D", `aria-labelledby="r-title r-desc"`} {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
	if strings.Contains(svg, "style=") {
		t.Error("SVG uses a style attribute (the page's CSP forbids inline styles)")
	}
}

func TestHeatMapColours(t *testing.T) {
	cols := []HeatColumn{{1, "Integritas"}, {2, "Kerjasama"}, {3, "Komunikasi"}}
	rows := []HeatRow{
		{"Dinas Komunikasi dan Informatika · 12", []HeatCell{{10000, 1, 1}, {2500, 1, 4}, {-1, 0, 0}}},
		{"Dinas Kesehatan · 3", []HeatCell{{0, 0, 3}, {4500, 9, 20}, {6000, 3, 5}}},
	}
	s := HeatMapChart(i18n.ID, cols, rows)
	header, _ := heatHeader(cols)
	for r, row := range rows {
		for c, cell := range row.Cells {
			// A point in the cell's padding, clear of its text.
			x := heatLabelW + heatColW*float64(c) + 4
			y := header + heatRowH*float64(r) + 5
			want := heatColour(HeatBin(cell.Share))[0]
			if got := fillAt(s, Point{x, y}); got != want {
				t.Errorf("cell %d,%d (share %d): colour %v, want %v", r, c, cell.Share, got, want)
			}
		}
	}
	if HeatBin(-1) != -1 || HeatBin(0) != 0 || HeatBin(1999) != 0 || HeatBin(2000) != 1 || HeatBin(10000) != 4 {
		t.Error("HeatBin bins")
	}
	if PercentWhole(i18n.ID, 7450) != "75 %" || PercentWhole(i18n.EN, 7450) != "75%" || PercentWhole(i18n.ID, -1) != "—" {
		t.Error("PercentWhole")
	}
}

func TestJPMChart(t *testing.T) {
	rows := []JPMRow{
		{Label: "Dinas Komunikasi dan Informatika", Counts: [4]int{gap.MappingUnknown: 0, gap.KurangOptimal: 1000, gap.CukupOptimal: 1000, gap.Optimal: 2000}},
		{Label: "Dinas Kosong"},
		{Label: "Jumlah", Counts: [4]int{gap.KurangOptimal: 1000, gap.CukupOptimal: 1000, gap.Optimal: 2000}, Total: true},
	}
	s := JPMChart(i18n.ID, rows)
	svg := string(s.SVG(SVGOptions{ID: "jpm", Natural: true}))
	// Counts are text, Indonesian style, with the categories named.
	for _, w := range []string{">1.000<", ">2.000<", ">4.000<", "Kurang", "Cukup", "Optimal", "dinilai", "Dinas Kosong",
		`class="jpm-kurang_optimal"`, `class="jpm-optimal"`, `width="690"`} {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
	if en := string(JPMChart(i18n.EN, rows).SVG(SVGOptions{})); !strings.Contains(en, ">1,000<") || !strings.Contains(en, "Less than") {
		t.Error("English chart lacks English numbers or labels")
	}
	// First row's bar: a quarter Kurang, a quarter Cukup, half Optimal.
	header := 14 + 3*11.0 + 6
	y := header + (jpmRowH-jpmBarH)/2 + 2
	for _, tt := range []struct {
		frac float64
		c    gap.MappingCategory
	}{{0.03, gap.KurangOptimal}, {0.3, gap.CukupOptimal}, {0.55, gap.Optimal}, {0.97, gap.Optimal}} {
		x := jpmBarX + jpmBarW*tt.frac
		if got := fillAt(s, Point{x, y}); got != jpmColours[tt.c][0] {
			t.Errorf("bar at %.0f %%: %v, want the colour of %v", tt.frac*100, got, tt.c)
		}
	}
	// The empty row's bar is an outline with white inside.
	y2 := header + jpmRowH + jpmRowH/2
	if got := fillAt(s, Point{jpmBarX + jpmBarW/2, y2}); got != (RGB{255, 255, 255}) {
		t.Errorf("empty bar inside: %v", got)
	}
}

func TestTextFitting(t *testing.T) {
	if w := TextWidth("Integritas", 10, false); w < 30 || w > 70 {
		t.Errorf("width of Integritas at 10: %v", w)
	}
	long := "Dinas Komunikasi dan Informatika Kota Medan"
	f := Fit(long, 10, 80, false)
	if !strings.HasSuffix(f, "…") || TextWidth(f, 10, false) > 80 {
		t.Errorf("Fit gave %q", f)
	}
	if Fit("Dinas", 10, 80, false) != "Dinas" {
		t.Error("Fit changed a short text")
	}
	lines := Wrap(long, 10, 100, false)
	if len(lines) < 2 || strings.Join(lines, " ") != long {
		t.Errorf("Wrap gave %q", lines)
	}
}
