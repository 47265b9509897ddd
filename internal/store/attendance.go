package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/attend"
	"github.com/kompeten/kompeten/internal/model"
)

// Attendance per session day, and completion. Marks come from the QR code
// or the typed code (the participant, signed in) or from the instructor's
// hand; a struck mark stays with who struck it. Callers check policy:
// AttendanceCheckIn for oneself, TrainingRun for the rest.

const attendanceKeyName = "attendance_qr"

// AttendanceKey returns the deployment's attendance signing key, making it
// on first use. The INSERT … ON CONFLICT DO NOTHING and the read after it
// let several nodes race to make it and still all sign with one key; once
// made, a read alone serves.
func (s *Store) AttendanceKey(ctx context.Context) ([]byte, error) {
	var key []byte
	err := s.db.QueryRowContext(ctx, `SELECT value FROM app_secret WHERE name = $1`, attendanceKeyName).Scan(&key)
	if err == nil {
		return key, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: attendance key: %w", err)
	}
	fresh := make([]byte, 32)
	rand.Read(fresh)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO app_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
		attendanceKeyName, fresh); err != nil {
		return nil, fmt.Errorf("store: attendance key: %w", err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT value FROM app_secret WHERE name = $1`, attendanceKeyName).Scan(&key); err != nil {
		return nil, fmt.Errorf("store: attendance key: %w", err)
	}
	return key, nil
}

// CheckIn marks the employee present on a day of the session, once. The
// person must hold a seat and day must be one of the session's days.
// already is true when a mark was there before (the page says "sudah
// tercatat" and nothing changes, struck or not).
func (s *Store) CheckIn(ctx context.Context, a model.Actor, sessionID, employeeID int64, day, how string) (already bool, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		sess, err := sessionTx(ctx, tx, sessionID)
		if err != nil {
			return err
		}
		if !slices.Contains(sess.Days(), day) {
			return apperr.New(apperr.EINVALID, "err.attend.not_a_day", day)
		}
		var status string
		if err := tx.QueryRowContext(ctx, `SELECT status FROM enrolment WHERE session_id = $1 AND employee_id = $2`,
			sessionID, employeeID).Scan(&status); err != nil || status != string(model.EnrolSeat) {
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			return apperr.New(apperr.EFORBIDDEN, "err.attend.not_enrolled")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO attendance (session_id, day, employee_id, at, how, by_user_id) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (session_id, day, employee_id) DO NOTHING`, sessionID, day, employeeID, s.Now().Unix(), how, a.UserID)
		if err != nil {
			return fmt.Errorf("store: check in: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			already = true
			return nil
		}
		return s.audit(ctx, tx, a, "attendance.mark", "training_session", sessionID, map[string]any{"employee_id": employeeID,
			"day": day, "how": how})
	})
	return already, err
}

// MarkAttendance is the instructor's manual mark: it also lifts a strike.
func (s *Store) MarkAttendance(ctx context.Context, a model.Actor, sessionID, employeeID int64, day string) error {
	already, err := s.CheckIn(ctx, a, sessionID, employeeID, day, model.AttendManual)
	if err != nil || !already {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE attendance SET struck = $1, struck_by = NULL WHERE session_id = $2 AND day = $3
			AND employee_id = $4 AND struck = $5`, false, sessionID, day, employeeID, true)
		if err != nil {
			return fmt.Errorf("store: mark attendance: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return s.audit(ctx, tx, a, "attendance.unstrike", "training_session", sessionID, map[string]any{"employee_id": employeeID, "day": day})
	})
}

// StrikeAttendance strikes a mark (a scan by someone not in the room): it
// stays in the list, struck, with who struck it, and no longer counts.
func (s *Store) StrikeAttendance(ctx context.Context, a model.Actor, sessionID, employeeID int64, day string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE attendance SET struck = $1, struck_by = $2 WHERE session_id = $3 AND day = $4
			AND employee_id = $5 AND struck = $6`, true, nullID(a.UserID), sessionID, day, employeeID, false)
		if err != nil {
			return fmt.Errorf("store: strike attendance: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.New(apperr.ENOTFOUND, "err.attend.mark_not_found")
		}
		return s.audit(ctx, tx, a, "attendance.strike", "training_session", sessionID, map[string]any{"employee_id": employeeID, "day": day})
	})
}

