package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/settings"
)

// Settings returns the rules in force: the stored value over the defaults
// (settings.Default), so that a setting added after the last save reads its
// default. It reads one row; callers read it once per request or
// transaction, never keep it.
func (s *Store) Settings(ctx context.Context) (settings.Settings, error) {
	return loadSettings(ctx, s.db)
}

// loadSettings is Settings inside a transaction.
func loadSettings(ctx context.Context, q queryer) (settings.Settings, error) {
	set := settings.Default()
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM app_settings WHERE name = 'rules'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return set, nil
	}
	if err != nil {
		return set, fmt.Errorf("store: settings: %w", err)
	}
	// Stored maps replace the default maps key by key, so a source or
	// jenjang added later keeps its default.
	if err := json.Unmarshal([]byte(v), &set); err != nil {
		return settings.Default(), fmt.Errorf("store: settings: %w", err)
	}
	return set, nil
}

// SettingsJob is the background recomputation one change of settings
// started, with its progress.
type SettingsJob struct {
	ID         int64
	Retirement bool   // retirement dates
	Levels     bool   // current levels from the ratings (the weights)
	JPM        bool   // JPM and its categories
	State      string // queued, running, done, failed
	Phase      string // retirement, levels, jpm while running
	Done       int64  // employees done in the phase
	Total      int64  // employees the phase visits (0 when not known)
	Error      string
	CreatedAt  time.Time
	StartedAt  time.Time // zero while queued
	FinishedAt time.Time // zero until done or failed
}

// Settings job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDone    = "done"
	JobFailed  = "failed"
)

