package cli

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/config"
	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/metrics"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// mailOptions are serve's options of outgoing e-mail.
var mailOptions = []string{"base-url", "smtp-host", "smtp-port", "smtp-username", "smtp-password", "smtp-from", "smtp-tls"}

// mailWorker returns the worker that sends the queue through the
// configured SMTP server, or nil without --smtp-host (the queue is kept
// for a server that has one).
func mailWorker(cfg config.Config, st *store.Store, logger *slog.Logger) (*mail.Worker, error) {
	if cfg.Get("smtp-host") == "" {
		return nil, nil
	}
	port, err := strconv.Atoi(cfg.Get("smtp-port"))
	if err != nil || port < 1 || port > 65535 {
		return nil, fmt.Errorf("--smtp-port: %q is not a port", cfg.Get("smtp-port"))
	}
	snd, err := mail.NewSender(mail.Config{Host: cfg.Get("smtp-host"), Port: port, Username: cfg.Get("smtp-username"),
		Password: cfg.Get("smtp-password"), From: cfg.Get("smtp-from"), TLS: cfg.Get("smtp-tls")})
	if err != nil {
		return nil, err
	}
	w := mail.NewWorker(st, snd)
	w.Logger = logger
	return w, nil
}

// dailyNotices is the daily pass of notifications: on each new day the
// notices of sessions starting tomorrow and of MoUs ending soon
// (store.DailyNotices), then the digests of the accounts that chose one
// (store.QueueDigests). Like refreshActing it checks every ten minutes
// whether the day changed; several app nodes may each run it: the
// notices are deduplicated and a digest takes only what is parked.
func dailyNotices(ctx context.Context, st *store.Store, logger *slog.Logger, m *metrics.Metrics) {
	last := ""
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		if today := model.CycleToday(st.Now()); today != last {
			end := m.Job("daily_notices")
			_, err := st.DailyNotices(ctx)
			if err == nil {
				_, err = st.QueueDigests(ctx)
			}
			end(err)
			if err != nil {
				logger.Warn("daily notices", "err", err)
			} else {
				last = today
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
