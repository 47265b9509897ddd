package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/store"
)

// The training calendar (/kalender): the sessions of a month as a grid of
// weeks (Monday first) or as a list (?tampilan=daftar). The page always
// carries the list; on a narrow screen (a phone at 360 px) the stylesheet
// hides the grid and shows the list, so nothing needs JavaScript. A
// provider account sees its own partner's sessions only.

// calDay is one cell of the month grid.
type calDay struct {
	Date     string // ISO
	Day      int
	InMonth  bool
	Today    bool
	Sessions []calEntry
}

// calEntry is a session as the calendar shows it.
type calEntry struct {
	ID                 int64
	Title, Name        string
	StartDate, EndDate string
	StartTime, EndTime string
	Place              string
	Online, Cancelled  bool
}

// calendarData is the page /kalender.
type calendarData struct {
	Month      string // YYYY-MM
	MonthTitle string
	Prev, Next string
	List       bool
	Weeks      [][]calDay
	Entries    []calEntry
}

// calendar shows a month's sessions (GET /kalender?bulan=2026-08).
func (s *server) calendar(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	now := s.inLoc(s.st.Now())
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m, err := time.Parse("2006-01", r.URL.Query().Get("bulan")); err == nil && m.Year() >= 2000 && m.Year() <= 2100 {
		first = m
	}
	last := first.AddDate(0, 1, -1)
	list, err := s.st.TrainingSessions(r.Context(), store.SessionFilter{From: first.Format(time.DateOnly), To: last.Format(time.DateOnly),
		ProviderID: ownPartner(p), Limit: 2000})
	if err != nil {
		return err
	}
	lang := langOf(r)
	d := &calendarData{Month: first.Format("2006-01"), List: r.URL.Query().Get("tampilan") == "daftar",
		Prev: first.AddDate(0, -1, 0).Format("2006-01"), Next: first.AddDate(0, 1, 0).Format("2006-01")}
	_, d.MonthTitle, _ = strings.Cut(i18n.Date(lang, first), " ")
	for _, t := range list {
		d.Entries = append(d.Entries, calEntry{ID: t.ID, Title: t.ProgrammeTitle, Name: t.Name, StartDate: t.StartDate, EndDate: t.EndDate,
			StartTime: t.StartTime, EndTime: t.EndTime, Place: t.Place, Online: t.OnlineURL != "", Cancelled: t.Status == "dibatalkan"})
	}
	today := now.Format(time.DateOnly)
	// The grid runs from the Monday on or before the 1st to the Sunday on
	// or after the month's last day.
	start := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	for day := start; !day.After(last) || day.Weekday() != time.Monday; day = day.AddDate(0, 0, 1) {
		if day.Weekday() == time.Monday {
			d.Weeks = append(d.Weeks, nil)
		}
		iso := day.Format(time.DateOnly)
		c := calDay{Date: iso, Day: day.Day(), InMonth: day.Month() == first.Month(), Today: iso == today}
		for _, e := range d.Entries {
			if e.StartDate <= iso && iso <= e.EndDate {
				c.Sessions = append(c.Sessions, e)
			}
		}
		d.Weeks[len(d.Weeks)-1] = append(d.Weeks[len(d.Weeks)-1], c)
	}
	s.renderView(w, r, http.StatusOK, "calendar", &view{Title: "calendar.title", TitleArg: d.MonthTitle, Data: d})
	return nil
}