// SaveSettings validates next and stores it with an audit row naming what
// changed. When the change makes stored values stale (settings.Stale:
// retirement dates, levels, JPM categories) it queues a recomputation and
// starts it in the background (RunSettingsJobs); the job is returned, nil
// when nothing needs recomputing. A save with no change writes nothing.
func (s *Store) SaveSettings(ctx context.Context, a model.Actor, next settings.Settings) (*SettingsJob, error) {
	if err := next.Validate(); err != nil {
		return nil, err
	}
	b, err := json.Marshal(next)
	if err != nil {
		return nil, err
	}
	var job *SettingsJob
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := loadSettings(ctx, tx)
		if err != nil {
			return err
		}
		oldJSON, _ := json.Marshal(old)
		if string(oldJSON) == string(b) {
			return nil
		}
		now := s.Now().Unix()
		if _, err := tx.ExecContext(ctx, `INSERT INTO app_settings (name, value, updated_at, updated_by) VALUES ('rules', $1, $2, $3)
			ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			string(b), now, nullID(a.UserID)); err != nil {
			return fmt.Errorf("store: save settings: %w", err)
		}
		work := next.Stale(old)
		auditID, err := s.auditID(ctx, tx, a, "settings.update", "settings", 1, map[string]any{
			"old": json.RawMessage(oldJSON), "new": json.RawMessage(b),
			"recompute": map[string]bool{"retirement": work.Retirement, "levels": work.Levels, "jpm": work.JPM}})
		if err != nil {
			return err
		}
		if !work.Any() {
			return nil
		}
		id, err := insertID(ctx, tx, `INSERT INTO settings_job (audit_id, retirement, levels, jpm, created_at) VALUES ($1, $2, $3, $4, $5)`,
			auditID, work.Retirement, work.Levels, work.JPM, now)
		if err != nil {
			return fmt.Errorf("store: queue settings job: %w", err)
		}
		job = &SettingsJob{ID: id, Retirement: work.Retirement, Levels: work.Levels, JPM: work.JPM, State: JobQueued,
			CreatedAt: time.Unix(now, 0).UTC()}
		return nil
	})
	if err != nil || job == nil {
		return nil, err
	}
	s.StartSettingsJobs()
	return job, nil
}

// LatestSettingsJob returns the newest recomputation, nil when there was none.
func (s *Store) LatestSettingsJob(ctx context.Context) (*SettingsJob, error) {
	return s.settingsJob(ctx, s.db, 0)
}

func (s *Store) settingsJob(ctx context.Context, q queryer, id int64) (*SettingsJob, error) {
	var j SettingsJob
	var created int64
	var started, finished sql.NullInt64
	where := "id = (SELECT MAX(id) FROM settings_job)"
	args := []any{}
	if id != 0 {
		where, args = "id = $1", []any{id}
	}
	err := q.QueryRowContext(ctx, `SELECT id, retirement, levels, jpm, state, phase, done, total, error, created_at, started_at, finished_at
		FROM settings_job WHERE `+where, args...).Scan(&j.ID, &j.Retirement, &j.Levels, &j.JPM, &j.State, &j.Phase, &j.Done, &j.Total,
		&j.Error, &created, &started, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: settings job: %w", err)
	}
	j.CreatedAt = unixTime(created)
	if started.Valid {
		j.StartedAt = unixTime(started.Int64)
	}
	if finished.Valid {
		j.FinishedAt = unixTime(finished.Int64)
	}
	return &j, nil
}

// StartSettingsJobs runs the queued recomputations in a goroutine of this
// Store (Close waits for it), unless one already runs here. SaveSettings
// calls it; the server calls it at start for jobs another node left.
func (s *Store) StartSettingsJobs() {
	if !s.settingsRunning.CompareAndSwap(false, true) {
		return
	}
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		for {
			ctx, cancel := context.WithTimeout(context.Background(), settingsJobLimit)
			if err := s.RunSettingsJobs(ctx); err != nil {
				slog.Error("settings recompute", "err", err)
			}
			cancel()
			s.settingsRunning.Store(false)
			// A save between the last look for queued jobs and the flag's
			// reset found the flag set and started nothing: look again.
			var queued bool
			err := s.db.QueryRowContext(context.Background(), `SELECT EXISTS (SELECT 1 FROM settings_job WHERE state = $1)`, JobQueued).Scan(&queued)
			if err != nil || !queued || !s.settingsRunning.CompareAndSwap(false, true) {
				return
			}
		}
	}()
}

// settingsJobLimit bounds one recomputation (the context of
// StartSettingsJobs): a job still "running" after it was left by a node
// that stopped, and is taken up again.
const settingsJobLimit = 6 * time.Hour

// RunSettingsJobs claims and runs queued recomputations, oldest first,
// until none is left. Any app node may run it: a job is claimed by the one
// UPDATE that moves it from queued to running (or takes up one left running
// longer than settingsJobLimit). A failed job keeps its error for the
// settings page.
func (s *Store) RunSettingsJobs(ctx context.Context) error {
	for {
		var id int64
		var state string
		var started sql.NullInt64
		stale := s.Now().Add(-settingsJobLimit).Unix()
		err := s.db.QueryRowContext(ctx, `SELECT id, state, started_at FROM settings_job
			WHERE state = $1 OR (state = $2 AND started_at < $3) ORDER BY id LIMIT 1`, JobQueued, JobRunning, stale).Scan(&id, &state, &started)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("store: settings jobs: %w", err)
		}
		res, err := s.db.ExecContext(ctx, `UPDATE settings_job SET state = $1, started_at = $2
			WHERE id = $3 AND state = $4 AND COALESCE(started_at, 0) = $5`,
			JobRunning, s.Now().Unix(), id, state, started.Int64)
		if err != nil {
			return fmt.Errorf("store: claim settings job: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			continue // another node took it
		}
		start := time.Now()
		err = s.runSettingsJob(ctx, id)
		state, msg := JobDone, ""
		if err != nil {
			state, msg = JobFailed, err.Error()
		}
		if _, uerr := s.db.ExecContext(context.WithoutCancel(ctx), `UPDATE settings_job SET state = $1, error = $2, finished_at = $3, phase = '' WHERE id = $4`,
			state, msg, s.Now().Unix(), id); uerr != nil && err == nil {
			err = uerr
		}
		if s.observeWork != nil {
			s.observeWork("settings", time.Since(start), err)
		}
		if err != nil {
			return err
		}
	}
}

// runSettingsJob does one job's phases with the settings in force when it
// runs (a later save queues its own job, so the last one wins), then writes
// an audit row, which also tells the needs snapshot to rebuild.
func (s *Store) runSettingsJob(ctx context.Context, id int64) error {
	j, err := s.settingsJob(ctx, s.db, id)
	if err != nil {
		return err
	}
	set, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	var total int64
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM employee`).Scan(&total); err != nil {
		return fmt.Errorf("store: settings job: %w", err)
	}
	progress := func(phase string, done, total int64) error {
		_, err := s.db.ExecContext(ctx, `UPDATE settings_job SET phase = $1, done = $2, total = $3 WHERE id = $4`, phase, done, total, id)
		return err
	}
	changed := map[string]int64{}
	if j.Retirement {
		if err := progress("retirement", 0, total); err != nil {
			return err
		}
		n, err := s.recomputeRetirement(ctx, set.Retirement, func(done int64) error { return progress("retirement", done, total) })
		if err != nil {
			return err
		}
		changed["retirement_dates"] = n
	}
	if j.Levels {
		if err := progress("levels", 0, total); err != nil {
			return err
		}
		st, err := s.recomputeAll(ctx, func(done int64) error { return progress("levels", done, total) })
		if err != nil {
			return err
		}
		changed["levels"], changed["jpm"] = int64(st.Levels), int64(st.JPM)
	} else if j.JPM {
		if err := progress("jpm", 0, total); err != nil {
			return err
		}
		n, err := s.RecomputeJPM(ctx, 0)
		if err != nil {
			return err
		}
		changed["jpm"] = int64(n)
		if err := progress("jpm", total, total); err != nil {
			return err
		}
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.audit(ctx, tx, model.Actor{Name: "system"}, "settings.recomputed", "settings", 1,
			map[string]any{"job": id, "counts": changed})
	})
}

