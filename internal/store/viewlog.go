package store

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Who saw whose data (UU 27/2022). A view of another person's single record
// (profile, competency PDF, assessments, penalties) and every export is
// recorded, but not on the request path: a read must stay a read (no
// write transaction, no wait for SQLite's one writer, no invalidated
// caches). RecordView appends to a buffer in memory; one goroutine per Store
// writes the buffer in one INSERT batch every second, or as soon as
// viewBatch records wait. A crash loses at most that second, which the issue
// accepts; Close writes what is left.

// ViewRecord is one view or export.
type ViewRecord struct {
	At        time.Time
	ViewerID  int64  // the user's account
	Viewer    string // the user name, kept as it was then
	SubjectID int64  // the employee whose data was seen; 0 for an export of many
	What      string // "profile", "profile.pdf", "assessment", "penalties", "competencies", "evidence", "export.<what>"
	Detail    string // e.g. the export's format and filter
}

// Bounds of the recorder.
const (
	viewBatch   = 256     // records that make a flush start at once
	viewBacklog = 100_000 // records kept while the database refuses them; newer ones are dropped (and logged)
	viewEvery   = time.Second
)

// viewRecorder is the buffer and its writer; the zero value is ready, and
// its goroutine starts with the first record.
type viewRecorder struct {
	mu      sync.Mutex
	buf     []ViewRecord
	dropped int
	start   sync.Once
	kick    chan struct{}
	stop    chan struct{}
	done    chan struct{}
	stopped bool
}

// RecordView queues a view record for the next batch and returns at once.
// A record without a viewer or a kind is ignored.
func (s *Store) RecordView(v ViewRecord) {
	if v.ViewerID == 0 || v.What == "" {
		return
	}
	if v.At.IsZero() {
		v.At = s.Now()
	}
	r := &s.views
	r.start.Do(func() {
		r.kick, r.stop, r.done = make(chan struct{}, 1), make(chan struct{}), make(chan struct{})
		go s.writeViews()
	})
	r.mu.Lock()
	if r.stopped || len(r.buf) >= viewBacklog {
		r.dropped++
		r.mu.Unlock()
		return
	}
	r.buf = append(r.buf, v)
	full := len(r.buf) >= viewBatch
	r.mu.Unlock()
	if full {
		select {
		case r.kick <- struct{}{}:
		default:
		}
	}
}

// writeViews is the recorder's goroutine.
func (s *Store) writeViews() {
	r := &s.views
	defer close(r.done)
	t := time.NewTicker(viewEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-r.kick:
		case <-r.stop:
			if err := s.FlushViews(context.Background()); err != nil {
				slog.Warn("store: view log: records lost at close", "err", err)
			}
			return
		}
		if err := s.FlushViews(context.Background()); err != nil {
			slog.Warn("store: view log: write failed, will retry", "err", err)
		}
	}
}

// closeViews stops the recorder after writing what waits (Close).
func (s *Store) closeViews() {
	r := &s.views
	r.mu.Lock()
	started := r.stop != nil && !r.stopped
	r.stopped = true
	r.mu.Unlock()
	if started {
		close(r.stop)
		<-r.done
	}
}

// FlushViews writes the queued view records now, in one transaction (the
// recorder calls it every second; tests call it to read what they
// recorded). Records the database refuses go back to the queue. It does
// not count as a write of the Store (Writes): caches of registry data have
// nothing to learn from it.
func (s *Store) FlushViews(ctx context.Context) error {
	r := &s.views
	r.mu.Lock()
	batch, dropped := r.buf, r.dropped
	r.buf, r.dropped = nil, 0
	r.mu.Unlock()
	if dropped > 0 {
		slog.Warn("store: view log: records dropped (backlog full)", "dropped", dropped)
	}
	if len(batch) == 0 {
		return nil
	}
	err := s.insertViews(ctx, batch)
	if err != nil {
		r.mu.Lock()
		if room := viewBacklog - len(r.buf); room > 0 {
			r.buf = append(batch[:min(len(batch), room)], r.buf...)
		}
		r.mu.Unlock()
	}
	return err
}

func (s *Store) insertViews(ctx context.Context, batch []ViewRecord) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: view log: %w", err)
	}
	defer tx.Rollback()
	b := newBulkInserter(ctx, tx, "view_log", []string{"at", "viewer_id", "viewer", "subject_id", "what", "detail"}, 500)
	b.anon = s.dialect == SQLite
	for _, v := range batch {
		if err := b.add(v.At.Unix(), v.ViewerID, v.Viewer, v.SubjectID, v.What, v.Detail); err != nil {
			return fmt.Errorf("store: view log: %w", err)
		}
	}
	if err := b.close(); err != nil {
		return fmt.Errorf("store: view log: %w", err)
	}
	return tx.Commit()
}

// ViewEntry is one stored view with the viewer's name as an employee, if
// the account has one.
type ViewEntry struct {
	ID          int64
	At          time.Time
	ViewerID    int64
	Viewer      string // user name
	ViewerName  string // the viewer's employee name, "" when the account has none
	SubjectID   int64
	SubjectName string
	SubjectNIP  string
	What        string
	Detail      string
}

// ViewFilter selects stored views: of one subject (0: any), before an ID
// (keyset paging; 0: from the newest), at most Limit (default 100, at most 500).
type ViewFilter struct {
	SubjectID int64
	Before    int64
	Limit     int
	Exports   bool // only exports (subject 0)
}

// Views returns stored views, newest first.
func (s *Store) Views(ctx context.Context, f ViewFilter) ([]ViewEntry, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	var b args
	where := ` WHERE 1 = 1`
	if f.SubjectID != 0 {
		where += ` AND v.subject_id = ` + b.add(f.SubjectID)
	}
	if f.Exports {
		where += ` AND v.subject_id = 0`
	}
	if f.Before != 0 {
		where += ` AND v.id < ` + b.add(f.Before)
	}
	var out []ViewEntry
	var v ViewEntry
	var at int64
	if err := eachRow(ctx, s.db, `SELECT v.id, v.at, v.viewer_id, v.viewer, COALESCE(ve.name, ''), v.subject_id,
		COALESCE(se.name, ''), COALESCE(se.nip, ''), v.what, v.detail
		FROM view_log v LEFT JOIN app_user u ON u.id = v.viewer_id LEFT JOIN employee ve ON ve.id = u.employee_id
		LEFT JOIN employee se ON se.id = v.subject_id`+where+` ORDER BY v.id DESC LIMIT `+b.add(f.Limit), b,
		[]any{&v.ID, &at, &v.ViewerID, &v.Viewer, &v.ViewerName, &v.SubjectID, &v.SubjectName, &v.SubjectNIP, &v.What, &v.Detail}, func() {
			v.At = unixTime(at)
			out = append(out, v)
		}); err != nil {
		return nil, fmt.Errorf("store: view log: %w", err)
	}
	return out, nil
}
