package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
)

// Sessions (angkatan) of the catalogue's programmes, with their
// instructors. Callers check policy.CatalogueManage against the
// programme's provider for writes. The seats taken (enrolled) are the
// enrolment's to move, never a session edit's.

const sessionCols = `s.id, s.programme_id, s.name, s.start_date, s.end_date, s.start_time, s.end_time, s.place, s.online_url,
	s.capacity, s.enrolled, s.enrol_from, s.enrol_until, s.min_attendance, s.status, p.title, p.provider_id, p.jp, s.created_at, s.updated_at`

const sessionFrom = ` FROM training_session s JOIN programme p ON p.id = s.programme_id`

func scanSession(sc interface{ Scan(...any) error }, t *model.TrainingSession) error {
	var created, updated int64
	err := sc.Scan(&t.ID, &t.ProgrammeID, &t.Name, &t.StartDate, &t.EndDate, &t.StartTime, &t.EndTime, &t.Place, &t.OnlineURL,
		&t.Capacity, &t.Enrolled, &t.EnrolFrom, &t.EnrolUntil, &t.MinAttendance, &t.Status, &t.ProgrammeTitle, &t.ProviderID,
		&t.JP, &created, &updated)
	t.CreatedAt, t.UpdatedAt = unixTime(created), unixTime(updated)
	return err
}

func sessionFields(t *model.TrainingSession) map[string]string {
	var ins []string
	for _, i := range t.Instructors {
		ins = append(ins, fmt.Sprintf("%s#%d", i.Name, i.UserID))
	}
	return map[string]string{"programme_id": fmt.Sprint(t.ProgrammeID), "name": t.Name, "start_date": t.StartDate,
		"end_date": t.EndDate, "start_time": t.StartTime, "end_time": t.EndTime, "place": t.Place, "online_url": t.OnlineURL,
		"capacity": fmt.Sprint(t.Capacity), "enrol_from": t.EnrolFrom, "enrol_until": t.EnrolUntil,
		"min_attendance": fmt.Sprint(t.MinAttendance), "status": t.Status, "instructors": strings.Join(ins, ",")}
}

// CreateSession adds a session of a programme with its instructors, audited.
func (s *Store) CreateSession(ctx context.Context, a model.Actor, t *model.TrainingSession) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		// The programme's title, partner and JP are read with a session;
		// a new one gets them here, as a read would give them.
		if err := tx.QueryRowContext(ctx, `SELECT title, provider_id, jp FROM programme WHERE id = $1`, t.ProgrammeID).Scan(
			&t.ProgrammeTitle, &t.ProviderID, &t.JP); err != nil {
			return notFound(err, "err.catalogue.programme_not_found", t.ProgrammeID)
		}
		now := s.Now().Unix()
		id, err := insertID(ctx, tx, `INSERT INTO training_session (programme_id, name, start_date, end_date, start_time, end_time, place,
			online_url, capacity, enrol_from, enrol_until, min_attendance, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`, t.ProgrammeID, t.Name, t.StartDate, t.EndDate,
			t.StartTime, t.EndTime, t.Place, t.OnlineURL, t.Capacity, t.EnrolFrom, t.EnrolUntil, t.MinAttendance, t.Status, now)
		if err != nil {
			return fmt.Errorf("store: create session: %w", err)
		}
		t.ID = id
		if err := writeInstructors(ctx, tx, t); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "session.create", "training_session", id, sessionFields(t))
	})
}

func writeInstructors(ctx context.Context, tx *sql.Tx, t *model.TrainingSession) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM session_instructor WHERE session_id = $1`, t.ID); err != nil {
		return err
	}
	for _, i := range t.Instructors {
		if i.UserID != 0 {
			// An instructor runs the session (attendance, completion): an
			// active account, the session's partner's or the city's own
			// (an internal trainer), never another partner's.
			var active bool
			var provider int64
			if err := tx.QueryRowContext(ctx, `SELECT active, COALESCE(provider_id, 0) FROM app_user WHERE id = $1`, i.UserID).
				Scan(&active, &provider); err != nil {
				return notFound(err, "err.account.account_not_found", i.UserID)
			}
			if !active || (provider != 0 && provider != t.ProviderID) {
				return apperr.Invalid("instructors", "err.catalogue.instructor_account", i.Name)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_instructor (session_id, name, user_id) VALUES ($1, $2, $3)`,
			t.ID, i.Name, nullID(i.UserID)); err != nil {
			return fmt.Errorf("store: session instructor: %w", err)
		}
	}
	return nil
}

