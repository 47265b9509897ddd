package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
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
	for _, build := range homeCards {
		c, err := build(ctx, s, p)
		if err != nil {
			return err
		}
		if c != nil {
			d.Cards = append(d.Cards, c)
		}
	}
	s.render(w, r, http.StatusOK, "home", "home.title", d)
	return nil
}
