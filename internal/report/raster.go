package report

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// rasterise draws a scene with anti-aliased fills (x/image/vector) and the
// Go font. Strokes become one filled quadrilateral per (dash) segment with
// round joins, enough for the thin lines of charts.
func rasterise(s *Scene, scale float64) (*image.RGBA, error) {
	w, h := int(math.Ceil(s.W*scale)), int(math.Ceil(s.H*scale))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	var z vector.Rasterizer
	// Each shape is rasterised within its own bounding box: resetting a
	// rasteriser clears its whole area, so a page-sized one per shape
	// would cost O(pixels) for every cell and label.
	fillPath := func(pts []Point, p Paint) {
		if p.none() || len(pts) < 3 {
			return
		}
		minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, q := range pts {
			minX, minY = math.Min(minX, q.X*scale), math.Min(minY, q.Y*scale)
			maxX, maxY = math.Max(maxX, q.X*scale), math.Max(maxY, q.Y*scale)
		}
		box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(img.Bounds())
		if box.Empty() {
			return
		}
		ox, oy := float64(box.Min.X), float64(box.Min.Y)
		z.Reset(box.Dx(), box.Dy())
		z.MoveTo(float32(pts[0].X*scale-ox), float32(pts[0].Y*scale-oy))
		for _, q := range pts[1:] {
			z.LineTo(float32(q.X*scale-ox), float32(q.Y*scale-oy))
		}
		z.ClosePath()
		z.Draw(img, box, image.NewUniform(p.nrgba()), image.Point{})
	}
	strokePath := func(pts []Point, closed bool, it shape) {
		if it.stroke.none() || len(pts) < 2 {
			return
		}
		if closed {
			pts = append(pts[:len(pts):len(pts)], pts[0])
		}
		hw := math.Max(it.width, 0.5) / 2
		for _, seg := range dashSegments(pts, it.dash) {
			fillPath(segmentQuad(seg[0], seg[1], hw), it.stroke)
		}
		if len(it.dash) == 0 && hw*scale > 0.75 {
			for _, p := range pts {
				fillPath(circlePoints(p, hw, 12), it.stroke)
			}
		}
	}
	for _, it := range s.items {
		switch it.kind {
		case kindPoly:
			fillPath(it.pts, it.fill)
			strokePath(it.pts, true, it)
		case kindLine:
			strokePath(it.pts, false, it)
		case kindCircle:
			pts := circlePoints(it.pts[0], it.r, 48)
			fillPath(pts, it.fill)
			strokePath(pts, true, it)
		case kindText:
			if err := drawText(img, it, scale); err != nil {
				return nil, err
			}
		}
	}
	return img, nil
}

// drawText draws one text item with its anchor.
func drawText(img *image.RGBA, it shape, scale float64) error {
	faceMu.Lock()
	defer faceMu.Unlock()
	f, err := face(it.size*scale, it.bold)
	if err != nil {
		return err
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.NRGBA(it.fill.nrgba())), Face: f}
	x := it.pts[0].X * scale
	switch it.anchor {
	case Middle:
		x -= fixedToFloat(d.MeasureString(it.text)) / 2
	case End:
		x -= fixedToFloat(d.MeasureString(it.text))
	}
	d.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(it.pts[0].Y * scale * 64)}
	d.DrawString(it.text)
	return nil
}

// segmentQuad is the rectangle of half-width hw around the segment a→b.
func segmentQuad(a, b Point, hw float64) []Point {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	nx, ny := -dy/l*hw, dx/l*hw
	return []Point{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}}
}

// dashSegments cuts a polyline into the segments to paint under a dash
// pattern (on, off, on, off …); nil dash gives the polyline's segments.
func dashSegments(pts []Point, dash []float64) [][2]Point {
	var out [][2]Point
	if len(dash) == 0 {
		for i := 1; i < len(pts); i++ {
			out = append(out, [2]Point{pts[i-1], pts[i]})
		}
		return out
	}
	di, left, on := 0, dash[0], true
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		pos := 0.0
		for pos < l {
			step := math.Min(left, l-pos)
			if on && step > 0 {
				t0, t1 := pos/l, (pos+step)/l
				out = append(out, [2]Point{{a.X + (b.X-a.X)*t0, a.Y + (b.Y-a.Y)*t0}, {a.X + (b.X-a.X)*t1, a.Y + (b.Y-a.Y)*t1}})
			}
			pos += step
			left -= step
			if left <= 1e-9 {
				di = (di + 1) % len(dash)
				left, on = dash[di], !on
			}
		}
	}
	return out
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
