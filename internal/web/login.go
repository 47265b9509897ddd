package web

import (
	"net/http"
	"strings"

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
func (s *server) loginForm(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if principal(r) != nil {
		localRedirect(w, r, next, "/")
		return
	}
	s.render(w, r, http.StatusOK, "login", "login.title", loginData{Next: next})
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

// login checks the credentials (POST /masuk). Failures are counted per
// (username, address) by auth.Throttle; unknown usernames cost the same
// time as wrong passwords; inactive accounts are told so only after the
// right password.
func (s *server) login(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	typed := r.PostFormValue("username")
	password := r.PostFormValue("password")
	d := loginData{Username: strings.TrimSpace(typed), Next: r.PostFormValue("next")}
	key := usernameKey(typed)
	addr := clientIP(r)
	if key == "" || password == "" {
		d.Error = "login.required"
		s.render(w, r, http.StatusBadRequest, "login", "login.title", d)
		return
	}
	if err := s.throttle.Check(ctx, key, addr); err != nil {
		if apperr.Code(err) != apperr.ETOOMANY {
			s.fail(w, r, err)
			return
		}
		d.Error, d.Detail = "login.throttled", apperr.Message(err)
		s.render(w, r, http.StatusTooManyRequests, "login", "login.title", d)
		return
	}
	u, err := s.st.UserByUsername(ctx, key)
	if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
		s.fail(w, r, err)
		return
	}
	ok := false
	if u == nil {
		auth.CheckMissing(password)
	} else {
		ok = auth.CheckPassword(u.PasswordHash, password)
	}
	if !ok {
		if err := s.throttle.Failed(ctx, key, addr); err != nil {
			s.fail(w, r, err)
			return
		}
		d.Error = "login.bad"
		s.render(w, r, http.StatusUnauthorized, "login", "login.title", d)
		return
	}
	if err := s.throttle.Succeeded(ctx, key, addr); err != nil {
		s.fail(w, r, err)
		return
	}
	if !u.Active {
		d.Error = "login.inactive"
		s.render(w, r, http.StatusForbidden, "login", "login.title", d)
		return
	}
	if err := s.signIn(r, u); err != nil {
		s.fail(w, r, err)
		return
	}
	localRedirect(w, r, d.Next, "/")
}

// signIn starts a session for u with a fresh token (no session fixation).
// A language chosen before signing in is carried into the session.
func (s *server) signIn(r *http.Request, u *model.User) error {
	ctx := r.Context()
	if err := s.sm.RenewToken(ctx); err != nil {
		return err
	}
	s.sm.Put(ctx, sessUserID, u.ID)
	if c, err := r.Cookie(langCookie); err == nil && i18n.Supported(c.Value) {
		s.sm.Put(ctx, sessLang, c.Value)
	}
	return nil
}

// logout ends the session (POST /keluar).
func (s *server) logout(w http.ResponseWriter, r *http.Request) {
	if err := s.sm.Destroy(r.Context()); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/masuk", http.StatusSeeOther)
}

// setLang switches the interface language (GET /bahasa?lang=en&next=/...):
// in the session of a signed-in user, else in a cookie.
func (s *server) setLang(w http.ResponseWriter, r *http.Request) {
	l := r.URL.Query().Get("lang")
	if !i18n.Supported(l) {
		s.fail(w, r, apperr.Invalid("lang", "bahasa %q tidak didukung", l))
		return
	}
	if principal(r) != nil {
		if s.sm.GetString(r.Context(), sessLang) != l {
			s.sm.Put(r.Context(), sessLang, l)
		}
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.cfg.SecureCookies})
	localRedirect(w, r, r.URL.Query().Get("next"), "/")
}
