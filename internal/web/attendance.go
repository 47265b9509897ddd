package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/attend"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
)

// Attendance pages (issue 13). The instructor's page shows, for a chosen
// day, the QR code of the absolute URL /hadir?t=TOKEN (a PNG of its own
// route, which the page's few lines of script reload every slot) and the
// 6-character typed code beside it, and polls a small fragment with the
// marks as they come in. The participant's phone opens /hadir: signed in
// (else the sign-in page brings them back), holding a seat, with a token
// still fresh, they are marked present once.

// runSession reads the session of the request's {id} and its principal
// when the principal runs it (TrainingRun): anyone else is told it does not
// exist.
func (s *server) runSession(r *http.Request) (*auth.Principal, *model.TrainingSession, error) {
	p, id, err := s.userID(r)
	if err != nil {
		return nil, nil, err
	}
	sess, err := s.st.TrainingSession(r.Context(), id)
	if apperr.Code(err) == apperr.ENOTFOUND {
		return nil, nil, errNotPermitted
	}
	if err != nil {
		return nil, nil, err
	}
	if !policy.May(p, policy.TrainingRun, policy.SessionTarget(sess, p.User.ID)) {
		return nil, nil, errNotPermitted
	}
	return p, sess, nil
}

// attendDay is the day the page works on: ?hari= when it is a day of the
// session, else today when the session runs today, else its first day.
func (s *server) attendDay(r *http.Request, sess *model.TrainingSession) string {
	days := sess.Days()
	if d := r.URL.Query().Get("hari"); slices.Contains(days, d) {
		return d
	}
	if d := r.PostFormValue("hari"); slices.Contains(days, d) {
		return d
	}
	if today := model.CycleToday(s.st.Now()); slices.Contains(days, today) {
		return today
	}
	if len(days) > 0 {
		return days[0]
	}
	return ""
}

// attendanceData is the instructor's page and its live fragment.
type attendanceData struct {
	Session *model.TrainingSession
	Days    []string
	Day     string
	Code    string
	Slot    int64 // seconds a code lives, for the page's script
	Seats   []model.Enrolment
	Marks   map[int64]model.AttendanceMark // by employee, of Day
	Present int
}

func (s *server) attendanceData(r *http.Request, sess *model.TrainingSession) (*attendanceData, error) {
	d := &attendanceData{Session: sess, Days: sess.Days(), Day: s.attendDay(r, sess), Slot: int64(attend.Slot.Seconds()),
		Marks: map[int64]model.AttendanceMark{}}
	ctx := r.Context()
	key, err := s.st.AttendanceKey(ctx)
	if err != nil {
		return nil, err
	}
	d.Code = attend.Code(key, sess.ID, d.Day, s.st.Now())
	all, err := s.st.Participants(ctx, sess.ID)
	if err != nil {
		return nil, err
	}
	for _, en := range all {
		if en.Seated() {
			d.Seats = append(d.Seats, en)
		}
	}
	marks, err := s.st.Attendance(ctx, sess.ID, d.Day)
	if err != nil {
		return nil, err
	}
	for _, m := range marks {
		d.Marks[m.EmployeeID] = m
		if !m.Struck {
			d.Present++
		}
	}
	return d, nil
}

// attendancePage shows the instructor's page (GET /angkatan/{id}/presensi).
func (s *server) attendancePage(w http.ResponseWriter, r *http.Request) error {
	_, sess, err := s.runSession(r)
	if err != nil {
		return err
	}
	d, err := s.attendanceData(r, sess)
	if err != nil {
		return err
	}
	s.renderView(w, r, http.StatusOK, "attendance", &view{Title: "attend.title", TitleArg: sess.ProgrammeTitle, Data: d})
	return nil
}

// attendanceList is the live fragment of the marks (GET
// /angkatan/{id}/presensi/daftar): the list alone, without the layout.
func (s *server) attendanceList(w http.ResponseWriter, r *http.Request) error {
	p, sess, err := s.runSession(r)
	if err != nil {
		return err
	}
	d, err := s.attendanceData(r, sess)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	lang := langOf(r)
	return s.pages["attendance"].in(lang).ExecuteTemplate(w, "attendanceList", &view{Lang: lang, P: p, Data: d})
}

