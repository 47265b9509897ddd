package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/kompeten/kompeten/internal/api"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/web"
)

func init() {
	register("serve", "jalankan server web dan API (--demo mengisi kota demo bila basis data kosong)", runServe)
}

func runServe(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "serve", "db", "addr", "secure-cookies", "log-level")
	demo := fs.Bool("demo", false, "isi kota demo (Kota Medan) bila basis data masih kosong, lalu cetak akun demo")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := resolve()
	if err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.Get("log-level"))); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
	st, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close()
	if *demo {
		if err := demoIfEmpty(ctx, env, st); err != nil {
			return err
		}
	}
	h, err := Handler(st, cfg.Bool("secure-cookies"), logger)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Get("addr"))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 5 * time.Minute, WriteTimeout: 5 * time.Minute, IdleTimeout: 2 * time.Minute}
	fmt.Fprintf(env.Stdout, "Kompeten berjalan di http://%s (basis data %s). Hentikan dengan Ctrl+C.\n", ln.Addr(), st.Dialect())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	go sweepSessions(ctx, st, logger)
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Handler is the whole HTTP surface: the JSON API under /api/ and the web UI
// everywhere else. Tests and benchmarks serve it with httptest.
func Handler(st *store.Store, secureCookies bool, logger *slog.Logger) (http.Handler, error) {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	ui, err := web.New(st, web.Config{SecureCookies: secureCookies, Logger: logger})
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", api.New(st, logger))
	mux.Handle("/", ui)
	return mux, nil
}

// sweepSessions deletes expired sessions hourly.
func sweepSessions(ctx context.Context, st *store.Store, logger *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := st.DeleteExpiredSessions(ctx); err != nil {
				logger.Warn("sweep sessions", "err", err)
			}
		}
	}
}
