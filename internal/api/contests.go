package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// One's rights over one's data (UU 27/2022) as JSON, with the rules of the
// page /data-saya: who saw my data, my contests of a JPM, a level or the
// 9-box placement; and the administrators' side of the contests
// (/keberatan): those of the employees they administer, never their own.

// viewJSON is one recorded view of the caller's data.
type viewJSON struct {
	At         string `json:"at"`
	Viewer     string `json:"viewer"`
	ViewerName string `json:"viewer_name"`
	What       string `json:"what"`
}

// myViews answers GET /me/views: who else saw the caller's data, newest
// first (at most 500); an account without an employee record has none.
func (a *API) myViews(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	out := []viewJSON{}
	if p.User.EmployeeID != 0 {
		list, err := a.st.Views(r.Context(), store.ViewFilter{SubjectID: p.User.EmployeeID, Limit: 500})
		if err != nil {
			return err
		}
		for _, v := range list {
			out = append(out, viewJSON{At: v.At.Format(time.RFC3339), Viewer: v.Viewer, ViewerName: v.ViewerName, What: v.What})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

// contestJSON is one contest with its answer (null while open).
type contestJSON struct {
	ID           int64   `json:"id"`
	EmployeeID   int64   `json:"employee_id"`
	EmployeeNIP  string  `json:"employee_nip"`
	Subject      string  `json:"subject"`
	CompetencyID *int64  `json:"competency_id"`
	Note         string  `json:"note"`
	CreatedAt    string  `json:"created_at"`
	Answer       *string `json:"answer"`
	AnsweredAt   *string `json:"answered_at"`
	AnsweredBy   *string `json:"answered_by"`
}

func toContestJSON(c *model.Contest) contestJSON {
	out := contestJSON{ID: c.ID, EmployeeID: c.EmployeeID, EmployeeNIP: c.EmployeeNIP, Subject: c.Subject, CompetencyID: ptrID(c.CompetencyID),
		Note: c.Note, CreatedAt: c.CreatedAt.Format(time.RFC3339)}
	if !c.Open() {
		at := c.AnsweredAt.Format(time.RFC3339)
		out.Answer, out.AnsweredAt, out.AnsweredBy = &c.Answer, &at, &c.AnsweredBy
	}
	return out
}

func contestsOut(list []model.Contest) map[string]any {
	out := make([]contestJSON, 0, len(list))
	for i := range list {
		out = append(out, toContestJSON(&list[i]))
	}
	return map[string]any{"items": out}
}

// myContests answers GET /me/contests.
func (a *API) myContests(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var list []model.Contest
	if p.User.EmployeeID != 0 {
		var err error
		if list, err = a.st.Contests(r.Context(), store.ContestFilter{EmployeeID: p.User.EmployeeID}); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, contestsOut(list))
	return nil
}

// createMyContest records a contest of the caller's own JPM, a level or the
// 9-box placement (POST /me/contests; audited as contest.add).
func (a *API) createMyContest(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in struct {
		Subject      string `json:"subject"`
		CompetencyID int64  `json:"competency_id"`
		Note         string `json:"note"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if p.User.EmployeeID == 0 {
		return apperr.Invalid("employee", "err.mydata.no_record")
	}
	c := model.Contest{EmployeeID: p.User.EmployeeID, Subject: strings.TrimSpace(in.Subject), CompetencyID: in.CompetencyID, Note: in.Note}
	if err := a.st.AddContest(r.Context(), actor(p), &c); err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, toContestJSON(&c))
	return nil
}

// listContests answers GET /contests: the contests of the employees the
// caller administers, newest first; open=true leaves out the answered.
func (a *API) listContests(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	admin := p.Admin
	list, err := a.st.Contests(r.Context(), store.ContestFilter{Admin: &admin, Open: r.URL.Query().Get("open") == "true", Limit: 500})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, contestsOut(list))
	return nil
}

// answerContest records the answer to a contest of someone the caller
// administers (POST /contests/{id}/answer; audited as contest.answer).
func (a *API) answerContest(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in struct {
		Answer string `json:"answer"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := a.st.AnswerContest(r.Context(), actor(p), p.Admin, p.User.EmployeeID, id, in.Answer); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
