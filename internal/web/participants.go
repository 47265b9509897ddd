package web

import (
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// The participants of a session for whoever runs it (issue 13): each with
// their attendance per day and percent, and the completion form. Of a
// person only name, NIP and unit are shown, whoever looks: a provider's
// account runs the session and needs no more.

// participantRow is one place with its attendance.
type participantRow struct {
	model.Enrolment
	Present []bool // per day of the session
	Percent int
	Enough  bool // reaches the session's minimum
}

// participantsData is /angkatan/{id}/peserta.
type participantsData struct {
	Session *model.TrainingSession
	Days    []string
	Rows    []participantRow
	Waiting []model.Enrolment
	Notice  string
	Error   string
	ErrorID int64
}

// participantsPage shows the list (GET /angkatan/{id}/peserta).
func (s *server) participantsPage(w http.ResponseWriter, r *http.Request) error {
	d := &participantsData{}
	if r.URL.Query().Get("ok") == "selesai" {
		d.Notice = "participants.saved"
	}
	return s.renderParticipants(w, r, http.StatusOK, d)
}

func (s *server) renderParticipants(w http.ResponseWriter, r *http.Request, status int, d *participantsData) error {
	_, sess, err := s.runSession(r)
	if err != nil {
		return err
	}
	d.Session = sess
	ctx := r.Context()
	d.Days = d.Session.Days()
	all, err := s.st.Participants(ctx, sess.ID)
	if err != nil {
		return err
	}
	marks, err := s.st.Attendance(ctx, sess.ID, "")
	if err != nil {
		return err
	}
	present := map[int64]map[string]bool{}
	for _, m := range marks {
		if m.Struck {
			continue
		}
		if present[m.EmployeeID] == nil {
			present[m.EmployeeID] = map[string]bool{}
		}
		present[m.EmployeeID][m.Day] = true
	}
	for _, en := range all {
		switch {
		case en.Seated():
			row := participantRow{Enrolment: en, Percent: model.AttendancePercent(d.Days, present[en.EmployeeID])}
			for _, day := range d.Days {
				row.Present = append(row.Present, present[en.EmployeeID][day])
			}
			row.Enough = row.Percent >= d.Session.MinAttendance
			d.Rows = append(d.Rows, row)
		case en.Status == model.EnrolWaiting:
			d.Waiting = append(d.Waiting, en)
		}
	}
	s.renderView(w, r, status, "participants", &view{Title: "participants.title", TitleArg: d.Session.ProgrammeTitle, Data: d})
	return nil
}

// completionSave records completion or non-completion of one place (POST
// /angkatan/{id}/peserta/selesai: enrolment, hasil=selesai|tidak_selesai,
// nilai).
func (s *server) completionSave(w http.ResponseWriter, r *http.Request) error {
	p, sess, err := s.runSession(r)
	if err != nil {
		return err
	}
	f := newForm(r)
	enID := f.Int64("enrolment", "err.enrol.field_required", "enrolment")
	if err := f.Err(); err != nil {
		return err
	}
	en, err := s.st.Enrolment(r.Context(), enID)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && en.SessionID != sess.ID) {
		return errNotPermitted
	}
	if err != nil {
		return err
	}
	completed := f.Text("hasil") == string(model.EnrolCompleted)
	score := 0
	if completed {
		score = f.Int("nilai", "err.enrol.score")
	}
	if err = f.Err(); err == nil {
		err = s.st.RecordCompletion(r.Context(), actor(p), enID, completed, score)
	}
	if err != nil {
		return s.refusedForm(w, r, err, func(msg string) error {
			return s.renderParticipants(w, r, http.StatusUnprocessableEntity, &participantsData{Error: msg, ErrorID: enID})
		})
	}
	http.Redirect(w, r, "/angkatan/"+strconv.FormatInt(sess.ID, 10)+"/peserta?ok=selesai", http.StatusSeeOther)
	return nil
}
