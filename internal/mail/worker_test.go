package mail_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/mail/mailtest"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// clock is a settable store clock.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// setup seeds a city with two mailed accounts (Indonesian and English) and
// returns a worker sending to a fresh test SMTP server.
func setup(t *testing.T, s *store.Store) (*clock, *mailtest.Server, *mail.Worker, model.User, model.User) {
	t.Helper()
	clk := &clock{now: time.Date(2026, 8, 2, 9, 0, 0, 0, time.UTC)}
	c := testcity.New(t, s, testcity.WithClock(clk.now))
	s.Now, s.BaseURL = clk.Now, "https://kompeten.medan.test/"
	id := model.User{Username: "rani", Role: model.RolePegawai, Active: true, Lang: "id", Email: "rani@pemkomedan.test"}
	must(t, c.AddUser(&id, "Sandi-Panjang-2026"))
	en := model.User{Username: "rob", Role: model.RolePegawai, Active: true, Lang: "en", Email: "rob@pemkomedan.test"}
	must(t, c.AddUser(&en, "Sandi-Panjang-2026"))
	srv := mailtest.Start(t)
	snd, err := mail.NewSender(mail.Config{Host: srv.Host, Port: srv.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
	must(t, err)
	w := mail.NewWorker(s, snd)
	return clk, srv, w, id, en
}

func tomorrow(u model.User) store.Notice {
	return store.Notice{UserID: u.ID, Event: model.NoticeSessionTomorrow, Args: []string{"Analisis Data", "Angkatan 1", "08:00", "Aula USU"},
		Link: "/angkatan/7"}
}

// TestWorkerSendsNoticeInReadersLanguage: a queued notice reaches the SMTP
// server in its reader's language, with the full link and the Message-ID
// it was queued with, and is marked sent.
func TestWorkerSendsNoticeInReadersLanguage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, srv, w, id, en := setup(t, s)
		_, err := s.Notify(ctx, store.Notice{UserID: id.ID, Event: model.NoticeEnrolled, Args: []string{"Analisis Data", "Angkatan 1", "2026-08-03"}, Link: "/angkatan/7"})
		must(t, err)
		_, err = s.Notify(ctx, tomorrow(en))
		must(t, err)
		n, err := w.RunOnce(ctx)
		must(t, err)
		if n != 2 {
			t.Fatalf("claimed %d, want 2", n)
		}
		got := srv.Messages()
		queued, err := s.Mails(ctx, 0)
		must(t, err)
		if len(got) != 2 || len(queued) != 2 {
			t.Fatalf("received %d, queued %d", len(got), len(queued))
		}
		for i, m := range got {
			if m.MessageID() != queued[i].MessageID || queued[i].State != "terkirim" {
				t.Errorf("message %d: Message-ID %q, queued %q in state %s", i, m.MessageID(), queued[i].MessageID, queued[i].State)
			}
		}
		ri := srv.To(id.Email)
		if len(ri) != 1 || ri[0].Subject != "Anda terdaftar: Analisis Data" || !strings.Contains(ri[0].Body, "mulai 3 Agustus 2026") ||
			!strings.Contains(ri[0].Body, "https://kompeten.medan.test/angkatan/7") {
			t.Errorf("Indonesian mail: %+v", ri)
		}
		ro := srv.To(en.Email)
		if len(ro) != 1 || ro[0].Subject != "Starting tomorrow: Analisis Data" || !strings.Contains(ro[0].Body, "starts tomorrow at 08:00 at Aula USU") {
			t.Errorf("English mail: %+v", ro)
		}
		if n, err := w.RunOnce(ctx); err != nil || n != 0 {
			t.Errorf("a second pass claimed %d (%v): a sent mail is not sent again", n, err)
		}
	})
}

