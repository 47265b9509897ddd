package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/nip"
)

// loginData is the sign-in form.
type loginData struct {
	Username string
	Next     string
	Error    string // catalogue key
	Detail   string // throttle wait, in Indonesian from package auth
}

// loginForm shows the sign-in page (GET /masuk).
func (s *server) loginForm(w http.ResponseWriter, r *http.Request) error {
	next := r.URL.Query().Get("next")
	if principal(r) != nil {
		localRedirect(w, r, next, "/")
		return nil
	}
	s.render(w, r, http.StatusOK, "login", "login.title", loginData{Next: next})
	return nil
}

// usernameKey turns what was typed into the username to look up: a NIP
// typed with spaces or a leading apostrophe becomes its 18 digits; any other
// username is only trimmed.
func usernameKey(typed string) string {
	typed = strings.TrimSpace(typed)
	if n := nip.Normalize(typed); n != "" && strings.Trim(n, "0123456789") == "" {
		return n
	}
	return typed
}

// login checks the credentials (POST /masuk). auth.Throttle counts the
// attempt as a failure before the password check and takes it back when
// the password was right, so parallel guesses cannot slip past it. It
// paces rather than locks out: after repeated failures the request is held
// here for a few seconds (auth.MaxHold at most) before the password check,
// so the owner with the right password gets in from any browser, without
// JavaScript, a moment later; only an attempt queued behind others beyond
// that bound gets 429 with the form to send again. Every sign-in, failure
// and refusal is written to the security audit. Unknown usernames cost the
// same time as wrong passwords; inactive accounts are told so only after
// the right password.
func (s *server) login(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	typed := r.PostFormValue("username")
	password := r.PostFormValue("password")
	d := loginData{Username: strings.TrimSpace(typed), Next: r.PostFormValue("next")}
	key := usernameKey(typed)
	if key == "" || password == "" {
		d.Error = "login.required"
		s.render(w, r, http.StatusBadRequest, "login", "login.title", d)
		return nil
	}
	u, err := s.st.UserByUsername(ctx, key)
	if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
		return err
	}
	var userID int64
	if u != nil {
		userID = u.ID
	}
	at, err := s.throttle.Begin(ctx, key, userID, clientIP(r), deviceToken(r))
	if err != nil {
		if apperr.Code(err) != apperr.ETOOMANY {
			return err
		}
		d.Error, d.Detail = "login.throttled", apperr.Message(langOf(r), err)
		s.render(w, r, http.StatusTooManyRequests, "login", "login.title", d)
		return nil
	}
	if at.Wait > 0 {
		t := time.NewTimer(at.Wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil // the browser gave up; the attempt stays counted
		}
	}
	ok := false
	if u == nil {
		auth.CheckMissing(password)
	} else {
		ok = auth.CheckPassword(u.PasswordHash, password)
	}
	if !ok {
		// The attempt was counted as a failure by Begin.
		if err := s.throttle.Failed(ctx, at); err != nil {
			return err
		}
		d.Error = "login.bad"
		s.render(w, r, http.StatusUnauthorized, "login", "login.title", d)
		return nil
	}
	device, err := s.throttle.Passed(ctx, at, u.Active)
	if err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: deviceCookie, Value: device, Path: "/masuk", MaxAge: int(auth.DeviceTTL / time.Second),
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: s.cfg.SecureCookies})
	if !u.Active {
		d.Error = "login.inactive"
		s.render(w, r, http.StatusForbidden, "login", "login.title", d)
		return nil
	}
	if err := s.signIn(r, u); err != nil {
		return err
	}
	localRedirect(w, r, d.Next, "/")
	return nil
}

// deviceToken returns the device token the browser presented, or "" when it
// sent none or a malformed one.
func deviceToken(r *http.Request) string {
	c, err := r.Cookie(deviceCookie)
	if err != nil || len(c.Value) < 16 || len(c.Value) > 64 {
		return ""
	}
	for _, ch := range c.Value {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
			return ""
		}
	}
	return c.Value
}

// signIn starts a session for u with a fresh token (no session fixation).
// A language chosen before signing in is carried into the session.
func (s *server) signIn(r *http.Request, u *model.User) error {
	ctx := r.Context()
	if err := s.sm.RenewToken(ctx); err != nil {
		return err
	}
	s.sm.Put(ctx, sessUserID, u.ID)
	s.sm.Put(ctx, sessPassword, auth.PasswordFingerprint(u.PasswordHash))
	s.sm.Put(ctx, sessSeen, s.st.Now().Unix())
	if err := s.st.OpenUserSession(ctx, s.sm.Token(ctx), u.ID, r.UserAgent(), clientIP(r)); err != nil {
		return err
	}
	if c, err := r.Cookie(langCookie); err == nil && i18n.Supported(c.Value) {
		s.sm.Put(ctx, sessLang, c.Value)
	}
	return nil
}

// logout ends the session (POST /keluar).
func (s *server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := s.sm.Destroy(r.Context()); err != nil {
		return err
	}
	http.Redirect(w, r, "/masuk", http.StatusSeeOther)
	return nil
}

// setLang switches the interface language (POST /bahasa with form fields
// lang and next, from the footer buttons): in the session of a signed-in
// user, and in a cookie. It changes state, so it is a POST, under the same
// cross-origin protection as every other form.
func (s *server) setLang(w http.ResponseWriter, r *http.Request) error {
	l := r.PostFormValue("lang")
	if !i18n.Supported(l) {
		return apperr.Invalid("lang", "err.auth.language_not_supported", l)
	}
	if principal(r) != nil {
		if s.sm.GetString(r.Context(), sessLang) != l {
			s.sm.Put(r.Context(), sessLang, l)
		}
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies})
	localRedirect(w, r, r.PostFormValue("next"), "/")
	return nil
}
