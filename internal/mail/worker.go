package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/kompeten/kompeten/internal/store"
)

// Worker sends the queue of one store. Run one per app node; more may run
// on one queue (they claim different mails).
type Worker struct {
	st     *store.Store
	send   *Sender
	ID     string        // claimed_by: host and process, for an operator reading the queue
	Batch  int           // mails claimed and sent over one connection
	Lease  time.Duration // how long a claim holds; a mail not marked by then is claimed again
	Poll   time.Duration // the wait when the queue has nothing due
	Logger *slog.Logger
}

// NewWorker returns a worker for st sending through s, with its defaults:
// 50 mails a batch, a 5-minute lease, polling every 5 seconds.
func NewWorker(st *store.Store, s *Sender) *Worker {
	host, _ := os.Hostname()
	return &Worker{st: st, send: s, ID: fmt.Sprintf("%s:%d", host, os.Getpid()), Batch: 50, Lease: 5 * time.Minute,
		Poll: 5 * time.Second, Logger: slog.Default()}
}

// Run sends until ctx ends: batch after batch while mails are due, then a
// poll interval's rest.
func (w *Worker) Run(ctx context.Context) {
	for {
		n, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.Logger.Warn("mail queue", "err", err)
		}
		if n > 0 && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(w.Poll):
		}
	}
}

// RunOnce claims one batch and sends it, marking each mail sent or backing
// it off. It returns how many mails it claimed.
func (w *Worker) RunOnce(ctx context.Context) (int, error) {
	ms, err := w.st.ClaimMail(ctx, w.ID, w.Batch, w.Lease)
	if err != nil || len(ms) == 0 {
		return 0, err
	}
	msgs := make([]Message, len(ms))
	for i, m := range ms {
		msgs[i] = Message{To: m.To, Subject: m.Subject, Body: m.Body, MessageID: m.MessageID}
	}
	// No mail is begun after its lease (less a margin for the one in
	// flight) has run out: another worker may have claimed it by then, and
	// sending it too would be the second copy the queue exists to prevent.
	// What is left is released, not counted as an attempt.
	sctx, stop := context.WithTimeout(ctx, w.Lease*4/5)
	errs := w.send.Send(sctx, msgs)
	stop()
	var unsent []int64
	for i, m := range ms {
		// The marks use a context of their own: a mail handed to the
		// server while ctx ended is still marked sent.
		mctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		switch {
		case errors.Is(errs[i], ErrNotAttempted):
			unsent = append(unsent, m.ID)
		case errs[i] == nil:
			err = w.st.MailSent(mctx, m.ID)
		default:
			retry := time.Time{}
			if wait, ok := Backoff(m.Attempts + 1); ok && !Permanent(errs[i]) {
				retry = w.st.Now().Add(wait)
			}
			w.Logger.Info("mail not sent", "id", m.ID, "to", m.To, "attempt", m.Attempts+1, "err", errs[i], "retry", !retry.IsZero())
			err = w.st.MailFailed(mctx, m.ID, errs[i].Error(), retry)
		}
		cancel()
		if err != nil {
			return len(ms), fmt.Errorf("mail: mark %d: %w", m.ID, err)
		}
	}
	if len(unsent) > 0 {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if err := w.st.ReleaseMail(rctx, w.ID, unsent); err != nil {
			return len(ms), fmt.Errorf("mail: release: %w", err)
		}
	}
	return len(ms), nil
}
