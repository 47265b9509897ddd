package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Enrolment into sessions: first come, first served. A seat is taken by a
// conditional UPDATE of the session's counter in the same transaction as
// the enrolment row, so the capacity holds however many enrol at once: on
// PostgreSQL the UPDATE's row lock makes each later enrolment re-read the
// counter after the earlier one commits; on SQLite writers queue on the
// busy timeout. Whoever finds the session full joins the waiting list,
// whose order is the enrolment's ID (arrival) order. Callers check policy
// (EnrolmentManage, or the person's own approved plan item) before.

const enrolmentCols = `en.id, en.session_id, en.employee_id, COALESCE(en.plan_item_id, 0), en.status, en.source,
	COALESCE(en.score, -1), COALESCE(en.completed_at, 0), en.created_at, e.name, e.nip, u.name,
	CASE WHEN en.status = 'menunggu' THEN (SELECT COUNT(*) FROM enrolment w WHERE w.session_id = en.session_id
		AND w.status = 'menunggu' AND w.id <= en.id) ELSE 0 END`

const enrolmentFrom = ` FROM enrolment en JOIN employee e ON e.id = en.employee_id JOIN org_unit u ON u.id = e.unit_id`

func scanEnrolment(sc interface{ Scan(...any) error }, en *model.Enrolment) error {
	var score, completed, created int64
	err := sc.Scan(&en.ID, &en.SessionID, &en.EmployeeID, &en.PlanItemID, &en.Status, &en.Source, &score, &completed, &created,
		&en.Name, &en.NIP, &en.UnitName, &en.WaitPos)
	en.Score, en.HasScore = int(score), score >= 0
	if !en.HasScore {
		en.Score = 0
	}
	if completed != 0 {
		en.CompletedAt = unixTime(completed)
	}
	en.CreatedAt = unixTime(created)
	return err
}

func enrolmentTx(ctx context.Context, q queryer, id int64) (*model.Enrolment, error) {
	var en model.Enrolment
	if err := scanEnrolment(q.QueryRowContext(ctx, `SELECT `+enrolmentCols+enrolmentFrom+` WHERE en.id = $1`, id), &en); err != nil {
		return nil, notFound(err, "err.enrol.not_found", id)
	}
	return &en, nil
}

// Enrolment returns one enrolment with the person's name, NIP and unit.
func (s *Store) Enrolment(ctx context.Context, id int64) (*model.Enrolment, error) {
	return enrolmentTx(ctx, s.db, id)
}

// Enrol gives employeeID a seat in the session, or a place on its waiting
// list when the seats are taken, and tells them which. source is
// model.EnrolFromAdmin or EnrolFromNomination (plan items enrol through
// their approval).
func (s *Store) Enrol(ctx context.Context, a model.Actor, sessionID, employeeID int64, source string) (*model.Enrolment, error) {
	var id int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.enrolTx(ctx, tx, a, sessionID, employeeID, 0, source)
		return err
	})
	if err != nil {
		return nil, err
	}
	return s.Enrolment(ctx, id)
}

// enrolTx is Enrol inside the caller's transaction: the window and the
// session's state are checked, a duplicate refused, the seat taken or the
// waiting list joined, the person notified and the write audited.
func (s *Store) enrolTx(ctx context.Context, tx *sql.Tx, a model.Actor, sessionID, employeeID, itemID int64, source string) (int64, error) {
	sess, err := sessionTx(ctx, tx, sessionID)
	if err != nil {
		return 0, err
	}
	if sess.Status == model.SessionCancelled {
		return 0, apperr.New(apperr.ECONFLICT, "err.enrol.session_cancelled")
	}
	if !sess.EnrolOpen(s.today()) {
		return 0, apperr.New(apperr.ECONFLICT, "err.enrol.window_closed")
	}
	var one int
	if err := tx.QueryRowContext(ctx, `SELECT 1 FROM employee WHERE id = $1`, employeeID).Scan(&one); err != nil {
		return 0, notFound(err, "err.common.employee_not_found", employeeID)
	}
	var old string
	switch err := tx.QueryRowContext(ctx, `SELECT status FROM enrolment WHERE session_id = $1 AND employee_id = $2`, sessionID, employeeID).Scan(&old); {
	case err == nil && old != string(model.EnrolCancelled):
		return 0, apperr.New(apperr.ECONFLICT, "err.enrol.duplicate")
	case err == nil:
		// A place given up earlier: the new one queues as a new arrival.
		if _, err := tx.ExecContext(ctx, `DELETE FROM enrolment WHERE session_id = $1 AND employee_id = $2`, sessionID, employeeID); err != nil {
			return 0, fmt.Errorf("store: enrol: %w", err)
		}
	case !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("store: enrol: %w", err)
	}
	seated, err := takeSeat(ctx, tx, sessionID)
	if err != nil {
		return 0, err
	}
	status, event := model.EnrolWaiting, model.NoticeWaitlisted
	if seated {
		status, event = model.EnrolSeat, model.NoticeEnrolled
	}
	now := s.Now().Unix()
	id, err := insertID(ctx, tx, `INSERT INTO enrolment (session_id, employee_id, plan_item_id, status, source, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6)`, sessionID, employeeID, nullID(itemID), string(status), source, now)
	if err != nil {
		if isUniqueViolation(err) {
			return 0, apperr.New(apperr.ECONFLICT, "err.enrol.duplicate")
		}
		return 0, fmt.Errorf("store: enrol: %w", err)
	}
	if _, err := s.notify(ctx, tx, Notice{EmployeeID: employeeID, Event: event, Args: sessionArgs(sess),
		Link: fmt.Sprintf("/sesi-saya#e%d", id)}); err != nil {
		return 0, err
	}
	return id, s.audit(ctx, tx, a, "enrolment.create", "enrolment", id, map[string]any{"session_id": sessionID,
		"employee_id": employeeID, "status": status, "source": source, "plan_item_id": itemID})
}

