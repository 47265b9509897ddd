package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// myAccountData is the page of one's own account: the password change,
// one's signed-in browsers and one's API tokens.
type myAccountData struct {
	Username    string
	Sessions    []sessionRow
	Others      int    // sessions besides this one
	IdleMinutes int    // the idle timeout, for the hint
	Notice      string // catalogue key of a done-message
	Error       string // a refused password change, translated
	Tokens      []tokenRow
	NewToken    string // a token just made, shown this once
	TokenDays   []int  // the lifetimes offered
	TokenError  string // a refused token, translated
}

// sessionRow is one signed-in browser as the page shows it.
type sessionRow struct {
	ID, Browser, IP, Since, Seen string
	Current                      bool
}

// myAccount shows the page (GET /akun-saya).
func (s *server) myAccount(w http.ResponseWriter, r *http.Request) error {
	notice := map[string]string{"sandi": "myaccount.password_changed", "sesi": "myaccount.session_ended",
		"lainnya": "myaccount.others_ended", "token": "myaccount.token_revoked"}[r.URL.Query().Get("ok")]
	return s.renderMyAccount(w, r, http.StatusOK, notice, nil)
}

func (s *server) renderMyAccount(w http.ResponseWriter, r *http.Request, status int, notice string, refused error) error {
	return s.renderMyAccountWith(w, r, status, &myAccountData{Notice: notice}, refused)
}

// tokenRow is one API token as the page shows it.
type tokenRow struct {
	ID                      int64
	Name, Since, Until, Use string
	ReadOnly                bool
}

