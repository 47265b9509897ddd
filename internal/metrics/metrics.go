// Package metrics exposes Kompeten's operational figures in the Prometheus
// text format: requests by route pattern, method and status with latency
// histograms, the database pool, background work, and the Go runtime. Each
// server has its own registry (no package globals), so tests and several
// servers in one process do not share counters.
package metrics

import (
	"context"
	"database/sql"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is one server's registry and the instruments it fills.
type Metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.HistogramVec
	work     *prometheus.HistogramVec
	running  *prometheus.GaugeVec
}

// New registers the instruments, the pool statistics of db (nil leaves them
// out) and the Go runtime and process collectors.
func New(db *sql.DB) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "kompeten_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route pattern, method and status.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route", "method", "code"}),
		work: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "kompeten_background_job_duration_seconds",
			Help:    "Time a background job took, by job and result (ok or error).",
			Buckets: []float64{.01, .05, .25, 1, 5, 15, 60, 300},
		}, []string{"job", "result"}),
		running: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "kompeten_background_jobs_running",
			Help: "Background jobs running now, by job.",
		}, []string{"job"}),
	}
	m.reg.MustRegister(m.requests, m.work, m.running,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if db != nil {
		m.reg.MustRegister(collectors.NewDBStatsCollector(db, "kompeten"))
	}
	return m
}

// Job records one run of a background job; call the returned function when
// it ends, with its error.
func (m *Metrics) Job(name string) (end func(error)) {
	start := time.Now()
	m.running.WithLabelValues(name).Inc()
	return func(err error) {
		m.running.WithLabelValues(name).Dec()
		result := "ok"
		if err != nil {
			result = "error"
		}
		m.work.WithLabelValues(name, result).Observe(time.Since(start).Seconds())
	}
}

// ObserveJob records a job that has already ended (for work timed elsewhere).
func (m *Metrics) ObserveJob(name string, took time.Duration, err error) {
	result := "ok"
	if err != nil {
		result = "error"
	}
	m.work.WithLabelValues(name, result).Observe(took.Seconds())
}

// routeKey carries a request's *routeLabel through the context.
type routeKey struct{}

// routeLabel is filled by Route with the pattern that served the request.
type routeLabel struct{ pattern string }

// Middleware times every request and counts it under the route pattern that
// a Route-wrapped mux further in matched ("unmatched" when none did, so that
// scanning for random paths cannot grow the label set).
func (m *Metrics) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		label := &routeLabel{}
		rec := &statusRecorder{ResponseWriter: w, code: http.StatusOK}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), routeKey{}, label)))
		route := label.pattern
		if route == "" {
			route = "unmatched"
		}
		m.requests.WithLabelValues(route, methodLabel(r.Method), strconv.Itoa(rec.code)).Observe(time.Since(start).Seconds())
	})
}

// Route wraps a ServeMux: a mux writes the pattern it matched into the
// request it was given, which middleware further out never sees (session
// and context middleware pass copies on), so Route hands it out through the
// label Middleware put in the context.
func Route(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mux.ServeHTTP(w, r)
		// The innermost mux ends first and wins; "/" is a catch-all (not found).
		if l, ok := r.Context().Value(routeKey{}).(*routeLabel); ok && l.pattern == "" && r.Pattern != "" && r.Pattern != "/" {
			l.pattern = r.Pattern
		}
	})
}

// methodLabel keeps the method label to the methods the routes use.
func methodLabel(m string) string {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return m
	}
	return "other"
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	code        int
	wroteHeader bool
}

func (s *statusRecorder) WriteHeader(code int) {
	if !s.wroteHeader {
		s.code, s.wroteHeader = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	s.wroteHeader = true
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush passes flushes on (streamed exports).
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// exposition renders the registry.
func (m *Metrics) exposition() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
