package cli

import (
	"context"
	"log/slog"
	"time"

	"github.com/kompeten/kompeten/internal/metrics"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// actingCatchUp is how far back the first pass after a start looks for
// acting assignments that started or ended: a server down for a month
// still moves the supervisors when it comes back.
const actingCatchUp = 31 * 24 * time.Hour

// refreshActing is the daily pass of acting assignments (Plt./Plh.): scope
// and every other read compare an assignment's dates with today, but the
// supervisor stored per employee is written, so on each new day the pass
// re-derives supervisors if an assignment of a head post started or ended
// since the last pass (store.RefreshActingSupervisors; nothing is written
// on a day without one). It checks every ten minutes whether the day
// changed. Several app nodes may each run it: the second finds nothing to
// change.
func refreshActing(ctx context.Context, st *store.Store, logger *slog.Logger, m *metrics.Metrics) {
	since := st.Now().Add(-actingCatchUp)
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		if now := st.Now(); model.CycleToday(now) != model.CycleToday(since) {
			end := m.Job("acting_refresh")
			_, err := st.RefreshActingSupervisors(ctx, since)
			end(err)
			if err != nil {
				logger.Warn("acting assignments: refresh supervisors", "err", err)
			} else {
				since = now
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
