package report

import (
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// pdfWriter lays out a simple flowing A4 document over gopdf: a cursor y
// that moves down, a new page (with the footer) when the next block does
// not fit, tables that repeat their header on every page, and charts placed
// as vector drawings. Units are PDF points.
type pdfWriter struct {
	gp     *gopdf.GoPdf
	w, h   float64 // page size
	m      float64 // margin
	y      float64
	footer string
	pages  int
	pageWd string // "halaman"/"page"
}

// Font family names registered in every document.
const (
	famRegular = "goregular"
	famBold    = "gobold"
)

// Layout constants.
const (
	pdfMargin  = 40.0
	footerSize = 7.5
)

// newPDF starts a document with the Go fonts embedded, its information
// dictionary filled and the first page added.
func newPDF(landscape bool, title, footer, pageWord string, at time.Time) (*pdfWriter, error) {
	size := *gopdf.PageSizeA4
	if landscape {
		size = *gopdf.PageSizeA4Landscape
	}
	p := &pdfWriter{gp: &gopdf.GoPdf{}, w: size.W, h: size.H, m: pdfMargin, footer: footer, pageWd: pageWord}
	p.gp.Start(gopdf.Config{PageSize: size, Unit: gopdf.UnitPT})
	if err := p.gp.AddTTFFontData(famRegular, goregular.TTF); err != nil {
		return nil, fmt.Errorf("report: pdf font: %w", err)
	}
	if err := p.gp.AddTTFFontData(famBold, gobold.TTF); err != nil {
		return nil, fmt.Errorf("report: pdf font: %w", err)
	}
	p.gp.SetInfo(gopdf.PdfInfo{Title: title, Creator: "Kompeten", Producer: "Kompeten", CreationDate: at})
	if err := p.newPage(); err != nil {
		return nil, err
	}
	return p, nil
}

// contentW is the width between the margins.
func (p *pdfWriter) contentW() float64 { return p.w - 2*p.m }

// bottom is the lowest y content may reach (above the footer).
func (p *pdfWriter) bottom() float64 { return p.h - p.m }

// newPage adds a page, writes its footer and puts the cursor at the top.
func (p *pdfWriter) newPage() error {
	p.gp.AddPage()
	p.pages++
	p.y = p.m
	p.gp.SetTextColor(0x66, 0x66, 0x77)
	defer p.gp.SetTextColor(0x22, 0x22, 0x22)
	if err := p.text(p.m, p.h-p.m+14, p.footer, footerSize, false); err != nil {
		return err
	}
	pg := fmt.Sprintf("%s %d", p.pageWd, p.pages)
	return p.textRight(p.w-p.m, p.h-p.m+14, pg, footerSize, false)
}

// ensure starts a new page unless a block of height h fits below the
// cursor.
func (p *pdfWriter) ensure(h float64) error {
	if p.y+h > p.bottom() && p.y > p.m {
		return p.newPage()
	}
	return nil
}

func (p *pdfWriter) setFont(size float64, bold bool) error {
	fam := famRegular
	if bold {
		fam = famBold
	}
	return p.gp.SetFont(fam, "", size)
}

// text writes s with its top-left corner at x, y.
func (p *pdfWriter) text(x, y float64, s string, size float64, bold bool) error {
	if s == "" {
		return nil
	}
	if err := p.setFont(size, bold); err != nil {
		return err
	}
	p.gp.SetXY(x, y)
	return p.gp.Cell(&gopdf.Rect{W: p.contentW(), H: size * 1.2}, s)
}

// textRight writes s with its top-right corner at x, y.
func (p *pdfWriter) textRight(x, y float64, s string, size float64, bold bool) error {
	if err := p.setFont(size, bold); err != nil {
		return err
	}
	w, err := p.gp.MeasureTextWidth(s)
	if err != nil {
		return err
	}
	return p.text(x-w, y, s, size, bold)
}

// wrap splits s into lines of at most width points at size.
func (p *pdfWriter) wrap(s string, size, width float64, bold bool) ([]string, error) {
	if err := p.setFont(size, bold); err != nil {
		return nil, err
	}
	var lines []string
	line := ""
	for _, w := range splitWords(s) {
		try := w
		if line != "" {
			try = line + " " + w
		}
		tw, err := p.gp.MeasureTextWidth(try)
		if err != nil {
			return nil, err
		}
		if line != "" && tw > width {
			lines = append(lines, line)
			line = w
			continue
		}
		line = try
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines, nil
}

// para writes a wrapped paragraph across the content width and moves the
// cursor below it.
func (p *pdfWriter) para(s string, size float64, bold bool) error {
	lines, err := p.wrap(s, size, p.contentW(), bold)
	if err != nil {
		return err
	}
	lh := size * 1.35
	for _, l := range lines {
		if err := p.ensure(lh); err != nil {
			return err
		}
		if err := p.text(p.m, p.y, l, size, bold); err != nil {
			return err
		}
		p.y += lh
	}
	return nil
}

// space moves the cursor down.
func (p *pdfWriter) space(h float64) { p.y += h }

// facts writes label: value lines with the labels in a column of their own.
func (p *pdfWriter) facts(pairs [][2]string, size float64) error {
	labelW := 0.0
	if err := p.setFont(size, true); err != nil {
		return err
	}
	for _, kv := range pairs {
		w, err := p.gp.MeasureTextWidth(kv[0])
		if err != nil {
			return err
		}
		labelW = max(labelW, w)
	}
	labelW += 12
	lh := size * 1.45
	for _, kv := range pairs {
		lines, err := p.wrap(kv[1], size, p.contentW()-labelW, false)
		if err != nil {
			return err
		}
		if err := p.ensure(lh * float64(len(lines))); err != nil {
			return err
		}
		if err := p.text(p.m, p.y, kv[0], size, true); err != nil {
			return err
		}
		for _, l := range lines {
			if err := p.text(p.m+labelW, p.y, l, size, false); err != nil {
				return err
			}
			p.y += lh
		}
	}
	return nil
}

// pdfCol is a table column: a heading, a relative width and whether its
// cells align right (numbers).
type pdfCol struct {
	Title string
	W     float64
	Right bool
}

// table writes rows under a header that is repeated on every page the
// table runs onto; cells wrap within their column.
func (p *pdfWriter) table(cols []pdfCol, rows [][]string, size float64) error {
	total := 0.0
	for _, c := range cols {
		total += c.W
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.W / total * p.contentW()
	}
	const pad = 3.0
	lh := size * 1.3
	layout := func(cells []string, bold bool) ([][]string, float64, error) {
		out := make([][]string, len(cols))
		n := 1
		for i := range cols {
			s := ""
			if i < len(cells) {
				s = cells[i]
			}
			lines, err := p.wrap(s, size, widths[i]-2*pad, bold)
			if err != nil {
				return nil, 0, err
			}
			out[i] = lines
			n = max(n, len(lines))
		}
		return out, float64(n)*lh + 2*pad, nil
	}
	draw := func(cells [][]string, h float64, bold bool, shade bool) error {
		if shade {
			p.gp.SetFillColor(0xe9, 0xee, 0xf4)
			p.gp.RectFromUpperLeftWithStyle(p.m, p.y, p.contentW(), h, "F")
		}
		x := p.m
		for i, lines := range cells {
			for j, l := range lines {
				y := p.y + pad + float64(j)*lh
				var err error
				if cols[i].Right {
					err = p.textRight(x+widths[i]-pad, y, l, size, bold)
				} else {
					err = p.text(x+pad, y, l, size, bold)
				}
				if err != nil {
					return err
				}
			}
			x += widths[i]
		}
		p.gp.SetStrokeColor(0xcc, 0xcc, 0xcc)
		p.gp.SetLineWidth(0.5)
		p.gp.Line(p.m, p.y+h, p.m+p.contentW(), p.y+h)
		p.y += h
		return nil
	}
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	head, headH, err := layout(titles, true)
	if err != nil {
		return err
	}
	header := func() error { return draw(head, headH, true, true) }
	if err := p.ensure(headH + lh + 2*pad); err != nil {
		return err
	}
	if err := header(); err != nil {
		return err
	}
	for _, r := range rows {
		cells, h, err := layout(r, false)
		if err != nil {
			return err
		}
		if p.y+h > p.bottom() {
			if err := p.newPage(); err != nil {
				return err
			}
			if err := header(); err != nil {
				return err
			}
		}
		if err := draw(cells, h, false, false); err != nil {
			return err
		}
	}
	return nil
}

// chart places a scene width points wide (at most the content width)
// centred at the cursor, drawn as vectors (vector.go), on a new page when it
// does not fit.
func (p *pdfWriter) chart(s *Scene, width float64) error {
	if s == nil {
		return nil
	}
	width = min(width, p.contentW())
	h := s.H * width / s.W
	if maxH := p.bottom() - p.m; h > maxH { // taller than a page: shrink
		width, h = width*maxH/h, maxH
	}
	if err := p.ensure(h); err != nil {
		return err
	}
	if err := p.drawScene(s, p.m+(p.contentW()-width)/2, p.y, width); err != nil {
		return err
	}
	p.y += h
	return nil
}

// write finishes the document into w.
func (p *pdfWriter) write(w io.Writer) error {
	_, err := p.gp.WriteTo(w)
	return err
}