// Attendance lists a session's marks (day empty: every day), by day and
// time of marking.
func (s *Store) Attendance(ctx context.Context, sessionID int64, day string) ([]model.AttendanceMark, error) {
	q := `SELECT a.session_id, a.day, a.employee_id, a.at, a.how, a.by_user_id, a.struck, COALESCE(a.struck_by, 0), e.name
		FROM attendance a JOIN employee e ON e.id = a.employee_id WHERE a.session_id = $1`
	ar := []any{sessionID}
	if day != "" {
		q += ` AND a.day = $2`
		ar = append(ar, day)
	}
	return queryAll(ctx, s.db, q+` ORDER BY a.day, a.at, a.employee_id`, ar,
		func(sc interface{ Scan(...any) error }, m *model.AttendanceMark) error {
			var at int64
			err := sc.Scan(&m.SessionID, &m.Day, &m.EmployeeID, &at, &m.How, &m.ByUserID, &m.Struck, &m.StruckBy, &m.Name)
			m.At = unixTime(at)
			return err
		})
}

// presentDays returns the days on which the employee has an unstruck mark.
func presentDays(ctx context.Context, q queryer, sessionID, employeeID int64) (map[string]bool, error) {
	out := map[string]bool{}
	var d string
	err := eachRow(ctx, q, `SELECT day FROM attendance WHERE session_id = $1 AND employee_id = $2 AND struck = $3`,
		[]any{sessionID, employeeID, false}, []any{&d}, func() { out[d] = true })
	return out, err
}

// RecordCompletion records the end of a seat: selesai with a score (0–100),
// refused under the session's minimum attendance, or tidak_selesai. The
// plan item behind it becomes selesai when completed. Audited; callers
// check policy.TrainingRun on the session.
func (s *Store) RecordCompletion(ctx context.Context, a model.Actor, enrolmentID int64, completed bool, score int) error {
	if completed && (score < 0 || score > 100) {
		return apperr.Invalid("score", "err.enrol.score")
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		en, err := enrolmentTx(ctx, tx, enrolmentID)
		if err != nil {
			return err
		}
		if !en.Seated() {
			return apperr.New(apperr.ECONFLICT, "err.enrol.no_seat")
		}
		sess, err := sessionTx(ctx, tx, en.SessionID)
		if err != nil {
			return err
		}
		present, err := presentDays(ctx, tx, en.SessionID, en.EmployeeID)
		if err != nil {
			return err
		}
		pct := model.AttendancePercent(sess.Days(), present)
		status := model.EnrolIncomplete
		var sc any
		if completed {
			if pct < sess.MinAttendance {
				return apperr.New(apperr.EINVALID, "err.enrol.attendance_below", pct, sess.MinAttendance)
			}
			status, sc = model.EnrolCompleted, score
		}
		now := s.Now().Unix()
		if _, err := tx.ExecContext(ctx, `UPDATE enrolment SET status = $1, score = $2, completed_at = $3, completed_by = $4, updated_at = $3
			WHERE id = $5`, string(status), sc, now, nullID(a.UserID), enrolmentID); err != nil {
			return fmt.Errorf("store: completion %d: %w", enrolmentID, err)
		}
		if en.PlanItemID != 0 {
			plan := model.PlanEnrolled
			if completed {
				plan = model.PlanDone
			}
			if err := setPlanStatus(ctx, tx, en.PlanItemID, plan, now); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "enrolment.complete", "enrolment", enrolmentID, map[string]any{"employee_id": en.EmployeeID,
			"status": Change{string(en.Status), string(status)}, "score": sc, "attendance": pct})
	})
}

// ResolveCheckIn turns a QR token, or a session and a typed code, into the
// session and day they were shown for at the store's clock, and how the
// mark is made (model.AttendQR or AttendCode). Both faces check in
// through it.
func (s *Store) ResolveCheckIn(ctx context.Context, token string, sessionID int64, code string) (int64, string, string, error) {
	key, err := s.AttendanceKey(ctx)
	if err != nil {
		return 0, "", "", err
	}
	now := s.Now()
	if t := strings.TrimSpace(token); t != "" {
		sid, day, err := attend.Check(key, t, now)
		return sid, day, model.AttendQR, err
	}
	if sessionID <= 0 {
		return 0, "", "", apperr.Invalid("code", "err.attend.code_invalid")
	}
	sess, err := sessionTx(ctx, s.db, sessionID)
	if err != nil {
		return 0, "", "", err
	}
	day, err := attend.CheckCode(key, sessionID, sess.Days(), code, now)
	return sessionID, day, model.AttendCode, err
}

// DaysAttended returns the days an employee was marked present (not
// struck), by session, in order (for the employee's own-data download).
func (s *Store) DaysAttended(ctx context.Context, employeeID int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	var session int64
	var day string
	err := eachRow(ctx, s.db, `SELECT session_id, day FROM attendance WHERE employee_id = $1 AND struck = $2 ORDER BY session_id, day`,
		[]any{employeeID, false}, []any{&session, &day}, func() { out[session] = append(out[session], day) })
	if err != nil {
		return nil, fmt.Errorf("store: days attended by %d: %w", employeeID, err)
	}
	return out, nil
}
