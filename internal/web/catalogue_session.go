package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Sessions (angkatan) of a programme: /angkatan/{id} for everyone who may
// read the programme, and the session form for those who manage it
// (/katalog/{id}/angkatan/baru, /angkatan/{id}/ubah). Instructors are names,
// each optionally bound to an account (its user name) that will run the
// session's attendance.

// sessionFor loads session id when p may take action a on its programme;
// "not found" otherwise.
func (s *server) sessionFor(r *http.Request, p *auth.Principal, id int64, a policy.Action) (*model.TrainingSession, error) {
	t, err := s.st.TrainingSession(r.Context(), id)
	if err != nil {
		return nil, hideMissing(err)
	}
	if !policy.May(p, a, policy.Target{ProviderID: t.ProviderID}) {
		return nil, errNotPermitted
	}
	return t, nil
}

// sessionShowData is the page /angkatan/{id}. The enrolment capability
// adds its participants and actions in the template's "session_actions"
// section.
type sessionShowData struct {
	S         sessionView
	P         *model.Programme
	CanManage bool
	CanRun    bool // the session's participants and attendance: its partner, instructors, operators
	Notice    string
}

// sessionShow shows a session (GET /angkatan/{id}).
func (s *server) sessionShow(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	t, err := s.sessionFor(r, p, id, policy.CatalogueRead)
	if err != nil {
		return err
	}
	pr, err := s.st.Programme(r.Context(), t.ProgrammeID)
	if err != nil {
		return err
	}
	d := sessionShowData{S: viewSession(*t, s.catalogueToday()), P: pr,
		CanManage: policy.May(p, policy.CatalogueManage, policy.Target{ProviderID: t.ProviderID}),
		CanRun:    policy.May(p, policy.TrainingRun, policy.SessionTarget(t, p.User.ID)),
		Notice:    okNotice(r, "session.created", "session.saved")}
	s.renderView(w, r, http.StatusOK, "session_show", &view{Title: "session.title", TitleArg: pr.Title + " · " + t.Name, Data: d})
	return nil
}

// instructorRow is one instructor of the form as typed.
type instructorRow struct{ Name, Account string }

// sessionForm is the session form as typed.
type sessionForm struct {
	ID, ProgrammeID                                 int64
	Name, StartDate, EndDate, StartTime, EndTime    string
	Place, OnlineURL, Capacity, EnrolFrom, EnrolTil string
	MinAttendance, Status                           string
	Instructors                                     []instructorRow
}

// sessionFormData is the create and edit page of a session.
type sessionFormData struct {
	F        sessionForm
	P        *model.Programme
	New      bool
	Action   string
	Statuses []string
	Errors   map[string][]string
}

// emptyInstructorRows is how many empty instructor rows the form offers.
const emptyInstructorRows = 2

func (s *server) renderSessionForm(w http.ResponseWriter, r *http.Request, status int, d *sessionFormData) error {
	d.Statuses = []string{model.SessionScheduled, model.SessionCancelled, model.SessionDone}
	for range emptyInstructorRows {
		d.F.Instructors = append(d.F.Instructors, instructorRow{})
	}
	title := "session.new"
	if !d.New {
		title = "session.edit"
	}
	s.renderView(w, r, status, "session_form", &view{Title: title, TitleArg: d.P.Title, Data: d})
	return nil
}

// sessionNewForm shows an empty session form for programme {id} (GET
// /katalog/{id}/angkatan/baru).
func (s *server) sessionNewForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	pr, err := s.programmeFor(r, p, id, policy.CatalogueManage)
	if err != nil {
		return err
	}
	f := sessionForm{ProgrammeID: pr.ID, Capacity: strconv.Itoa(max(pr.Capacity, 1)), MinAttendance: "80", Status: model.SessionScheduled}
	return s.renderSessionForm(w, r, http.StatusOK, &sessionFormData{F: f, P: pr, New: true, Action: fmt.Sprintf("/katalog/%d/angkatan/baru", id)})
}

// sessionEditForm shows the form of session {id} (GET /angkatan/{id}/ubah).
func (s *server) sessionEditForm(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	t, err := s.sessionFor(r, p, id, policy.CatalogueManage)
	if err != nil {
		return err
	}
	pr, err := s.st.Programme(r.Context(), t.ProgrammeID)
	if err != nil {
		return err
	}
	f := sessionForm{ID: t.ID, ProgrammeID: t.ProgrammeID, Name: t.Name, StartDate: t.StartDate, EndDate: t.EndDate, StartTime: t.StartTime,
		EndTime: t.EndTime, Place: t.Place, OnlineURL: t.OnlineURL, Capacity: strconv.Itoa(t.Capacity), EnrolFrom: t.EnrolFrom,
		EnrolTil: t.EnrolUntil, MinAttendance: strconv.Itoa(t.MinAttendance), Status: t.Status}
	for _, in := range t.Instructors {
		row := instructorRow{Name: in.Name}
		if in.UserID != 0 {
			if u, err := s.st.User(r.Context(), in.UserID); err == nil {
				row.Account = u.Username
			}
		}
		f.Instructors = append(f.Instructors, row)
	}
	return s.renderSessionForm(w, r, http.StatusOK, &sessionFormData{F: f, P: pr, Action: fmt.Sprintf("/angkatan/%d/ubah", id)})
}

