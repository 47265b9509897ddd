package report

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The Go fonts are used for both the PNG rasters and the PDF text, so that
// text measured for one fits in the other.
var (
	fontsOnce     sync.Once
	fontRegular   *opentype.Font
	fontBold      *opentype.Font
	fontsErr      error
	faceMu        sync.Mutex
	faceCache     = map[faceKey]font.Face{}
	measureFaceSz = 100.0 // faces for measuring are made at this size and scaled
)

type faceKey struct {
	size float64
	bold bool
}

// loadFonts parses the embedded TTFs once.
func loadFonts() error {
	fontsOnce.Do(func() {
		if fontRegular, fontsErr = opentype.Parse(goregular.TTF); fontsErr != nil {
			return
		}
		fontBold, fontsErr = opentype.Parse(gobold.TTF)
	})
	if fontsErr != nil {
		return fmt.Errorf("report: font: %w", fontsErr)
	}
	return nil
}

// face returns a cached face of the given pixel size. Faces are not safe
// for concurrent use, so callers hold faceMu while drawing with one.
func face(size float64, bold bool) (font.Face, error) {
	if err := loadFonts(); err != nil {
		return nil, err
	}
	k := faceKey{size, bold}
	if f, ok := faceCache[k]; ok {
		return f, nil
	}
	src := fontRegular
	if bold {
		src = fontBold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("report: face: %w", err)
	}
	faceCache[k] = f
	return f, nil
}

// TextWidth is the advance width of s set in the Go font at size (in the
// same units as size). Charts use it to place and shorten labels.
func TextWidth(s string, size float64, bold bool) float64 {
	faceMu.Lock()
	defer faceMu.Unlock()
	f, err := face(measureFaceSz, bold)
	if err != nil {
		return float64(len(s)) * size * 0.55
	}
	return fixedToFloat(font.MeasureString(f, s)) * size / measureFaceSz
}

func fixedToFloat(v fixed.Int26_6) float64 { return float64(v) / 64 }

// Fit shortens s with an ellipsis so that it is at most width wide at size.
func Fit(s string, size, width float64, bold bool) string {
	if TextWidth(s, size, bold) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if TextWidth(t, size, bold) <= width {
			return t
		}
	}
	return "…"
}

// Wrap breaks s into lines no wider than width at size, at spaces; a single
// word wider than width stays whole on its line.
func Wrap(s string, size, width float64, bold bool) []string {
	var lines []string
	line := ""
	for _, w := range splitWords(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && TextWidth(try, size, bold) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// splitWords splits at runs of spaces.
func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
