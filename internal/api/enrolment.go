package api

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Enrolment, attendance and completion as JSON (issue 13), over
// store/enrolment.go and store/attendance.go with the rules of the web
// pages: a session's participants and attendance for whoever runs it
// (policy.TrainingRun: BKPSDM, operators, its partner's accounts, its
// instructors), who see of a participant only name, NIP and unit; places
// made by admins of the person's unit and operators (EnrolmentManage) and
// given up by the person, whoever proposes for them (PlanPropose) or those
// admins; check-in by the participant themself.

// enrolmentJSON is one place in a session. wait_position is the place on
// the waiting list (0 when not waiting); score is null until completion.
type enrolmentJSON struct {
	ID           int64  `json:"id"`
	SessionID    int64  `json:"session_id"`
	EmployeeID   int64  `json:"employee_id"`
	Name         string `json:"name"`
	NIP          string `json:"nip"`
	Unit         string `json:"unit"`
	Status       string `json:"status"`
	Source       string `json:"source"`
	WaitPosition int    `json:"wait_position"`
	Score        *int   `json:"score"`
	PlanItemID   *int64 `json:"plan_item_id"`
}

func toEnrolmentJSON(en *model.Enrolment) enrolmentJSON {
	out := enrolmentJSON{ID: en.ID, SessionID: en.SessionID, EmployeeID: en.EmployeeID, Name: en.Name, NIP: en.NIP, Unit: en.UnitName,
		Status: string(en.Status), Source: en.Source, WaitPosition: en.WaitPos, PlanItemID: ptrID(en.PlanItemID)}
	if en.HasScore {
		sc := en.Score
		out.Score = &sc
	}
	return out
}

// runSession reads session id and checks that p runs it; anyone else is
// told it does not exist.
func (a *API) runSession(ctx context.Context, p *auth.Principal, id int64) (*model.TrainingSession, error) {
	sess, err := a.st.TrainingSession(ctx, id)
	if err != nil {
		return nil, err
	}
	if !policy.May(p, policy.TrainingRun, policy.SessionTarget(sess, p.User.ID)) {
		return nil, apperr.New(apperr.ENOTFOUND, "err.catalogue.session_not_found", id)
	}
	return sess, nil
}

// listEnrolments answers GET /sessions/{id}/enrolments.
func (a *API) listEnrolments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.runSession(r.Context(), p, id); err != nil {
		return err
	}
	list, err := a.st.Participants(r.Context(), id)
	if err != nil {
		return err
	}
	out := make([]enrolmentJSON, len(list))
	for i := range list {
		out[i] = toEnrolmentJSON(&list[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"session_id": id, "items": out})
	return nil
}

// enrolInput is the body of POST /sessions/{id}/enrolments.
type enrolInput struct {
	EmployeeID int64 `json:"employee_id"`
}

// createEnrolment enrols an employee the caller administers (or any, for
// an operator) into the session: a seat, or the waiting list (201 either
// way; the status says which).
func (a *API) createEnrolment(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	var in enrolInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.EmployeeID <= 0 {
		return apperr.Invalid("employee_id", "err.enrol.field_required", "employee_id")
	}
	ctx := r.Context()
	tg, err := a.employeeTarget(ctx, in.EmployeeID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !policy.May(p, policy.EnrolmentManage, tg)) {
		return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", in.EmployeeID)
	}
	if err != nil {
		return err
	}
	en, err := a.st.Enrol(ctx, actor(p), id, in.EmployeeID, model.EnrolFromAdmin)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, toEnrolmentJSON(en))
	return nil
}

// cancelEnrolment answers POST /enrolments/{id}/cancel: the place is given
// up and a freed seat goes to the first waiting.
func (a *API) cancelEnrolment(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	en, err := a.st.Enrolment(ctx, id)
	if err != nil {
		return err
	}
	tg, err := a.employeeTarget(ctx, en.EmployeeID)
	if err != nil {
		return err
	}
	if !policy.May(p, policy.PlanPropose, tg) && !policy.May(p, policy.EnrolmentManage, tg) {
		return apperr.New(apperr.ENOTFOUND, "err.enrol.not_found", id)
	}
	if err := a.st.CancelEnrolment(ctx, actor(p), id); err != nil {
		return err
	}
	en, err = a.st.Enrolment(ctx, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toEnrolmentJSON(en))
	return nil
}

// myEnrolmentJSON is one of the caller's places with its session.
type myEnrolmentJSON struct {
	enrolmentJSON
	Programme string `json:"programme"`
	Session   string `json:"session"`
	StartDate string `json:"start_date"`
	EndDate   string `json:"end_date"`
	StartTime string `json:"start_time"`
	EndTime   string `json:"end_time"`
	Place     string `json:"place"`
	OnlineURL string `json:"online_url"`
}

