package report

import (
	"fmt"
	"io"
	"time"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
)

// ProfileDoc is what an employee's competency-profile PDF shows: the same
// numbers as the profile page's "Kompetensi" section.
type ProfileDoc struct {
	Lang       i18n.Lang
	Name       string // with academic titles
	NIP        string // formatted
	NIPLabel   string // "NIP" or "NI PPPK"
	Position   string
	Unit       string
	Date       time.Time // day of the export, in the reader's time zone
	ExportedBy string
	// HasStandard is false when the position has no standard: no JPM, no
	// radar, no gaps.
	HasStandard       bool
	DecreeNo          string
	JPMRaw, JPMCapped gap.Fixed
	Mapping           gap.MappingCategory
	Filling           gap.FillingCategory
	Assessed, Total   int
	Complete          bool
	Items             []ProfileItem // in the standard's order
	Explain           []string      // how JPM was computed (gap.Explain)
	// Education is the education history, most recent first, and
	// EducationNote the comparison with the position's minimum ("" when
	// the employee holds no position).
	Education     []ProfileEducation
	EducationNote string
}

// ProfileEducation is one row of the education history, as printed.
type ProfileEducation struct {
	Level, Major, Institution, Year, Certificate string
}

// ProfileItem is one competency of the standard.
type ProfileItem struct {
	Name             string
	Required, Actual int
	Assessed         bool
}

// ProfilePDF writes an employee's competency profile as an A4 portrait PDF:
// who, JPM with both categories, the radar of actual against required
// levels (the profile page's chart), the gaps table and the explanation of
// the JPM.
func ProfilePDF(w io.Writer, d ProfileDoc) error {
	l := d.Lang
	t := func(k string, a ...any) string { return i18n.T(l, k, a...) }
	title := t("report.profile_title")
	p, err := newPDF(false, title+" – "+d.Name, "Kompeten · "+title+" · "+d.Name, t("report.page"), d.Date)
	if err != nil {
		return err
	}
	if err := p.para(title, 17, true); err != nil {
		return err
	}
	if err := p.para(d.Name, 13, false); err != nil {
		return err
	}
	p.space(8)
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	facts := [][2]string{{d.NIPLabel, d.NIP}, {t("report.position"), dash(d.Position)}, {t("report.unit"), d.Unit},
		{t("report.date"), i18n.Date(l, d.Date)}, {t("report.exported_by"), d.ExportedBy}}
	if err := p.facts(facts, 10); err != nil {
		return err
	}
	p.space(10)
	if err := profileEducation(p, d, t); err != nil {
		return err
	}
	if !d.HasStandard {
		return finish(p, w, t("comp.no_standard"))
	}
	ls := string(l)
	mapping, filling := d.Mapping.Label(), d.Filling.Label()
	if l == i18n.EN {
		mapping, filling = d.Mapping.LabelEN(), d.Filling.LabelEN()
	}
	assessed := t("jpm.assessed_of", d.Assessed, d.Total)
	raw, capped := d.JPMRaw.Percent(ls), d.JPMCapped.Percent(ls)
	if !d.Complete { // not assessed is not level 0: no category, a provisional JPM or none
		assessed += " · " + t("jpm.not_assessed")
		mapping, filling = t("jpm.not_assessed"), t("jpm.not_assessed")
		raw, capped = raw+" ("+t("jpm.provisional")+")", capped+" ("+t("jpm.provisional")+")"
		if d.Assessed == 0 {
			raw, capped = "—", "—"
		}
	}
	jpm := [][2]string{{t("comp.jpm_raw"), raw}, {t("comp.jpm_capped"), capped},
		{t("comp.mapping"), mapping}, {t("comp.filling"), filling}, {t("comp.assessed"), assessed}}
	if d.DecreeNo != "" {
		jpm = append(jpm, [2]string{t("comp.standard"), d.DecreeNo})
	}
	if err := p.facts(jpm, 10); err != nil {
		return err
	}
	p.space(8)
	axes := make([]RadarAxis, len(d.Items))
	for i, it := range d.Items {
		axes[i] = RadarAxis{Label: fmt.Sprint(i + 1), Required: it.Required, Actual: it.Actual}
	}
	if s := RadarChart(axes, t("comp.required"), t("comp.actual")); s != nil {
		if err := p.chart(s, 270); err != nil {
			return err
		}
		if err := p.para(t("comp.radar_caption"), 8, false); err != nil {
			return err
		}
		p.space(8)
	}
	if err := p.para(t("comp.gaps"), 12, true); err != nil {
		return err
	}
	cols := []pdfCol{{"#", 3, true}, {t("comp.competency"), 30, false}, {t("comp.required"), 7, true}, {t("comp.actual"), 9, true},
		{t("comp.gap"), 6, true}}
	rows := make([][]string, len(d.Items))
	for i, it := range d.Items {
		actual, g := t("comp.not_assessed"), "—"
		if it.Assessed {
			actual, g = fmt.Sprint(it.Actual), GapText(it.Actual-it.Required)
		}
		rows[i] = []string{fmt.Sprint(i + 1), it.Name, fmt.Sprint(it.Required), actual, g}
	}
	if err := p.table(cols, rows, 9); err != nil {
		return err
	}
	if len(d.Explain) > 0 {
		p.space(10)
		if err := p.para(t("comp.how_jpm"), 11, true); err != nil {
			return err
		}
		for _, e := range d.Explain {
			if err := p.para("• "+e, 8.5, false); err != nil {
				return err
			}
		}
	}
	return p.write(w)
}

// GapText writes a gap with its sign and a true minus sign (−1, +1, 0), as
// the profile page does.
func GapText(g int) string {
	switch {
	case g < 0:
		return fmt.Sprintf("−%d", -g)
	case g > 0:
		return fmt.Sprintf("+%d", g)
	}
	return "0"
}

// profileEducation prints the education history: a table of its records
// or a line saying there are none, then the comparison with the
// position's minimum level.
func profileEducation(p *pdfWriter, d ProfileDoc, t func(string, ...any) string) error {
	if err := p.para(t("education.title"), 12, true); err != nil {
		return err
	}
	if len(d.Education) == 0 {
		if err := p.para(t("education.none"), 9, false); err != nil {
			return err
		}
	} else {
		cols := []pdfCol{{t("education.level"), 6, false}, {t("education.major"), 16, false}, {t("education.institution"), 18, false},
			{t("education.year"), 6, true}, {t("education.certificate"), 10, false}}
		rows := make([][]string, len(d.Education))
		for i, e := range d.Education {
			rows[i] = []string{e.Level, e.Major, e.Institution, e.Year, e.Certificate}
		}
		if err := p.table(cols, rows, 9); err != nil {
			return err
		}
	}
	if d.EducationNote != "" {
		p.space(4)
		if err := p.para(d.EducationNote, 9, false); err != nil {
			return err
		}
	}
	p.space(10)
	return nil
}
