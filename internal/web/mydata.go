package web

import (
	"errors"
	"net/http"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// myData is the page "Data saya" (/data-saya): an employee's rights over
// their data (UU 27/2022) in one place: who saw it, the download of all of
// it, and the contests of their JPM, levels and 9-box placement with the
// administrators' answers.
type myData struct {
	HasRecord   bool
	Views       []store.ViewEntry
	Contests    []model.Contest
	Competences []store.CompetencyItem // of the current standard, for the level contest
	Subjects    []string
	Form        map[string]string
	Error       string
	ErrorField  string
	Notice      string
}

// errNoRecord refuses a request about one's own data from an account
// without an employee record.
var errNoRecord = apperr.Invalid("employee", "err.mydata.no_record")

// myDataPage shows the page (GET /data-saya).
func (s *server) myDataPage(w http.ResponseWriter, r *http.Request) error {
	d := &myData{Form: map[string]string{}}
	if r.URL.Query().Get("ok") == "contested" {
		d.Notice = "mydata.contested"
	}
	return s.renderMyData(w, r, http.StatusOK, d)
}

func (s *server) renderMyData(w http.ResponseWriter, r *http.Request, status int, d *myData) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if id := p.User.EmployeeID; id != 0 {
		d.HasRecord, d.Subjects = true, model.ContestSubjects
		if d.Views, err = s.st.Views(ctx, store.ViewFilter{SubjectID: id, Limit: 200}); err != nil {
			return err
		}
		if d.Contests, err = s.st.Contests(ctx, store.ContestFilter{EmployeeID: id}); err != nil {
			return err
		}
		ec, err := s.st.EmployeeCompetencies(ctx, id)
		if err != nil {
			return err
		}
		d.Competences = ec.Items
	}
	s.render(w, r, status, "mydata", "mydata.title", d)
	return nil
}

// myContest records a contest of one's own JPM, a level or the 9-box
// placement (POST /data-saya/keberatan).
func (s *server) myContest(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if p.User.EmployeeID == 0 {
		return errNoRecord
	}
	f := newForm(r)
	c := model.Contest{EmployeeID: p.User.EmployeeID, Subject: f.Text("subject"), Note: f.Text("note")}
	if f.Text("competency") != "" {
		c.CompetencyID = f.Int64("competency", "err.contest.competency_required")
	}
	if err = f.Err(); err == nil {
		err = s.st.AddContest(r.Context(), actor(p), &c)
	}
	var ae *apperr.Error
	if errors.As(err, &ae) && ae.Code == apperr.EINVALID {
		d := &myData{Form: map[string]string{"subject": c.Subject, "note": r.PostFormValue("note"), "competency": r.PostFormValue("competency")},
			Error: ae.Text(langOf(r)), ErrorField: ae.Field}
		return s.renderMyData(w, r, http.StatusUnprocessableEntity, d)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/data-saya?ok=contested#contests", http.StatusSeeOther)
	return nil
}
