package web

import (
	"context"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Home cards of enrolment (issue 13): the person's sessions this week, and
// the enrolments and waiting lists of a unit admin's people.

// mySessionsWeekCard: the sessions in which the person holds a seat with a
// day in the seven days from today.
func mySessionsWeekCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if p.User.EmployeeID == 0 {
		return nil, nil
	}
	list, err := s.st.EnrolmentsOf(ctx, p.User.EmployeeID)
	if err != nil {
		return nil, err
	}
	now := s.st.Now()
	today, end := model.CycleToday(now), model.CycleToday(now.Add(6*24*time.Hour))
	c := &homeCard{ID: "card-my-sessions", Title: cardMsg("home.my_sessions"),
		Links: []homeLink{{cardMsg("home.my_sessions_go"), "/sesi-saya"}}}
	for i := len(list) - 1; i >= 0; i-- { // soonest first
		m := list[i]
		if m.Status != model.EnrolSeat || m.Session.EndDate < today || m.Session.StartDate > end {
			continue
		}
		c.Items = append(c.Items, homeItem{Text: cardText(m.Session.ProgrammeTitle),
			Note: cardMsg("home.my_sessions_note", cardDate(m.Session.StartDate), cardText(m.Session.Place+m.Session.OnlineURL)),
			Href: "/sesi-saya#e" + strconv.FormatInt(m.ID, 10)})
	}
	if len(c.Items) == 0 {
		return nil, nil
	}
	c.Todo = true
	return c, nil
}

// unitEnrolmentsCard: for a unit admin, the seats and waiting places of
// their people in sessions still to come, and the first waiting.
func unitEnrolmentsCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !p.Can(policy.EnrolmentManage) || (!p.Admin.All && len(p.Admin.UnitPaths) == 0) {
		return nil, nil
	}
	seats, waiting, list, err := s.st.UnitEnrolments(ctx, p.Admin, model.CycleToday(s.st.Now()), homeShown)
	if err != nil || seats+waiting == 0 {
		return nil, err
	}
	c := &homeCard{ID: "card-unit-enrolments", Title: cardMsg("home.unit_enrolments"),
		Stats: []homeStat{{Value: cardNum(seats), Label: cardMsg("home.unit_enrolments_seats")},
			{Value: cardNum(waiting), Label: cardMsg("home.unit_enrolments_waiting"), Warn: waiting > 0}}}
	for _, m := range list {
		c.Items = append(c.Items, homeItem{Text: cardText(m.Name),
			Note: cardMsg("home.unit_enrolments_note", cardText(m.Session.ProgrammeTitle), cardCount(m.WaitPos)),
			Href: "/angkatan/" + strconv.FormatInt(m.SessionID, 10) + "/pendaftaran"})
	}
	if waiting > len(list) {
		c.More = cardMsg("home.more", cardCount(waiting-len(list)))
	}
	return c, nil
}
