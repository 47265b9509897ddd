package report

import (
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
)

// JPMRow is one unit of the JPM distribution chart.
type JPMRow struct {
	Label  string
	Counts [4]int // employees by gap.MappingCategory (index 0: not fully assessed)
	Total  bool   // the summary row, drawn bold under a rule
}

// jpmOrder is the order of the categories left to right: the development
// priority first, "not determined" last.
var jpmOrder = [4]gap.MappingCategory{gap.KurangOptimal, gap.CukupOptimal, gap.Optimal, gap.MappingUnknown}

// jpmColours are the fill and text colours of each category (index
// gap.MappingCategory).
var jpmColours = [4][2]RGB{
	gap.MappingUnknown: {{0xd5, 0xdb, 0xe1}, {0x22, 0x22, 0x22}},
	gap.KurangOptimal:  {{0xc0, 0x39, 0x2b}, {0xff, 0xff, 0xff}},
	gap.CukupOptimal:   {{0xff, 0xd0, 0x8a}, {0x22, 0x22, 0x22}},
	gap.Optimal:        {{0x2e, 0x7d, 0x32}, {0xff, 0xff, 0xff}},
}

// JPMCategoryLabel is the category's label in lang. Everyone the chart
// counts has a standard, so "no category" means not fully assessed.
func JPMCategoryLabel(lang i18n.Lang, c gap.MappingCategory) string {
	if c == gap.MappingUnknown {
		return i18n.T(lang, "jpm.not_assessed_short")
	}
	if lang == i18n.EN {
		return c.LabelEN()
	}
	return c.Label()
}

// JPM chart geometry.
const (
	jpmW      = 690.0
	jpmLabelW = 200.0
	jpmBarX   = 206.0
	jpmBarW   = 200.0
	jpmNumX   = 414.0 // first number column
	jpmNumW   = 55.0
	jpmRowH   = 24.0
	jpmBarH   = 15.0
)

// JPMChart draws, per unit, a 100 % stacked bar of its employees by JPM
// mapping category, and the counts in labelled columns beside it, so the
// chart reads without colour; the column headings carry the colour key.
// Segments wide enough also show their count.
func JPMChart(lang i18n.Lang, rows []JPMRow) *Scene {
	header := 14 + 3*11.0 + 6
	h := header + jpmRowH*float64(len(rows)) + 4
	s := NewScene(jpmW, h)
	s.Text(4, header-8, i18n.T(lang, "report.unit"), 11, Start, inkDark, true)
	s.Text(jpmBarX, header-8, i18n.T(lang, "report.jpm_share"), 11, Start, inkDark, true)
	// Each count column: its colour key above, the category's name (up to
	// three lines, bottom-aligned) under it.
	for i, c := range jpmOrder {
		right := jpmNumX + jpmNumW*float64(i+1) - 4
		s.Rect(right-10, 2, 10, 10, Solid(jpmColours[c][0]), Solid(RGB{0x99, 0x99, 0x99}), "")
		lines := Wrap(JPMCategoryLabel(lang, c), 9, jpmNumW-6, false)
		if len(lines) > 3 {
			lines = []string{lines[0], lines[1], Fit(joinWords(lines[2:]), 9, jpmNumW-6, false)}
		}
		for j, l := range lines {
			s.Text(right, header-8-float64(len(lines)-1-j)*11, l, 9, End, inkDark, false)
		}
	}
	s.Text(jpmNumX+jpmNumW*5-4, header-8, i18n.T(lang, "report.total"), 9, End, inkDark, true)
	s.Line(0, header, jpmW, header, Solid(inkMuted), 1, nil)
	for r, row := range rows {
		y := header + jpmRowH*float64(r)
		if row.Total {
			s.Line(0, y+1, jpmW, y+1, Solid(inkMuted), 1, nil)
		}
		s.Text(4, y+16, Fit(row.Label, 10.5, jpmLabelW-8, row.Total), 10.5, Start, inkDark, row.Total)
		total := 0
		for _, n := range row.Counts {
			total += n
		}
		by := y + (jpmRowH-jpmBarH)/2
		if total == 0 {
			s.Rect(jpmBarX, by, jpmBarW, jpmBarH, Paint{}, Solid(gridLine), "")
		}
		x := jpmBarX
		for i, c := range jpmOrder {
			n := row.Counts[c]
			if total > 0 && n > 0 {
				sw := jpmBarW * float64(n) / float64(total)
				s.Rect(x, by, sw, jpmBarH, Solid(jpmColours[c][0]), Paint{}, "jpm-"+c.String())
				t := i18n.Number(lang, int64(n))
				if TextWidth(t, 9, true)+6 <= sw {
					s.Text(x+sw/2, by+11, t, 9, Middle, jpmColours[c][1], true)
				}
				x += sw
			}
			s.Text(jpmNumX+jpmNumW*float64(i+1)-4, y+16, i18n.Number(lang, int64(n)), 10.5, End, inkDark, row.Total)
		}
		s.Text(jpmNumX+jpmNumW*5-4, y+16, i18n.Number(lang, int64(total)), 10.5, End, inkDark, true)
	}
	return s
}
