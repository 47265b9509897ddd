package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// radarAxis is one competency on the radar chart.
type radarAxis struct {
	Label    string
	Required int // 0–5
	Actual   int // 0–5, 0 = not assessed
}

// Geometry of the radar chart, in SVG user units.
const (
	radarCX, radarCY = 240.0, 200.0
	radarR           = 140.0
	radarMax         = 5
	// radarLabelWidth is the longest line of an axis label, in
	// characters; radarLineHeight the distance between its lines.
	radarLabelWidth = 14
	radarLineHeight = 19.0
)

// wrapLabel breaks s into lines of at most width characters at spaces
// (a longer word stands on its own line).
func wrapLabel(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// radarPoint returns the point at level lvl on axis i of n; axis 0 points
// up and the axes run clockwise.
func radarPoint(i, n int, lvl float64) (float64, float64) {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	r := radarR * lvl / radarMax
	return radarCX + r*math.Cos(a), radarCY + r*math.Sin(a)
}

// radarPolygon writes the points attribute of a polygon through the levels.
func radarPolygon(levels []int) string {
	var b strings.Builder
	for i, l := range levels {
		x, y := radarPoint(i, len(levels), float64(l))
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%.1f,%.1f", x, y)
	}
	return b.String()
}

// allAssessed reports whether every axis has a level.
func allAssessed(levels []int) bool {
	for _, l := range levels {
		if l == 0 {
			return false
		}
	}
	return true
}

// radarSegments writes a path through the levels that joins only
// neighbouring axes (the last one's neighbour is the first) that both have
// a level; an axis without one breaks the line.
func radarSegments(levels []int) string {
	var b strings.Builder
	n := len(levels)
	for i := range levels {
		j := (i + 1) % n
		if levels[i] == 0 || levels[j] == 0 || (n == 2 && j == 0) {
			continue
		}
		x1, y1 := radarPoint(i, n, float64(levels[i]))
		x2, y2 := radarPoint(j, n, float64(levels[j]))
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "M%.1f,%.1f L%.1f,%.1f", x1, y1, x2, y2)
	}
	return b.String()
}

// radarSVG draws the required and the actual profile over the axes as an
// inline, server-rendered SVG: rings for levels 1–5, one labelled spoke per
// competency, the required polygon dashed and the actual one filled. It is
// an image with a <title> and <desc>; the page's table is its text
// equivalent. Colours are presentation attributes, so the page's
// Content-Security-Policy (no inline styles) holds.
func radarSVG(axes []radarAxis, title, desc, reqLabel, actLabel string) template.HTML {
	n := len(axes)
	if n == 0 {
		return ""
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="radar" id="radar" viewBox="-60 -20 600 480" width="100%%" role="img" aria-labelledby="radar-title radar-desc" xmlns="http://www.w3.org/2000/svg">`)
	fmt.Fprintf(&b, `<title id="radar-title">%s</title><desc id="radar-desc">%s</desc>`, esc(title), esc(desc))
	ring := make([]int, n)
	for lvl := 1; lvl <= radarMax; lvl++ {
		for i := range ring {
			ring[i] = lvl
		}
		if n >= 3 {
			fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="#ccc" stroke-width="1"/>`, radarPolygon(ring))
		} else {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="#ccc" stroke-width="1"/>`, radarCX, radarCY, radarR*float64(lvl)/radarMax)
		}
	}
	req := make([]int, n)
	act := make([]int, n)
	for i, a := range axes {
		x, y := radarPoint(i, n, radarMax)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#bbb" stroke-width="1"/>`, radarCX, radarCY, x, y)
		lx, ly := radarPoint(i, n, radarMax+0.55)
		anchor := "middle"
		switch {
		case lx > radarCX+5:
			anchor = "start"
		case lx < radarCX-5:
			anchor = "end"
		}
		// Axes carry the competency's name, wrapped in short lines, so the
		// chart reads without the table beside it.
		lines := wrapLabel(a.Label, radarLabelWidth)
		ty := ly + 6
		switch {
		case ly < radarCY-5: // above the chart: the last line nearest to it
			ty -= float64(len(lines)-1) * radarLineHeight
		case ly <= radarCY+5: // beside it: centred on the spoke
			ty -= float64(len(lines)-1) * radarLineHeight / 2
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="17" font-weight="600" fill="#333">`, lx, ty, anchor)
		for j, line := range lines {
			dy := 0.0
			if j > 0 {
				dy = radarLineHeight
			}
			fmt.Fprintf(&b, `<tspan x="%.1f" dy="%.1f">%s</tspan>`, lx, dy, esc(line))
		}
		b.WriteString(`</text>`)
		req[i], act[i] = min(max(a.Required, 0), radarMax), min(max(a.Actual, 0), radarMax)
	}
	fmt.Fprintf(&b, `<polygon class="radar-required" points="%s" fill="none" stroke="#b45309" stroke-width="2" stroke-dasharray="6 4"/>`, radarPolygon(req))
	if allAssessed(act) {
		fmt.Fprintf(&b, `<polygon class="radar-actual" points="%s" fill="#2563eb" fill-opacity="0.3" stroke="#2563eb" stroke-width="2"/>`, radarPolygon(act))
	} else if d := radarSegments(act); d != "" {
		// A competency not assessed has no level, not level 0: the actual
		// profile is drawn only between neighbouring assessed axes, unfilled,
		// instead of dipping to the centre.
		fmt.Fprintf(&b, `<path class="radar-actual radar-partial" d="%s" fill="none" stroke="#2563eb" stroke-width="2"/>`, d)
	}
	for i := range act {
		if act[i] == 0 {
			continue
		}
		x, y := radarPoint(i, n, float64(act[i]))
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#2563eb"/>`, x, y)
	}
	// Legend.
	fmt.Fprintf(&b, `<line x1="40" y1="445" x2="80" y2="445" stroke="#b45309" stroke-width="3" stroke-dasharray="6 4"/><text x="88" y="452" font-size="20" fill="#333">%s</text>`, esc(reqLabel))
	fmt.Fprintf(&b, `<rect x="270" y="435" width="36" height="20" fill="#2563eb" fill-opacity="0.3" stroke="#2563eb"/><text x="314" y="452" font-size="20" fill="#333">%s</text>`, esc(actLabel))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
