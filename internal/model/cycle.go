package model

import (
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
)

// Assessment cycles. A cycle is open from OpensOn to ClosesOn inclusive
// (calendar dates in WIB) for the active employees of its scope unit's
// subtree and for the sources it opens (self, supervisor, peer), until an
// administrator closes it, which is final. A self, supervisor or peer
// rating of an employee made while a cycle is open for that employee and
// source carries the cycle's ID (the store attaches it); a rating made
// outside any open cycle is still recorded, without a cycle, as before
// cycles existed. When several open cycles include the employee the one
// with the narrowest scope wins, then the one opened last (the store's
// query orders them so).
//
// Who may administer a cycle is policy.AdministersCycle.

// CycleSources are the sources a cycle can open, in display order.
var CycleSources = []assess.Source{assess.SourceSelf, assess.SourceSupervisor, assess.SourcePeer}

// CycleNameMax is the longest cycle name, in characters.
const CycleNameMax = 200

// WIB is the time zone cycle and survey dates are written in (Indonesia
// keeps no daylight saving time).
var WIB = time.FixedZone("WIB", 7*3600)

// CycleToday returns the calendar date (ISO, WIB) of now, the date cycle
// and survey bounds are compared with.
func CycleToday(now time.Time) string { return now.In(WIB).Format(time.DateOnly) }

// Cycle is one assessment cycle.
type Cycle struct {
	ID               int64
	Name             string
	OpensOn          string // ISO date, first day open
	ClosesOn         string // ISO date, last day open
	ScopeUnitID      int64  // the unit whose subtree is assessed
	ScopeUnitName    string // read only
	ScopePath        string // read only; "" for a (legacy) cycle without a scope unit: the whole government
	Self, Supervisor bool   // sources open in the cycle
	Peer             bool
	ClosedAt         time.Time // zero while not closed
	CreatedAt        time.Time
	UpdatedAt        time.Time
	CreatedBy        string
}

// Opens reports whether the cycle is open for ratings of source src.
func (c *Cycle) Opens(src assess.Source) bool {
	switch src {
	case assess.SourceSelf:
		return c.Self
	case assess.SourceSupervisor:
		return c.Supervisor
	case assess.SourcePeer:
		return c.Peer
	}
	return false
}

// Sources lists the sources the cycle opens.
func (c *Cycle) Sources() []assess.Source {
	var out []assess.Source
	for _, s := range CycleSources {
		if c.Opens(s) {
			out = append(out, s)
		}
	}
	return out
}

// SourceList is Sources joined by commas ("self,peer"), as the audit log
// records them.
func (c *Cycle) SourceList() string {
	var out []string
	for _, s := range c.Sources() {
		out = append(out, string(s))
	}
	return strings.Join(out, ",")
}

// IsCycleSource reports whether src is a source cycles open (ratings of
// other sources never belong to a cycle).
func IsCycleSource(src assess.Source) bool {
	for _, s := range CycleSources {
		if s == src {
			return true
		}
	}
	return false
}

// Cycle states, as Status reports them.
const (
	CycleScheduled = "scheduled" // opens later
	CycleOpen      = "open"
	CycleEnded     = "ended"  // its closing date has passed
	CycleClosed    = "closed" // closed by an administrator
)

// CycleStates lists the states in the order a cycle goes through them.
var CycleStates = []string{CycleScheduled, CycleOpen, CycleEnded, CycleClosed}

// Status returns the cycle's state on date today (ISO).
func (c *Cycle) Status(today string) string {
	switch {
	case !c.ClosedAt.IsZero():
		return CycleClosed
	case today < c.OpensOn:
		return CycleScheduled
	case today > c.ClosesOn:
		return CycleEnded
	}
	return CycleOpen
}

// Closed reports whether an administrator closed the cycle (for good).
func (c *Cycle) Closed() bool { return !c.ClosedAt.IsZero() }

// OpensDate is OpensOn as a date, for display.
func (c *Cycle) OpensDate() time.Time { return isoDate(c.OpensOn) }

// ClosesDate is ClosesOn as a date, for display.
func (c *Cycle) ClosesDate() time.Time { return isoDate(c.ClosesOn) }

// Includes reports whether the unit at path lies in the cycle's scope.
func (c *Cycle) Includes(path string) bool {
	return c.ScopePath == "" || InSubtree(path, c.ScopePath)
}

// OpenFor reports whether the cycle takes a rating of source src about an
// employee of the unit at path made on date today (ISO): not closed,
// today within its dates, the source opened and the unit in its scope.
func (c *Cycle) OpenFor(path string, src assess.Source, today string) bool {
	return c.Status(today) == CycleOpen && c.Opens(src) && c.Includes(path)
}

// Validate trims the name and checks the fields a cycle is written with:
// a name of at most CycleNameMax characters, two ISO dates in order, at
// least one source and a scope unit. It returns every problem found, each
// an apperr.Invalid on its field, joined (errors.Join) in form order: a
// face that shows one message (apperr.Code, apperr.Message, errors.As)
// gets the first, a form can show each beside its field (Problems). That
// the scope unit exists and lies in what the writer administers is the
// store's to check (it reads the unit in its transaction).
func (c *Cycle) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	var errs []error
	switch {
	case c.Name == "":
		errs = append(errs, apperr.Invalid("name", "err.cycle.cycle_name_required"))
	case utf8.RuneCountInString(c.Name) > CycleNameMax:
		errs = append(errs, apperr.Invalid("name", "err.cycle.cycle_name_at_most"))
	}
	_, err1 := time.Parse(time.DateOnly, c.OpensOn)
	if err1 != nil {
		errs = append(errs, apperr.Invalid("opens_on", "err.cycle.opening_date_not_valid", c.OpensOn))
	}
	_, err2 := time.Parse(time.DateOnly, c.ClosesOn)
	if err2 != nil {
		errs = append(errs, apperr.Invalid("closes_on", "err.cycle.closing_date_not_valid", c.ClosesOn))
	}
	if err1 == nil && err2 == nil && c.ClosesOn < c.OpensOn {
		errs = append(errs, apperr.Invalid("closes_on", "err.cycle.closing_date_cannot_before"))
	}
	if !c.Self && !c.Supervisor && !c.Peer {
		errs = append(errs, apperr.Invalid("sources", "err.cycle.no_sources"))
	}
	if c.ScopeUnitID == 0 {
		errs = append(errs, apperr.Invalid("scope_unit", "err.cycle.scope_unit_chosen"))
	}
	return errors.Join(errs...)
}

// Problems lists the application errors err holds: each of a joined error
// (as Validate returns), or err itself; none for nil or an error without
// one.
func Problems(err error) []*apperr.Error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*apperr.Error
		for _, e := range j.Unwrap() {
			out = append(out, Problems(e)...)
		}
		return out
	}
	var e *apperr.Error
	if errors.As(err, &e) {
		return []*apperr.Error{e}
	}
	return nil
}

// isoDate reads a stored ISO date; "" (or anything else) is the zero time.
func isoDate(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}
