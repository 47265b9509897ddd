package web

import (
	"context"
	"strconv"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/policy"
)

// mouCard: for those who manage partners, the agreements that end within
// mouWarnDays days or have ended ("MoU akan berakhir").
func mouCard(ctx context.Context, s *server, p *auth.Principal) (*homeCard, error) {
	if !p.Can(policy.ProviderManage) {
		return nil, nil
	}
	all, err := s.st.Providers(ctx)
	if err != nil {
		return nil, err
	}
	today := s.catalogueToday()
	c := &homeCard{ID: "card-mou", Title: cardMsg("home.mou"), Todo: true,
		Links: []homeLink{{cardMsg("home.mou_go"), "/mitra"}}}
	n := 0
	for i := range all {
		v := &all[i]
		if !v.Active {
			continue
		}
		st := mouOf(v, today)
		if !st.Warn {
			continue
		}
		if n++; n <= homeShown {
			c.Items = append(c.Items, homeItem{Text: cardText(v.Name), Note: homeText{Raw: st}, Href: "/mitra/" + strconv.FormatInt(v.ID, 10)})
		}
	}
	if n == 0 {
		return nil, nil
	}
	c.Stats = []homeStat{{Value: cardNum(n), Label: cardMsg("home.mou_count"), Href: "/mitra", Warn: true}}
	if n > homeShown {
		c.More = cardMsg("home.more", cardCount(n-homeShown))
	}
	return c, nil
}
