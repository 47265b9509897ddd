package web

import (
	"net/http"
	"sync"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// setPasswordPath is the page an e-mail link opens (with ?token=…).
const setPasswordPath = "/atur-sandi"

type forgotData struct {
	Sent bool
}

// forgotForm asks for a username or NIP (GET /lupa-sandi).
func (s *server) forgotForm(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, http.StatusOK, "forgot", "forgot.title", forgotData{})
	return nil
}

// forgotSend mails a reset link to the account named (POST /lupa-sandi).
// The answer is the same whether or not the account exists or has an
// address, so the form tells nobody who has an account; and an account
// gets at most one link every two minutes (store.SendEmailLink), and one
// client address at most resetsPerAddress requests an hour.
func (s *server) forgotSend(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if addr := clientIP(r); !s.resetPace.allow(addr, s.st.Now()) {
		s.log.Warn("password reset: address over its limit", "addr", addr)
	} else if u := s.accountNamed(r, newForm(r).Text("who")); u != nil && u.Active {
		tok := auth.RandomSecret(32)
		if _, err := s.st.SendEmailLink(ctx, model.Actor{UserID: u.ID, Name: u.Username}, u.ID, store.LinkReset, auth.TokenHash(tok),
			setPasswordPath+"?token="+tok); err != nil {
			return err
		}
	}
	s.render(w, r, http.StatusOK, "forgot", "forgot.title", forgotData{Sent: true})
	return nil
}

// resetsPerAddress bounds the reset requests of one client address in
// resetWindow, whatever the accounts named: the per-account limit alone
// let a script make the server mail every account with an address once
// every two minutes. Beyond it the form answers as always and sends
// nothing. Kept per app node (an office behind one NAT address asks for
// far fewer).
const (
	resetsPerAddress = 20
	resetWindow      = time.Hour
)

// addressPace counts requests per client address in fixed windows.
type addressPace struct {
	mu    sync.Mutex
	start time.Time      // the current window's start
	n     map[string]int // requests per address in it
}

// allow counts a request from addr at now and reports whether it is
// within the limit.
func (p *addressPace) allow(addr string, now time.Time) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.n == nil || now.Sub(p.start) >= resetWindow {
		p.start, p.n = now, map[string]int{}
	}
	p.n[addr]++
	return p.n[addr] <= resetsPerAddress
}

// accountNamed finds the account a person typed: a username, or a NIP
// (an employee's username, or the NIP of the employee behind an account
// named otherwise). nil when there is none.
func (s *server) accountNamed(r *http.Request, typed string) *model.User {
	key := usernameKey(typed)
	if key == "" {
		return nil
	}
	if u, err := s.st.UserByUsername(r.Context(), key); err == nil {
		return u
	}
	e, err := s.st.EmployeeByNIP(r.Context(), key)
	if err != nil {
		return nil
	}
	u, err := s.st.UserByEmployee(r.Context(), e.ID)
	if err != nil {
		return nil
	}
	return u
}

type setPasswordData struct {
	Token, Username string
	Error           string // the refusal, in the reader's language
	Invalid, Done   bool
}

// setPasswordForm shows the form of an e-mail link (GET /atur-sandi), or
// says the link no longer works.
func (s *server) setPasswordForm(w http.ResponseWriter, r *http.Request) error {
	tok := r.URL.Query().Get("token")
	u, _, err := s.st.EmailLinkUser(r.Context(), auth.TokenHash(tok))
	if err != nil {
		if apperr.Code(err) != apperr.ENOTFOUND {
			return err
		}
		s.render(w, r, http.StatusNotFound, "set_password", "setpw.title", setPasswordData{Invalid: true})
		return nil
	}
	// The token stays out of caches and Referer headers sent onwards.
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.render(w, r, http.StatusOK, "set_password", "setpw.title", setPasswordData{Token: tok, Username: u.Username})
	return nil
}

// setPassword sets the password through a link (POST /atur-sandi): the
// password rules of auth, then store.UseEmailLink, which also activates
// an account opened by an activation link and ends its sessions.
func (s *server) setPassword(w http.ResponseWriter, r *http.Request) error {
	f := newForm(r)
	tok, pw := f.Text("token"), r.PostFormValue("password")
	u, _, err := s.st.EmailLinkUser(r.Context(), auth.TokenHash(tok))
	if err != nil {
		if apperr.Code(err) != apperr.ENOTFOUND {
			return err
		}
		s.render(w, r, http.StatusNotFound, "set_password", "setpw.title", setPasswordData{Invalid: true})
		return nil
	}
	d := setPasswordData{Token: tok, Username: u.Username}
	lang := langOf(r)
	if pw != r.PostFormValue("password2") {
		d.Error = lang.T("setpw.mismatch")
	} else if err := auth.CheckNewPassword(pw, u.Username); err != nil {
		d.Error = apperr.Message(lang, err)
	}
	if d.Error != "" {
		s.render(w, r, http.StatusUnprocessableEntity, "set_password", "setpw.title", d)
		return nil
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	if _, err := s.st.UseEmailLink(r.Context(), auth.TokenHash(tok), hash); err != nil {
		if apperr.Code(err) == apperr.ENOTFOUND {
			s.render(w, r, http.StatusNotFound, "set_password", "setpw.title", setPasswordData{Invalid: true})
			return nil
		}
		return err
	}
	s.render(w, r, http.StatusOK, "set_password", "setpw.title", setPasswordData{Done: true})
	return nil
}

// accountSendActivation mails the employee's account an activation link
// (POST /pegawai/{id}/akun/aktivasi-surel), creating the account
// (username = NIP, role pegawai, inactive, with a password nobody knows)
// when there is none: the person chooses their password through the link,
// and no administrator ever sees it.
func (s *server) accountSendActivation(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	e, err := s.employeeInScope(ctx, adminScope(p), id)
	if err != nil {
		return err
	}
	acc, err := s.st.UserByEmployee(ctx, id)
	if err != nil && apperr.Code(err) != apperr.ENOTFOUND {
		return err
	}
	if acc != nil {
		if ok, err := s.canManage(ctx, p, acc); err != nil {
			return err
		} else if !ok {
			return errForbidden
		}
	}
	if e.Email == "" && (acc == nil || acc.Email == "") {
		return apperr.Invalid("email", "err.notice.no_address")
	}
	if acc == nil {
		hash, err := auth.HashPassword(auth.RandomSecret(24))
		if err != nil {
			return err
		}
		acc = &model.User{Username: e.NIP, EmployeeID: id, Role: model.RolePegawai, PasswordHash: hash}
		if err := s.st.CreateUser(ctx, actor(p), acc); err != nil {
			return err
		}
	}
	tok := auth.RandomSecret(32)
	if _, err := s.st.SendEmailLink(ctx, actor(p), acc.ID, store.LinkActivate, auth.TokenHash(tok), setPasswordPath+"?token="+tok); err != nil {
		return err
	}
	d, err := s.profile(r, p, id)
	if err != nil {
		return err
	}
	d.Notice = "profile.activation_sent"
	s.renderProfile(w, r, http.StatusOK, d)
	return nil
}
