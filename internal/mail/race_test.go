package mail_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/mail/mailtest"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// raceQueue is the size of the queue two workers race on.
const raceQueue = 10000

// TestTwoWorkersSendEachMailOnce: two workers racing on one PostgreSQL
// queue of 10,000 mails (as two app nodes sharing a database) hand each to
// the SMTP server exactly once, counted by Message-ID, and share the work.
func TestTwoWorkersSendEachMailOnce(t *testing.T) {
	s := storetest.Postgres(t)
	ctx := context.Background()
	QueueBulk(t, s.DB(), raceQueue, s.Now())
	srv := mailtest.Start(t)
	snd, err := mail.NewSender(mail.Config{Host: srv.Host, Port: srv.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
	must(t, err)
	var wg sync.WaitGroup
	sent := make([]int, 2)
	for i := range 2 {
		w := mail.NewWorker(s, snd)
		w.ID = []string{"node-a", "node-b"}[i]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n, err := w.RunOnce(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if n == 0 {
					return
				}
				sent[i] += n
			}
		}()
	}
	wg.Wait()
	got := srv.Wait(raceQueue, 10*time.Second)
	seen := map[string]int{}
	for _, m := range got {
		seen[m.MessageID()]++
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s received %d times", id, n)
		}
	}
	if len(got) != raceQueue || len(seen) != raceQueue {
		t.Errorf("received %d messages with %d Message-IDs, want %d", len(got), len(seen), raceQueue)
	}
	c, err := s.MailCounts(ctx)
	must(t, err)
	if c["terkirim"] != raceQueue {
		t.Errorf("queue after the race: %v", c)
	}
	if sent[0] == 0 || sent[1] == 0 || sent[0]+sent[1] != raceQueue {
		t.Errorf("claimed per worker: %v", sent)
	}
}