// takeSeat takes one seat of the session if one is free: the condition and
// the increment are one statement, so two transactions cannot both take the
// last seat.
func takeSeat(ctx context.Context, tx *sql.Tx, sessionID int64) (bool, error) {
	res, err := tx.ExecContext(ctx, `UPDATE training_session SET enrolled = enrolled + 1 WHERE id = $1 AND enrolled < capacity`, sessionID)
	if err != nil {
		return false, fmt.Errorf("store: take seat: %w", err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// sessionArgs are a session notice's arguments: the programme's title, the
// session's name and its first and last day.
func sessionArgs(t *model.TrainingSession) []string {
	return []string{t.ProgrammeTitle, t.Name, t.StartDate, t.EndDate}
}

// CancelEnrolment gives up a place. A seat freed goes to the first on the
// waiting list, who is told (NoticePromoted). The plan item behind the
// place goes back to disetujui: the approval stands, the place is gone.
// Callers check policy: the participant themself, an admin of their unit
// or an operator.
func (s *Store) CancelEnrolment(ctx context.Context, a model.Actor, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		en, err := enrolmentTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if en.Status != model.EnrolSeat && en.Status != model.EnrolWaiting {
			return apperr.New(apperr.ECONFLICT, "err.enrol.not_cancellable")
		}
		now := s.Now().Unix()
		if en.Status == model.EnrolSeat {
			// This UPDATE also locks the session's row until commit, so a
			// concurrent enrolment or cancellation waits for the promotion.
			if _, err := tx.ExecContext(ctx, `UPDATE training_session SET enrolled = enrolled - 1 WHERE id = $1`, en.SessionID); err != nil {
				return fmt.Errorf("store: free seat: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE enrolment SET status = $1, updated_at = $2 WHERE id = $3`,
			string(model.EnrolCancelled), now, id); err != nil {
			return fmt.Errorf("store: cancel enrolment %d: %w", id, err)
		}
		if en.PlanItemID != 0 {
			if err := setPlanStatus(ctx, tx, en.PlanItemID, model.PlanApproved, now); err != nil {
				return err
			}
		}
		if err := s.audit(ctx, tx, a, "enrolment.cancel", "enrolment", id, map[string]any{"session_id": en.SessionID,
			"employee_id": en.EmployeeID, "status": Change{string(en.Status), string(model.EnrolCancelled)}}); err != nil {
			return err
		}
		if en.Status == model.EnrolSeat {
			return s.promote(ctx, tx, a, en.SessionID)
		}
		return nil
	})
}

// promote gives free seats to the waiting list in arrival order.
func (s *Store) promote(ctx context.Context, tx *sql.Tx, a model.Actor, sessionID int64) error {
	sess, err := sessionTx(ctx, tx, sessionID)
	if err != nil {
		return err
	}
	for {
		var id, emp int64
		err := tx.QueryRowContext(ctx, `SELECT id, employee_id FROM enrolment WHERE session_id = $1 AND status = $2 ORDER BY id LIMIT 1`,
			sessionID, string(model.EnrolWaiting)).Scan(&id, &emp)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("store: promote: %w", err)
		}
		seated, err := takeSeat(ctx, tx, sessionID)
		if err != nil || !seated {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE enrolment SET status = $1, updated_at = $2 WHERE id = $3`,
			string(model.EnrolSeat), s.Now().Unix(), id); err != nil {
			return fmt.Errorf("store: promote: %w", err)
		}
		if _, err := s.notify(ctx, tx, Notice{EmployeeID: emp, Event: model.NoticePromoted, Args: sessionArgs(sess),
			Link: fmt.Sprintf("/sesi-saya#e%d", id)}); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, a, "enrolment.promote", "enrolment", id, map[string]any{"session_id": sessionID,
			"employee_id": emp, "status": Change{string(model.EnrolWaiting), string(model.EnrolSeat)}}); err != nil {
			return err
		}
	}
}

func setPlanStatus(ctx context.Context, tx *sql.Tx, itemID int64, st model.PlanStatus, now int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE plan_item SET status = $1, updated_at = $2 WHERE id = $3`, string(st), now, itemID); err != nil {
		return fmt.Errorf("store: plan item %d: %w", itemID, err)
	}
	return nil
}

// Participants lists a session's places: seats first, then the waiting
// list in its order, then the rest. Each row carries the person's name,
// NIP and unit only, which is all a provider may see of them.
func (s *Store) Participants(ctx context.Context, sessionID int64) ([]model.Enrolment, error) {
	return queryAll(ctx, s.db, `SELECT `+enrolmentCols+enrolmentFrom+` WHERE en.session_id = $1
		ORDER BY CASE en.status WHEN 'terdaftar' THEN 0 WHEN 'selesai' THEN 0 WHEN 'tidak_selesai' THEN 0 WHEN 'menunggu' THEN 1 ELSE 2 END,
		CASE WHEN en.status = 'menunggu' THEN en.id ELSE 0 END, e.sort_name, en.id`, []any{sessionID}, scanEnrolment)
}

// MyEnrolment is one of a person's places with its session.
type MyEnrolment struct {
	model.Enrolment
	Session model.TrainingSession
}

// EnrolmentsOf lists a person's places, the latest session first.
func (s *Store) EnrolmentsOf(ctx context.Context, employeeID int64) ([]MyEnrolment, error) {
	return queryAll(ctx, s.db, `SELECT `+enrolmentCols+`, `+sessionCols+enrolmentFrom+`
		JOIN training_session s ON s.id = en.session_id JOIN programme p ON p.id = s.programme_id
		WHERE en.employee_id = $1 ORDER BY s.start_date DESC, en.id DESC`, []any{employeeID},
		func(sc interface{ Scan(...any) error }, m *MyEnrolment) error {
			return scanEnrolmentSession(sc, m)
		})
}

// scanEnrolmentSession reads enrolmentCols then sessionCols.
func scanEnrolmentSession(sc interface{ Scan(...any) error }, m *MyEnrolment) error {
	var score, completed, created, sCreated, sUpdated int64
	t := &m.Session
	en := &m.Enrolment
	err := sc.Scan(&en.ID, &en.SessionID, &en.EmployeeID, &en.PlanItemID, &en.Status, &en.Source, &score, &completed, &created,
		&en.Name, &en.NIP, &en.UnitName, &en.WaitPos,
		&t.ID, &t.ProgrammeID, &t.Name, &t.StartDate, &t.EndDate, &t.StartTime, &t.EndTime, &t.Place, &t.OnlineURL,
		&t.Capacity, &t.Enrolled, &t.EnrolFrom, &t.EnrolUntil, &t.MinAttendance, &t.Status, &t.ProgrammeTitle, &t.ProviderID,
		&t.JP, &sCreated, &sUpdated)
	en.Score, en.HasScore = max(int(score), 0), score >= 0
	if completed != 0 {
		en.CompletedAt = unixTime(completed)
	}
	en.CreatedAt = unixTime(created)
	t.CreatedAt, t.UpdatedAt = unixTime(sCreated), unixTime(sUpdated)
	return err
}

// UnitEnrolments counts the seats and waiting places, in sessions that
// have not ended by today (ISO), of the employees in admin's units, and
// lists up to limit of the waiting ones (the earliest session first): the
// unit admin's home card.
func (s *Store) UnitEnrolments(ctx context.Context, admin model.Scope, today string, limit int) (seats, waiting int, list []MyEnrolment, err error) {
	var a args
	where := ` JOIN training_session s ON s.id = en.session_id JOIN programme p ON p.id = s.programme_id
		WHERE s.end_date >= ` + a.add(today) + ` AND ` + scopeUnits("u.path", admin, false, &a)
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FILTER (WHERE en.status = 'terdaftar'), COUNT(*) FILTER (WHERE en.status = 'menunggu')`+
		enrolmentFrom+where, a...).Scan(&seats, &waiting)
	if err != nil || waiting == 0 {
		return seats, waiting, nil, err
	}
	list, err = queryAll(ctx, s.db, `SELECT `+enrolmentCols+`, `+sessionCols+enrolmentFrom+where+
		fmt.Sprintf(` AND en.status = 'menunggu' ORDER BY s.start_date, en.id LIMIT %d`, limit), a, scanEnrolmentSession)
	return seats, waiting, list, err
}
