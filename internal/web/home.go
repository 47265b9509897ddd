package web

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/store"
)

// homeData is the home page: the user's own record, then the cards of
// what waits for them (homeCards).
type homeData struct {
	Self  *store.EmployeeView
	Cards []*homeCard
}

// home shows the home page (GET /).
func (s *server) home(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	var d homeData
	if p.User.EmployeeID != 0 {
		e, err := s.st.Employee(ctx, p.User.EmployeeID)
		if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
			return err
		}
		d.Self = e
	}
	cards, err := s.buildCards(ctx, p)
	if err != nil {
		return err
	}
	d.Cards = cards
	s.render(w, r, http.StatusOK, "home", "home.title", d)
	return nil
}

// homeBudget is how long the home page waits for its cards. At a city's
// size every card is ready in milliseconds; at a million employees the
// whole government's needs snapshot, talent map and cycle counts take
// seconds to build the first time (25 s together, measured), and a home
// page must not wait for them: a card still building is shown as being
// computed, its work goes on in the background and fills the caches it
// reads from (the needs and cycle snapshots, the large-count cache), so a
// reload shows it.
const homeBudget = 1500 * time.Millisecond

// homeWorkLimit bounds a card's work after the page has been answered.
const homeWorkLimit = 2 * time.Minute

// buildCards builds the cards of p in order on a goroutine of their own,
// each taking its turn (cardTurn), and returns, in homeCards order, those ready within homeBudget, followed
// by one "being computed" card when some are not.
func (s *server) buildCards(ctx context.Context, p *auth.Principal) ([]*homeCard, error) {
	type built struct {
		i    int
		card *homeCard
		err  error
	}
	work, cancel := context.WithTimeout(context.WithoutCancel(ctx), homeWorkLimit)
	done := make(chan built, len(homeCards))
	go func() {
		defer cancel()
		for i, build := range homeCards {
			// One card is built at a time in the whole server: fifty
			// administrators signing in at once build the million-row talent
			// map once (the others then read what it cached), and the
			// snapshots of a million employees are not built side by side,
			// which doubled the server's peak memory.
			select {
			case s.cardTurn <- struct{}{}:
			case <-work.Done():
				done <- built{i, nil, work.Err()}
				return
			}
			c, err := build(work, s, p)
			<-s.cardTurn
			done <- built{i, c, err}
			if err != nil {
				return
			}
		}
	}()
	cards := make([]*homeCard, len(homeCards))
	timer := time.NewTimer(homeBudget)
	defer timer.Stop()
	late := len(homeCards)
	for late > 0 {
		select {
		case b := <-done:
			late--
			if b.err != nil {
				return nil, b.err
			}
			cards[b.i] = b.card
		case <-timer.C:
			s.log.Info("web: home cards still building", "late", late)
			out := slices.DeleteFunc(cards, func(c *homeCard) bool { return c == nil })
			return append(out, &homeCard{ID: "card-pending", Title: cardMsg("home.pending"), Lead: cardMsg("home.pending_lead", late)}), nil
		}
	}
	return slices.DeleteFunc(cards, func(c *homeCard) bool { return c == nil }), nil
}
