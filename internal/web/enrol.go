package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// Enrolment pages (issue 13): a session's places for the signed-in person
// (/angkatan/{id}/pendaftaran: their place, "enrol me" when their approved
// plan item names the session, an admin's form to enrol a person of their
// unit) and "Sesi saya" (/sesi-saya). The catalogue's session page
// (/angkatan/{id}) links here.

// enrolPageData is /angkatan/{id}/pendaftaran.
type enrolPageData struct {
	Session  *model.TrainingSession
	Days     []string
	Mine     *model.Enrolment // the person's place (nil: none)
	ItemID   int64            // their approved plan item naming the session (0: none)
	Open     bool             // the enrolment window is open
	CanEnrol bool             // may enrol others (EnrolmentManage)
	CanRun   bool             // runs the session: participants and attendance
	Notice   string
	Error    string
}

// enrolSessionFor reads session id as p may see it in the catalogue; a provider
// account is told another partner's session does not exist.
func (s *server) enrolSessionFor(r *http.Request, p *auth.Principal, id int64) (*model.TrainingSession, error) {
	sess, err := s.st.TrainingSession(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, errNotPermitted
	}
	if err != nil {
		return nil, err
	}
	if !policy.May(p, policy.CatalogueRead, policy.SessionTarget(sess, p.User.ID)) {
		return nil, errNotPermitted
	}
	return sess, nil
}

// enrolPage shows a session's enrolment (GET /angkatan/{id}/pendaftaran).
func (s *server) enrolPage(w http.ResponseWriter, r *http.Request) error {
	d := &enrolPageData{}
	switch r.URL.Query().Get("ok") {
	case "daftar":
		d.Notice = "enrol.done"
	case "batal":
		d.Notice = "enrol.cancelled"
	}
	return s.renderEnrolPage(w, r, http.StatusOK, d)
}

func (s *server) renderEnrolPage(w http.ResponseWriter, r *http.Request, status int, d *enrolPageData) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if d.Session, err = s.enrolSessionFor(r, p, id); err != nil {
		return err
	}
	d.Days = d.Session.Days()
	d.Open = d.Session.EnrolOpen(model.CycleToday(s.st.Now()))
	d.CanEnrol = p.Can(policy.EnrolmentManage)
	d.CanRun = policy.May(p, policy.TrainingRun, policy.SessionTarget(d.Session, p.User.ID))
	if me := p.User.EmployeeID; me != 0 {
		mine, err := s.st.EnrolmentsOf(ctx, me)
		if err != nil {
			return err
		}
		for i := range mine {
			if mine[i].SessionID == id && mine[i].Status != model.EnrolCancelled {
				d.Mine = &mine[i].Enrolment
			}
		}
		if d.ItemID, err = s.st.ApprovedItemFor(ctx, me, id); err != nil {
			return err
		}
	}
	s.renderView(w, r, status, "enrol_session", &view{Title: "enrol.title", TitleArg: d.Session.ProgrammeTitle, Data: d})
	return nil
}

// refusedForm shows the page again with the error of a refused form, or
// hands a failure that is not the user's to serve.
func (s *server) refusedForm(w http.ResponseWriter, r *http.Request, err error, again func(msg string) error) error {
	var ae *apperr.Error
	if errors.As(err, &ae) && (ae.Code == apperr.EINVALID || ae.Code == apperr.ECONFLICT) {
		return again(ae.Text(langOf(r)))
	}
	return err
}

// enrolSelf enrols the signed-in person through their approved plan item
// (POST /angkatan/{id}/daftar).
func (s *server) enrolSelf(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.enrolSessionFor(r, p, id); err != nil {
		return err
	}
	tg, err := s.selfTarget(r, p)
	if err != nil {
		return err
	}
	if !policy.May(p, policy.PlanPropose, tg) {
		return errNotPermitted
	}
	item := int64(0)
	if p.User.EmployeeID != 0 {
		if item, err = s.st.ApprovedItemFor(r.Context(), p.User.EmployeeID, id); err != nil {
			return err
		}
	}
	if item == 0 {
		return s.renderEnrolPage(w, r, http.StatusUnprocessableEntity, &enrolPageData{Error: apperr.Message(langOf(r),
			apperr.New(apperr.ECONFLICT, "err.enrol.plan_not_approved"))})
	}
	if _, err := s.st.EnrolPlanItem(r.Context(), actor(p), item); err != nil {
		return s.refusedForm(w, r, err, func(msg string) error {
			return s.renderEnrolPage(w, r, http.StatusUnprocessableEntity, &enrolPageData{Error: msg})
		})
	}
	http.Redirect(w, r, "/angkatan/"+strconv.FormatInt(id, 10)+"/pendaftaran?ok=daftar", http.StatusSeeOther)
	return nil
}

