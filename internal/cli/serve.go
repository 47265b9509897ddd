package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/kompeten/kompeten/internal/api"
	"github.com/kompeten/kompeten/internal/config"
	"github.com/kompeten/kompeten/internal/metrics"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/web"
)

func init() {
	register("serve", "cli.summary.serve", runServe)
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "serve", append([]string{"db", "addr", "secure-cookies", "log-level", "log-format", "metrics-allow", "metrics-token", "session-idle", "timezone"},
		mailOptions...)...)
	demo := fs.Bool("demo", false, msg("cli.flag.serve.demo"))
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := resolve()
	if err != nil {
		return err
	}
	logger, err := newLogger(env.Stderr, cfg.Get("log-format"), cfg.Get("log-level"))
	if err != nil {
		return err
	}
	idle, err := time.ParseDuration(cfg.Get("session-idle"))
	if err != nil || idle < time.Minute {
		return fmt.Errorf("--session-idle: %q is not a duration of at least 1m", cfg.Get("session-idle"))
	}
	loc, err := time.LoadLocation(cfg.Get("timezone"))
	if err != nil {
		return fmt.Errorf("--timezone: %w", err)
	}
	allow, err := metrics.ParseAllow(cfg.Get("metrics-allow"))
	if err != nil {
		return fmt.Errorf("--metrics-allow: %w", err)
	}
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	st.BaseURL = cfg.Get("base-url")
	mailer, err := mailWorker(cfg, st, logger)
	if err != nil {
		return err
	}
	if *demo {
		if err := demoIfEmpty(ctx, env, st); err != nil {
			return err
		}
	}
	tuneGC(ctx, st) // after the demo fill, which is a batch job with its own needs
	m := metrics.New(st.DB())
	st.ObserveWork(m.ObserveJob)
	// A recomputation queued by a node that stopped before running it,
	// or left running by one that died, is taken up here.
	st.StartSettingsJobs()
	h, err := NewHandler(st, HandlerOptions{SecureCookies: cfg.Bool("secure-cookies"), Logger: logger, IdleTimeout: idle, Location: loc,
		Metrics: m, MetricsAccess: metrics.Access{Allow: allow, Token: cfg.Get("metrics-token")}})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Get("addr"))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute, WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute,
		ConnContext: connContext}
	fmt.Fprintln(env.Stdout, msg("cli.serve.running", ln.Addr(), st.Dialect()))
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	go sweepSessions(ctx, st, logger, m)
	go refreshActing(ctx, st, logger, m)
	go dailyNotices(ctx, st, logger, m)
	if mailer != nil {
		go mailer.Run(ctx)
	}
	if addr := os.Getenv("KOMPETEN_PPROF_ADDR"); addr != "" {
		// Profiling for performance work, on its own (loopback) listener so
		// that it is never reachable through the application's address.
		go func() { logger.Warn("pprof", "err", http.ListenAndServe(addr, pprofMux())) }()
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler is the whole HTTP surface with default operator settings (/metrics
// for loopback clients only). Tests and benchmarks serve it with httptest.
func Handler(st *store.Store, secureCookies bool, logger *slog.Logger) (http.Handler, error) {
	return NewHandler(st, HandlerOptions{SecureCookies: secureCookies, Logger: logger})
}

// HandlerOptions configure NewHandler; the zero value is valid.
type HandlerOptions struct {
	SecureCookies bool
	Logger        *slog.Logger
	IdleTimeout   time.Duration    // web sessions; 0: web.DefaultIdleTimeout
	Location      *time.Location   // the city's zone for dates; nil: WIB
	Metrics       *metrics.Metrics // nil: a new registry over the store's pool
	// MetricsAccess says who may read /metrics; the zero value means
	// loopback clients only.
	MetricsAccess metrics.Access
}

// NewHandler is the whole HTTP surface: the JSON API under /api/, the web UI
// everywhere else, behind the request gate; and beside the gate, so that
// they answer under any load, the operator's /metrics and /readyz. Text
// responses are compressed for clients that accept gzip (compress.go).
func NewHandler(st *store.Store, o HandlerOptions) (http.Handler, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if o.Metrics == nil {
		o.Metrics = metrics.New(st.DB())
	}
	if o.MetricsAccess.Allow == nil && o.MetricsAccess.Token == "" {
		o.MetricsAccess.Allow, _ = metrics.ParseAllow(config.Default("metrics-allow"))
	}
	ui, err := web.New(st, web.Config{SecureCookies: o.SecureCookies, Logger: o.Logger, IdleTimeout: o.IdleTimeout, Location: o.Location})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", metrics.Route(api.New(st, o.Logger)))
	mux.Handle("/", metrics.Route(ui))
	top := http.NewServeMux()
	top.Handle("GET /metrics", o.Metrics.Handler(o.MetricsAccess))
	top.Handle("GET /readyz", readyz(st))
	top.Handle("/", newFairGate(mux, requestSlots()))
	return o.Metrics.Middleware(compress(metrics.Route(top))), nil
}

// tuneGC sets the collector for serving, unless GOGC or GOMEMLIMIT say
// otherwise. A page view allocates a few hundred kilobytes that die at once;
// with the default GOGC=100 and a small live heap the collector took about a
// tenth of the CPU under load. GOGC=400 under a 128 MiB soft limit gave 15 %
// more requests per second at a million employees, the server's resident
// memory staying under 200 MB while it lists and searches.
//
// The limit grows with the needs analysis cache (twice its size, as a
// rebuild holds the old and the new one): at a million employees that cache
// is large, and under the base limit the collector ran nearly without pause
// while ratings kept it rebuilding (heat-map p99 465 ms instead of 54 ms).
// A server that only lists and searches stays at the base.
func tuneGC(ctx context.Context, st *store.Store) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	const base = 128 << 20
	debug.SetMemoryLimit(base)
	go func() {
		t := time.NewTicker(5 * time.Second)
		defer t.Stop()
		last := int64(base)
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if limit := base + 2*st.NeedsMemory(); limit != last {
				debug.SetMemoryLimit(limit)
				last = limit
			}
		}
	}()
}

// requestSlots is how many requests work at once: two per core Go runs
// on. More add no throughput (2, 4 and 12 slots on one core served the same
// number of requests per second at a million employees) but each busy slot
// holds a SQLite connection with its page cache, and requests interleaved
// on one core all finish late: with four per core the p99 of a search at a
// million employees was 54 ms instead of 37–42. Two per core keep a core
// busy while a request waits for the disk or for PostgreSQL; a slow
// request gives its slot up (fairGate), so two slow ones cannot stall the
// rest.
func requestSlots() int { return 2 * runtime.GOMAXPROCS(0) }

// sweepSessions deletes expired sessions hourly.
func sweepSessions(ctx context.Context, st *store.Store, logger *slog.Logger, m *metrics.Metrics) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			end := m.Job("session_sweep")
			err := st.DeleteExpiredSessions(ctx)
			end(err)
			if err != nil {
				logger.Warn("sweep sessions", "err", err)
			}
		}
	}
}
