// Package web is Kompeten's HTML user interface: server-rendered pages over
// the store, with sessions kept in the database, cross-origin protection on
// every form post, and templates and static files embedded in the binary.
// One file per page or action; each handler reads like a recipe: check role
// and scope, parse the form, call the store, render or redirect.
package web

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/alexedwards/scs/v2"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/cache"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/metrics"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config holds the options of the web UI.
type Config struct {
	// SecureCookies marks cookies Secure (serve over HTTPS).
	SecureCookies bool
	// Logger receives request errors; nil logs to slog.Default().
	Logger *slog.Logger
	// ImportDir keeps uploaded import files between the dry run and the
	// apply step; "" uses a directory under os.TempDir().
	ImportDir string
	// Location is the time zone dates and times are shown in; nil is
	// Asia/Jakarta (WIB) when the system knows it, else UTC.
	Location *time.Location
	// IdleTimeout signs a browser out after this long without a request;
	// 0 is DefaultIdleTimeout. A session ends after 12 hours in any case.
	IdleTimeout time.Duration
}

// DefaultIdleTimeout is Config.IdleTimeout's default.
const DefaultIdleTimeout = 30 * time.Minute

// server holds what every handler needs.
type server struct {
	st  *store.Store
	cfg Config
	// cardTurn admits one home card build at a time (home.go).
	cardTurn chan struct{}
	// resetPace limits password-reset requests per address (password_link.go).
	resetPace  addressPace
	log        *slog.Logger
	sm         *scs.SessionManager
	throttle   *auth.Throttle
	pages      map[string]*pageTemplate
	cssURL     string
	faviconPNG []byte // favicon.go, drawn once
	importDir  string
	loc        *time.Location
	idle       time.Duration // Config.IdleTimeout, defaulted
	counts     *countCache   // large employee counts, kept briefly
	// topUnits: unitChoices' top units per set of roots, see unitChoices.
	topUnits *cache.Cache[string, []model.OrgUnit]
	// needsBodies: rendered heat-map bodies (needs_cache.go).
	needsBodies *cache.Cache[needsBodyKey, needsBody]
}

// New returns the web UI as one handler.
func New(st *store.Store, cfg Config) (http.Handler, error) {
	s := &server{st: st, cfg: cfg, log: cfg.Logger, cardTurn: make(chan struct{}, 1), throttle: &auth.Throttle{St: st}, loc: cfg.Location,
		counts: newCountCache(), needsBodies: newNeedsBodies(),
		topUnits: cache.New[string, []model.OrgUnit](cache.Options{Name: "topunits", TTL: countCacheTTL, Max: countCacheMax, Gen: st.Writes})}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.loc == nil {
		if loc, err := time.LoadLocation("Asia/Jakarta"); err == nil {
			s.loc = loc
		} else {
			s.loc = time.UTC
		}
	}
	s.idle = cfg.IdleTimeout
	if s.idle <= 0 {
		s.idle = DefaultIdleTimeout
	}
	s.importDir = cfg.ImportDir
	if s.importDir == "" {
		s.importDir = filepath.Join(os.TempDir(), "kompeten-import")
	}
	if err := os.MkdirAll(s.importDir, 0o700); err != nil {
		return nil, err
	}
	css, err := fs.ReadFile(staticFS, "static/style.css")
	if err != nil {
		return nil, err
	}
	s.faviconPNG = faviconPNG()
	sum := sha256.Sum256(css)
	s.cssURL = "/static/style.css?v=" + hex.EncodeToString(sum[:6])
	if s.pages, err = parseTemplates(s.loc); err != nil {
		return nil, err
	}

	s.sm = scs.New()
	s.sm.Store = st.Sessions()
	s.sm.Codec = newMemoCodec()
	s.sm.Lifetime = 12 * time.Hour
	// No IdleTimeout: with one, scs rewrites the session row on every
	// request. Without it a request that does not change the session does
	// not touch the session table at all.
	s.sm.IdleTimeout = 0
	s.sm.Cookie.Name = "kompeten_session"
	s.sm.Cookie.HttpOnly = true
	s.sm.Cookie.SameSite = http.SameSiteLaxMode
	s.sm.Cookie.Secure = cfg.SecureCookies
	s.sm.Cookie.Path = "/"
	s.sm.Cookie.Persist = false
	s.sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) { s.fail(w, r, err) }

	mux := http.NewServeMux()
	outer := http.NewServeMux()
	for _, rt := range s.routeTable() {
		if rt.Bare {
			// Health checks and static files need neither sessions nor
			// CSRF checks.
			outer.Handle(rt.pattern(), securityHeaders(s.guarded(rt)))
		} else {
			mux.HandleFunc(rt.pattern(), s.guarded(rt))
		}
	}

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))

	var h http.Handler = metrics.Route(mux) // names the route for the request metrics
	h = s.withPrincipal(h)
	h = s.sm.LoadAndSave(h)
	h = cop.Handler(h)
	h = s.recoverer(h)
	h = securityHeaders(h)
	outer.Handle("/", h)
	return outer, nil
}

// healthz answers load balancers: it reads nothing but a ping and writes
// nothing.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.st.DB().PingContext(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}

// static serves the embedded stylesheet and script. URLs carry a content
// hash, so they may be cached for a long time.
func (s *server) static(w http.ResponseWriter, r *http.Request) {
	sub, _ := fs.Sub(staticFS, "static")
	if r.URL.Query().Get("v") != "" {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "public, max-age=3600")
	}
	http.StripPrefix("/static/", http.FileServerFS(sub)).ServeHTTP(w, r)
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in a handler into a logged internal error.
func (s *server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("web: panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				http.Error(w, i18n.T(langOf(r), "err.internal"), http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
