package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestNoticePreferences: every notice reaches the inbox; by e-mail at once
// by default (surel), in one digest a day (harian) or not at all
// (aplikasi), as the account chose per event.
func TestNoticePreferences(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithClock(time.Date(2026, 8, 2, 9, 0, 0, 0, time.UTC)))
		u := model.User{Username: "rani", Role: model.RolePegawai, Active: true, Lang: "id", Email: "rani@pemkomedan.test"}
		must(t, c.AddUser(&u, "Sandi-Panjang-2026"))
		prefs, err := s.NoticePrefs(ctx, u.ID)
		must(t, err)
		if len(prefs) != len(model.NoticeEvents) || prefs[model.NoticeEnrolled] != model.ChannelMail {
			t.Fatalf("default preferences: %v", prefs)
		}
		must(t, s.SetNoticePrefs(ctx, model.Actor{UserID: u.ID, Name: "rani"}, u.ID, map[model.NoticeEvent]model.NoticeChannel{
			model.NoticeEnrolled: model.ChannelDigest, model.NoticeWaitlisted: model.ChannelDigest, model.NoticeSessionTomorrow: model.ChannelApp}))
		if err := s.SetNoticePrefs(ctx, admin, u.ID, map[model.NoticeEvent]model.NoticeChannel{model.NoticeEnrolled: "sms"}); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("an unknown channel: %v", err)
		}
		send := func(ev model.NoticeEvent, title string) {
			_, err := s.Notify(ctx, store.Notice{UserID: u.ID, Event: ev, Args: []string{title, "Angkatan I", "2026-08-10"}, Link: "/angkatan/1"})
			must(t, err)
		}
		send(model.NoticeEnrolled, "Analisis Data")
		send(model.NoticeWaitlisted, "Komputasi Awan")
		send(model.NoticeSessionTomorrow, "Analisis Data")
		send(model.NoticePromoted, "Komputasi Awan")
		inbox, err := s.Notifications(ctx, u.ID, 0, 50)
		must(t, err)
		if len(inbox) != 4 || inbox[0].Event != model.NoticePromoted || inbox[3].Event != model.NoticeEnrolled {
			t.Fatalf("inbox, newest first: %+v", inbox)
		}
		mails, err := s.Mails(ctx, u.ID)
		must(t, err)
		states := []string{}
		for _, m := range mails {
			states = append(states, m.State)
		}
		if strings.Join(states, ",") != "harian,harian,antri" {
			t.Fatalf("mail states: %v (digest, digest, none for the app-only event, at once)", states)
		}
		n, err := s.QueueDigests(ctx)
		must(t, err)
		if n != 1 {
			t.Fatalf("digests queued: %d", n)
		}
		mails, _ = s.Mails(ctx, u.ID)
		d := mails[len(mails)-1]
		if len(mails) != 4 || mails[0].State != "digabung" || d.State != "antri" || d.Subject != "Ringkasan harian Kompeten: 2 pemberitahuan" ||
			!strings.Contains(d.Body, "Anda terdaftar: Analisis Data") || !strings.Contains(d.Body, "Anda dalam daftar tunggu: Komputasi Awan") ||
			d.MessageID == mails[0].MessageID {
			t.Errorf("the digest: %+v", d)
		}
		if n, _ := s.QueueDigests(ctx); n != 0 {
			t.Errorf("a second digest the same day: %d", n)
		}
	})
}

// TestInboxReadMarks: opening a notification marks it read (and only the
// owner's); mark-all leaves nothing unread.
func TestInboxReadMarks(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s)
		for range 3 {
			_, err := s.Notify(ctx, store.Notice{UserID: c.BudiUser.ID, Event: model.NoticeDecisionMade, Args: []string{"Analisis Data", "disetujui", ""}, Link: "/rencana"})
			must(t, err)
		}
		inbox, _ := s.Notifications(ctx, c.BudiUser.ID, 0, 2)
		if len(inbox) != 2 {
			t.Fatalf("a page of 2: %d", len(inbox))
		}
		older, _ := s.Notifications(ctx, c.BudiUser.ID, inbox[1].ID, 2)
		if len(older) != 1 || older[0].ID >= inbox[1].ID {
			t.Errorf("the next page: %+v", older)
		}
		if _, err := s.OpenNotification(ctx, c.AdminKominfo.ID, inbox[0].ID); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("another account opened Budi's notification: %v", err)
		}
		n, err := s.OpenNotification(ctx, c.BudiUser.ID, inbox[0].ID)
		must(t, err)
		if n.Link != "/rencana" {
			t.Errorf("opened: %+v", n)
		}
		if k, _ := s.UnreadNotifications(ctx, c.BudiUser.ID); k != 2 {
			t.Errorf("unread after opening one: %d", k)
		}
		must(t, s.ReadAllNotifications(ctx, c.BudiUser.ID))
		if k, _ := s.UnreadNotifications(ctx, c.BudiUser.ID); k != 0 {
			t.Errorf("unread after mark-all: %d", k)
		}
	})
}

