package web

import (
	"context"
	"net"
	"net/http"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
)

// Session keys and cookies. The session holds only the user ID, the
// fingerprint of the password hash it was opened with, and the chosen
// language; everything else is loaded per request.
const (
	sessUserID   = "uid"
	sessPassword = "pwfp" // auth.PasswordFingerprint of the hash at sign-in
	sessLang     = "lang"
	sessSeen     = "seen" // unix seconds of the last recorded activity (idle timeout)
	langCookie   = "kompeten_lang"
	deviceCookie = "kompeten_device" // auth.Throttle's device token
)

type ctxKey int

const (
	principalKey ctxKey = iota
	langKey
)

// withPrincipal loads the signed-in user and their scope for every request
// (two or three indexed reads) and decides the language. It never changes
// the session of an active account, so scs does not write it back. A
// session of an account that was deactivated, deleted or given a new
// password since the session was opened is destroyed: a password reset
// signs out whoever signed in with the old password.
func (s *server) withPrincipal(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		var p *auth.Principal
		if uid := s.sm.GetInt64(ctx, sessUserID); uid != 0 {
			var err error
			p, err = s.principal(ctx, uid)
			switch {
			case err != nil && apperr.Code(err) != apperr.ENOTFOUND:
				s.fail(w, r, err)
				return
			case p == nil || s.sm.GetString(ctx, sessPassword) != auth.PasswordFingerprint(p.User.PasswordHash):
				// The account is gone, was deactivated or has a new
				// password: end the session.
				p = nil
				if err := s.sm.Destroy(ctx); err != nil {
					s.fail(w, r, err)
					return
				}
			default:
				alive, err := s.keepAlive(ctx)
				if err != nil {
					s.fail(w, r, err)
					return
				}
				if !alive {
					p = nil
				}
			}
		}
		lang := i18n.ID
		if l := s.sm.GetString(ctx, sessLang); i18n.Supported(l) {
			lang = i18n.Lang(l)
		} else if c, err := r.Cookie(langCookie); err == nil && i18n.Supported(c.Value) {
			lang = i18n.Lang(c.Value)
		} else if p != nil && i18n.Supported(p.User.Lang) {
			lang = i18n.Lang(p.User.Lang)
		}
		ctx = context.WithValue(ctx, principalKey, p)
		ctx = context.WithValue(ctx, langKey, lang)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// principal returns the signed-in user of r, or nil.
func principal(r *http.Request) *auth.Principal {
	p, _ := r.Context().Value(principalKey).(*auth.Principal)
	return p
}

// langOf returns the interface language of r.
func langOf(r *http.Request) i18n.Lang {
	if l, ok := r.Context().Value(langKey).(i18n.Lang); ok {
		return l
	}
	return i18n.ID
}

// user returns the signed-in principal, or errSignIn. The router
// (guarded) has already checked the route's action against the role ×
// action table; handlers call user for the principal and then ask the
// policy about the record.
func (s *server) user(r *http.Request) (*auth.Principal, error) {
	p := principal(r)
	if p == nil {
		return nil, errSignIn
	}
	return p, nil
}

// clientIP is the address the throttle counts failures against: the peer
// address of the connection (a reverse proxy in front must be trusted
// explicitly; it is not, by default).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// keepAlive applies the idle timeout to the signed-in session of ctx: a
// session unused for longer than Config.IdleTimeout is destroyed (false).
// Otherwise its activity stamp is renewed, but only once it is older than
// idleRefresh: a read-only request does not write, and a busy person's
// session is written at most every few minutes.
func (s *server) keepAlive(ctx context.Context) (bool, error) {
	now := s.st.Now().Unix()
	seen := s.sm.GetInt64(ctx, sessSeen)
	if seen != 0 && now-seen > int64(s.idle/time.Second) {
		return false, s.sm.Destroy(ctx)
	}
	if now-seen >= int64(idleRefresh(s.idle)/time.Second) {
		s.sm.Put(ctx, sessSeen, now)
		if err := s.st.TouchUserSession(ctx, s.sm.Token(ctx)); err != nil {
			return false, err
		}
	}
	return true, nil
}

// idleRefresh is how stale the activity stamp may grow before a request
// renews it: a tenth of the idle timeout, between one and five minutes. The
// timeout is thereby enforced to within that much.
func idleRefresh(idle time.Duration) time.Duration {
	return min(max(idle/10, time.Minute), 5*time.Minute)
}

// principal reads the account uid and its scope; nil for an inactive one.
func (s *server) principal(ctx context.Context, uid int64) (*auth.Principal, error) {
	u, err := s.st.User(ctx, uid)
	if err != nil || !u.Active {
		return nil, err
	}
	return auth.ScopeFor(ctx, s.st, u)
}
