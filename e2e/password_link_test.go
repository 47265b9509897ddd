package e2e

import (
	"context"
	"regexp"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/mail"
	"github.com/kompeten/kompeten/internal/mail/mailtest"
	"github.com/kompeten/kompeten/internal/model"
)

// TestPasswordResetByEmailLink: on a phone, a person who forgot their
// password asks from the sign-in page, receives the link by e-mail (an SMTP
// server the test starts), opens it, chooses a new password and signs in
// with it.
func TestPasswordResetByEmailLink(t *testing.T) {
	ctx := newPhoneTabWithin(t, tabTimeout)
	u := model.User{Username: "lupa.sandi", Role: model.RolePegawai, Active: true, Lang: "id", Email: "lupa.sandi@pemkomedan.test"}
	if err := city.AddUser(&u, password); err != nil {
		t.Fatal(err)
	}
	old := st.BaseURL
	st.BaseURL = srv.URL
	t.Cleanup(func() { st.BaseURL = old })
	smtp := mailtest.Start(t)
	snd, err := mail.NewSender(mail.Config{Host: smtp.Host, Port: smtp.Port, From: "kompeten@pemkomedan.test", TLS: mail.TLSNone})
	if err != nil {
		t.Fatal(err)
	}

	open(t, ctx, "/masuk")
	if status := follow(t, ctx, "follow the forgotten-password link", chromedp.Click(chromedp.CSS("#forgot-link"))); status != 200 {
		t.Fatalf("/lupa-sandi: status %d", status)
	}
	typeInto(t, ctx, "#who", u.Username)
	follow(t, ctx, "ask for a link", chromedp.Click(chromedp.CSS("#forgot-submit")))
	need(t, ctx, "#forgot-sent")

	if _, err := mail.NewWorker(st, snd).RunOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	msgs := smtp.To(u.Email)
	if len(msgs) != 1 {
		t.Fatalf("mails to %s: %d", u.Email, len(msgs))
	}
	link := regexp.MustCompile(`http://\S+/atur-sandi\?token=\S+`).FindString(msgs[0].Body)
	if link == "" {
		t.Fatalf("no link in the mail:\n%s", msgs[0].Body)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(link)); err != nil {
		t.Fatal(err)
	}
	need(t, ctx, "#password", "#password2")
	typeInto(t, ctx, "#password", "Lupa-Lalu-Ingat-2026")
	typeInto(t, ctx, "#password2", "Lupa-Lalu-Ingat-2026")
	follow(t, ctx, "save the new password", chromedp.Click(chromedp.CSS("#setpw-submit")))
	need(t, ctx, "#password-set")
	if status := signIn(t, ctx, u.Username, "Lupa-Lalu-Ingat-2026"); status != 200 || location(t, ctx) != "/" {
		t.Errorf("sign in with the new password: status %d on %s", status, location(t, ctx))
	}
}