// checkInURL is the absolute address the QR code holds: on the server's
// public address when one is configured (--base-url; behind a proxy that
// ends TLS the request itself looks like plain http), else on the host the
// instructor's browser reached, which the phones in the same room reach too.
func (s *server) checkInURL(r *http.Request, token string) string {
	path := "/hadir?t=" + url.QueryEscape(token)
	if s.st.BaseURL != "" {
		return s.st.URL(path)
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

// attendanceQR serves the QR code of the current slot as a PNG (GET
// /angkatan/{id}/presensi/qr.png?hari=).
func (s *server) attendanceQR(w http.ResponseWriter, r *http.Request) error {
	_, sess, err := s.runSession(r)
	if err != nil {
		return err
	}
	key, err := s.st.AttendanceKey(r.Context())
	if err != nil {
		return err
	}
	png, err := qrcode.Encode(s.checkInURL(r, attend.Token(key, sess.ID, s.attendDay(r, sess), s.st.Now())), qrcode.Medium, 320)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(png)
	return nil
}

// attendanceMark marks a participant by hand or strikes a mark (POST
// /angkatan/{id}/presensi: employee, hari, aksi=hadir|coret).
func (s *server) attendanceMark(w http.ResponseWriter, r *http.Request) error {
	p, sess, err := s.runSession(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	emp := f.Int64("employee", "err.enrol.field_required", "employee")
	if err := f.Err(); err != nil {
		return err
	}
	day := s.attendDay(r, sess)
	if f.Text("aksi") == "coret" {
		err = s.st.StrikeAttendance(r.Context(), actor(p), sess.ID, emp, day)
	} else {
		err = s.st.MarkAttendance(r.Context(), actor(p), sess.ID, emp, day)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, "/angkatan/"+strconv.FormatInt(sess.ID, 10)+"/presensi?hari="+day, http.StatusSeeOther)
	return nil
}

// checkInData is /hadir: the result of a scan, or the typed-code form.
type checkInData struct {
	Done     bool
	Already  bool
	Session  *model.TrainingSession
	Day      string
	Error    string
	Sessions []model.TrainingSession // the person's seated sessions running today, for the form
}

// checkInPage marks the participant from the QR code's URL, or shows the
// typed-code form (GET /hadir[?t=TOKEN]).
func (s *server) checkInPage(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	if t := r.URL.Query().Get("t"); t != "" {
		return s.checkIn(w, r, p, t, 0, "")
	}
	return s.renderCheckIn(w, r, p, http.StatusOK, &checkInData{})
}

// checkInCode marks the participant from the typed code (POST /hadir).
func (s *server) checkInCode(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	sid, _ := strconv.ParseInt(f.Text("angkatan"), 10, 64)
	return s.checkIn(w, r, p, "", sid, f.Text("kode"))
}

func (s *server) checkIn(w http.ResponseWriter, r *http.Request, p *auth.Principal, token string, sid int64, code string) error {
	refuse := func(err error) error {
		if c := apperr.Code(err); c == apperr.EINVALID || c == apperr.EFORBIDDEN || c == apperr.ENOTFOUND {
			return s.renderCheckIn(w, r, p, http.StatusUnprocessableEntity, &checkInData{Error: apperr.Message(langOf(r), err)})
		}
		return err
	}
	sid, day, how, err := s.st.ResolveCheckIn(r.Context(), token, sid, code)
	if err != nil {
		return refuse(err)
	}
	if p.User.EmployeeID == 0 || !policy.May(p, policy.AttendanceCheckIn, policy.Target{EmployeeID: p.User.EmployeeID}) {
		return refuse(apperr.New(apperr.EFORBIDDEN, "err.attend.not_enrolled"))
	}
	already, err := s.st.CheckIn(r.Context(), actor(p), sid, p.User.EmployeeID, day, how)
	if err != nil {
		return refuse(err)
	}
	sess, err := s.st.TrainingSession(r.Context(), sid)
	if err != nil {
		return err
	}
	return s.renderCheckIn(w, r, p, http.StatusOK, &checkInData{Done: true, Already: already, Session: sess, Day: day})
}

func (s *server) renderCheckIn(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, d *checkInData) error {
	if !d.Done && p.User.EmployeeID != 0 {
		mine, err := s.st.EnrolmentsOf(r.Context(), p.User.EmployeeID)
		if err != nil {
			return err
		}
		today := model.CycleToday(s.st.Now())
		for _, m := range mine {
			if m.Status == model.EnrolSeat && slices.Contains(m.Session.Days(), today) {
				d.Sessions = append(d.Sessions, m.Session)
			}
		}
	}
	s.render(w, r, status, "checkin", "attend.checkin_title", d)
	return nil
}
