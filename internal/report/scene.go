package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Scene is a chart as a list of shapes in user units (origin top left, y
// down, like SVG). Builders such as RadarChart fill it; SVG and drawScene write
// it out. Keeping one description for both outputs is what makes the chart
// in a PDF the same as the one on the page.
type Scene struct {
	W, H  float64
	items []shape
}

// RGB is an opaque colour.
type RGB struct{ R, G, B uint8 }

// hex writes the colour as #rrggbb for SVG.
func (c RGB) hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Paint is a colour with an opacity; the zero Paint paints nothing.
type Paint struct {
	Color   RGB
	Opacity float64 // 0 < Opacity ≤ 1
}

// Solid is an opaque paint.
func Solid(c RGB) Paint { return Paint{Color: c, Opacity: 1} }

func (p Paint) none() bool { return p.Opacity <= 0 }

// Anchor is the horizontal alignment of a text at its x.
type Anchor int

// Text anchors, as SVG's text-anchor.
const (
	Start Anchor = iota
	Middle
	End
)

type shapeKind int

const (
	kindPoly shapeKind = iota // closed polygon (rectangles too)
	kindLine                  // open polyline
	kindCircle
	kindText
)

// shape is one element of a scene.
type shape struct {
	kind   shapeKind
	pts    []Point
	r      float64 // circle radius
	fill   Paint
	stroke Paint
	width  float64   // stroke width
	dash   []float64 // stroke dash pattern, nil for solid
	text   string
	size   float64
	anchor Anchor
	bold   bool
	class  string // SVG class, for pages and tests
}

// Point is a position in user units.
type Point struct{ X, Y float64 }

// NewScene starts an empty scene of the given size.
func NewScene(w, h float64) *Scene { return &Scene{W: w, H: h} }

// Rect adds a filled (and optionally outlined) rectangle.
func (s *Scene) Rect(x, y, w, h float64, fill, stroke Paint, class string) {
	s.items = append(s.items, shape{kind: kindPoly, pts: []Point{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}},
		fill: fill, stroke: stroke, width: 1, class: class})
}

// Polygon adds a closed polygon.
func (s *Scene) Polygon(pts []Point, fill, stroke Paint, width float64, dash []float64, class string) {
	s.items = append(s.items, shape{kind: kindPoly, pts: pts, fill: fill, stroke: stroke, width: width, dash: dash, class: class})
}

// Line adds a straight line.
func (s *Scene) Line(x1, y1, x2, y2 float64, stroke Paint, width float64, dash []float64) {
	s.items = append(s.items, shape{kind: kindLine, pts: []Point{{x1, y1}, {x2, y2}}, stroke: stroke, width: width, dash: dash})
}

// Circle adds a circle.
func (s *Scene) Circle(cx, cy, r float64, fill, stroke Paint, width float64) {
	s.items = append(s.items, shape{kind: kindCircle, pts: []Point{{cx, cy}}, r: r, fill: fill, stroke: stroke, width: width})
}

// Text adds a one-line text whose baseline starts (Start), is centred
// (Middle) or ends (End) at x, y.
func (s *Scene) Text(x, y float64, text string, size float64, anchor Anchor, c RGB, bold bool) {
	s.items = append(s.items, shape{kind: kindText, pts: []Point{{x, y}}, text: text, size: size, anchor: anchor,
		fill: Solid(c), bold: bold})
}

// SVGOptions are the attributes of the <svg> element.
type SVGOptions struct {
	ID, Class   string
	Title, Desc string // accessible name and description
	// Natural draws the image at one pixel per user unit instead of
	// scaling it to the container's width: wide charts then scroll
	// sideways on a phone (inside a .scroll box) rather than shrink their
	// labels below legibility.
	Natural bool
}

// SVG writes the scene as an inline SVG image that scales to its
// container. Colours are presentation attributes rather than style
// attributes, so a Content-Security-Policy without inline styles holds.
func (s *Scene) SVG(o SVGOptions) template.HTML {
	esc := template.HTMLEscapeString
	var b strings.Builder
	size := `width="100%"`
	if o.Natural {
		size = fmt.Sprintf(`width="%s" height="%s"`, num(math.Ceil(s.W)), num(math.Ceil(s.H)))
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %s %s" %s font-family="sans-serif" role="img"`, num(s.W), num(s.H), size)
	if o.ID != "" {
		fmt.Fprintf(&b, ` id="%s" aria-labelledby="%s-title %s-desc"`, esc(o.ID), esc(o.ID), esc(o.ID))
	}
	if o.Class != "" {
		fmt.Fprintf(&b, ` class="%s"`, esc(o.Class))
	}
	b.WriteString(`>`)
	if o.ID != "" {
		fmt.Fprintf(&b, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(o.ID), esc(o.Title), esc(o.ID), esc(o.Desc))
	} else {
		fmt.Fprintf(&b, `<title>%s</title><desc>%s</desc>`, esc(o.Title), esc(o.Desc))
	}
	for _, it := range s.items {
		cls := ""
		if it.class != "" {
			cls = ` class="` + esc(it.class) + `"`
		}
		switch it.kind {
		case kindPoly:
			fmt.Fprintf(&b, `<polygon%s points="%s"%s%s/>`, cls, svgPoints(it.pts), fillAttr(it.fill), strokeAttr(it))
		case kindLine:
			fmt.Fprintf(&b, `<polyline%s points="%s" fill="none"%s/>`, cls, svgPoints(it.pts), strokeAttr(it))
		case kindCircle:
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s"%s%s/>`, num(it.pts[0].X), num(it.pts[0].Y), num(it.r), fillAttr(it.fill), strokeAttr(it))
		case kindText:
			anchor := [...]string{"start", "middle", "end"}[it.anchor]
			weight := ""
			if it.bold {
				weight = ` font-weight="700"`
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="%s" font-size="%s"%s fill="%s">%s</text>`,
				num(it.pts[0].X), num(it.pts[0].Y), anchor, num(it.size), weight, it.fill.Color.hex(), esc(it.text))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// num writes a coordinate with at most one decimal.
func num(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}

func svgPoints(pts []Point) string {
	parts := make([]string, len(pts))
	for i, p := range pts {
		parts[i] = num(p.X) + "," + num(p.Y)
	}
	return strings.Join(parts, " ")
}

func fillAttr(p Paint) string {
	if p.none() {
		return ` fill="none"`
	}
	if p.Opacity < 1 {
		return fmt.Sprintf(` fill="%s" fill-opacity="%s"`, p.Color.hex(), strings.TrimSuffix(fmt.Sprintf("%.2f", p.Opacity), "0"))
	}
	return ` fill="` + p.Color.hex() + `"`
}

func strokeAttr(it shape) string {
	if it.stroke.none() {
		return ""
	}
	s := fmt.Sprintf(` stroke="%s" stroke-width="%s"`, it.stroke.Color.hex(), num(it.width))
	if len(it.dash) > 0 {
		d := make([]string, len(it.dash))
		for i, v := range it.dash {
			d[i] = num(v)
		}
		s += ` stroke-dasharray="` + strings.Join(d, " ") + `"`
	}
	return s
}
