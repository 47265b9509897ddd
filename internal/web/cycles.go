package web

import (
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Assessment cycles (/siklus). Administrators run them: BKPSDM (and
// superadmins) anywhere, a unit admin (admin OPD) inside their unit's
// subtree. Leadership and auditors, who read the whole government, see
// every cycle without changing any. Everyone else, and any cycle outside
// what the user may see, gets "not found" (the rules: auth/cycles.go).

// cycleRowView is a cycle of the list with its state and percentages.
type cycleRowView struct {
	store.CycleRow
	Status  string
	CanEdit bool
}

// cycleListData is the page /siklus.
type cycleListData struct {
	Rows      []cycleRowView
	CanCreate bool
	Offset    int
	Prev      int // offset of the previous page, -1 for none
	Next      int // offset of the next page, -1 for none
	Notice    string
}

// cycleShowData is the page /siklus/{id}.
type cycleShowData struct {
	C        *model.Cycle
	Status   string
	Progress store.CycleProgress
	Units    []store.CycleUnitProgress
	CanEdit  bool
	MinPeers int
	Notice   string
}

// pct is n of total as a whole percentage (0 when total is 0).
func pct(n, total int) int {
	if total <= 0 {
		return 0
	}
	return (n*100 + total/2) / total
}

// Percent helpers for the templates.
func (r cycleRowView) SelfPct() int       { return pct(r.Progress.SelfDone, r.Progress.People) }
func (r cycleRowView) SupervisorPct() int { return pct(r.Progress.SupervisorDone, r.Progress.People) }
func (d cycleShowData) SelfPct() int      { return pct(d.Progress.SelfDone, d.Progress.People) }
func (d cycleShowData) SupervisorPct() int {
	return pct(d.Progress.SupervisorDone, d.Progress.People)
}
func (d cycleShowData) PeerPct() int { return pct(d.Progress.PeerEnough, d.Progress.People) }

// asOfText is the time of day a lagging count was taken ("" when the count
// is current): large cycles are served from a snapshot (store.cycleStats),
// and the page says how old it is rather than pass it off as live.
func asOfText(p store.CycleProgress) string {
	if p.AsOf.IsZero() {
		return ""
	}
	return p.AsOf.In(model.WIB).Format("15.04")
}

// AsOf is when the row's counts were taken, "" when current.
func (r cycleRowView) AsOf() string { return asOfText(r.Progress) }

// AsOf is when the page's counts were taken, "" when current (the oldest of
// the totals and the unit table, which are kept apart).
func (d cycleShowData) AsOf() string {
	p := d.Progress
	for _, u := range d.Units {
		if !u.Progress.AsOf.IsZero() && (p.AsOf.IsZero() || u.Progress.AsOf.Before(p.AsOf)) {
			p.AsOf = u.Progress.AsOf
		}
	}
	return asOfText(p)
}

// cycleToday is today's date as cycles compare it.
func (s *server) cycleToday() string { return model.CycleToday(s.st.Now()) }

// cycleList shows the cycles with their progress (GET /siklus).
func (s *server) cycleList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	sc := p.CycleScope()
	if !sc.All && len(sc.UnitPaths) == 0 {
		return errNotPermitted
	}
	const perPage = 25
	offset, _ := strconv.Atoi(r.URL.Query().Get("dari"))
	offset = max(offset, 0)
	rows, more, err := s.st.Cycles(r.Context(), store.CycleFilter{Scope: sc, Offset: offset, Limit: perPage})
	if err != nil {
		return err
	}
	today := s.cycleToday()
	d := &cycleListData{CanCreate: p.ManagesCycles(), Offset: offset, Prev: -1, Next: -1}
	if offset > 0 {
		d.Prev = max(offset-perPage, 0)
	}
	if more {
		d.Next = offset + perPage
	}
	for _, row := range rows {
		d.Rows = append(d.Rows, cycleRowView{CycleRow: row, Status: row.Status(today),
			CanEdit: policy.EditsCycle(p.Admin, &row.Cycle)})
	}
	if r.URL.Query().Get("ok") == "closed" {
		d.Notice = "cycle.closed_notice"
	}
	s.render(w, r, http.StatusOK, "cycles", "cycle.title", d)
	return nil
}

// visibleCycle loads cycle {id} when p may see it; not found otherwise.
func (s *server) visibleCycle(r *http.Request, p *auth.Principal, id int64) (*model.Cycle, error) {
	c, err := s.st.Cycle(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, errNotPermitted
	}
	if err != nil {
		return nil, err
	}
	if !p.SeesCycle(c.ScopePath) {
		return nil, errNotPermitted
	}
	return c, nil
}

// cycleShow shows one cycle with its progress per unit (GET /siklus/{id}).
func (s *server) cycleShow(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	c, err := s.visibleCycle(r, p, id)
	if err != nil {
		return err
	}
	d := cycleShowData{C: c, Status: c.Status(s.cycleToday()), MinPeers: assess.DefaultRule().MinPeers,
		CanEdit: policy.EditsCycle(p.Admin, c)}
	if d.Progress, err = s.st.CycleProgressOf(r.Context(), c); err != nil {
		return err
	}
	if d.Units, err = s.st.CycleUnits(r.Context(), c); err != nil {
		return err
	}
	switch r.URL.Query().Get("ok") {
	case "created":
		d.Notice = "cycle.created"
	case "saved":
		d.Notice = "cycle.saved"
	case "closed":
		d.Notice = "cycle.closed_notice"
	}
	s.renderView(w, r, http.StatusOK, "cycle_show", &view{Title: "cycle.title", TitleArg: c.Name, Data: d})
	return nil
}
