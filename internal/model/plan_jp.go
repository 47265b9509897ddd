package model

import (
	"strconv"
	"time"
)

// The yearly JP rules of domain.md §4: a PNS has a floor of 20 JP per
// calendar year, a PPPK a ceiling of 24 JP per year of the work agreement.
const (
	PNSFloorJP    = 20
	PPPKCeilingJP = 24
)

// JPYear is the JP standing of an employee for one year of the rule that
// binds them: a PNS's calendar year against the floor, a PPPK's agreement
// year against the ceiling. From and Until are ISO dates (Until
// inclusive); Counted is the JP of the items that count (a PNS: planned
// items not rejected or cancelled; a PPPK: approved, enrolled or done items
// whose session, or else whose plan year, falls in the agreement year).
type JPYear struct {
	PPPK       bool
	Limit      int // PNSFloorJP or PPPKCeilingJP
	From       string
	Until      string
	Counted    int
	NoContract bool // a PPPK without a recorded agreement: the calendar year stands in
}

// PNSJPYear is a PNS's standing in a calendar year: the JP of the year's
// plan items not rejected or cancelled, against the floor. plan is the
// employee's items of that year.
func PNSJPYear(year int, plan []PlanItem) JPYear {
	y := strconv.Itoa(year)
	out := JPYear{Limit: PNSFloorJP, From: y + "-01-01", Until: y + "-12-31"}
	for _, it := range plan {
		if it.Year == year && it.Status != PlanRejected && it.Status != PlanCancelled {
			out.Counted += it.JP
		}
	}
	return out
}

// Over reports whether adding jp more breaks a PPPK's ceiling.
func (y JPYear) Over(jp int) bool { return y.PPPK && y.Counted+jp > y.Limit }

// Left is the JP still open under the ceiling, or still missing to reach
// the floor (never negative).
func (y JPYear) Left() int { return max(y.Limit-y.Counted, 0) }

// AgreementYear returns the agreement year of a PPPK's work agreement
// (start and end ISO dates) that contains today: it runs from the start's
// anniversary to the day before the next one, cut at the agreement's end.
// ok is false when today lies outside the agreement or a date is not ISO.
// A start on 29 February has its anniversary on 1 March in other years.
func AgreementYear(start, end, today string) (from, until string, ok bool) {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	t, err3 := time.Parse(time.DateOnly, today)
	if err1 != nil || err2 != nil || err3 != nil || t.Before(s) || t.After(e) {
		return "", "", false
	}
	n := t.Year() - s.Year()
	if s.AddDate(n, 0, 0).After(t) {
		n--
	}
	f := s.AddDate(n, 0, 0)
	u := s.AddDate(n+1, 0, -1)
	if u.After(e) {
		u = e
	}
	return f.Format(time.DateOnly), u.Format(time.DateOnly), true
}
