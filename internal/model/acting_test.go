package model

import (
	"testing"
	"time"
)

func TestActingPeriods(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	a := ActingAssignment{From: d("2026-05-01"), Until: d("2026-05-31")}
	open := ActingAssignment{From: d("2026-05-31")}
	for _, c := range []struct {
		day           string
		active, ended bool
	}{
		{"2026-04-30", false, false},
		{"2026-05-01", true, false},
		{"2026-05-31", true, false},
		{"2026-06-01", false, true},
	} {
		if got := a.ActiveOn(d(c.day)); got != c.active {
			t.Errorf("ActiveOn(%s) = %v", c.day, got)
		}
		if got := a.Ended(d(c.day)); got != c.ended {
			t.Errorf("Ended(%s) = %v", c.day, got)
		}
	}
	if !open.ActiveOn(d("2030-01-01")) || open.Ended(d("2030-01-01")) {
		t.Error("an open-ended assignment ends")
	}
	later := ActingAssignment{From: d("2026-06-01")}
	if !a.Overlaps(&open) || !open.Overlaps(&a) || a.Overlaps(&later) || later.Overlaps(&a) || !open.Overlaps(&later) {
		t.Error("Overlaps: the last day is shared, the day after is free, two open periods meet")
	}
}
