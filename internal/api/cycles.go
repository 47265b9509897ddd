package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Assessment cycles as JSON, over store/cycles.go with the rules of the
// /siklus pages (web/cycles.go): administrators (BKPSDM and superadmins
// everywhere, a unit admin inside their unit's subtree) see, create and
// close the cycles of what they administer; leadership and auditors, who
// read the whole government, see every cycle and change none. Anyone else,
// and any cycle outside what the caller may see, gets 404, as on the pages.

// errCycleNotFound answers for a cycle that does not exist or that the
// caller may not see, alike.
func errCycleNotFound(id int64) error {
	return apperr.New(apperr.ENOTFOUND, "err.cycle.cycle_not_found", id)
}

// cycleProgressJSON is store.CycleProgress.
type cycleProgressJSON struct {
	People         int `json:"people"`
	SelfDone       int `json:"self_done"`
	SupervisorDone int `json:"supervisor_done"`
	PeerRated      int `json:"peer_rated"`
	PeerEnough     int `json:"peer_enough"`
	PeerRatings    int `json:"peer_ratings"`
}

func toCycleProgressJSON(p store.CycleProgress) cycleProgressJSON {
	return cycleProgressJSON{People: p.People, SelfDone: p.SelfDone, SupervisorDone: p.SupervisorDone,
		PeerRated: p.PeerRated, PeerEnough: p.PeerEnough, PeerRatings: p.PeerRatings}
}

// cycleJSON is a cycle with its state and progress, as the list shows it.
type cycleJSON struct {
	ID            int64             `json:"id"`
	Name          string            `json:"name"`
	OpensOn       string            `json:"opens_on"`
	ClosesOn      string            `json:"closes_on"`
	ScopeUnitID   *int64            `json:"scope_unit_id"`
	ScopeUnitName string            `json:"scope_unit_name"`
	Sources       []string          `json:"sources"`
	Status        string            `json:"status"`
	ClosedAt      *time.Time        `json:"closed_at"`
	CreatedAt     time.Time         `json:"created_at"`
	UpdatedAt     *time.Time        `json:"updated_at"`
	CreatedBy     string            `json:"created_by"`
	CanEdit       bool              `json:"can_edit"`
	Progress      cycleProgressJSON `json:"progress"`
}

// cycleUnitJSON is the progress of one unit (with its subtree) of a
// cycle's scope; direct marks the scope unit's own employees.
type cycleUnitJSON struct {
	Unit     unitJSON          `json:"unit"`
	Direct   bool              `json:"direct"`
	Progress cycleProgressJSON `json:"progress"`
}

// cycleDetailJSON answers GET /cycles/{id}.
type cycleDetailJSON struct {
	cycleJSON
	MinPeers int             `json:"min_peers"`
	Units    []cycleUnitJSON `json:"units"`
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// toCycleJSON describes c for p on date today (ISO, WIB).
func toCycleJSON(p *auth.Principal, c *model.Cycle, prog store.CycleProgress, today string) cycleJSON {
	out := cycleJSON{ID: c.ID, Name: c.Name, OpensOn: c.OpensOn, ClosesOn: c.ClosesOn, ScopeUnitID: ptrID(c.ScopeUnitID),
		ScopeUnitName: c.ScopeUnitName, Sources: []string{}, Status: c.Status(today), ClosedAt: optTime(c.ClosedAt),
		CreatedAt: c.CreatedAt, UpdatedAt: optTime(c.UpdatedAt), CreatedBy: c.CreatedBy,
		CanEdit: policy.EditsCycle(p.Admin, c), Progress: toCycleProgressJSON(prog)}
	for _, s := range c.Sources() {
		out.Sources = append(out.Sources, string(s))
	}
	return out
}

// cycleToday is the date (ISO, WIB) cycle bounds are compared with.
func (a *API) cycleToday() string { return model.CycleToday(a.st.Now()) }

// listCycles returns a page of the cycles the caller may see, newest
// first, each with its progress.
func (a *API) listCycles(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	sc := p.CycleScope()
	if !sc.All && len(sc.UnitPaths) == 0 {
		return apperr.New(apperr.ENOTFOUND, "err.cycle.none_visible")
	}
	off, err := queryInt(r, "offset")
	if err != nil {
		return err
	}
	lim, err := queryInt(r, "limit")
	if err != nil {
		return err
	}
	if lim == 0 {
		lim = 50
	}
	f := store.CycleFilter{Scope: sc, Offset: int(min(off, 1<<31)), Limit: int(min(lim, 200))}
	rows, more, err := a.st.Cycles(r.Context(), f)
	if err != nil {
		return err
	}
	today := a.cycleToday()
	items := make([]cycleJSON, 0, len(rows))
	for i := range rows {
		items = append(items, toCycleJSON(p, &rows[i].Cycle, rows[i].Progress, today))
	}
	var next *int
	if more {
		n := f.Offset + len(rows)
		next = &n
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items, "next_offset": next})
	return nil
}