func (s *server) renderMyAccountWith(w http.ResponseWriter, r *http.Request, status int, d *myAccountData, refused error) error {
	p := principal(r)
	lang := langOf(r)
	list, err := s.st.UserSessions(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	d.Username, d.IdleMinutes, d.TokenDays = p.User.Username, int(s.idle/time.Minute), []int{30, 90, 180, 365}
	if refused != nil {
		d.Error = apperr.Message(lang, refused)
	}
	tokens, err := s.st.APITokens(r.Context(), p.User.ID)
	if err != nil {
		return err
	}
	for _, t := range tokens {
		row := tokenRow{ID: t.ID, Name: t.Name, Since: i18n.Date(lang, t.Created.In(s.loc)), Until: i18n.Date(lang, t.Expires.In(s.loc)),
			Use: "—", ReadOnly: t.ReadOnly}
		if !t.LastUsed.IsZero() {
			row.Use = s.dateTime(lang, t.LastUsed)
		}
		d.Tokens = append(d.Tokens, row)
	}
	current := s.sm.Token(r.Context())
	for _, u := range list {
		row := sessionRow{ID: u.ID, Browser: browserOf(u.UserAgent), IP: u.IP, Since: s.dateTime(lang, u.Created),
			Seen: s.dateTime(lang, u.Seen), Current: u.ID == sessionIDOf(current)}
		if !row.Current {
			d.Others++
		}
		d.Sessions = append(d.Sessions, row)
	}
	s.render(w, r, status, "my_account", "myaccount.title", d)
	return nil
}

// changePassword sets a new password after checking the current one (POST
// /akun-saya/sandi). Every session and API token of the account ends (the
// store does that with any new password); this browser is signed in again
// with a new session.
func (s *server) changePassword(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := principal(r)
	u, err := s.st.User(ctx, p.User.ID)
	if err != nil {
		return err
	}
	current, next := r.PostFormValue("current_password"), r.PostFormValue("new_password")
	var refused error
	switch {
	case !auth.CheckPassword(u.PasswordHash, current):
		refused = apperr.Invalid("current_password", "err.password.wrong_current")
	case next != r.PostFormValue("new_password2"):
		refused = apperr.Invalid("new_password2", "err.password.mismatch")
	default:
		refused = auth.CheckNewPassword(next, u.Username)
	}
	if refused != nil {
		return s.renderMyAccount(w, r, http.StatusBadRequest, "", refused)
	}
	if u.PasswordHash, err = auth.HashPassword(next); err != nil {
		return err
	}
	if err := s.st.UpdateUser(ctx, actor(p), u); err != nil {
		return err
	}
	if err := s.signIn(r, u); err != nil {
		return err
	}
	http.Redirect(w, r, "/akun-saya?ok=sandi", http.StatusSeeOther)
	return nil
}

// endSession ends one of one's other sessions (POST /akun-saya/sesi/akhiri,
// field id), or all of them (field all=1).
func (s *server) endSession(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := principal(r)
	current := s.sm.Token(ctx)
	if r.PostFormValue("all") == "1" {
		if _, err := s.st.EndOtherUserSessions(ctx, actor(p), p.User.ID, current); err != nil {
			return err
		}
		http.Redirect(w, r, "/akun-saya?ok=lainnya", http.StatusSeeOther)
		return nil
	}
	id := r.PostFormValue("id")
	if id == "" {
		return apperr.Invalid("id", "err.session.not_found")
	}
	if id == sessionIDOf(current) {
		return s.logout(w, r) // ending this browser's own session is signing out
	}
	if err := s.st.EndUserSession(ctx, actor(p), p.User.ID, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/akun-saya?ok=sesi", http.StatusSeeOther)
	return nil
}

// browserOf names a browser and its system from a User-Agent header, for
// people to recognise their devices; the header itself is not shown.
func browserOf(ua string) string {
	browser := "?"
	for _, b := range []struct{ token, name string }{
		{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"SamsungBrowser", "Samsung Internet"}, {"Firefox/", "Firefox"},
		{"Chrome/", "Chrome"}, {"Chromium/", "Chromium"}, {"Safari/", "Safari"}, {"curl/", "curl"},
	} {
		if strings.Contains(ua, b.token) {
			browser = b.name
			break
		}
	}
	for _, o := range []struct{ token, name string }{
		{"Android", "Android"}, {"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Windows", "Windows"},
		{"Mac OS X", "macOS"}, {"CrOS", "ChromeOS"}, {"Linux", "Linux"},
	} {
		if strings.Contains(ua, o.token) {
			return browser + " · " + o.name
		}
	}
	return browser
}

// dateTime formats an instant as "7 Desember 2026 15.04" in the city's zone.
func (s *server) dateTime(lang i18n.Lang, t time.Time) string { return i18n.DateTime(lang, t, s.loc) }

// sessionIDOf is the public ID of this browser's session token ("" for none).
func sessionIDOf(token string) string {
	if token == "" {
		return ""
	}
	return store.SessionID(token)
}

// createToken makes an API token for oneself (POST /akun-saya/token) and
// shows it once on the page; only its hash is kept.
func (s *server) createToken(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	days, err := strconv.Atoi(r.PostFormValue("days"))
	if err != nil || days < 1 {
		days = int(model.DefaultTokenLifetime / (24 * time.Hour))
	}
	tok := auth.RandomSecret(32)
	t := &model.APIToken{UserID: p.User.ID, Name: r.PostFormValue("name"), ReadOnly: r.PostFormValue("read_only") == "1",
		Expires: s.st.Now().Add(time.Duration(days) * 24 * time.Hour)}
	if err := s.st.CreateAPIToken(r.Context(), actor(p), t, auth.TokenHash(tok)); err != nil {
		if apperr.Code(err) != apperr.EINVALID {
			return err
		}
		return s.renderMyAccountWith(w, r, http.StatusBadRequest, &myAccountData{TokenError: apperr.Message(langOf(r), err)}, nil)
	}
	w.Header().Set("Cache-Control", "no-store")
	return s.renderMyAccountWith(w, r, http.StatusOK, &myAccountData{NewToken: tok, Notice: "myaccount.token_made"}, nil)
}

// revokeToken deletes one of one's API tokens (POST /akun-saya/token/cabut,
// field id).
func (s *server) revokeToken(w http.ResponseWriter, r *http.Request) error {
	p := principal(r)
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil {
		return apperr.Invalid("id", "err.token.not_found", r.PostFormValue("id"))
	}
	if err := s.st.RevokeAPIToken(r.Context(), actor(p), p.User.ID, id); err != nil {
		return err
	}
	http.Redirect(w, r, "/akun-saya?ok=token", http.StatusSeeOther)
	return nil
}