// enrolOther enrols a person by NIP (POST /angkatan/{id}/daftarkan): an
// admin of the person's unit or an operator; a person outside what the
// admin administers is "not found", as in the registry.
func (s *server) enrolOther(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if _, err := s.enrolSessionFor(r, p, id); err != nil {
		return err
	}
	again := func(msg string) error {
		return s.renderEnrolPage(w, r, http.StatusUnprocessableEntity, &enrolPageData{Error: msg})
	}
	lang := langOf(r)
	n := nip.Normalize(newForm(r).Text("nip"))
	e, err := s.st.EmployeeByNIP(r.Context(), n)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return again(apperr.Message(lang, apperr.New(apperr.ENOTFOUND, "err.enrol.nip_unknown", n)))
	}
	if err != nil {
		return err
	}
	u, err := s.st.Unit(r.Context(), e.UnitID)
	if err != nil {
		return err
	}
	if !policy.May(p, policy.EnrolmentManage, policy.Target{UnitPath: u.Path, EmployeeID: e.ID, SupervisorID: e.SupervisorID}) {
		return again(apperr.Message(lang, apperr.New(apperr.ENOTFOUND, "err.enrol.nip_unknown", n)))
	}
	if _, err := s.st.Enrol(r.Context(), actor(p), id, e.ID, model.EnrolFromAdmin); err != nil {
		return s.refusedForm(w, r, err, again)
	}
	http.Redirect(w, r, "/angkatan/"+strconv.FormatInt(id, 10)+"/pendaftaran?ok=daftar", http.StatusSeeOther)
	return nil
}

// cancelPlace gives up a place (POST /pendaftaran/{id}/batal): the person,
// whoever proposes for them, an admin of their unit or an operator.
func (s *server) cancelPlace(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	en, err := s.st.Enrolment(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	e, err := s.st.Employee(ctx, en.EmployeeID)
	if err != nil {
		return err
	}
	u, err := s.st.Unit(ctx, e.UnitID)
	if err != nil {
		return err
	}
	tg := policy.Target{UnitPath: u.Path, EmployeeID: e.ID, SupervisorID: e.SupervisorID}
	if !policy.May(p, policy.PlanPropose, tg) && !policy.May(p, policy.EnrolmentManage, tg) {
		return errNotPermitted
	}
	if err := s.st.CancelEnrolment(ctx, actor(p), id); err != nil {
		return err
	}
	back := newForm(r).Text("back")
	localRedirect(w, r, back, "/sesi-saya?ok=batal")
	return nil
}

// mySessionsData is /sesi-saya: the person's places, upcoming first.
type mySessionsData struct {
	Upcoming, Past []store.MyEnrolment
	Notice         string
}

// mySessions shows the signed-in person's sessions (GET /sesi-saya).
func (s *server) mySessions(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d := &mySessionsData{}
	if r.URL.Query().Get("ok") == "batal" {
		d.Notice = "enrol.cancelled"
	}
	if p.User.EmployeeID != 0 {
		list, err := s.st.EnrolmentsOf(r.Context(), p.User.EmployeeID)
		if err != nil {
			return err
		}
		today := model.CycleToday(s.st.Now())
		for i := len(list) - 1; i >= 0; i-- { // soonest first
			if list[i].Session.EndDate >= today && list[i].Status != model.EnrolCancelled {
				d.Upcoming = append(d.Upcoming, list[i])
			}
		}
		for _, m := range list {
			if m.Session.EndDate < today || m.Status == model.EnrolCancelled {
				d.Past = append(d.Past, m)
			}
		}
	}
	s.render(w, r, http.StatusOK, "my_sessions", "enrol.my_title", d)
	return nil
}

// selfTarget describes the signed-in person's own record for the policy
// (an empty target for an account without one).
func (s *server) selfTarget(r *http.Request, p *auth.Principal) (policy.Target, error) {
	if p.User.EmployeeID == 0 {
		return policy.Target{}, nil
	}
	e, err := s.st.Employee(r.Context(), p.User.EmployeeID)
	if err != nil {
		return policy.Target{}, err
	}
	u, err := s.st.Unit(r.Context(), e.UnitID)
	if err != nil {
		return policy.Target{}, err
	}
	return policy.Target{UnitPath: u.Path, EmployeeID: e.ID, SupervisorID: e.SupervisorID}, nil
}
