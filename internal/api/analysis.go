package api

import (
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/policy"
)

// The needs analysis (AKPK) and the talent map (9-box) as JSON, over the
// same store calls and access rules (policy.NeedsRead, policy.TalentRead)
// as the /analisis and /talenta pages.

// readsNeeds reports whether p may read the needs analysis (policy.NeedsRead).
func readsNeeds(p *auth.Principal) bool { return policy.Allowed(p, policy.NeedsRead) }

// seesTalent reports whether p may read the talent map (policy.TalentRead).
func seesTalent(p *auth.Principal) bool { return policy.Allowed(p, policy.TalentRead) }

// share turns a share in hundredths of a percent into a JSON number, null
// when nobody is assessed (negative).
func share(f gap.Fixed) *float64 {
	if f < 0 {
		return nil
	}
	v := pct(f)
	return &v
}

// needJSON is one competency of the ranked needs.
type needJSON struct {
	Source       string   `json:"source"` // current or target (needs.Source)
	Rank         int      `json:"rank"`
	CompetencyID int64    `json:"competency_id"`
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	Group        string   `json:"group"`
	Required     int      `json:"required"`
	Assessed     int      `json:"assessed"`
	NotAssessed  int      `json:"not_assessed"`
	Short        int      `json:"short"`
	Shortfall    int      `json:"shortfall"`
	AvgShortfall float64  `json:"avg_shortfall"`
	WeightedNeed int      `json:"weighted_need"`
	ShareShort   *float64 `json:"share_short"`
}

// heatCellJSON is one cell of the heat-map.
type heatCellJSON struct {
	CompetencyID int64    `json:"competency_id"`
	Required     int      `json:"required"`
	Assessed     int      `json:"assessed"`
	NotAssessed  int      `json:"not_assessed"`
	Short        int      `json:"short"`
	Shortfall    int      `json:"shortfall"`
	WeightedNeed int      `json:"weighted_need"`
	ShareShort   *float64 `json:"share_short"`
}

// heatRowJSON is one row of the heat-map.
type heatRowJSON struct {
	Unit        unitJSON       `json:"unit"`
	Direct      bool           `json:"direct"`
	HasChildren bool           `json:"has_children"`
	Employees   int            `json:"employees"`
	NotAssessed int            `json:"not_assessed"` // standard not fully assessed: no JPM category
	Cells       []heatCellJSON `json:"cells"`
}

// needsJSON answers GET /needs.
type needsJSON struct {
	Unit      *unitJSON     `json:"unit"`
	Employees int           `json:"employees"`
	JPM       jpmCountsJSON `json:"jpm_categories"`
	AsOf      time.Time     `json:"as_of"`
	Stale     bool          `json:"stale"`
	Needs     []needJSON    `json:"needs"`
	Columns   []int64       `json:"columns"`
	Rows      []heatRowJSON `json:"rows"`
	Sources   sourcesJSON   `json:"sources"`
}

// sourcesJSON is what the other two sources of AKPK add: needs against
// target positions and the SKP performance gap.
type sourcesJSON struct {
	TargetEmployees int             `json:"target_employees"`
	Target          []needJSON      `json:"target"`
	Performance     performanceJSON `json:"performance"`
}

// performanceJSON is the performance gap of one SKP year.
type performanceJSON struct {
	Source    string `json:"source"` // performance
	Year      int    `json:"year"`
	Employees int    `json:"employees"`
	Below     int    `json:"below"`
	Meets     int    `json:"meets"`
	Above     int    `json:"above"`
	Unknown   int    `json:"unknown"`
}

// toNeedJSON maps a ranked need of source src.
func toNeedJSON(src needs.Source, rank int, nd needs.Need) needJSON {
	return needJSON{Source: string(src), Rank: rank, CompetencyID: nd.CompetencyID, Code: nd.Code, Name: nd.Name, Group: nd.Group,
		Required: nd.Required, Assessed: nd.Assessed, NotAssessed: nd.NotAssessed, Short: nd.Short, Shortfall: nd.Shortfall,
		AvgShortfall: float64(nd.AvgShortfall) / 100, WeightedNeed: nd.WeightedNeed, ShareShort: share(nd.ShareShort)}
}

// jpmCountsJSON is the JPM distribution of the analysed employees, those
// not fully assessed apart from every category.
type jpmCountsJSON struct {
	KurangOptimal int `json:"kurang_optimal"`
	CukupOptimal  int `json:"cukup_optimal"`
	Optimal       int `json:"optimal"`
	NotAssessed   int `json:"not_assessed"`
}

