package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/mail/mailtest"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/makiuchi-d/gozxing"
	gozxingqr "github.com/makiuchi-d/gozxing/qrcode"
)

// TestTrainingWholePath is issue 13's acceptance path, in a real browser,
// with the notifications carried by an SMTP server the test starts:
//
//  1. Ani opens "Rencana pengembangan saya", finds a programme that
//     addresses a competency of her post's standard, and proposes it with a
//     purpose and a session;
//  2. her supervisor (the Kabid) and then the head of her OPD (the Kepala
//     Dinas Kominfo) each approve it from the link in their notification
//     e-mail; the final approval enrols her, and she is told so by e-mail;
//  3. on the session's day the partner's account shows the attendance QR
//     code; the test decodes the image itself and Ani, on a 360 px phone,
//     opens the address it holds and is marked present;
//  4. the partner records her completion with a score, and Ani's plan shows
//     the item done.
func TestTrainingWholePath(t *testing.T) {
	ctx := context.Background()
	old := st.BaseURL
	st.BaseURL = srv.URL
	t.Cleanup(func() { st.BaseURL = old })
	smtp := mailtest.Start(t)
	snd, err := mail.NewSender(mail.Config{Host: smtp.Host, Port: smtp.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
	if err != nil {
		t.Fatal(err)
	}
	deliver := func() {
		t.Helper()
		if _, err := mail.NewWorker(st, snd).RunOnce(ctx); err != nil {
			t.Fatalf("mail worker: %v", err)
		}
	}
	const (
		aniMail   = "ani.sembiring@pemkomedan.test"
		kabidMail = "siti.nasution@pemkomedan.test"
		headMail  = "ahmad.nasution@pemkomedan.test"
	)
	withMail(t, city.Offices.AniUser.Username, city.Ani, aniMail)
	withMail(t, city.Kabid.NIP, city.Kabid, kabidMail)
	withMail(t, city.Head.NIP, city.Head, headMail)
	// Who acts before the session's day signs in first, on the real clock
	// (the sign-in throttle keeps its slots in real time).
	ani := newTabWithin(t, 3*tabTimeout)
	mustSignIn(t, ani, city.Offices.AniUser.Username)
	approvers := map[int64]context.Context{}
	for _, e := range []model.Employee{city.Kabid, city.Head} {
		tab := newTabWithin(t, 3*tabTimeout)
		mustSignIn(t, tab, e.NIP)
		approvers[e.ID] = tab
	}
	// The proposal, the approvals and the enrolment happen a week before
	// the session, which is today: the store's clock runs a week behind
	// until the session's day. (Moving it ahead instead would make every
	// browser session the server hands out look expired to the store.)
	realNow := st.Now
	st.Now = func() time.Time { return realNow().AddDate(0, 0, -7) }
	t.Cleanup(func() { st.Now = realNow })
	prog, sess, partnerUser := seedPathCatalogue(t)

	// 1. Ani proposes from her recommendations, choosing the session.
	if status := open(t, ani, "/rencana"); status != 200 {
		t.Fatalf("Ani's plan: status %d", status)
	}
	rec := "#rec-" + idOf(prog.ID)
	need(t, ani, rec)
	if gaps := textOf(t, ani, rec); !strings.Contains(gaps, prog.Competencies[0].Name) {
		t.Errorf("the recommendation does not say which gap it addresses: %q", gaps)
	}
	eval[bool](t, ani, `(() => { const li = document.querySelector(`+jsString(rec)+`);
		li.querySelector("select[name=session]").value = `+jsString(idOf(sess.ID))+`;
		li.querySelector("textarea[name=purpose]").value = "Menyusun dasbor data layanan bidang"; return true })()`)
	if status := follow(t, ani, "propose the programme", chromedp.Click(chromedp.CSS("#propose-"+idOf(prog.ID)))); status != 200 {
		t.Fatalf("propose: status %d: %.300s", status, bodyText(t, ani))
	}
	if table := textOf(t, ani, "#plan-table"); !strings.Contains(table, prog.Title) || !strings.Contains(table, "Menunggu keputusan") {
		t.Fatalf("after proposing, Ani's plan shows %q", table)
	}

	// 2. Each approver acts from the link in their e-mail.
	approveFromMail := func(who model.Employee, addr string) {
		t.Helper()
		deliver()
		msgs := smtp.To(addr)
		if len(msgs) == 0 {
			t.Fatalf("no e-mail reached %s (%s)", who.Name, addr)
		}
		m := msgs[len(msgs)-1]
		link := regexp.MustCompile(regexp.QuoteMeta(srv.URL) + `/persetujuan/\d+`).FindString(m.Body)
		if link == "" || !strings.Contains(m.Subject, prog.Title) || m.MessageID() == "" {
			t.Fatalf("the e-mail to %s: subject %q, Message-ID %q, no approval link in:\n%s", who.Name, m.Subject, m.MessageID(), m.Body)
		}
		tab := approvers[who.ID]
		if _, err := chromedp.Run(tab, chromedp.Navigate(link)); err != nil {
			t.Fatalf("%s opens %s: %v", who.Name, link, err)
		}
		if status := follow(t, tab, "approve", chromedp.Click(chromedp.CSS("#approve"))); status != 200 {
			t.Fatalf("%s approves: status %d", who.Name, status)
		}
		if n := textOf(t, tab, "#approval-notice"); !strings.Contains(n, "disetujui") {
			t.Errorf("%s after approving sees %q", who.Name, n)
		}
	}
	approveFromMail(city.Kabid, kabidMail)
	approveFromMail(city.Head, headMail)
	deliver()
	if !mailAbout(smtp.To(aniMail), prog.Title, "terdaftar") {
		t.Errorf("Ani was not told by e-mail that she is enrolled: %v", subjects(smtp.To(aniMail)))
	}
	open(t, ani, "/rencana")
	if table := textOf(t, ani, "#plan-table"); !strings.Contains(table, "Terdaftar") {
		t.Errorf("after both approvals Ani's plan shows %q, want the item enrolled", table)
	}

	// 3. The session's day: the partner shows the QR code, Ani scans it.
	st.Now = realNow
	partner := newTab(t)
	if status := signIn(t, partner, partnerUser, partnerPassword); status != 200 {
		t.Fatalf("the partner's account signs in: status %d", status)
	}
	if status := open(t, partner, "/angkatan/"+idOf(sess.ID)); status != 200 {
		t.Fatalf("the partner's session page: status %d", status)
	}
	if !has(t, partner, "#session-attendance") {
		t.Fatalf("the partner's session page offers no attendance: %.600s", bodyText(t, partner))
	}
	if status := follow(t, partner, "open the attendance page", chromedp.Click(chromedp.CSS("#session-attendance"))); status != 200 {
		t.Fatalf("attendance page: status %d", status)
	}
	addr := decodeQR(t, partner, "#attend-qr")
	if !strings.HasPrefix(addr, srv.URL+"/hadir?t=") {
		t.Fatalf("the QR code holds %q, want an attendance address on this server", addr)
	}

	phone := newPhoneTabWithin(t, tabTimeout)
	mustSignIn(t, phone, city.Offices.AniUser.Username)
	if _, err := chromedp.Run(phone, chromedp.Navigate(addr)); err != nil {
		t.Fatal(err)
	}
	need(t, phone, "#checkin-done")
	if w := eval[float64](t, phone, "window.innerWidth"); w != phoneWidth {
		t.Errorf("the phone's viewport is %.0f px wide", w)
	}
	noSidewaysScroll(t, phone, phoneWidth, "the check-in page")
	if _, err := chromedp.Run(phone, chromedp.Navigate(addr)); err != nil {
		t.Fatal(err)
	}
	need(t, phone, "#checkin-already")

	// The instructor's list shows her present.
	open(t, partner, "/angkatan/"+idOf(sess.ID)+"/presensi")
	if row := textOf(t, partner, "#attend-"+idOf(city.Ani.ID)); !strings.Contains(row, "Hadir") {
		t.Errorf("the attendance list shows Ani as %q", row)
	}

	// 4. Completion with a score; Ani's plan shows the item done.
	if status := open(t, partner, "/angkatan/"+idOf(sess.ID)+"/peserta"); status != 200 {
		t.Fatalf("participants: status %d", status)
	}
	form := chromedp.JSPath(`[...document.querySelectorAll("#participants tr")].find(r => r.innerText.includes(` +
		jsString(city.Ani.NIP) + `)).querySelector("form")`)
	eval[bool](t, partner, `(() => { const f = [...document.querySelectorAll("#participants tr")].find(r => r.innerText.includes(`+
		jsString(city.Ani.NIP)+`)).querySelector("form"); f.elements.hasil.value = "selesai"; f.elements.nilai.value = "86"; return true })()`)
	if status := follow(t, partner, "record completion", chromedp.Submit(form)); status != 200 {
		t.Fatalf("record completion: status %d", status)
	}
	if row := textOf(t, partner, "#participants"); !strings.Contains(row, "Selesai") || !strings.Contains(row, "86") {
		t.Errorf("after recording, the participants show %q", row)
	}
	open(t, phone, "/rencana?tahun="+sess.StartDate[:4]) // a week on, her desktop session has ended
	if table := textOf(t, phone, "#plan-table"); !strings.Contains(table, prog.Title) || !strings.Contains(table, "Selesai") {
		t.Errorf("at the end Ani's plan shows %q, want the item done", table)
	}
}

// partnerPassword is the partner account's: the city's shared one is a
// word with digits, which the password rules refuse for a new account.
const partnerPassword = "Absen-Kelas-Lab-Tujuh"

func idOf(n int64) string { return strconv.FormatInt(n, 10) }

// withMail gives the account username (created for e when missing) an
// e-mail address, so that the notifications reach the test's SMTP server.
func withMail(t *testing.T, username string, e model.Employee, addr string) {
	t.Helper()
	ctx := context.Background()
	u, err := st.UserByUsername(ctx, username)
	if apperr.Code(err) == apperr.ENOTFOUND {
		nu := model.User{Username: username, EmployeeID: e.ID, Role: model.RoleAtasan, Active: true}
		if err := city.AddUser(&nu, password); err != nil {
			t.Fatalf("account for %s: %v", e.Name, err)
		}
		u, err = st.UserByUsername(ctx, username)
	}
	if err != nil {
		t.Fatal(err)
	}
	u.Email = addr
	if err := st.UpdateUser(ctx, seedActor, u); err != nil {
		t.Fatalf("e-mail for %s: %v", e.Name, err)
	}
}

// seedPathCatalogue gives Ani's post a standard (if it has none) whose
// first competency a new programme develops, a one-day session of it today
// whose enrolment closed two days ago, and an account of its partner. It returns the
// programme, the session and the partner account's username.
func seedPathCatalogue(t *testing.T) (model.Programme, model.TrainingSession, string) {
	t.Helper()
	ctx := context.Background()
	std, err := st.CurrentStandard(ctx, city.ProgPos.ID)
	if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
		t.Fatal(err)
	}
	if std == nil || len(std.Items) == 0 {
		if _, err := st.EnsureBuiltInFrameworks(ctx, seedActor); err != nil {
			t.Fatal(err)
		}
		fid, err := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
		if err != nil {
			t.Fatal(err)
		}
		_, ids, err := st.Framework(ctx, fid)
		if err != nil {
			t.Fatal(err)
		}
		items := []model.StandardItem{{CompetencyID: ids[0], Required: 3, Weight: 1, Mandatory: true}}
		if _, err := st.SetStandard(ctx, seedActor, city.ProgPos.ID, "800/12/BKPSDM/2026", "2026-01-05", items); err != nil {
			t.Fatal(err)
		}
		if std, err = st.CurrentStandard(ctx, city.ProgPos.ID); err != nil {
			t.Fatal(err)
		}
	}
	partner := model.Provider{Name: "Politeknik Negeri Medan", Kind: model.ProviderUniversity, PriceBasis: "peserta", Active: true,
		MoUNo: "PKS/045/PL5/2026", MoUFrom: "2026-01-01", MoUUntil: "2027-12-31"}
	if err := st.CreateProvider(ctx, seedActor, &partner); err != nil {
		t.Fatal(err)
	}
	prog := model.Programme{Code: "E2E-DATA-DASBOR", Title: "Dasbor Data Layanan Publik", Form: "teknis", Delivery: model.DeliverySync,
		JP: 8, Cost: 750000, Capacity: 25, ProviderID: partner.ID, Active: true,
		Competencies: []model.ProgrammeCompetency{{CompetencyID: std.Items[0].CompetencyID, Level: 4}}}
	if err := st.CreateProgramme(ctx, seedActor, &prog); err != nil {
		t.Fatal(err)
	}
	read, err := st.Programme(ctx, prog.ID)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) string { return model.CycleToday(time.Now().AddDate(0, 0, d)) }
	sess := model.TrainingSession{ProgrammeID: prog.ID, Name: "Angkatan I", StartDate: day(0), EndDate: day(0), StartTime: "08:00",
		EndTime: "16:00", Place: "Laboratorium Komputer Polmed", Capacity: 25, EnrolFrom: day(-10), EnrolUntil: day(-2), MinAttendance: 100}
	if err := st.CreateSession(ctx, seedActor, &sess); err != nil {
		t.Fatal(err)
	}
	acc := model.User{Username: "polmed.pelatihan", Email: "pelatihan@polmed.test", ProviderID: partner.ID}
	if err := auth.PrepareProviderAccount(&acc, partnerPassword); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateProviderAccount(ctx, seedActor, &acc); err != nil {
		t.Fatal(err)
	}
	return *read, sess, acc.Username
}

// decodeQR fetches the image sel shows, with the tab's session, and reads
// the QR code in it.
func decodeQR(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const r = await fetch(document.querySelector(`+jsString(sel)+`).src);
		const b = new Uint8Array(await r.arrayBuffer());
		let s = ""; for (const x of b) s += String.fromCharCode(x);
		return btoa(s); })()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetch the QR image: %v", err)
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the QR image is not a PNG (%d bytes): %v", len(raw), err)
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gozxingqr.NewQRCodeReader().Decode(bmp, nil)
	if err != nil {
		t.Fatalf("no QR code could be read from the image: %v", err)
	}
	return res.GetText()
}

// mailAbout reports whether one of msgs names title and word (subject or
// body).
func mailAbout(msgs []mailtest.Message, title, word string) bool {
	for _, m := range msgs {
		all := strings.ToLower(m.Subject + " " + m.Body)
		if strings.Contains(all, strings.ToLower(title)) && strings.Contains(all, strings.ToLower(word)) {
			return true
		}
	}
	return false
}

func subjects(msgs []mailtest.Message) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, m.Subject)
	}
	return out
}
