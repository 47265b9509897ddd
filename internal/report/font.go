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

// Charts are laid out with the metrics of the Go fonts, the fonts the PDFs
// embed, so that a label measured to fit does fit in print.
var (
	measureOnce  sync.Once
	measureFaces [2]font.Face // regular, bold; at measureSize
	measureErr   error
	measureMu    sync.Mutex // a face is not safe for concurrent use
)

// measureSize: faces are made once at this size and widths scaled from it.
const measureSize = 100.0

// loadMeasureFaces parses the embedded TTFs once.
func loadMeasureFaces() error {
	measureOnce.Do(func() {
		for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
			f, err := opentype.Parse(ttf)
			if err != nil {
				measureErr = err
				return
			}
			if measureFaces[i], err = opentype.NewFace(f, &opentype.FaceOptions{Size: measureSize, DPI: 72, Hinting: font.HintingNone}); err != nil {
				measureErr = err
				return
			}
		}
	})
	if measureErr != nil {
		return fmt.Errorf("report: font: %w", measureErr)
	}
	return nil
}

// TextWidth is the advance width of s set in the Go font at size (in the
// same units as size). Charts use it to place and shorten labels.
func TextWidth(s string, size float64, bold bool) float64 {
	if err := loadMeasureFaces(); err != nil {
		return float64(len(s)) * size * 0.55
	}
	i := 0
	if bold {
		i = 1
	}
	measureMu.Lock()
	w := font.MeasureString(measureFaces[i], s)
	measureMu.Unlock()
	return fixedToFloat(w) * size / measureSize
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