// readSessionForm reads the posted form.
func readSessionForm(r *http.Request) sessionForm {
	g := newForm(r).Text
	f := sessionForm{Name: g("name"), StartDate: g("start_date"), EndDate: g("end_date"), StartTime: g("start_time"), EndTime: g("end_time"),
		Place: g("place"), OnlineURL: g("online_url"), Capacity: g("capacity"), EnrolFrom: g("enrol_from"), EnrolTil: g("enrol_until"),
		MinAttendance: g("min_attendance"), Status: g("status")}
	names, accounts := r.PostForm["instructor"], r.PostForm["instructor_account"]
	for i, n := range names {
		row := instructorRow{Name: strings.TrimSpace(n)}
		if i < len(accounts) {
			row.Account = strings.TrimSpace(accounts[i])
		}
		if row.Name != "" || row.Account != "" {
			f.Instructors = append(f.Instructors, row)
		}
	}
	return f
}

// parseSession turns the form into a session, every problem beside its
// field; an instructor's account is looked up by its user name.
func (s *server) parseSession(r *http.Request, lang i18n.Lang, f *sessionForm) (model.TrainingSession, map[string][]string) {
	errs := map[string][]string{}
	num := func(field, v string) int {
		n, err := strconv.Atoi(v)
		if err != nil {
			errs[field] = append(errs[field], i18n.T(lang, "catalogue.err_number", v))
		}
		return n
	}
	t := model.TrainingSession{ID: f.ID, ProgrammeID: f.ProgrammeID, Name: f.Name, StartDate: f.StartDate, EndDate: f.EndDate,
		StartTime: f.StartTime, EndTime: f.EndTime, Place: f.Place, OnlineURL: f.OnlineURL, Capacity: num("capacity", f.Capacity),
		EnrolFrom: f.EnrolFrom, EnrolUntil: f.EnrolTil, MinAttendance: num("min_attendance", f.MinAttendance), Status: f.Status}
	for _, in := range f.Instructors {
		i := model.Instructor{Name: in.Name}
		if in.Account != "" {
			u, err := s.st.UserByUsername(r.Context(), in.Account)
			if err != nil {
				errs["instructors"] = append(errs["instructors"], i18n.T(lang, "session.err_account", in.Account))
				continue
			}
			i.UserID = u.ID
		}
		t.Instructors = append(t.Instructors, i)
	}
	for _, e := range model.Problems(t.Validate()) {
		if len(errs[e.Field]) == 0 {
			errs[e.Field] = append(errs[e.Field], e.Text(lang))
		}
	}
	return t, errs
}

// sessionCreate stores a new session of programme {id} (POST
// /katalog/{id}/angkatan/baru).
func (s *server) sessionCreate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	pr, err := s.programmeFor(r, p, id, policy.CatalogueManage)
	if err != nil {
		return err
	}
	f := readSessionForm(r)
	f.ProgrammeID = pr.ID
	return s.saveSession(w, r, p, &sessionFormData{F: f, P: pr, New: true, Action: fmt.Sprintf("/katalog/%d/angkatan/baru", id)})
}

// sessionUpdate saves session {id} (POST /angkatan/{id}/ubah).
func (s *server) sessionUpdate(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	t, err := s.sessionFor(r, p, id, policy.CatalogueManage)
	if err != nil {
		return err
	}
	pr, err := s.st.Programme(r.Context(), t.ProgrammeID)
	if err != nil {
		return err
	}
	f := readSessionForm(r)
	f.ID, f.ProgrammeID = id, t.ProgrammeID
	return s.saveSession(w, r, p, &sessionFormData{F: f, P: pr, Action: fmt.Sprintf("/angkatan/%d/ubah", id)})
}

func (s *server) saveSession(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *sessionFormData) error {
	lang := langOf(r)
	t, errs := s.parseSession(r, lang, &d.F)
	if len(errs) == 0 {
		var err error
		if d.New {
			err = s.st.CreateSession(r.Context(), actor(p), &t)
		} else {
			err = s.st.UpdateSession(r.Context(), actor(p), &t)
		}
		if err == nil {
			ok := "saved"
			if d.New {
				ok = "created"
			}
			http.Redirect(w, r, fmt.Sprintf("/angkatan/%d?ok=%s", t.ID, ok), http.StatusSeeOther)
			return nil
		}
		if !formError(lang, err, errs) {
			return err
		}
	}
	d.Errors = errs
	return s.renderSessionForm(w, r, http.StatusBadRequest, d)
}
