package web

import (
	"context"
	"strconv"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// Home cards of development plans: the proposals waiting for my decision
// (by post), and my own plan's state this year.

// approvalsCard: the items waiting for the employee's decision.
func approvalsCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if p.User.EmployeeID == 0 {
		return nil, nil
	}
	items, err := s.st.ApprovalsWaiting(ctx, p.User.EmployeeID)
	if err != nil || len(items) == 0 {
		return nil, err
	}
	c := &homeCard{ID: "card-approvals", Todo: true, Title: cardMsg("home.approvals"),
		Stats: []homeStat{{Value: cardNum(len(items)), Label: cardMsg("home.approvals_items"), Href: "/persetujuan", Warn: true}},
		Links: []homeLink{{cardMsg("home.approvals_go"), "/persetujuan"}}}
	for i, it := range items {
		if i == homeShown {
			c.More = cardMsg("home.more", cardCount(len(items)-homeShown))
			break
		}
		c.Items = append(c.Items, homeItem{Text: cardText(it.EmployeeName), Note: cardText(it.Title),
			Href: "/persetujuan/" + strconv.FormatInt(it.ID, 10)})
	}
	return c, nil
}

// myPlanCard: how many of this year's items wait, are approved or done,
// and the JP standing (the PNS floor, the PPPK ceiling).
func myPlanCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if p.User.EmployeeID == 0 {
		return nil, nil
	}
	year, _ := strconv.Atoi(model.CycleToday(s.st.Now())[:4])
	items, jp, err := s.planOfYear(ctx, p.User.EmployeeID, year)
	if err != nil {
		return nil, err
	}
	var waiting, approved int
	for _, it := range items {
		switch it.Status {
		case model.PlanSubmitted:
			waiting++
		case model.PlanApproved, model.PlanEnrolled, model.PlanDone:
			approved++
		}
	}
	c := &homeCard{ID: "card-my-plan", Title: cardMsg("home.my_plan", year),
		Stats: []homeStat{{Value: cardNum(len(items)), Label: cardMsg("home.my_plan_items"), Href: "/rencana"},
			{Value: cardNum(waiting), Label: cardMsg("home.my_plan_waiting")},
			{Value: cardNum(approved), Label: cardMsg("home.my_plan_approved")}},
		Links: []homeLink{{cardMsg("home.my_plan_go"), "/rencana"}}}
	if jp.PPPK {
		c.Lead = cardMsg("home.my_plan_ceiling", cardCount(jp.Counted), cardCount(jp.Limit))
	} else {
		c.Lead = cardMsg("home.my_plan_floor", cardCount(jp.Counted), cardCount(jp.Limit))
		c.Todo = jp.Counted < jp.Limit
	}
	return c, nil
}
