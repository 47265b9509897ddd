package web

import (
	"context"
	"fmt"
	"html/template"

	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/store"
)

// competencyView is the "Kompetensi" section of a profile: the radar chart,
// the gaps table, JPM with both categories, and the explanations.
type competencyView struct {
	Lang        i18n.Lang
	HasStandard bool
	DecreeNo    string
	Rows        []competencyRow
	Radar       template.HTML
	JPMRaw      string
	JPMCapped   string
	Mapping     string // label of the mapping category
	MappingCode string
	Filling     string // label of the filling category
	FillingCode string
	Complete    bool
	Provisional bool // some but not all competencies assessed: the JPM is "sementara"
	Assessed    int
	Total       int
	Conflicts   int
	Explain     []string // gap.Explain
}

// competencyRow is one line of the gaps table with its explanation.
type competencyRow struct {
	store.CompetencyItem
	Why    []string // Resolution.Explain: "why is my level 2?"
	Events []string // the non-peer ratings and the peer aggregate, one line each
}

// GapText shows a gap with its sign (−1 short, +1 above, 0 on standard),
// with a true minus sign so it reads as a number, not a hyphen.
func (r competencyRow) GapText() string {
	switch {
	case r.Gap < 0:
		return fmt.Sprintf("−%d", -r.Gap)
	case r.Gap > 0:
		return fmt.Sprintf("+%d", r.Gap)
	}
	return "0"
}

// jpmText is a JPM as shown beside a standard of total competencies of
// which assessed have a level: the percentage, marked provisional
// ("sementara") when the assessment is incomplete, and "—" when nothing is
// assessed (not assessed is not level 0: there is no 0 %).
func jpmText(lang i18n.Lang, f gap.Fixed, assessed, total int) string {
	switch {
	case assessed == 0:
		return i18n.T(lang, "jpm.none")
	case assessed < total:
		return f.Percent(string(lang)) + " (" + i18n.T(lang, "jpm.provisional") + ")"
	}
	return f.Percent(string(lang))
}

// competencyView builds the section for employee id in language lang.
func (s *server) competencyView(ctx context.Context, lang i18n.Lang, id int64) (*competencyView, error) {
	ec, err := s.st.EmployeeCompetencies(ctx, id)
	if err != nil {
		return nil, err
	}
	l := string(lang)
	v := &competencyView{Lang: lang, HasStandard: len(ec.Items) > 0, DecreeNo: ec.DecreeNo}
	res := ec.Result
	v.Explain = gap.Explain(res, l)
	if !v.HasStandard {
		return v, nil
	}
	v.JPMRaw, v.JPMCapped = jpmText(lang, res.JPMRaw, res.Assessed, res.Total), jpmText(lang, res.JPMCapped, res.Assessed, res.Total)
	v.MappingCode, v.FillingCode = res.Mapping.String(), res.Filling.String()
	v.Mapping, v.Filling = res.Mapping.Label(), res.Filling.Label()
	if lang == i18n.EN {
		v.Mapping, v.Filling = res.Mapping.LabelEN(), res.Filling.LabelEN()
	}
	if res.NotAssessed() { // no category until every competency is assessed
		v.Mapping = i18n.T(lang, "jpm.not_assessed")
		v.Filling = v.Mapping
	}
	v.Complete, v.Assessed, v.Total = res.Complete, res.Assessed, res.Total
	v.Provisional = res.Provisional()
	axes := make([]radarAxis, 0, len(ec.Items))
	for _, it := range ec.Items {
		row := competencyRow{CompetencyItem: it}
		if it.Resolution != nil {
			row.Why = it.Resolution.In(s.loc).Explain(l)
		}
		for _, e := range it.Events {
			who := ""
			if e.RaterName != "" {
				who = " · " + e.RaterName
			}
			row.Events = append(row.Events, fmt.Sprintf("%s: %d (%s%s)", e.Source.Label(l), e.Level, i18n.Date(lang, s.inLoc(e.At)), who))
		}
		if it.Peers != nil {
			row.Events = append(row.Events, i18n.T(lang, "comp.peers_line", it.Peers.Mean, it.Peers.Count))
		}
		if it.Conflict {
			v.Conflicts++
		}
		v.Rows = append(v.Rows, row)
		axes = append(axes, radarAxis{Label: it.Name, Required: it.Required, Actual: it.Actual})
	}
	v.Radar = radarSVG(axes, i18n.T(lang, "comp.radar_title"), i18n.T(lang, "comp.radar_desc", v.JPMCapped),
		i18n.T(lang, "comp.required"), i18n.T(lang, "comp.actual"))
	return v, nil
}
