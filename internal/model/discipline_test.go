package model

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

func penaltyDay(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

// invalidFieldOf returns the field an EINVALID error names, "" for nil and "!"
// for any other error.
func invalidFieldOf(err error) string {
	if err == nil {
		return ""
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.EINVALID {
		return "!"
	}
	return ae.Field
}

func TestPenaltyValidate(t *testing.T) {
	good := func() DisciplinePenalty {
		return DisciplinePenalty{EmployeeID: 1, Level: PenaltySedang, Kind: " potongan ", DecreeNo: " 800/1/2026 ",
			DecreeDate: penaltyDay("2026-03-01"), StartsOn: penaltyDay("2026-03-02"), EndsOn: penaltyDay("2026-09-01")}
	}
	for _, c := range []struct {
		name, field string
		edit        func(p *DisciplinePenalty)
	}{
		{"good", "", func(p *DisciplinePenalty) {}},
		{"unknown level", "level", func(p *DisciplinePenalty) { p.Level = "keras" }},
		{"kind too long", "kind", func(p *DisciplinePenalty) { p.Kind = strings.Repeat("é", PenaltyMaxKind+1) }},
		{"kind at the limit", "", func(p *DisciplinePenalty) { p.Kind = strings.Repeat("é", PenaltyMaxKind) }},
		{"no decree number", "decree_no", func(p *DisciplinePenalty) { p.DecreeNo = "  " }},
		{"decree number too long", "decree_no", func(p *DisciplinePenalty) { p.DecreeNo = strings.Repeat("x", PenaltyMaxDecreeNo+1) }},
		{"no decree date", "decree_date", func(p *DisciplinePenalty) { p.DecreeDate = time.Time{} }},
		{"no start", "starts_on", func(p *DisciplinePenalty) { p.StartsOn = time.Time{} }},
		{"moderate without an end", "ends_on", func(p *DisciplinePenalty) { p.EndsOn = time.Time{} }},
		{"heavy without an end", "ends_on", func(p *DisciplinePenalty) { p.Level, p.EndsOn = PenaltyBerat, time.Time{} }},
		{"reprimand without an end", "", func(p *DisciplinePenalty) { p.Level, p.EndsOn = PenaltyRingan, time.Time{} }},
		{"ends before it starts", "ends_on", func(p *DisciplinePenalty) { p.EndsOn = penaltyDay("2026-03-01") }},
		{"one day", "", func(p *DisciplinePenalty) { p.EndsOn = p.StartsOn }},
		{"starts before the decree", "starts_on", func(p *DisciplinePenalty) { p.StartsOn = penaltyDay("2026-02-28") }},
		{"starts on the decree's day", "", func(p *DisciplinePenalty) { p.StartsOn = p.DecreeDate }},
	} {
		p := good()
		c.edit(&p)
		if got := invalidFieldOf(p.Validate()); got != c.field {
			t.Errorf("%s: field %q, want %q", c.name, got, c.field)
		}
	}
	p := good()
	if p.Validate() != nil || p.Kind != "potongan" || p.DecreeNo != "800/1/2026" {
		t.Errorf("texts not trimmed: %q %q", p.Kind, p.DecreeNo)
	}
	r := DisciplinePenalty{Level: PenaltyRingan, DecreeNo: "1", DecreeDate: penaltyDay("2026-03-01"), StartsOn: penaltyDay("2026-03-05")}
	if r.Validate() != nil || !r.EndsOn.Equal(r.StartsOn) {
		t.Errorf("a reprimand ends the day it starts: %v", r.EndsOn)
	}
}

func TestPenaltyExcludes(t *testing.T) {
	pen := func(level string, starts, ends string, revoked bool) DisciplinePenalty {
		return DisciplinePenalty{Level: level, StartsOn: penaltyDay(starts), EndsOn: penaltyDay(ends), Revoked: revoked}
	}
	// The day may carry a time of day and a zone: only its date counts.
	noon := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		p    DisciplinePenalty
		want bool
	}{
		{"moderate in force", pen(PenaltySedang, "2026-05-01", "2026-10-31", false), true},
		{"heavy in force", pen(PenaltyBerat, "2026-01-01", "2026-12-31", false), true},
		{"starts that day", pen(PenaltyBerat, "2026-06-01", "2026-12-31", false), true},
		{"ends that day", pen(PenaltySedang, "2026-01-01", "2026-06-01", false), true},
		{"a reprimand never excludes", pen(PenaltyRingan, "2026-06-01", "2026-06-01", false), false},
		{"served", pen(PenaltyBerat, "2025-01-01", "2025-12-31", false), false},
		{"not yet in force", pen(PenaltySedang, "2026-06-02", "2027-01-31", false), false},
		{"revoked", pen(PenaltySedang, "2026-05-01", "2026-10-31", true), false},
	} {
		if got := c.p.Excludes(noon); got != c.want {
			t.Errorf("%s: Excludes = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRevokeNote(t *testing.T) {
	for _, c := range []struct {
		in, want, field string
	}{
		{" dibatalkan banding ", "dibatalkan banding", ""},
		{"   ", "", "note"},
		{strings.Repeat("x", PenaltyMaxNote), strings.Repeat("x", PenaltyMaxNote), ""},
		{strings.Repeat("x", PenaltyMaxNote+1), "", "note"},
	} {
		got, err := RevokeNote(c.in)
		if got != c.want || invalidFieldOf(err) != c.field {
			t.Errorf("RevokeNote(%.20q) = %.20q, %v; want %.20q, field %q", c.in, got, err, c.want, c.field)
		}
	}
}
