package bench

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/mail/mailtest"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// mailQueueSize is the queue each run of BenchmarkMailQueue drains.
const mailQueueSize = 10000

// BenchmarkMailQueue times draining a queue of 10,000 mails into a test
// SMTP server on loopback: the baseline "smtp-only" sends the same
// messages through mail.Sender without a queue (two goroutines, batches
// of 50, as the workers do); the others claim, send and mark through
// store.ClaimMail with one or two workers, on PostgreSQL (the shared-queue
// case of issue 13) and SQLite. Each reports mails/s; compare the ratios
// to the baseline of the same invocation.
//
//	PGHOST=… go test ./bench -run x -bench MailQueue -benchtime 3x
func BenchmarkMailQueue(b *testing.B) {
	srv := mailtest.Start(b)
	snd, err := mail.NewSender(mail.Config{Host: srv.Host, Port: srv.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("smtp-only", func(b *testing.B) {
		msgs := make([]mail.Message, mailQueueSize)
		for i := range msgs {
			msgs[i] = mail.Message{To: fmt.Sprintf("p%d@pemkomedan.test", i), Subject: fmt.Sprintf("Pemberitahuan %d", i),
				Body: fmt.Sprintf("Isi pemberitahuan %d.\n", i), MessageID: fmt.Sprintf("<base%d.%d@kompeten>", i, time.Now().UnixNano())}
		}
		start := time.Now()
		for n := 0; n < b.N; n++ {
			var wg sync.WaitGroup
			for w := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w * 50; i < len(msgs); i += 100 {
						for _, err := range snd.Send(context.Background(), msgs[i:min(i+50, len(msgs))]) {
							if err != nil {
								b.Error(err)
								return
							}
						}
					}
				}()
			}
			wg.Wait()
		}
		b.ReportMetric(float64(mailQueueSize*b.N)/time.Since(start).Seconds(), "mails/s")
	})
	for _, c := range []struct {
		name    string
		open    func(testing.TB) *store.Store
		workers int
	}{
		{"postgres-2-workers", storetest.Postgres, 2},
		{"postgres-1-worker", storetest.Postgres, 1},
		{"sqlite-2-workers", storetest.SQLite, 2},
	} {
		b.Run(c.name, func(b *testing.B) {
			st := c.open(b)
			var took time.Duration
			for n := 0; n < b.N; n++ {
				b.StopTimer()
				queueBulk(b, st.DB(), n, mailQueueSize, st.Now())
				b.StartTimer()
				start := time.Now()
				var wg sync.WaitGroup
				for i := range c.workers {
					w := mail.NewWorker(st, snd)
					w.ID = fmt.Sprintf("bench-%d", i)
					wg.Add(1)
					go func() {
						defer wg.Done()
						for {
							k, err := w.RunOnce(context.Background())
							if err != nil {
								b.Error(err)
								return
							}
							if k == 0 {
								return
							}
						}
					}()
				}
				wg.Wait()
				took += time.Since(start)
			}
			b.ReportMetric(float64(mailQueueSize*b.N)/took.Seconds(), "mails/s")
		})
	}
}

// queueBulk queues n mails straight into mail_outbox, as n notifications
// would, with Message-IDs unique to round.
func queueBulk(tb testing.TB, db *sql.DB, round, n int, now time.Time) {
	tb.Helper()
	const batch = 500
	for i := 0; i < n; i += batch {
		q := `INSERT INTO mail_outbox (to_addr, subject, body, message_id, next_at, created_at) VALUES `
		var args []any
		for j := i; j < min(i+batch, n); j++ {
			if j > i {
				q += ","
			}
			k := len(args)
			q += fmt.Sprintf("($%d, $%d, $%d, $%d, $%d, $%d)", k+1, k+2, k+3, k+4, k+5, k+6)
			args = append(args, fmt.Sprintf("p%d@pemkomedan.test", j), fmt.Sprintf("Pemberitahuan %d", j),
				fmt.Sprintf("Isi pemberitahuan %d.\n", j), fmt.Sprintf("<bench%d.%d@kompeten>", round, j), now.Unix(), now.Unix())
		}
		if _, err := db.Exec(q, args...); err != nil {
			tb.Fatal(err)
		}
	}
}
