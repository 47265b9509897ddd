package report

import "math"

// RadarAxis is one competency of a profile radar.
type RadarAxis struct {
	Label    string // short label at the spoke's end (the gaps table's row number)
	Required int    // 0–5
	Actual   int    // 0–5, 0 = not assessed
}

// Radar geometry: the same as the profile page's SVG radar
// (web/profile_radar.go, viewBox "40 20 400 430"), moved to the origin, so
// the PDF's picture is the page's picture.
const (
	radarW, radarH   = 400.0, 430.0
	radarCX, radarCY = 200.0, 180.0
	radarR           = 140.0
	radarMax         = 5
)

// Radar colours, as on the page.
var (
	radarRing     = RGB{0xcc, 0xcc, 0xcc}
	radarSpoke    = RGB{0xbb, 0xbb, 0xbb}
	radarInk      = RGB{0x33, 0x33, 0x33}
	RadarRequired = RGB{0xb4, 0x53, 0x09} // the dashed required profile
	RadarActual   = RGB{0x25, 0x63, 0xeb} // the filled actual profile
)

// RadarPoint returns the scene position of level lvl on axis i of n: axis 0
// points up and the axes run clockwise.
func RadarPoint(i, n int, lvl float64) Point {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	r := radarR * lvl / radarMax
	return Point{radarCX + r*math.Cos(a), radarCY + r*math.Sin(a)}
}

// RadarChart draws the required and the actual profile over rings for the
// levels 1–5, with one labelled spoke per competency and a legend; nil when
// there are no axes.
func RadarChart(axes []RadarAxis, reqLabel, actLabel string) *Scene {
	n := len(axes)
	if n == 0 {
		return nil
	}
	s := NewScene(radarW, radarH)
	for lvl := 1; lvl <= radarMax; lvl++ {
		if n >= 3 {
			ring := make([]Point, n)
			for i := range ring {
				ring[i] = RadarPoint(i, n, float64(lvl))
			}
			s.Polygon(ring, Paint{}, Solid(radarRing), 1, nil, "")
		} else {
			s.Circle(radarCX, radarCY, radarR*float64(lvl)/radarMax, Paint{}, Solid(radarRing), 1)
		}
	}
	req := make([]Point, n)
	act := make([]Point, n)
	for i, a := range axes {
		end := RadarPoint(i, n, radarMax)
		s.Line(radarCX, radarCY, end.X, end.Y, Solid(radarSpoke), 1, nil)
		l := RadarPoint(i, n, radarMax+0.55)
		anchor := Middle
		switch {
		case l.X > radarCX+5:
			anchor = Start
		case l.X < radarCX-5:
			anchor = End
		}
		s.Text(l.X, l.Y+7, a.Label, 20, anchor, radarInk, true)
		req[i] = RadarPoint(i, n, float64(clampLevel(a.Required)))
		act[i] = RadarPoint(i, n, float64(clampLevel(a.Actual)))
	}
	s.Polygon(req, Paint{}, Solid(RadarRequired), 2, []float64{6, 4}, "radar-required")
	assessed := func(i int) bool { return axes[i].Actual > 0 }
	all := true
	for i := range axes {
		all = all && assessed(i)
	}
	if all {
		s.Polygon(act, Paint{Color: RadarActual, Opacity: 0.3}, Solid(RadarActual), 2, nil, "radar-actual")
	} else {
		// A competency not assessed has no level, not level 0: the actual
		// profile joins only neighbouring assessed axes, unfilled, as on
		// the profile page.
		for i := range act {
			j := (i + 1) % n
			if assessed(i) && assessed(j) && !(n == 2 && j == 0) {
				s.Line(act[i].X, act[i].Y, act[j].X, act[j].Y, Solid(RadarActual), 2, nil)
			}
		}
	}
	for i, p := range act {
		if assessed(i) {
			s.Circle(p.X, p.Y, 3, Solid(RadarActual), Paint{}, 0)
		}
	}
	s.Line(20, 410, 60, 410, Solid(RadarRequired), 3, []float64{6, 4})
	s.Text(68, 417, reqLabel, 20, Start, radarInk, false)
	s.Rect(210, 400, 36, 20, Paint{Color: RadarActual, Opacity: 0.3}, Solid(RadarActual), "")
	s.Text(254, 417, actLabel, 20, Start, radarInk, false)
	return s
}

func clampLevel(l int) int { return min(max(l, 0), radarMax) }
