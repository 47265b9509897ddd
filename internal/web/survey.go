package web

import (
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Training-needs questionnaires (/kuesioner): administrators build a short
// survey for a unit's subtree (survey_edit.go), the employees placed there
// answer it while it is open (survey_answer.go), and readers of the
// subtree see the tallies beside the assessed gaps (survey_results.go).
// The rules of who may do what live in store/survey.go; the handlers here
// check them first so that a refusal reads the same as a missing page.

// canManageSurveys reports whether p administers any part of the
// organisation (BKPSDM admins, superadmins, unit admins): only they create
// surveys, each within what they administer (policy.SurveyManage).
func canManageSurveys(p *auth.Principal) bool { return policy.Allowed(p, policy.SurveyManage) }

// today is the calendar day in the server's time zone (WIB by default):
// a survey "closing on the 31st" stays open until midnight in Medan, not
// in UTC.
func (s *server) today() string {
	return s.st.Now().In(s.loc).Format("2006-01-02")
}

// surveyLine is a survey in the index with what the user may do with it.
type surveyLine struct {
	model.Survey
	State     string
	CanManage bool
}

// surveyIndexData is what survey_index.html shows.
type surveyIndexData struct {
	Mine      []store.MySurvey
	Today     string
	NoEmp     bool
	Managed   []surveyLine
	CanRead   bool // results of a subtree (admins, heads, whole government)
	CanCreate bool
	Deleted   bool
	// Prev and Next are the offsets of the neighbouring pages of Managed,
	// -1 when there is none.
	Prev, Next int
}

// surveyIndex lists the surveys the user is asked to answer and, for
// administrators and readers of unit subtrees, the surveys they manage or
// read results of (GET /kuesioner).
func (s *server) surveyIndex(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	d := surveyIndexData{Today: s.today(), NoEmp: p.User.EmployeeID == 0, CanRead: canReadNeeds(p), CanCreate: canManageSurveys(p),
		Deleted: r.URL.Query().Get("dihapus") == "1", Prev: -1, Next: -1}
	if !d.NoEmp {
		mine, err := s.st.MySurveys(ctx, p.User.EmployeeID, d.Today)
		if err != nil {
			return err
		}
		d.Mine = mine
	}
	if d.CanRead {
		const perPage = 25
		offset, _ := strconv.Atoi(r.URL.Query().Get("dari"))
		offset = max(offset, 0)
		list, more, err := s.st.SurveyPage(ctx, store.SurveyFilter{Scope: p.Scope, Offset: offset, Limit: perPage})
		if err != nil {
			return err
		}
		if offset > 0 {
			d.Prev = max(offset-perPage, 0)
		}
		if more {
			d.Next = offset + perPage
		}
		for _, sv := range list {
			d.Managed = append(d.Managed, surveyLine{Survey: sv, State: sv.State(d.Today), CanManage: policy.ManagesSurvey(p.Admin, &sv)})
		}
	}
	s.render(w, r, http.StatusOK, "survey_index", "survey.title", d)
	return nil
}
