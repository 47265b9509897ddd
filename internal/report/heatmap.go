package report

import (
	"fmt"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
)

// HeatColumn is one competency column of the heat-map.
type HeatColumn struct {
	Rank int // place in the ranked needs, shown above the name
	Name string
}

// HeatRow is one unit row of the heat-map.
type HeatRow struct {
	Label string // unit name, with the employee count or "(direct)" as the caller words it
	Cells []HeatCell
}

// HeatCell is a unit's subtree in one competency.
type HeatCell struct {
	Share           gap.Fixed // share short in hundredths of a percent; -1 when nobody is assessed
	Short, Assessed int
}

// HeatBin is the colour class of a share short: five bins of 20 points
// (0–4), and -1 when nobody is assessed. The page's CSS classes heat-0 …
// heat-4 and heat-na use the same bins and the colours of heatColours.
func HeatBin(f gap.Fixed) int {
	if f < 0 {
		return -1
	}
	return min(int(f/2000), 4)
}

// heatColours are background and text colours of the bins, as in the
// page's style sheet (index 5: not assessed).
var heatColours = [6][2]RGB{
	{{0xe8, 0xf5, 0xe9}, {0x1b, 0x4d, 0x20}},
	{{0xff, 0xf3, 0xc4}, {0x4d, 0x3d, 0x00}},
	{{0xff, 0xd0, 0x8a}, {0x4d, 0x2a, 0x00}},
	{{0xf5, 0x9a, 0x6b}, {0x3d, 0x13, 0x00}},
	{{0xc0, 0x39, 0x2b}, {0xff, 0xff, 0xff}},
	{{0xf1, 0xf3, 0xf5}, {0x66, 0x66, 0x77}},
}

func heatColour(bin int) [2]RGB {
	if bin < 0 {
		return heatColours[5]
	}
	return heatColours[bin]
}

// PercentWhole writes a share as a whole percentage the way lang writes it
// ("75 %", "75%"), "—" when nobody is assessed.
func PercentWhole(lang i18n.Lang, f gap.Fixed) string {
	if f < 0 {
		return "—"
	}
	n := (int64(f) + 50) / 100
	if lang == i18n.EN {
		return fmt.Sprintf("%d%%", n)
	}
	return fmt.Sprintf("%d %%", n)
}

// Heat-map geometry.
const (
	heatLabelW = 210.0
	heatColW   = 66.0
	heatRowH   = 34.0
	heatNameSz = 9.0
	heatPad    = 4.0
)

var (
	inkDark  = RGB{0x22, 0x22, 0x22}
	inkMuted = RGB{0x66, 0x66, 0x77}
	gridLine = RGB{0xdd, 0xdd, 0xdd}
)

// HeatMapChart draws units × competencies coloured by the share short, with
// the percentage and "short/assessed" in every cell (so the numbers read
// without colour) and a legend of the bins.
func HeatMapChart(lang i18n.Lang, cols []HeatColumn, rows []HeatRow) *Scene {
	nc := max(len(cols), 1)
	header, names := heatHeader(cols)
	legendH := 28.0
	w := heatLabelW + heatColW*float64(nc)
	h := header + heatRowH*float64(len(rows)) + legendH + 6
	s := NewScene(w, h)
	s.Text(heatPad, header-heatPad-2, i18n.T(lang, "report.unit"), 11, Start, inkDark, true)
	for i, c := range cols {
		x := heatLabelW + heatColW*float64(i)
		s.Text(x+heatColW/2, 13, fmt.Sprint(c.Rank), 11, Middle, inkMuted, true)
		for j, l := range names[i] {
			s.Text(x+heatColW/2, 15+float64(j+1)*(heatNameSz+2), l, heatNameSz, Middle, inkDark, false)
		}
	}
	s.Line(0, header, w, header, Solid(inkMuted), 1, nil)
	for r, row := range rows {
		y := header + heatRowH*float64(r)
		lines := Wrap(row.Label, 10.5, heatLabelW-2*heatPad, false)
		if len(lines) > 2 {
			lines = []string{lines[0], Fit(joinWords(lines[1:]), 10.5, heatLabelW-2*heatPad, false)}
		}
		for j, l := range lines {
			s.Text(heatPad, y+14+float64(j)*13, l, 10.5, Start, inkDark, false)
		}
		for i := range cols {
			x := heatLabelW + heatColW*float64(i)
			c := HeatCell{Share: -1}
			if i < len(row.Cells) {
				c = row.Cells[i]
			}
			col := heatColour(HeatBin(c.Share))
			s.Rect(x+1, y+1, heatColW-2, heatRowH-2, Solid(col[0]), Paint{}, "")
			s.Text(x+heatColW/2, y+15, PercentWhole(lang, c.Share), 11, Middle, col[1], true)
			s.Text(x+heatColW/2, y+28, fmt.Sprintf("%s/%s", i18n.Number(lang, int64(c.Short)), i18n.Number(lang, int64(c.Assessed))), 9, Middle, col[1], false)
		}
		s.Line(0, y+heatRowH, heatLabelW, y+heatRowH, Solid(gridLine), 1, nil)
	}
	// Legend: one swatch per bin with its range.
	y := header + heatRowH*float64(len(rows)) + 10
	x := heatPad
	labels := []string{"0–19 %", "20–39 %", "40–59 %", "60–79 %", "80–100 %", i18n.T(lang, "needs.not_assessed_bin")}
	if lang == i18n.EN {
		labels[0], labels[1], labels[2], labels[3], labels[4] = "0–19%", "20–39%", "40–59%", "60–79%", "80–100%"
	}
	for i, l := range labels {
		bin := i
		if i == 5 {
			bin = -1
		}
		s.Rect(x, y, 12, 12, Solid(heatColour(bin)[0]), Solid(RGB{0xbb, 0xbb, 0xbb}), "")
		s.Text(x+16, y+10.5, l, 10, Start, inkDark, false)
		x += 16 + TextWidth(l, 10, false) + 14
	}
	s.W = max(s.W, x)
	return s
}

// heatHeader lays out the column headings: the rank, then up to three
// lines of the competency name; it returns the header's height and the
// lines.
func heatHeader(cols []HeatColumn) (float64, [][]string) {
	header := 16.0
	names := make([][]string, len(cols))
	for i, c := range cols {
		lines := Wrap(c.Name, heatNameSz, heatColW-2*heatPad, false)
		if len(lines) > 3 {
			lines = lines[:3]
			lines[2] = Fit(lines[2]+" …", heatNameSz, heatColW-2*heatPad, false)
		}
		names[i] = lines
		header = max(header, 16+float64(len(lines))*(heatNameSz+2))
	}
	return header + heatPad, names
}

// joinWords joins lines back with spaces.
func joinWords(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += " "
		}
		out += l
	}
	return out
}