// needs answers GET /needs?unit_id=: the needs analysis of the unit's
// subtree (absent or 0: the top of the caller's scope).
func (a *API) needs(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if !readsNeeds(p) {
		return apperr.New(apperr.EFORBIDDEN, "err.needs.role_may_not_open_needs", p.User.Role)
	}
	unitID, err := queryInt(r, "unit_id")
	if err != nil {
		return err
	}
	n, err := a.st.NeedsAnalysis(r.Context(), p.Scope, unitID)
	if err != nil {
		return err
	}
	out := needsJSON{Employees: n.Employees, JPM: jpmCountsJSON{KurangOptimal: n.JPM[gap.KurangOptimal],
		CukupOptimal: n.JPM[gap.CukupOptimal], Optimal: n.JPM[gap.Optimal], NotAssessed: n.NotAssessed()}, AsOf: n.AsOf, Stale: n.Stale, Needs: []needJSON{}, Columns: []int64{}, Rows: []heatRowJSON{}}
	if n.Unit != nil {
		u := toUnitJSON(n.Unit)
		out.Unit = &u
	}
	for i, nd := range n.Needs {
		out.Needs = append(out.Needs, toNeedJSON(needs.FromCurrent, i+1, nd))
	}
	src, err := a.st.NeedsSources(r.Context(), p.Scope, unitID)
	if err != nil {
		return err
	}
	pg := src.Performance
	out.Sources = sourcesJSON{TargetEmployees: src.TargetEmployees, Target: []needJSON{}, Performance: performanceJSON{Source: string(needs.FromPerformance),
		Year: pg.Year, Employees: pg.Employees, Below: pg.Below, Meets: pg.Meets, Above: pg.Above, Unknown: pg.Unknown}}
	for i, nd := range src.Target {
		out.Sources.Target = append(out.Sources.Target, toNeedJSON(needs.FromTarget, i+1, nd))
	}
	for _, c := range n.Columns {
		out.Columns = append(out.Columns, c.CompetencyID)
	}
	for _, hr := range n.Rows {
		row := heatRowJSON{Unit: toUnitJSON(&hr.Unit), Direct: hr.Direct, HasChildren: hr.HasChildren, Employees: hr.Employees,
			NotAssessed: hr.NotAssessed(), Cells: []heatCellJSON{}}
		for _, c := range hr.Cells {
			row.Cells = append(row.Cells, heatCellJSON{CompetencyID: c.CompetencyID, Required: c.Required, Assessed: c.Assessed,
				NotAssessed: c.NotAssessed, Short: c.Short, Shortfall: c.Shortfall, WeightedNeed: c.WeightedNeed, ShareShort: share(c.ShareShort)})
		}
		out.Rows = append(out.Rows, row)
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

// talentBoxJSON is one box of the 9-box with its count.
type talentBoxJSON struct {
	Box        int    `json:"box"`
	Label      string `json:"label"`
	LabelEN    string `json:"label_en"`
	Action     string `json:"action"`
	ActionEN   string `json:"action_en"`
	Count      int    `json:"count"`
	TalentPool bool   `json:"talent_pool"`
}

// talentJSON answers GET /talent.
type talentJSON struct {
	Unit            *unitJSON       `json:"unit"`
	Years           [2]int          `json:"years"`
	Total           int             `json:"total"`
	DisciplineKnown bool            `json:"discipline_known"`
	NotEligible     int             `json:"not_eligible"`
	NotAssessed     int             `json:"not_assessed"`
	Boxes           []talentBoxJSON `json:"boxes"`
}

// talent answers GET /talent?unit_id=: how many active employees of the
// caller's scope (of the unit's subtree when unit_id is given) fall in
// each box of the 9-box; box 0 counts those who cannot be placed.
func (a *API) talent(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if !seesTalent(p) {
		return apperr.New(apperr.EFORBIDDEN, "err.needs.role_may_not_open_talent", p.User.Role)
	}
	ctx := r.Context()
	unitID, err := queryInt(r, "unit_id")
	if err != nil {
		return err
	}
	// Whole units only, never single records (one's own, one's reports).
	sc := model.Scope{All: p.Scope.All, UnitPaths: p.Scope.UnitPaths}
	out := talentJSON{Boxes: []talentBoxJSON{}}
	if unitID != 0 {
		u, err := a.st.Unit(ctx, unitID)
		if err != nil {
			return err
		}
		if !sc.Contains(u.Path) {
			return apperr.New(apperr.EFORBIDDEN, "err.needs.unit_outside_scope", unitID)
		}
		j := toUnitJSON(u)
		out.Unit = &j
	}
	m, err := a.st.TalentMap(ctx, sc, unitID)
	if err != nil {
		return err
	}
	out.Years, out.Total, out.DisciplineKnown, out.NotEligible, out.NotAssessed = m.Years, m.Total, m.DisciplineKnown, m.NotEligible, m.NotAssessed
	for n, b := range m.Boxes {
		out.Boxes = append(out.Boxes, talentBoxJSON{Box: n, Label: b.Label, LabelEN: b.LabelEN, Action: b.Action, ActionEN: b.ActionEN,
			Count: m.Counts[n], TalentPool: n >= 7})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}
