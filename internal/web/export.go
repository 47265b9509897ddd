package web

import (
	"fmt"
	"net/http"

	"github.com/kompeten/kompeten/internal/importer"
)

// exportCSV streams the employees in the admin's scope as CSV
// (GET /ekspor/pegawai.csv).
func (s *server) exportCSV(w http.ResponseWriter, r *http.Request) error {
	return s.export(w, r, "csv", "text/csv; charset=utf-8")
}

// exportXLSX streams the employees in the admin's scope as XLSX
// (GET /ekspor/pegawai.xlsx).
func (s *server) exportXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.export(w, r, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
}

// countingWriter remembers whether anything was written, so that an error
// before the first byte can still become an error page.
type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// export streams the employees in the admin's scope in format.
func (s *server) export(w http.ResponseWriter, r *http.Request, format, ctype string) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("pegawai-%s.%s", s.st.Now().In(s.loc).Format("20060102"), format)
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	s.viewed(p, 0, viewExportEmployees, format)
	cw := &countingWriter{w: w}
	if err := importer.ExportEmployees(r.Context(), s.st, cw, format, adminScope(p)); err != nil {
		if cw.n == 0 {
			h.Del("Content-Disposition")
			return err
		}
		s.log.Error("web: export failed mid-stream", "format", format, "err", err)
	}
	return nil
}