// retirementBatch is how many employees one transaction of the retirement
// recomputation updates.
const retirementBatch = 2000

// recomputeRetirement sets every employee's retirement date from the birth
// date and the post by ages, in ID order, one transaction per batch; it
// returns how many dates changed.
func (s *Store) recomputeRetirement(ctx context.Context, ages model.RetirementAges, progress func(done int64) error) (int64, error) {
	var last, done, changed int64
	for {
		type row struct {
			id            int64
			birth, stored string
			age           int
		}
		var batch []row
		var r row
		var t model.PositionType
		var jenjang, title string
		if err := eachRow(ctx, s.db, fmt.Sprintf(`SELECT e.id, e.birth_date, e.retirement_date, COALESCE(p.type, ''), COALESCE(p.jenjang, ''), COALESCE(p.title, '')
			FROM employee e LEFT JOIN position p ON p.id = e.position_id WHERE e.id > $1 ORDER BY e.id LIMIT %d`, retirementBatch),
			[]any{last}, []any{&r.id, &r.birth, &r.stored, &t, &jenjang, &title}, func() {
				r.age = ages.Age(t, jenjang, title)
				batch = append(batch, r)
			}); err != nil {
			return changed, fmt.Errorf("store: retirement dates: %w", err)
		}
		if len(batch) == 0 {
			return changed, nil
		}
		last = batch[len(batch)-1].id
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			for _, r := range batch {
				d := date.Format(model.RetirementDate(date.ParseStored(r.birth), r.age))
				if d == r.stored {
					continue
				}
				if _, err := tx.ExecContext(ctx, `UPDATE employee SET retirement_date = $1 WHERE id = $2`, d, r.id); err != nil {
					return fmt.Errorf("store: retirement date of %d: %w", r.id, err)
				}
				changed++
			}
			return nil
		})
		if err != nil {
			return changed, err
		}
		done += int64(len(batch))
		if err := progress(done); err != nil {
			return changed, err
		}
	}
}
