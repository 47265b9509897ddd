package report

import (
	"fmt"
	"math"

	"github.com/signintech/gopdf"
)

// drawScene draws a scene into the PDF as vector shapes and text in the
// document's fonts, width points wide with its top-left corner at (x, y):
// the same Scene that pages show as SVG. Text stays text (sharp at any zoom,
// searchable, copyable) and a page of heat-map costs kilobytes; as images
// at print resolution the 8-page city analysis was 3.1 MB.
func (p *pdfWriter) drawScene(s *Scene, x, y, width float64) error {
	k := width / s.W
	at := func(q Point) gopdf.Point { return gopdf.Point{X: x + q.X*k, Y: y + q.Y*k} }
	poly := func(pts []Point) []gopdf.Point {
		out := make([]gopdf.Point, len(pts))
		for i, q := range pts {
			out[i] = at(q)
		}
		return out
	}
	defer p.resetDrawing()
	for _, it := range s.items {
		switch it.kind {
		case kindPoly, kindCircle:
			pts := it.pts
			if it.kind == kindCircle {
				pts = circlePoints(it.pts[0], it.r, 48)
			}
			if err := p.fill(poly(pts), it.fill); err != nil {
				return err
			}
			if err := p.stroke(poly(append(pts[:len(pts):len(pts)], pts[0])), it, k); err != nil {
				return err
			}
		case kindLine:
			if err := p.stroke(poly(it.pts), it, k); err != nil {
				return err
			}
		case kindText:
			if err := p.sceneText(it, at(it.pts[0]), k); err != nil {
				return err
			}
		}
	}
	return nil
}

// fill paints a closed polygon.
func (p *pdfWriter) fill(pts []gopdf.Point, paint Paint) error {
	if paint.none() || len(pts) < 3 {
		return nil
	}
	if err := p.opacity(paint); err != nil {
		return err
	}
	p.gp.SetFillColor(paint.Color.R, paint.Color.G, paint.Color.B)
	p.gp.Polygon(pts, "F")
	return nil
}

// stroke draws a polyline with the shape's stroke, width and dashes.
func (p *pdfWriter) stroke(pts []gopdf.Point, it shape, k float64) error {
	if it.stroke.none() || len(pts) < 2 {
		return nil
	}
	if err := p.opacity(it.stroke); err != nil {
		return err
	}
	p.gp.SetStrokeColor(it.stroke.Color.R, it.stroke.Color.G, it.stroke.Color.B)
	p.gp.SetLineWidth(max(it.width, 0.5) * k)
	if len(it.dash) > 0 {
		d := make([]float64, len(it.dash))
		for i, v := range it.dash {
			d[i] = v * k
		}
		p.gp.SetCustomLineType(d, 0)
	} else {
		p.gp.SetLineType("solid")
	}
	for i := 1; i < len(pts); i++ {
		p.gp.Line(pts[i-1].X, pts[i-1].Y, pts[i].X, pts[i].Y)
	}
	return nil
}

// sceneText writes a label with its baseline at q, anchored as the scene says.
func (p *pdfWriter) sceneText(it shape, q gopdf.Point, k float64) error {
	if it.text == "" {
		return nil
	}
	if err := p.opacity(it.fill); err != nil {
		return err
	}
	if err := p.setFont(it.size*k, it.bold); err != nil {
		return err
	}
	if it.anchor != Start {
		w, err := p.gp.MeasureTextWidth(it.text)
		if err != nil {
			return fmt.Errorf("report: measure %q: %w", it.text, err)
		}
		if it.anchor == Middle {
			w /= 2
		}
		q.X -= w
	}
	p.gp.SetTextColor(it.fill.Color.R, it.fill.Color.G, it.fill.Color.B)
	p.gp.SetXY(q.X, q.Y)
	return p.gp.Text(it.text)
}

// opacity sets the transparency of what is drawn next (none for opaque).
func (p *pdfWriter) opacity(paint Paint) error {
	if paint.Opacity >= 1 {
		p.gp.ClearTransparency()
		return nil
	}
	return p.gp.SetTransparency(gopdf.Transparency{Alpha: paint.Opacity, BlendModeType: gopdf.NormalBlendMode})
}

// resetDrawing puts back what the rest of the document expects: opaque,
// solid thin lines, the body text colour.
func (p *pdfWriter) resetDrawing() {
	p.gp.ClearTransparency()
	p.gp.SetLineType("solid")
	p.gp.SetLineWidth(0.5)
	p.gp.SetTextColor(0x22, 0x22, 0x22)
}

// circlePoints approximates a circle by a regular polygon.
func circlePoints(c Point, r float64, n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / float64(n)
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}