// visibleCycle loads cycle {id} when p may see it; 404 otherwise.
func (a *API) visibleCycle(r *http.Request, p *auth.Principal) (*model.Cycle, error) {
	id, err := pathID(r)
	if err != nil {
		return nil, err
	}
	c, err := a.st.Cycle(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !p.SeesCycle(c.ScopePath)) {
		return nil, errCycleNotFound(id)
	}
	return c, err
}

// writeCycle answers with cycle c in full: its progress, and its progress
// per child unit of the scope unit.
func (a *API) writeCycle(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, c *model.Cycle) error {
	ctx := r.Context()
	prog, err := a.st.CycleProgressOf(ctx, c)
	if err != nil {
		return err
	}
	units, err := a.st.CycleUnits(ctx, c)
	if err != nil {
		return err
	}
	out := cycleDetailJSON{cycleJSON: toCycleJSON(p, c, prog, a.cycleToday()), MinPeers: assess.DefaultRule().MinPeers,
		Units: make([]cycleUnitJSON, 0, len(units))}
	for i := range units {
		out.Units = append(out.Units, cycleUnitJSON{Unit: toUnitJSON(&units[i].Unit), Direct: units[i].Direct,
			Progress: toCycleProgressJSON(units[i].Progress)})
	}
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/cycles/"+itoa(c.ID))
	}
	writeJSON(w, status, out)
	return nil
}

// getCycle returns one cycle with its progress per unit.
func (a *API) getCycle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	c, err := a.visibleCycle(r, p)
	if err != nil {
		return err
	}
	return a.writeCycle(w, r, p, http.StatusOK, c)
}

// cycleInput is the body of POST /cycles. The scope unit is given by ID
// or by code; sources absent means all three.
type cycleInput struct {
	Name          string    `json:"name"`
	OpensOn       string    `json:"opens_on"`
	ClosesOn      string    `json:"closes_on"`
	ScopeUnitID   int64     `json:"scope_unit_id"`
	ScopeUnitCode string    `json:"scope_unit_code"`
	Sources       *[]string `json:"sources"`
}

// cycleField renames the store's field name of a cycle's scope unit to
// the API's: field, the one the caller gave the unit in.
func cycleField(err error, field string) error {
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Field == "scope_unit" {
		return &apperr.Error{Code: ae.Code, Field: field, Key: ae.Key, Args: ae.Args}
	}
	return err
}

// createCycle stores a new cycle inside what the caller administers.
func (a *API) createCycle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	if !p.ManagesCycles() {
		// The page /siklus/baru answers "not found" to non-administrators.
		return apperr.New(apperr.ENOTFOUND, "err.common.no_such_api_address", r.URL.Path)
	}
	var in cycleInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	c := model.Cycle{Name: in.Name, OpensOn: strings.TrimSpace(in.OpensOn), ClosesOn: strings.TrimSpace(in.ClosesOn)}
	if in.Sources == nil {
		c.Self, c.Supervisor, c.Peer = true, true, true
	} else {
		for _, s := range *in.Sources {
			switch assess.Source(strings.TrimSpace(s)) {
			case assess.SourceSelf:
				c.Self = true
			case assess.SourceSupervisor:
				c.Supervisor = true
			case assess.SourcePeer:
				c.Peer = true
			default:
				return apperr.Invalid("sources", "err.cycle.source_unknown", s)
			}
		}
	}
	// The scope unit, by ID or by code (resolved here); the store checks
	// it exists and lies in what the caller administers, and the fields
	// (model.Cycle.Validate).
	field := "scope_unit_id"
	switch code := strings.TrimSpace(in.ScopeUnitCode); {
	case in.ScopeUnitID != 0 && code != "":
		return apperr.Invalid("scope_unit_code", "err.cycle.scope_id_or_code")
	case code != "":
		field = "scope_unit_code"
		unit, err := a.st.UnitByCode(r.Context(), code)
		if apperr.Code(err) == apperr.ENOTFOUND {
			return apperr.Invalid("scope_unit_code", "err.cycle.no_unit_with_code", code)
		}
		if err != nil {
			return err
		}
		c.ScopeUnitID = unit.ID
	default:
		c.ScopeUnitID = in.ScopeUnitID
	}
	if err := a.st.CreateCycle(r.Context(), actor(p), &c, p.Admin); err != nil {
		return cycleField(err, field)
	}
	saved, err := a.st.Cycle(r.Context(), c.ID)
	if err != nil {
		return err
	}
	return a.writeCycle(w, r, p, http.StatusCreated, saved)
}

// closeCycle closes a cycle for good. Only who administers the cycle's
// scope may; anyone else gets 404, as on the page. A closed cycle is a
// conflict.
func (a *API) closeCycle(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	c, err := a.st.Cycle(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.AdministersCycle(p.Admin, c)) {
		return errCycleNotFound(id)
	}
	if err != nil {
		return err
	}
	if c.Closed() {
		return apperr.New(apperr.ECONFLICT, "err.cycle.cycle_closed", c.Name)
	}
	if err := a.st.CloseCycle(r.Context(), actor(p), id, p.Admin); err != nil {
		return err
	}
	if c, err = a.st.Cycle(r.Context(), id); err != nil {
		return err
	}
	return a.writeCycle(w, r, p, http.StatusOK, c)
}
