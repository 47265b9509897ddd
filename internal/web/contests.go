package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// contestsData is the administrators' list of contests (/keberatan): the
// open ones of the employees they administer, with a form to answer each,
// and the last answered ones.
type contestsData struct {
	Open, Answered []model.Contest
	Self           int64 // the administrator's own record: answered by another administrator
	Error          string
	ErrorID        int64
	Notice         string
}

// contestsPage shows the list (GET /keberatan).
func (s *server) contestsPage(w http.ResponseWriter, r *http.Request) error {
	d := &contestsData{}
	if r.URL.Query().Get("ok") == "answered" {
		d.Notice = "contest.answered"
	}
	return s.renderContests(w, r, http.StatusOK, d)
}

func (s *server) renderContests(w http.ResponseWriter, r *http.Request, status int, d *contestsData) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	admin := adminScope(p)
	all, err := s.st.Contests(r.Context(), store.ContestFilter{Admin: &admin, Limit: 300})
	if err != nil {
		return err
	}
	d.Self = p.User.EmployeeID
	for _, c := range all {
		if c.Open() {
			d.Open = append(d.Open, c)
		} else if len(d.Answered) < 50 {
			d.Answered = append(d.Answered, c)
		}
	}
	s.render(w, r, status, "contests", "contest.title", d)
	return nil
}

// contestAnswer records the answer to one contest (POST /keberatan/jawab).
func (s *server) contestAnswer(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, perr := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if perr != nil || id <= 0 {
		err = apperr.Invalid("id", "err.contest.id_required")
	} else {
		err = s.st.AnswerContest(r.Context(), actor(p), adminScope(p), p.User.EmployeeID, id, r.PostFormValue("answer"))
	}
	var ae *apperr.Error
	if errors.As(err, &ae) && (ae.Code == apperr.EINVALID || ae.Code == apperr.ECONFLICT) {
		return s.renderContests(w, r, http.StatusUnprocessableEntity, &contestsData{Error: ae.Text(langOf(r)), ErrorID: id})
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/keberatan?ok=answered", http.StatusSeeOther)
	return nil
}

// viewsData is the auditors' view log (/audit/dilihat): every recorded view
// and export, newest first, a page at a time.
type viewsData struct {
	Views []store.ViewEntry
	Next  int64 // the ID to continue before; 0 on the last page
}

// viewsPage shows the view log (GET /audit/dilihat?sebelum=ID).
func (s *server) viewsPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.user(r); err != nil {
		return err
	}
	before, _ := strconv.ParseInt(r.URL.Query().Get("sebelum"), 10, 64)
	const page = 100
	list, err := s.st.Views(r.Context(), store.ViewFilter{Before: before, Limit: page + 1})
	if err != nil {
		return err
	}
	d := &viewsData{Views: list}
	if len(list) > page {
		d.Views = list[:page]
		d.Next = list[page-1].ID
	}
	s.render(w, r, http.StatusOK, "views", "views.title", d)
	return nil
}