// UpdateSession saves a session and its instructors, auditing what
// changed. Its seats may not fall below those already taken.
func (s *Store) UpdateSession(ctx context.Context, a model.Actor, t *model.TrainingSession) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := sessionTx(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if t.Capacity < old.Enrolled {
			return apperr.Invalid("capacity", "err.catalogue.seats_below_taken", old.Enrolled)
		}
		t.ProgrammeID, t.ProviderID = old.ProgrammeID, old.ProviderID // a session does not move to another programme
		ch := changes(sessionFields(old), sessionFields(t))
		if len(ch) == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE training_session SET name=$1, start_date=$2, end_date=$3, start_time=$4, end_time=$5,
			place=$6, online_url=$7, capacity=$8, enrol_from=$9, enrol_until=$10, min_attendance=$11, status=$12, updated_at=$13 WHERE id=$14`,
			t.Name, t.StartDate, t.EndDate, t.StartTime, t.EndTime, t.Place, t.OnlineURL, t.Capacity, t.EnrolFrom, t.EnrolUntil,
			t.MinAttendance, t.Status, s.Now().Unix(), t.ID); err != nil {
			return fmt.Errorf("store: update session %d: %w", t.ID, err)
		}
		if err := writeInstructors(ctx, tx, t); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "session.update", "training_session", t.ID, ch)
	})
}

// TrainingSession returns a session with its instructors and programme.
func (s *Store) TrainingSession(ctx context.Context, id int64) (*model.TrainingSession, error) {
	return sessionTx(ctx, s.db, id)
}

func sessionTx(ctx context.Context, q queryer, id int64) (*model.TrainingSession, error) {
	var t model.TrainingSession
	if err := scanSession(q.QueryRowContext(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE s.id = $1`, id), &t); err != nil {
		return nil, notFound(err, "err.catalogue.session_not_found", id)
	}
	var i model.Instructor
	if err := eachRow(ctx, q, `SELECT name, COALESCE(user_id, 0) FROM session_instructor WHERE session_id = $1 ORDER BY id`,
		[]any{id}, []any{&i.Name, &i.UserID}, func() { t.Instructors = append(t.Instructors, i) }); err != nil {
		return nil, fmt.Errorf("store: session %d instructors: %w", id, err)
	}
	return &t, nil
}

// SessionFilter narrows a list of sessions. Zero values do not filter.
type SessionFilter struct {
	From, To         string // ISO days: sessions that have a day in [From, To]
	ProgrammeID      int64
	ProviderID       int64
	InstructorUserID int64 // sessions this account teaches
	Limit            int   // 0: 500
}

// TrainingSessions lists sessions by start date, without instructors.
func (s *Store) TrainingSessions(ctx context.Context, f SessionFilter) ([]model.TrainingSession, error) {
	var a args
	var where []string
	if f.From != "" {
		where = append(where, "s.end_date >= "+a.add(f.From))
	}
	if f.To != "" {
		where = append(where, "s.start_date <= "+a.add(f.To))
	}
	if f.ProgrammeID != 0 {
		where = append(where, "s.programme_id = "+a.add(f.ProgrammeID))
	}
	if f.ProviderID != 0 {
		where = append(where, "p.provider_id = "+a.add(f.ProviderID))
	}
	if f.InstructorUserID != 0 {
		where = append(where, "s.id IN (SELECT session_id FROM session_instructor WHERE user_id = "+a.add(f.InstructorUserID)+")")
	}
	q := `SELECT ` + sessionCols + sessionFrom
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 500
	}
	q += fmt.Sprintf(" ORDER BY s.start_date, s.id LIMIT %d", limit)
	return queryAll(ctx, s.db, q, a, scanSession)
}
