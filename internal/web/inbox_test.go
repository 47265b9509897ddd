package web

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/mail/mailtest"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// testClock is a settable store clock.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// mailed sets up the e-mail side of a fixture: links start with the test
// server's address, and send() delivers the queue to a test SMTP server.
func mailed(t *testing.T, f *fixture) (clk *testClock, srv *mailtest.Server, send func()) {
	t.Helper()
	clk = &testClock{now: time.Now()}
	f.st.Now, f.st.BaseURL = clk.Now, f.srv.URL
	srv = mailtest.Start(t)
	snd, err := mail.NewSender(mail.Config{Host: srv.Host, Port: srv.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
	must(t, err)
	w := mail.NewWorker(f.st, snd)
	return clk, srv, func() {
		t.Helper()
		if _, err := w.RunOnce(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
}

func setEmail(t *testing.T, st *store.Store, u model.User, addr string) {
	t.Helper()
	got, err := st.User(context.Background(), u.ID)
	must(t, err)
	got.Email = addr
	must(t, st.UpdateUser(context.Background(), model.Actor{Name: "test"}, got))
}

var linkRE = regexp.MustCompile(`https?://\S+(/atur-sandi\?token=[A-Za-z0-9_-]+)`)

// linkIn returns the path of the password link in the last mail to addr.
func linkIn(t *testing.T, srv *mailtest.Server, addr string) string {
	t.Helper()
	ms := srv.To(addr)
	if len(ms) == 0 {
		t.Fatalf("no mail to %s", addr)
	}
	m := linkRE.FindStringSubmatch(ms[len(ms)-1].Body)
	if m == nil {
		t.Fatalf("no link in the mail to %s:\n%s", addr, ms[len(ms)-1].Body)
	}
	return m[1]
}

// TestPasswordResetByEmail: asking for a reset gives the same answer for
// an unknown name; the e-mailed link sets a password that obeys the rules,
// ends the account's sessions, works once, and expires after an hour.
func TestPasswordResetByEmail(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	clk, srv, send := mailed(t, f)
	setEmail(t, f.st, f.city.BudiUser, "budi@pemkomedan.test")
	signedIn := f.client(t)
	signedIn.login(nipBudi, pwBudi)

	anon := f.client(t)
	known := anon.post("/lupa-sandi", url.Values{"who": {nipBudi}})
	unknown := anon.post("/lupa-sandi", url.Values{"who": {"199901012020011999"}})
	status(t, known, 200)
	contains(t, known, `id="forgot-sent"`)
	if known.Body != unknown.Body || known.Status != unknown.Status {
		t.Error("the answer tells whether the account exists")
	}
	anon.post("/lupa-sandi", url.Values{"who": {nipBudi}}) // again at once: no second mail
	send()
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("mails sent: %d, want 1", n)
	}
	link := linkIn(t, srv, "budi@pemkomedan.test")
	if !strings.HasPrefix(srv.Messages()[0].Body, "Seseorang") {
		t.Errorf("the mail is not in Budi's language: %s", srv.Messages()[0].Body)
	}
	form := anon.get(link)
	status(t, form, 200)
	contains(t, form, nipBudi, `name="token"`)
	tok := strings.TrimPrefix(link, "/atur-sandi?token=")
	status(t, anon.post("/atur-sandi", url.Values{"token": {tok}, "password": {"Sandi-Baru-2026!"}, "password2": {"Sandi-Lain-2026!"}}), 422)
	status(t, anon.post("/atur-sandi", url.Values{"token": {tok}, "password": {"1234567890"}, "password2": {"1234567890"}}), 422)
	done := anon.post("/atur-sandi", url.Values{"token": {tok}, "password": {"Sandi-Baru-2026!"}, "password2": {"Sandi-Baru-2026!"}})
	status(t, done, 200)
	contains(t, done, `id="password-set"`)
	if p := signedIn.get("/akun-saya"); p.URL != "/masuk" {
		t.Errorf("the session from before the reset still works: %s", p.URL)
	}
	again := f.client(t)
	again.login(nipBudi, "Sandi-Baru-2026!")
	status(t, anon.get(link), 404)
	status(t, anon.post("/atur-sandi", url.Values{"token": {tok}, "password": {"Sandi-Ketiga-2026!"}, "password2": {"Sandi-Ketiga-2026!"}}), 404)

	clk.add(3 * time.Minute)
	anon.post("/lupa-sandi", url.Values{"who": {nipBudi}})
	send()
	late := linkIn(t, srv, "budi@pemkomedan.test")
	if late == link {
		t.Fatal("the same token twice")
	}
	clk.add(61 * time.Minute)
	status(t, anon.get(late), 404)
}

// TestActivationByEmail: an administrator sends an activation link from the
// employee's page; the person chooses a password through it and the
// account becomes active. Without an address the administrator is told.
func TestActivationByEmail(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	_, srv, send := mailed(t, f)
	admin := f.client(t)
	admin.login("admin", pwAdmin)
	status(t, admin.post("/pegawai/"+strconv.FormatInt(f.sri.ID, 10)+"/akun/aktivasi-surel", nil), 400)
	setEmail(t, f.st, f.city.SriUser, "sri@pemkomedan.test")
	p := admin.post("/pegawai/"+strconv.FormatInt(f.sri.ID, 10)+"/akun/aktivasi-surel", nil)
	status(t, p, 200)
	contains(t, p, "Tautan aktivasi telah dikirim")
	send()
	link := linkIn(t, srv, "sri@pemkomedan.test")
	if m := srv.To("sri@pemkomedan.test")[0]; m.Subject != "Aktifkan akun Kompeten Anda" {
		t.Errorf("subject %q", m.Subject)
	}
	anon := f.client(t)
	tok := strings.TrimPrefix(link, "/atur-sandi?token=")
	status(t, anon.post("/atur-sandi", url.Values{"token": {tok}, "password": {"Sri-Pilihan-2026!"}, "password2": {"Sri-Pilihan-2026!"}}), 200)
	u, err := f.st.User(context.Background(), f.city.SriUser.ID)
	must(t, err)
	if !u.Active {
		t.Error("the activation link left the account inactive")
	}
	anon.login(nipSri, "Sri-Pilihan-2026!")
}

// TestPasswordResetPacedPerAddress: one address asking for reset links
// for account after account is stopped after resetsPerAddress requests
// within the hour (the form answers the same), and served again in the
// next hour.
func TestPasswordResetPacedPerAddress(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	clk, srv, send := mailed(t, f)
	setEmail(t, f.st, f.city.BudiUser, "budi@pemkomedan.test")
	anon := f.client(t)
	for i := range resetsPerAddress {
		anon.post("/lupa-sandi", url.Values{"who": {fmt.Sprintf("19990101202001%04d", i)}})
	}
	over := anon.post("/lupa-sandi", url.Values{"who": {nipBudi}})
	status(t, over, 200)
	contains(t, over, `id="forgot-sent"`)
	send()
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("%d mails sent past the address's limit", n)
	}
	clk.add(resetWindow)
	anon.post("/lupa-sandi", url.Values{"who": {nipBudi}})
	send()
	if n := len(srv.Messages()); n != 1 {
		t.Fatalf("%d mails in the next hour, want 1", n)
	}
}

// TestInboxPage: the menu counts the unread, the inbox lists them, opening
// one marks it read and follows its link, and the preferences are saved.
func TestInboxPage(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	ctx := context.Background()
	for _, title := range []string{"Analisis Data", "Komputasi Awan"} {
		_, err := f.st.Notify(ctx, store.Notice{UserID: f.city.BudiUser.ID, Event: model.NoticeEnrolled, Args: []string{title, "Angkatan I", "2026-08-10"}, Link: "/akun-saya"})
		must(t, err)
	}
	c := f.client(t)
	c.login(nipBudi, pwBudi)
	home := c.get("/")
	contains(t, home, `id="nav-inbox-count">2<`)
	inbox := c.get("/kotak-masuk")
	contains(t, inbox, "Anda terdaftar: Analisis Data", "Anda terdaftar: Komputasi Awan", "mulai 10 Agustus 2026")
	if strings.Index(inbox.Body, "Komputasi Awan") > strings.Index(inbox.Body, "Analisis Data") {
		t.Error("the inbox is not newest first")
	}
	list, _ := f.st.Notifications(ctx, f.city.BudiUser.ID, 0, 10)
	opened := c.post("/kotak-masuk/buka", url.Values{"id": {strconv.FormatInt(list[0].ID, 10)}})
	if opened.URL != "/akun-saya" {
		t.Errorf("opening landed on %s", opened.URL)
	}
	contains(t, opened, `id="nav-inbox-count">1<`)
	c.post("/kotak-masuk/baca-semua", nil)
	lacks(t, c.get("/kotak-masuk"), `id="nav-inbox-count"`)

	status(t, c.post("/kotak-masuk/pengaturan", url.Values{"ch.enrolment.confirmed": {"aplikasi"}}), 200)
	prefs, _ := f.st.NoticePrefs(ctx, f.city.BudiUser.ID)
	if prefs[model.NoticeEnrolled] != model.ChannelApp {
		t.Errorf("preferences after saving: %v", prefs)
	}
	contains(t, c.get("/kotak-masuk/pengaturan"), `<option value="aplikasi" selected>`)
}