// TestDailyNotices: the day before a session its seated participants (not
// the waiting list) are told, and BKPSDM administrators and operators hear
// of a MoU ending within 30 days; once each however often the pass runs.
func TestDailyNotices(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithClock(time.Date(2026, 8, 9, 6, 0, 0, 0, time.UTC)), testcity.WithCatalogue(), testcity.WithEveryRole())
		k := c.Catalogue
		ani := model.User{Username: "ani", EmployeeID: c.Ani.ID, Role: model.RolePegawai, Active: true, Lang: "id", Email: "ani@pemkomedan.test"}
		bayu := model.User{Username: "bayu", EmployeeID: c.Bayu.ID, Role: model.RolePegawai, Active: true, Lang: "id", Email: "bayu@pemkomedan.test"}
		op := model.User{Username: "operator", Role: model.RoleAtasan, Grants: []model.Grant{model.GrantOperator}, Active: true, Lang: "id"}
		for _, u := range []*model.User{&ani, &bayu, &op} {
			must(t, c.AddUser(u, "Sandi-Panjang-2026"))
		}
		now := s.Now().Unix()
		for _, e := range []struct {
			emp    int64
			status model.EnrolmentStatus
		}{{c.Ani.ID, model.EnrolSeat}, {c.Bayu.ID, model.EnrolWaiting}} {
			_, err := s.DB().ExecContext(ctx, `INSERT INTO enrolment (session_id, employee_id, status, source, created_at, updated_at) VALUES ($1, $2, $3, 'admin', $4, $4)`,
				k.DataSess.ID, e.emp, string(e.status), now)
			must(t, err)
		}
		_, err := s.DB().ExecContext(ctx, `UPDATE provider SET mou_until = '2026-09-01' WHERE id = $1`, k.Univ.ID)
		must(t, err)
		n, err := s.DailyNotices(ctx)
		must(t, err)
		if n != 3 {
			t.Errorf("notices of the day: %d, want Ani's session and the MoU to the BKPSDM admin and the operator", n)
		}
		if n, _ := s.DailyNotices(ctx); n != 0 {
			t.Errorf("the pass again the same day: %d more", n)
		}
		got, _ := s.Notifications(ctx, ani.ID, 0, 10)
		if len(got) != 1 || got[0].Event != model.NoticeSessionTomorrow || got[0].Args[3] != k.DataSess.Place {
			t.Errorf("Ani's inbox: %+v", got)
		}
		if got, _ := s.Notifications(ctx, bayu.ID, 0, 10); len(got) != 0 {
			t.Errorf("the waiting list was told: %+v", got)
		}
		for _, u := range []int64{c.BKPSDMUser.ID, op.ID} {
			got, _ := s.Notifications(ctx, u, 0, 10)
			if len(got) != 1 || got[0].Event != model.NoticeMoUExpiring || got[0].Args[2] != "2026-09-01" {
				t.Errorf("account %d's inbox: %+v", u, got)
			}
		}
		mails, _ := s.Mails(ctx, ani.ID)
		if len(mails) != 1 || !strings.Contains(mails[0].Body, "dimulai besok pukul 08:00 di Aula BKPSDM Kota Medan") {
			t.Errorf("Ani's mail: %+v", mails)
		}
	})
}

// TestDailyNoticesRacing: two app nodes running the daily pass at once on
// one database write each notice once, and neither fails.
func TestDailyNoticesRacing(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithClock(time.Date(2026, 8, 9, 6, 0, 0, 0, time.UTC)), testcity.WithCatalogue(), testcity.WithEveryRole())
		_, err := s.DB().ExecContext(ctx, `UPDATE provider SET mou_until = '2026-09-01' WHERE id = $1`, c.Catalogue.Univ.ID)
		must(t, err)
		var wg sync.WaitGroup
		counts := make([]int, 4)
		for i := range counts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := s.DailyNotices(ctx)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			}()
		}
		wg.Wait()
		if got, _ := s.Notifications(ctx, c.BKPSDMUser.ID, 0, 10); len(got) != 1 || counts[0]+counts[1]+counts[2]+counts[3] != 1 {
			t.Errorf("notices written by four racing passes: %v, in the inbox %d", counts, len(got))
		}
	})
}
