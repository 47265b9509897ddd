package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// talentPageSize is the number of people per page of a 9-box list.
const talentPageSize = 50

// talentGrid is the 9-box layout by rows from the top (performance above,
// meets, below) and columns low → high potential: box numbers.
var talentGrid = [3][3]int{{4, 7, 9}, {2, 5, 8}, {1, 3, 6}}

// talentCell is one box of the grid as the page shows it.
type talentCell struct {
	Number   int
	Label    string
	LabelEN  string
	Action   string
	ActionEN string
	Count    int
	Pool     bool // boxes 7–9: the succession pool
	URL      string
	Current  bool
}

// talentData is the talent-map page.
type talentData struct {
	Map              *gap.TalentMap
	Rows             [3][3]talentCell
	Unplaced         talentCell
	Unit             string
	UnitName         string
	Units            []model.OrgUnit
	Box              int // the box listed, -1 for none
	BoxCell          *talentCell
	People           []talentRow
	Page             int
	First            int
	PrevURL, NextURL string
	// Reasons says that the reader may read the discipline penalties of
	// everyone on the map (talentReasons): only then does the page say
	// that a penalty is why people of boxes 7–9 are outside the pool.
	Reasons bool
}

// talentRow is one person of a box list with the display strings.
type talentRow struct {
	store.TalentPerson
	Name string // with titles
	JPM  string // capped JPM in the page's language (provisional marked, "—" when nothing is assessed), "" without a standard
	// Reason says that the reader may read this person's penalties
	// (policy.PenaltyRead): an excluded person is then marked "penalty in
	// force: outside the succession pool", else only "outside the
	// succession pool".
	Reason bool
	// SetTarget: the reader may record this person's target position (a
	// talent decision for someone in the succession pool, boxes 7–9; the
	// form is on the profile).
	SetTarget bool
}

// talentReasons reports whether p may read the discipline penalties of
// every employee of the talent map of scope sc (narrowed to the unit at
// unitPath when it is not ""): the map's counts of those kept out of the
// succession pool are then given with their reason. A unit head, the
// leadership and auditors read the map but not the penalties, and see only
// that people are outside the pool — together with the per-person rule of
// the box lists, nobody learns from the map a penalty they could not read
// on the person's profile.
func talentReasons(p *auth.Principal, sc model.Scope, unitPath string) bool {
	mayRead := func(path string) bool { return policy.May(p, policy.PenaltyRead, policy.Target{UnitPath: path}) }
	switch {
	case unitPath != "":
		return mayRead(unitPath)
	case sc.All:
		return mayRead("")
	}
	for _, path := range sc.UnitPaths {
		if !mayRead(path) {
			return false
		}
	}
	return true
}

// seesTalent reports whether p may open the talent map: whole-government
// readers (BKPSDM, leadership, auditors, superadmins), unit heads for
// their units, and unit admins for what they administer. Other employees
// and supervisors of no unit may not: the 9-box is a tool for leadership.
// (policy.TalentRead)
func seesTalent(p *auth.Principal) bool { return policy.Allowed(p, policy.TalentRead) }

// talentScope is the part of p's scope the talent map covers: whole units,
// never single records (one's own, one's direct reports).
func talentScope(p *auth.Principal) model.Scope {
	return model.Scope{All: p.Scope.All, UnitPaths: p.Scope.UnitPaths}
}

// talentMap shows the 9-box of the employees in scope, optionally of one
// unit's subtree, and the people of one box (GET /talenta?unit=&box=&page=).
func (s *server) talentMap(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if !seesTalent(p) {
		return errForbidden
	}
	ctx := r.Context()
	q := r.URL.Query()
	sc := talentScope(p)
	d := &talentData{Unit: q.Get("unit"), Box: -1}
	var unitID int64
	var unitPath string
	if d.Unit != "" {
		id, err := strconv.ParseInt(d.Unit, 10, 64)
		if err != nil {
			return apperr.Invalid("unit", "err.talent.unknown_unit")
		}
		u, err := s.st.Unit(ctx, id)
		if err != nil {
			return err
		}
		if !sc.Contains(u.Path) {
			return errForbidden
		}
		unitID, d.UnitName, unitPath = id, u.Name, u.Path
	}
	d.Reasons = talentReasons(p, sc, unitPath)
	units, err := s.unitChoices(ctx, sc, nil)
	if err != nil {
		return err
	}
	d.Units = units
	m, err := s.st.TalentMap(ctx, sc, unitID)
	if err != nil {
		return err
	}
	d.Map = m
	if b, err := strconv.Atoi(q.Get("box")); err == nil && b >= 0 && b <= 9 {
		d.Box = b
	}
	link := func(box, page int) string {
		v := url.Values{}
		if d.Unit != "" {
			v.Set("unit", d.Unit)
		}
		v.Set("box", strconv.Itoa(box))
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		return "/talenta?" + v.Encode() + "#talent-people"
	}
	cell := func(n int) talentCell {
		b := m.Boxes[n]
		return talentCell{Number: n, Label: b.Label, LabelEN: b.LabelEN, Action: b.Action, ActionEN: b.ActionEN,
			Count: m.Counts[n], Pool: n >= 7, URL: link(n, 1), Current: n == d.Box}
	}
	for i, row := range talentGrid {
		for j, n := range row {
			d.Rows[i][j] = cell(n)
		}
	}
	d.Unplaced = cell(0)
	if d.Box >= 0 {
		c := cell(d.Box)
		d.BoxCell = &c
		d.Page, _ = strconv.Atoi(q.Get("page"))
		d.Page = max(d.Page, 1)
		people, more, err := s.st.TalentBox(ctx, sc, unitID, d.Box, (d.Page-1)*talentPageSize, talentPageSize)
		if err != nil {
			return err
		}
		for _, pp := range people {
			row := talentRow{TalentPerson: pp, Name: names.Display(pp.GelarDepan, pp.Name, pp.GelarBelakang),
				Reason:    policy.May(p, policy.PenaltyRead, policy.Target{UnitPath: pp.UnitPath, EmployeeID: pp.ID}),
				SetTarget: pp.Box.TalentPool && policy.May(p, policy.EmployeeWrite, policy.Target{UnitPath: pp.UnitPath, EmployeeID: pp.ID})}
			if pp.HasJPM {
				row.JPM = jpmText(langOf(r), pp.JPMCapped, pp.Assessed, pp.Total)
			}
			d.People = append(d.People, row)
		}
		d.First = (d.Page-1)*talentPageSize + 1
		if d.Page > 1 {
			d.PrevURL = link(d.Box, d.Page-1)
		}
		if more {
			d.NextURL = link(d.Box, d.Page+1)
		}
	}
	s.render(w, r, http.StatusOK, "talent", "talent.title", d)
	return nil
}
