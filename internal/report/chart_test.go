package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
)

// near reports whether two colours differ by at most tol per channel.
func near(c color.Color, want RGB, tol int) bool {
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint8) bool { return math.Abs(float64(int(x>>8)-int(y))) <= float64(tol) }
	return d(r, want.R) && d(g, want.G) && d(b, want.B)
}

// pngRoundTrip encodes and decodes img, as a PDF reader would get it.
func pngRoundTrip(t *testing.T, img image.Image) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	out, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRadarPNG(t *testing.T) {
	axes := []RadarAxis{{"1", 3, 2}, {"2", 3, 3}, {"3", 2, 0}, {"4", 4, 5}, {"5", 2, 1}}
	s := RadarChart(axes, "Standar", "Aktual")
	img := pngRoundTrip(t, must(s.PNG(2)))
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 860 {
		t.Fatalf("size %v, want 800×860 (400×430 at scale 2)", b)
	}
	white := RGB{255, 255, 255}
	if !near(img.At(2, 2), white, 0) {
		t.Errorf("corner %v, want white", img.At(2, 2))
	}
	// Every actual level has a dot in the actual colour at its point.
	for i, a := range axes {
		p := RadarPoint(i, len(axes), float64(a.Actual))
		if c := img.At(int(p.X*2), int(p.Y*2)); !near(c, RadarActual, 8) {
			t.Errorf("axis %d level %d at %v: %v, want the actual colour", i, a.Actual, p, c)
		}
	}
	// The required level of axis 3 (4) is on the dashed required line or
	// in one of its gaps; somewhere within the dash pattern's length along
	// the outline there is the required colour.
	found := false
	a, b := RadarPoint(3, 5, 4), RadarPoint(4, 5, 2)
	for k := 0; k <= 20 && !found; k++ {
		x, y := a.X+(b.X-a.X)*float64(k)/40, a.Y+(b.Y-a.Y)*float64(k)/40
		found = near(img.At(int(x*2), int(y*2)), RadarRequired, 40)
	}
	if !found {
		t.Error("no required-profile stroke near the required level of axis 4")
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

func TestHeatMapPNG(t *testing.T) {
	cols := []HeatColumn{{1, "Integritas"}, {2, "Kerjasama"}, {3, "Komunikasi"}}
	rows := []HeatRow{
		{"Dinas Komunikasi dan Informatika · 12", []HeatCell{{10000, 1, 1}, {2500, 1, 4}, {-1, 0, 0}}},
		{"Dinas Kesehatan · 3", []HeatCell{{0, 0, 3}, {4500, 9, 20}, {6000, 3, 5}}},
	}
	s := HeatMapChart(i18n.ID, cols, rows)
	img := pngRoundTrip(t, must(s.PNG(1)))
	if b := img.Bounds(); b.Dx() != int(math.Ceil(s.W)) || b.Dy() != int(math.Ceil(s.H)) {
		t.Fatalf("size %v, scene %v×%v", b, s.W, s.H)
	}
	header, _ := heatHeader(cols)
	for r, row := range rows {
		for c, cell := range row.Cells {
			// A point in the cell's padding, clear of its text.
			x := int(heatLabelW + heatColW*float64(c) + 4)
			y := int(header+heatRowH*float64(r)) + 5
			want := heatColour(HeatBin(cell.Share))[0]
			if got := img.At(x, y); !near(got, want, 6) {
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
	for _, w := range []string{">1.000<", ">2.000<", ">4.000<", "Kurang", "Cukup", "Optimal", "ditentukan", "Dinas Kosong",
		`class="jpm-kurang_optimal"`, `class="jpm-optimal"`, `width="690"`} {
		if !strings.Contains(svg, w) {
			t.Errorf("SVG lacks %q", w)
		}
	}
	if en := string(JPMChart(i18n.EN, rows).SVG(SVGOptions{})); !strings.Contains(en, ">1,000<") || !strings.Contains(en, "Less than") {
		t.Error("English chart lacks English numbers or labels")
	}
	img := pngRoundTrip(t, must(s.PNG(1)))
	// First row's bar: a quarter Kurang, a quarter Cukup, half Optimal.
	header := 14 + 3*11.0 + 6
	y := int(header + (jpmRowH-jpmBarH)/2 + 2)
	for _, tt := range []struct {
		frac float64
		c    gap.MappingCategory
	}{{0.03, gap.KurangOptimal}, {0.3, gap.CukupOptimal}, {0.55, gap.Optimal}, {0.97, gap.Optimal}} {
		x := int(jpmBarX + jpmBarW*tt.frac)
		if got := img.At(x, y); !near(got, jpmColours[tt.c][0], 6) {
			t.Errorf("bar at %.0f %%: %v, want the colour of %v", tt.frac*100, got, tt.c)
		}
	}
	// The empty row's bar is an outline with white inside.
	y2 := int(header + jpmRowH + jpmRowH/2)
	if got := img.At(int(jpmBarX+jpmBarW/2), y2); !near(got, RGB{255, 255, 255}, 0) {
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

func TestDashSegments(t *testing.T) {
	segs := dashSegments([]Point{{0, 0}, {20, 0}}, []float64{6, 4})
	// 0–6, 10–16 and the start of the next dash at 20 (none: the line ends).
	if len(segs) != 2 || segs[0][1].X != 6 || segs[1][0].X != 10 || segs[1][1].X != 16 {
		t.Errorf("segments %v", segs)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
