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
)

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
	fmt.Fprintf(&b, `<svg class="radar" id="radar" viewBox="40 20 400 430" width="100%%" role="img" aria-labelledby="radar-title radar-desc" xmlns="http://www.w3.org/2000/svg">`)
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
		// Axes carry the row numbers of the gaps table beside the chart:
		// competency names do not fit around a chart on a phone.
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="20" font-weight="600" fill="#333">%s</text>`, lx, ly+7, anchor, esc(a.Label))
		req[i], act[i] = min(max(a.Required, 0), radarMax), min(max(a.Actual, 0), radarMax)
	}
	fmt.Fprintf(&b, `<polygon class="radar-required" points="%s" fill="none" stroke="#b45309" stroke-width="2" stroke-dasharray="6 4"/>`, radarPolygon(req))
	fmt.Fprintf(&b, `<polygon class="radar-actual" points="%s" fill="#2563eb" fill-opacity="0.3" stroke="#2563eb" stroke-width="2"/>`, radarPolygon(act))
	for i := range act {
		x, y := radarPoint(i, n, float64(act[i]))
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#2563eb"/>`, x, y)
	}
	// Legend.
	fmt.Fprintf(&b, `<line x1="60" y1="430" x2="100" y2="430" stroke="#b45309" stroke-width="3" stroke-dasharray="6 4"/><text x="108" y="437" font-size="20" fill="#333">%s</text>`, esc(reqLabel))
	fmt.Fprintf(&b, `<rect x="250" y="420" width="36" height="20" fill="#2563eb" fill-opacity="0.3" stroke="#2563eb"/><text x="294" y="437" font-size="20" fill="#333">%s</text>`, esc(actLabel))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
