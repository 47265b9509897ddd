package cli

import (
	"compress/gzip"
	"net/http"
	"strings"
	"sync"
)

// compressMin is the smallest body worth compressing: below it the gzip
// header and a round of the compressor cost more than the bytes saved.
const compressMin = 1024

// gzipLevel: BestSpeed. Measured on the demo city's pages (2026-12-07):
// the employee list (27 KB) becomes 5.6 KB at level 1 and 4.9 KB at level 5,
// the heat-map (196 KB) 24 KB and 19 KB; but level 5 took 190 µs of CPU on
// the list page against 65 µs, and a list request at a million employees is
// about 400 µs in all: the server's CPU is what the search goal is short of,
// a phone barely notices 0.7 KB.
const gzipLevel = gzip.BestSpeed

// gzipWriters keeps compressors between responses: each holds a few hundred
// kilobytes of tables, which a response would otherwise allocate anew.
var gzipWriters = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzipLevel)
	return w
}}

// compress answers with gzip every text response of at least compressMin
// bytes to a client that accepts it: HTML, CSS, JSON, SVG, CSV, YAML and
// JavaScript. Files that are compressed already (XLSX, PDF, PNG) and
// responses a handler encoded itself pass through untouched.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead || !acceptsGzip(r.Header.Get("Accept-Encoding")) {
			next.ServeHTTP(w, r)
			return
		}
		cw := &compressWriter{ResponseWriter: w}
		defer cw.close()
		next.ServeHTTP(cw, r)
	})
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) listed without q=0.
func acceptsGzip(h string) bool {
	for _, part := range strings.Split(h, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
			return false
		}
		return true
	}
	return false
}

// compressible lists the content types worth compressing.
func compressible(ct string) bool {
	ct, _, _ = strings.Cut(ct, ";")
	ct = strings.TrimSpace(strings.ToLower(ct))
	switch ct {
	case "text/html", "text/css", "text/plain", "text/csv", "text/javascript", "application/javascript",
		"application/json", "application/problem+json", "image/svg+xml", "application/yaml", "application/x-yaml", "text/yaml":
		return true
	}
	return false
}

// compressWriter holds back the first compressMin bytes of a body to decide
// whether compressing pays, then either starts gzip or writes them plain.
type compressWriter struct {
	http.ResponseWriter
	status  int
	buf     []byte
	gz      *gzip.Writer
	decided bool // gz set, or plain for good
}

func (c *compressWriter) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
	// Informational and bodiless answers go out at once.
	if status < 200 || status == http.StatusNoContent || status == http.StatusNotModified {
		c.decided = true
		c.ResponseWriter.WriteHeader(status)
	}
}

func (c *compressWriter) Write(p []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	if !c.decided {
		h := c.Header()
		if h.Get("Content-Encoding") != "" || !compressible(h.Get("Content-Type")) {
			c.plain()
		} else {
			c.buf = append(c.buf, p...)
			if len(c.buf) < compressMin {
				return len(p), nil
			}
			if err := c.startGzip(); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	if c.gz != nil {
		return c.gz.Write(p)
	}
	return c.ResponseWriter.Write(p)
}

// plain sends the header unchanged and whatever was held back.
func (c *compressWriter) plain() error {
	c.decided = true
	if c.status == 0 {
		c.status = http.StatusOK
	}
	c.ResponseWriter.WriteHeader(c.status)
	if len(c.buf) > 0 {
		_, err := c.ResponseWriter.Write(c.buf)
		c.buf = nil
		return err
	}
	return nil
}

func (c *compressWriter) startGzip() error {
	c.decided = true
	h := c.Header()
	h.Del("Content-Length")
	h.Set("Content-Encoding", "gzip")
	h.Add("Vary", "Accept-Encoding")
	c.ResponseWriter.WriteHeader(c.status)
	c.gz = gzipWriters.Get().(*gzip.Writer)
	c.gz.Reset(c.ResponseWriter)
	_, err := c.gz.Write(c.buf)
	c.buf = nil
	return err
}

// close ends the body: a short one goes out plain, a gzip stream is
// finished and its compressor returned to the pool.
func (c *compressWriter) close() {
	if !c.decided {
		if c.status == 0 && len(c.buf) == 0 {
			return // the handler wrote nothing; net/http answers 200 itself
		}
		c.plain()
		return
	}
	if c.gz != nil {
		c.gz.Close()
		gzipWriters.Put(c.gz)
		c.gz = nil
	}
}

// Flush sends what is compressed so far (streamed exports).
func (c *compressWriter) Flush() {
	if !c.decided {
		if len(c.buf) > 0 && compressible(c.Header().Get("Content-Type")) && c.Header().Get("Content-Encoding") == "" {
			c.startGzip()
		} else {
			c.plain()
		}
	}
	if c.gz != nil {
		c.gz.Flush()
	}
	if f, ok := c.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (c *compressWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }
