package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/store"
)

// homeData is the home page: the user's own summary and their scope's
// numbers.
type homeData struct {
	Self   *store.EmployeeView
	Counts store.ScopeCounts
	Whole  bool
}

// home shows the home page (GET /).
func (s *server) home(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d := homeData{Whole: p.Scope.All}
	if p.User.EmployeeID != 0 {
		e, err := s.st.Employee(ctx, p.User.EmployeeID)
		if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
			return err
		}
		d.Self = e
	}
	if d.Counts, err = s.scopeCounts(ctx, p.Scope); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "home", "home.title", d)
	return nil
}