// myEnrolments answers GET /me/enrolments.
func (a *API) myEnrolments(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	out := []myEnrolmentJSON{}
	if p.User.EmployeeID != 0 {
		list, err := a.st.EnrolmentsOf(r.Context(), p.User.EmployeeID)
		if err != nil {
			return err
		}
		for i := range list {
			m := &list[i]
			out = append(out, myEnrolmentJSON{enrolmentJSON: toEnrolmentJSON(&m.Enrolment), Programme: m.Session.ProgrammeTitle,
				Session: m.Session.Name, StartDate: m.Session.StartDate, EndDate: m.Session.EndDate, StartTime: m.Session.StartTime,
				EndTime: m.Session.EndTime, Place: m.Session.Place, OnlineURL: m.Session.OnlineURL})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
	return nil
}

// attendanceJSON is one mark.
type attendanceJSON struct {
	EmployeeID int64  `json:"employee_id"`
	Name       string `json:"name"`
	Day        string `json:"day"`
	At         string `json:"at"`
	How        string `json:"how"`
	Struck     bool   `json:"struck"`
}

// listAttendance answers GET /sessions/{id}/attendance (?day= narrows).
func (a *API) listAttendance(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.runSession(r.Context(), p, id); err != nil {
		return err
	}
	marks, err := a.st.Attendance(r.Context(), id, strings.TrimSpace(r.URL.Query().Get("day")))
	if err != nil {
		return err
	}
	out := make([]attendanceJSON, len(marks))
	for i, m := range marks {
		out[i] = attendanceJSON{EmployeeID: m.EmployeeID, Name: m.Name, Day: m.Day, At: m.At.Format(time.RFC3339), How: m.How, Struck: m.Struck}
	}
	writeJSON(w, http.StatusOK, map[string]any{"session_id": id, "items": out})
	return nil
}

// markInput is the body of POST /sessions/{id}/attendance: a manual mark,
// or with strike a strike of the mark.
type markInput struct {
	EmployeeID int64  `json:"employee_id"`
	Day        string `json:"day"`
	Strike     bool   `json:"strike"`
}

// markAttendance answers POST /sessions/{id}/attendance.
func (a *API) markAttendance(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if _, err := a.runSession(ctx, p, id); err != nil {
		return err
	}
	var in markInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.EmployeeID <= 0 {
		return apperr.Invalid("employee_id", "err.enrol.field_required", "employee_id")
	}
	if in.Strike {
		err = a.st.StrikeAttendance(ctx, actor(p), id, in.EmployeeID, in.Day)
	} else {
		err = a.st.MarkAttendance(ctx, actor(p), id, in.EmployeeID, in.Day)
	}
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// checkInInput is the body of POST /attendance/check-in: the QR's token,
// or the session and the typed code.
type checkInInput struct {
	Token     string `json:"token"`
	SessionID int64  `json:"session_id"`
	Code      string `json:"code"`
}

// checkIn marks the caller present: 200 with already=false the first
// time, already=true after.
func (a *API) checkIn(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	var in checkInInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	sid, day, how, err := a.st.ResolveCheckIn(r.Context(), in.Token, in.SessionID, in.Code)
	if err != nil {
		return err
	}
	if p.User.EmployeeID == 0 || !policy.May(p, policy.AttendanceCheckIn, policy.Target{EmployeeID: p.User.EmployeeID}) {
		return apperr.New(apperr.EFORBIDDEN, "err.attend.not_enrolled")
	}
	already, err := a.st.CheckIn(r.Context(), actor(p), sid, p.User.EmployeeID, day, how)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"session_id": sid, "day": day, "already": already})
	return nil
}

// completionInput is the body of POST /enrolments/{id}/completion.
type completionInput struct {
	Completed *bool `json:"completed"`
	Score     int   `json:"score"`
}

// recordCompletion answers POST /enrolments/{id}/completion, for whoever
// runs the session.
func (a *API) recordCompletion(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	en, err := a.st.Enrolment(ctx, id)
	if err != nil {
		return err
	}
	if _, err := a.runSession(ctx, p, en.SessionID); err != nil {
		return apperr.New(apperr.ENOTFOUND, "err.enrol.not_found", id)
	}
	var in completionInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if in.Completed == nil {
		return apperr.Invalid("completed", "err.enrol.field_required", "completed")
	}
	if err := a.st.RecordCompletion(ctx, actor(p), id, *in.Completed, in.Score); err != nil {
		return err
	}
	en, err = a.st.Enrolment(ctx, id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toEnrolmentJSON(en))
	return nil
}

// agreementJSON is a PPPK's work agreement; recorded is false (and the
// days empty) when none is.
type agreementJSON struct {
	EmployeeID int64  `json:"employee_id"`
	Start      string `json:"start"`
	End        string `json:"end"`
	Recorded   bool   `json:"recorded"`
}

// getAgreement answers GET /employees/{id}/agreement for whoever sees the
// employee.
func (a *API) getAgreement(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	if _, err := a.visibleEmployee(r.Context(), p, id); err != nil {
		return err
	}
	ag, ok, err := a.st.Agreement(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, agreementJSON{EmployeeID: id, Start: ag.Start, End: ag.End, Recorded: ok})
	return nil
}

// putAgreement answers PUT /employees/{id}/agreement for an admin of the
// employee's unit; a PNS has none (422).
func (a *API) putAgreement(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	id, err := pathID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	tg, err := a.employeeTarget(ctx, id)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !p.Admin.Contains(tg.UnitPath)) {
		return apperr.New(apperr.ENOTFOUND, "err.common.employee_not_found", id)
	}
	if err != nil {
		return err
	}
	if !policy.May(p, policy.EmployeeWrite, tg) {
		return policy.ErrAboutSelf
	}
	var in agreementJSON
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	if err := a.st.SetAgreement(ctx, actor(p), model.PPPKAgreement{EmployeeID: id, Start: strings.TrimSpace(in.Start),
		End: strings.TrimSpace(in.End)}); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, agreementJSON{EmployeeID: id, Start: strings.TrimSpace(in.Start), End: strings.TrimSpace(in.End), Recorded: true})
	return nil
}
