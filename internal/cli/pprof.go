package cli

import (
	"net/http"
	"net/http/pprof"
)

// pprofMux serves Go's profiler endpoints; serve starts it only when
// KOMPETEN_PPROF_ADDR names an address (e.g. 127.0.0.1:6060).
func pprofMux() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("/debug/pprof/", pprof.Index)
	m.HandleFunc("/debug/pprof/profile", pprof.Profile)
	m.HandleFunc("/debug/pprof/trace", pprof.Trace)
	return m
}
