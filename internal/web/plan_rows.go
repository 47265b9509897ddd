package web

import (
	"html"
	"html/template"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// The plan table's texts are made here, once per item, rather than by the
// template: each template action is a call through reflection plus an
// escaper call, and the table's dozen actions per item and per decision,
// with the 24 options of the free proposal's form, were most of the plan
// page's CPU (a render of 650 µs for four items; issue 13's p99 goal).

// planRow is one item of the plan table as its reader sees it: flat, its
// numbers and dates already in the reader's language.
type planRow struct {
	ID         int64
	Title      string
	Session    string // "Angkatan II · 7 Agustus 2026", or empty
	Purpose    string
	JP, Cost   string // formatted
	Status     model.PlanStatus
	StatusText string      // the status in the reader's language
	StepText   string      // the step it waits at, only while it waits
	Trail      []trailLine // the decisions, oldest first
	CanEdit    bool        // a draft or sent back: it may be changed and sent
	CanCancel  bool        // not yet enrolled, done, rejected or cancelled
	Free       bool        // an activity outside the catalogue: its title, JP and cost may change
	JPValue    int         // the change form's values
	CostValue  int64
}

// trailLine is one decision: "Disetujui · Petrus Sinulingga · 21 Juni 2026
// 16.22", and the reason given, if any.
type trailLine struct{ Text, Reason string }

// planRows makes the rows of items in lang, instants in loc.
func planRows(lang i18n.Lang, loc *time.Location, items []model.PlanItem) []planRow {
	rows := make([]planRow, len(items))
	for i := range items {
		it := &items[i]
		r := planRow{ID: it.ID, Title: it.Title, Purpose: it.Purpose, JP: i18n.Number(lang, int64(it.JP)), Cost: i18n.Money(lang, it.Cost),
			Status: it.Status, StatusText: i18n.T(lang, "plan.status."+string(it.Status)),
			CanEdit:   it.Editable(),
			CanCancel: it.Editable() || it.Status == model.PlanSubmitted || it.Status == model.PlanApproved,
			Free:      it.ProgrammeID == 0, JPValue: it.JP, CostValue: it.Cost}
		if it.SessionName != "" {
			r.Session = it.SessionName + " · " + isoDateText(lang, it.SessionStart)
		}
		if it.Status == model.PlanSubmitted {
			r.StepText = i18n.T(lang, "plan.step."+it.Step.Name())
		}
		for _, d := range it.Decisions {
			var b strings.Builder
			b.WriteString(i18n.T(lang, "plan.decision."+string(d.Decision)))
			b.WriteString(" · ")
			b.WriteString(d.ByName)
			if d.Acting {
				b.WriteString(" (" + i18n.T(lang, "plan.acting") + ")")
			}
			b.WriteString(" · ")
			b.WriteString(i18n.DateTime(lang, d.At, loc))
			r.Trail = append(r.Trail, trailLine{Text: b.String(), Reason: d.Reason})
		}
		rows[i] = r
	}
	return rows
}

// recRow is one recommended programme as the plan shows it, flat.
type recRow struct {
	ID       int64
	Title    string
	Meta     string // "Universitas Sumatera Utara · 24 JP · Rp 2.500.000"
	Gaps     []gapLine
	Sessions []choice // the open sessions to choose from
	Over     bool     // taking it would break a PPPK's ceiling
}

// gapLine is one gap the programme addresses: "Literasi Data: dibutuhkan
// level 3, ", then the current level (empty: not assessed, shown as a
// tag), then "program sampai level 3".
type gapLine struct{ Head, Current, Leads string }

// choice is one <option> of a select.
type choice struct {
	Value int64
	Label string
}

// recRows makes the recommendations' rows in lang; jp is the plan's JP
// standing (a PPPK's ceiling).
func recRows(lang i18n.Lang, jp model.JPYear, recs []store.Recommendation) []recRow {
	rows := make([]recRow, len(recs))
	for i := range recs {
		p := &recs[i].Programme
		r := recRow{ID: p.ID, Title: p.Title, Over: jp.Over(p.JP),
			Meta: p.ProviderName + " · " + i18n.Number(lang, int64(p.JP)) + " JP · " + i18n.Money(lang, p.Cost)}
		for _, g := range recs[i].Gaps {
			l := gapLine{Head: g.Name + ": " + i18n.T(lang, "plan.gap_required", g.Required) + ", ",
				Leads: i18n.T(lang, "plan.gap_leads", g.Leads)}
			if g.Assessed {
				l.Current = i18n.T(lang, "plan.gap_current", g.Current)
			}
			r.Gaps = append(r.Gaps, l)
		}
		for _, t := range recs[i].Sessions {
			r.Sessions = append(r.Sessions, choice{Value: t.ID, Label: t.Name + " · " + isoDateText(lang, t.StartDate)})
		}
		rows[i] = r
	}
	return rows
}

// devFormOptions are the <option>s of the LAN forms (model.DevForms) with
// their category, in each language: the same markup on every plan page,
// made once, from the catalogue's own texts, escaped.
var devFormOptions = func() map[i18n.Lang]template.HTML {
	out := map[i18n.Lang]template.HTML{}
	for _, lang := range i18n.Langs {
		var b strings.Builder
		for _, f := range model.DevForms {
			b.WriteString(`<option value="` + html.EscapeString(string(f.Key)) + `">`)
			b.WriteString(html.EscapeString(i18n.T(lang, "devform."+string(f.Key)) + " (" + i18n.T(lang, "devcat."+string(f.Category)) + ")"))
			b.WriteString("</option>")
		}
		out[lang] = template.HTML(b.String())
	}
	return out
}()
