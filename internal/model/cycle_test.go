package model

import (
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
)

// okCycle is a cycle whose fields pass Validate.
func okCycle() Cycle {
	return Cycle{Name: "Penilaian 2026", OpensOn: "2026-03-01", ClosesOn: "2026-03-31", ScopeUnitID: 7, Self: true}
}

func TestCycleValidate(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(c *Cycle)
		fields []string // every problem's field, in order; none: valid
		keys   []string
	}{
		{"valid", func(c *Cycle) {}, nil, nil},
		{"one day is a period", func(c *Cycle) { c.ClosesOn = c.OpensOn }, nil, nil},
		{"name of exactly 200 characters", func(c *Cycle) { c.Name = strings.Repeat("é", CycleNameMax) }, nil, nil},
		{"blank name", func(c *Cycle) { c.Name = "   " }, []string{"name"}, []string{"err.cycle.cycle_name_required"}},
		{"name too long (characters, not bytes)", func(c *Cycle) { c.Name = strings.Repeat("é", CycleNameMax+1) },
			[]string{"name"}, []string{"err.cycle.cycle_name_at_most"}},
		{"opening date not ISO", func(c *Cycle) { c.OpensOn = "01-03-2026" }, []string{"opens_on"}, []string{"err.cycle.opening_date_not_valid"}},
		{"closing date not a date", func(c *Cycle) { c.ClosesOn = "2026-02-30" }, []string{"closes_on"}, []string{"err.cycle.closing_date_not_valid"}},
		{"closing before opening", func(c *Cycle) { c.ClosesOn = "2026-02-28" }, []string{"closes_on"}, []string{"err.cycle.closing_date_cannot_before"}},
		{"no source", func(c *Cycle) { c.Self = false }, []string{"sources"}, []string{"err.cycle.no_sources"}},
		{"peer alone is a source", func(c *Cycle) { c.Self, c.Peer = false, true }, nil, nil},
		{"no scope unit", func(c *Cycle) { c.ScopeUnitID = 0 }, []string{"scope_unit"}, []string{"err.cycle.scope_unit_chosen"}},
		{"every problem at once, in form order", func(c *Cycle) { *c = Cycle{Name: "", OpensOn: "2026-03-02", ClosesOn: "2026-03-01"} },
			[]string{"name", "closes_on", "sources", "scope_unit"},
			[]string{"err.cycle.cycle_name_required", "err.cycle.closing_date_cannot_before", "err.cycle.no_sources", "err.cycle.scope_unit_chosen"}},
		{"bad dates are not also out of order", func(c *Cycle) { c.OpensOn, c.ClosesOn = "x", "2000-01-01" },
			[]string{"opens_on"}, []string{"err.cycle.opening_date_not_valid"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := okCycle()
			tc.edit(&c)
			err := c.Validate()
			probs := Problems(err)
			if len(probs) != len(tc.fields) {
				t.Fatalf("problems %v, want fields %v", err, tc.fields)
			}
			for i, p := range probs {
				if p.Code != apperr.EINVALID || p.Field != tc.fields[i] || p.Key != tc.keys[i] {
					t.Errorf("problem %d: %s %s %s, want invalid %s %s", i, p.Code, p.Field, p.Key, tc.fields[i], tc.keys[i])
				}
			}
			if len(tc.fields) > 0 {
				// A face showing one message gets the first problem.
				if apperr.Code(err) != apperr.EINVALID || apperr.Message("id", err) != probs[0].Text("id") {
					t.Errorf("first problem: %v", err)
				}
			}
		})
	}
}

func TestCycleValidateTrimsName(t *testing.T) {
	c := okCycle()
	c.Name = "  Penilaian 2026 \n"
	if err := c.Validate(); err != nil || c.Name != "Penilaian 2026" {
		t.Fatalf("Validate: %v, name %q", err, c.Name)
	}
}

func TestCycleStatus(t *testing.T) {
	c := okCycle()
	closed := okCycle()
	closed.ClosedAt = time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		c     Cycle
		today string
		want  string
	}{
		{c, "2026-02-28", CycleScheduled},
		{c, "2026-03-01", CycleOpen}, // both bounds inclusive
		{c, "2026-03-31", CycleOpen},
		{c, "2026-04-01", CycleEnded},
		{closed, "2026-03-15", CycleClosed}, // closing is final, whatever the dates
		{closed, "2026-02-01", CycleClosed},
	}
	for _, tc := range cases {
		if got := tc.c.Status(tc.today); got != tc.want {
			t.Errorf("Status(%s) closed=%v = %s, want %s", tc.today, tc.c.Closed(), got, tc.want)
		}
	}
}

func TestCycleSources(t *testing.T) {
	c := Cycle{Self: true, Peer: true}
	if got := c.SourceList(); got != "self,peer" {
		t.Errorf("SourceList = %q", got)
	}
	if !c.Opens(assess.SourceSelf) || c.Opens(assess.SourceSupervisor) || !c.Opens(assess.SourcePeer) || c.Opens(assess.SourceTest) {
		t.Error("Opens does not follow the flags")
	}
	for _, s := range []assess.Source{assess.SourceSelf, assess.SourceSupervisor, assess.SourcePeer} {
		if !IsCycleSource(s) {
			t.Errorf("%s is a cycle source", s)
		}
	}
	if IsCycleSource(assess.SourceTest) || IsCycleSource(assess.SourceEvidence) {
		t.Error("test and evidence ratings never belong to a cycle")
	}
}

func TestCycleOpenFor(t *testing.T) {
	c := okCycle()
	c.ScopePath = "/1/2/"
	whole := okCycle()
	whole.ScopePath = "" // a legacy cycle without a scope unit: everyone
	closed := c
	closed.ClosedAt = time.Unix(1, 0)
	cases := []struct {
		name  string
		c     Cycle
		path  string
		src   assess.Source
		today string
		want  bool
	}{
		{"in scope, open source, open day", c, "/1/2/5/", assess.SourceSelf, "2026-03-15", true},
		{"the scope unit itself", c, "/1/2/", assess.SourceSelf, "2026-03-15", true},
		{"a neighbour with a longer number", c, "/1/20/", assess.SourceSelf, "2026-03-15", false},
		{"source not opened", c, "/1/2/5/", assess.SourceSupervisor, "2026-03-15", false},
		{"before it opens", c, "/1/2/5/", assess.SourceSelf, "2026-02-28", false},
		{"after it ends", c, "/1/2/5/", assess.SourceSelf, "2026-04-01", false},
		{"closed", closed, "/1/2/5/", assess.SourceSelf, "2026-03-15", false},
		{"a whole-government cycle includes everyone", whole, "/9/", assess.SourceSelf, "2026-03-15", true},
	}
	for _, tc := range cases {
		if got := tc.c.OpenFor(tc.path, tc.src, tc.today); got != tc.want {
			t.Errorf("%s: OpenFor = %v", tc.name, got)
		}
	}
}

func TestCycleToday(t *testing.T) {
	// 17:30 UTC is half past midnight the next day in WIB.
	if got := CycleToday(time.Date(2026, 3, 31, 17, 30, 0, 0, time.UTC)); got != "2026-04-01" {
		t.Errorf("CycleToday = %s", got)
	}
	c := okCycle()
	if got := c.OpensDate(); !got.Equal(time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("OpensDate = %v", got)
	}
	if got := (&Cycle{}).ClosesDate(); !got.IsZero() {
		t.Errorf("ClosesDate of no date = %v", got)
	}
}
