package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"net/http"
)

// faviconPNG draws the same mark as static/favicon.svg (a white K on the
// brand's green) as a 32 × 32 PNG, for clients that ask for /favicon.ico
// without reading the page's icon link.
func faviconPNG() []byte {
	const n = 32
	green := color.RGBA{0x0b, 0x5d, 0x3b, 0xff}
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	strokes := [][4]float64{{10, 7, 10, 25}, {10, 16, 20, 7}, {13, 13, 21, 25}}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			px, py := float64(x)+.5, float64(y)+.5
			if !insideRounded(px, py, n, 6) {
				continue
			}
			img.Set(x, y, green)
			for _, s := range strokes {
				if distToSegment(px, py, s) <= 2 {
					img.Set(x, y, color.White)
				}
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

// insideRounded reports whether (x, y) lies in an n × n square with corners
// rounded to radius r.
func insideRounded(x, y, n, r float64) bool {
	cx := math.Max(r, math.Min(n-r, x))
	cy := math.Max(r, math.Min(n-r, y))
	return math.Hypot(x-cx, y-cy) <= r
}

// distToSegment is the distance from (x, y) to the segment s (x1, y1, x2, y2).
func distToSegment(x, y float64, s [4]float64) float64 {
	dx, dy := s[2]-s[0], s[3]-s[1]
	t := math.Max(0, math.Min(1, ((x-s[0])*dx+(y-s[1])*dy)/(dx*dx+dy*dy)))
	return math.Hypot(x-(s[0]+t*dx), y-(s[1]+t*dy))
}

// favicon answers /favicon.ico with the PNG drawn once at start.
func (s *server) favicon(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "public, max-age=604800")
	w.Write(s.faviconPNG)
}