// TestWorkerBacksOff: a refused mail waits 1, 5, 30 minutes… before its
// next attempt, keeps its Message-ID, and is given up after the last.
func TestWorkerBacksOff(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk, srv, w, id, _ := setup(t, s)
		_, err := s.Notify(ctx, tomorrow(id))
		must(t, err)
		srv.FailNext(2)
		for i, wait := range []time.Duration{time.Minute, 5 * time.Minute} {
			if n, err := w.RunOnce(ctx); n != 1 || err != nil {
				t.Fatalf("attempt %d claimed %d: %v", i+1, n, err)
			}
			q, _ := s.Mails(ctx, 0)
			if q[0].State != "antri" || q[0].Attempts != i+1 || !q[0].NextAt.Equal(clk.Now().Add(wait)) || q[0].LastError == "" {
				t.Fatalf("after failed attempt %d: %+v, want a retry at +%s", i+1, q[0], wait)
			}
			clk.Add(wait - time.Second)
			if n, _ := w.RunOnce(ctx); n != 0 {
				t.Fatalf("retried %s early", time.Second)
			}
			clk.Add(time.Second)
		}
		if n, err := w.RunOnce(ctx); n != 1 || err != nil {
			t.Fatalf("third attempt: %d %v", n, err)
		}
		q, _ := s.Mails(ctx, 0)
		got := srv.Messages()
		if len(got) != 1 || got[0].MessageID() != q[0].MessageID || q[0].State != "terkirim" || q[0].Attempts != 3 {
			t.Fatalf("after the retries: %+v, received %d", q[0], len(got))
		}

		_, err = s.Notify(ctx, tomorrow(id))
		must(t, err)
		srv.FailNext(1000)
		for i := 0; i < mail.MaxAttempts; i++ {
			if n, err := w.RunOnce(ctx); n != 1 || err != nil {
				t.Fatalf("attempt %d of a refused mail: %d %v", i+1, n, err)
			}
			clk.Add(13 * time.Hour)
		}
		q, _ = s.Mails(ctx, 0)
		if q[1].State != "gagal" || q[1].Attempts != mail.MaxAttempts {
			t.Errorf("a mail refused %d times: %+v, want gagal", mail.MaxAttempts, q[1])
		}
		if n, _ := w.RunOnce(ctx); n != 0 {
			t.Errorf("a given-up mail was claimed again")
		}
	})
}

// TestWorkerKeepsWithinItsLease: against a slow relay the worker begins no
// mail after most of its lease has run: the rest go back to the queue with
// no attempt counted, and the next pass sends them, each once.
func TestWorkerKeepsWithinItsLease(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, srv, w, id, _ := setup(t, s)
		for range 6 {
			_, err := s.Notify(ctx, tomorrow(id))
			must(t, err)
		}
		srv.SlowDown(time.Second)
		w.Lease = 3 * time.Second // 2.4 s to begin mails in: about three of the six
		if n, err := w.RunOnce(ctx); n != 6 || err != nil {
			t.Fatalf("claimed %d: %v", n, err)
		}
		sent, back := 0, 0
		q, _ := s.Mails(ctx, 0)
		for _, m := range q {
			switch {
			case m.State == "terkirim":
				sent++
			case m.State == "antri" && m.Attempts == 0:
				back++
			default:
				t.Errorf("after the pass: %+v", m)
			}
		}
		if sent == 0 || back == 0 || len(srv.Messages()) != sent {
			t.Fatalf("%d sent (%d received), %d back in the queue: want some of each", sent, len(srv.Messages()), back)
		}
		srv.SlowDown(0)
		if n, err := w.RunOnce(ctx); n != back || err != nil {
			t.Fatalf("the next pass claimed %d of the %d given back: %v", n, back, err)
		}
		seen := map[string]int{}
		for _, m := range srv.Messages() {
			seen[m.MessageID()]++
		}
		if len(seen) != 6 {
			t.Errorf("%d distinct messages received, want 6", len(seen))
		}
		for mid, n := range seen {
			if n != 1 {
				t.Errorf("%s received %d times", mid, n)
			}
		}
	})
}

// TestCrashBetweenSendAndMark: a worker that sent a mail and died before
// marking it leaves it claimed until its lease ends; then another worker
// sends it again with the same Message-ID, not as a new message.
func TestCrashBetweenSendAndMark(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		clk, srv, w, id, _ := setup(t, s)
		_, err := s.Notify(ctx, tomorrow(id))
		must(t, err)
		claimed, err := s.ClaimMail(ctx, "dead-node", 10, 5*time.Minute)
		must(t, err)
		if len(claimed) != 1 {
			t.Fatalf("claimed %d", len(claimed))
		}
		snd, _ := mail.NewSender(mail.Config{Host: srv.Host, Port: srv.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
		m := claimed[0]
		if errs := snd.Send(ctx, []mail.Message{{To: m.To, Subject: m.Subject, Body: m.Body, MessageID: m.MessageID}}); errs[0] != nil {
			t.Fatal(errs[0])
		}
		// The node dies here, before MailSent.
		if n, _ := w.RunOnce(ctx); n != 0 {
			t.Fatal("another worker took a mail under a live lease")
		}
		clk.Add(5 * time.Minute)
		if n, err := w.RunOnce(ctx); n != 1 || err != nil {
			t.Fatalf("after the lease: claimed %d (%v)", n, err)
		}
		got := srv.Messages()
		if len(got) != 2 || got[0].MessageID() != m.MessageID || got[1].MessageID() != m.MessageID || got[0].Subject != got[1].Subject {
			t.Fatalf("resent after a crash: %d messages, IDs %q", len(got), []string{got[0].MessageID(), got[len(got)-1].MessageID()})
		}
		c, _ := s.MailCounts(ctx)
		if c["terkirim"] != 1 || len(c) != 1 {
			t.Errorf("queue after the resend: %v", c)
		}
	})
}
