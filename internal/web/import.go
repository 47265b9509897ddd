package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/importer"
)

// maxUpload is the largest import file accepted.
const maxUpload = 50 << 20

// importKeep is how long an uploaded file waits for its apply step.
const importKeep = 24 * time.Hour

// maxShownProblems caps the problem rows the page lists per kind; the
// counts stay exact.
const maxShownProblems = 1000

var checksumRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// importData is the import page: the upload form, and after an upload the
// report of the dry run or of the apply step.
type importData struct {
	Report   *importer.Report
	Errors   []importer.Problem
	Warnings []importer.Problem
	More     int // problems not listed
	Checksum string
	Format   string
	FileName string
	Mapping  string
	CanApply bool
	Error    string // a message about the upload itself
}

// importForm shows the upload form and the export links (GET /impor).
func (s *server) importForm(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.user(r); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "import", "import.title", &importData{})
	return nil
}

// parseMapping reads the header mapping textarea: one "KOLOM=field" per
// line; blank lines and lines starting with # are skipped.
func parseMapping(text string) (map[string]string, error) {
	m := map[string]string{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || strings.TrimSpace(k) == "" {
			return nil, apperr.Invalid("mapping", "err.import.mapping_line", i+1)
		}
		m[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return m, nil
}

// importUpload stores the uploaded file under its SHA-256 and runs a dry
// run (POST /impor).
func (s *server) importUpload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d := &importData{}
	up, errKey, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	d.Mapping = r.PostFormValue("mapping")
	d.FileName, d.Format, d.Checksum, d.Error = up.name, up.format, up.checksum, errKey
	if errKey != "" {
		s.render(w, r, http.StatusBadRequest, "import", "import.title", d)
		return nil
	}
	return s.runImport(w, r, p, d, false)
}

// upload is a CSV or XLSX file received for an import and kept under its
// SHA-256 until the dry run is applied.
type upload struct {
	name, format, checksum string
}

// receiveUpload reads the multipart form of an import page (field "file"),
// checks size and format, and keeps the file (saveUpload). A problem the
// user can fix comes back as an i18n key (import.too_big, import.no_file,
// import.bad_format) with a nil error; err is for server faults. The form's
// other fields stay readable with r.PostFormValue.
func (s *server) receiveUpload(w http.ResponseWriter, r *http.Request) (upload, string, error) {
	var up upload
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return up, "import.too_big", nil
		}
		return up, "import.no_file", nil
	}
	defer r.MultipartForm.RemoveAll()
	file, hdr, err := r.FormFile("file")
	if err != nil {
		return up, "import.no_file", nil
	}
	defer file.Close()
	up.name = filepath.Base(hdr.Filename)
	up.format = strings.TrimPrefix(strings.ToLower(filepath.Ext(up.name)), ".")
	if up.format != "csv" && up.format != "xlsx" {
		return up, "import.bad_format", nil
	}
	if hdr.Size > maxUpload {
		return up, "import.too_big", nil
	}
	s.cleanImports()
	up.checksum, err = s.saveUpload(file, up.format)
	return up, "", err
}

// saveUpload copies the upload into the import directory as <sha256>.<ext>
// and returns the checksum.
func (s *server) saveUpload(src io.Reader, ext string) (string, error) {
	tmp, err := os.CreateTemp(s.importDir, "upload-*")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(tmp, h), src); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	sum := hex.EncodeToString(h.Sum(nil))
	if err := os.Rename(tmp.Name(), s.importPath(sum, ext)); err != nil {
		return "", err
	}
	return sum, nil
}

// importPath is where an upload with checksum sum waits.
func (s *server) importPath(sum, ext string) string {
	return filepath.Join(s.importDir, sum+"."+ext)
}

// cleanImports removes uploads older than importKeep.
func (s *server) cleanImports() {
	entries, err := os.ReadDir(s.importDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > importKeep {
			os.Remove(filepath.Join(s.importDir, e.Name()))
		}
	}
}

// importApply re-runs the import of an uploaded file with Apply (POST
// /impor/terapkan). The file is found by the checksum in the form and its
// bytes are hashed again before anything is written.
func (s *server) importApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d, _, err := s.storedUpload(r)
	var gone uploadGone
	if errors.As(err, &gone) {
		d.Error = string(gone)
		status := http.StatusGone
		if gone == "import.changed" {
			status = http.StatusConflict
		}
		s.render(w, r, status, "import", "import.title", d)
		return nil
	}
	if err != nil {
		return err
	}
	return s.runImport(w, r, p, d, true)
}

// uploadGone says why a stored upload cannot be used any more: it expired
// (import.expired) or its bytes no longer match the checksum (import.changed).
type uploadGone string

func (g uploadGone) Error() string { return string(g) }

// storedUpload finds the upload a report page's hidden fields name
// (checksum, format, filename, mapping) and hashes its bytes again, so that
// nothing acts on a file other than the one the clerk checked.
func (s *server) storedUpload(r *http.Request) (*importData, string, error) {
	d := &importData{
		Checksum: r.PostFormValue("checksum"), Format: r.PostFormValue("format"),
		FileName: filepath.Base(r.PostFormValue("filename")), Mapping: r.PostFormValue("mapping"),
	}
	if !checksumRE.MatchString(d.Checksum) || (d.Format != "csv" && d.Format != "xlsx") {
		return d, "", apperr.Invalid("checksum", "err.common.unknown_import_file")
	}
	path := s.importPath(d.Checksum, d.Format)
	f, err := os.Open(path)
	if err != nil {
		return d, "", uploadGone("import.expired")
	}
	h := sha256.New()
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return d, "", err
	}
	if hex.EncodeToString(h.Sum(nil)) != d.Checksum {
		os.Remove(path)
		return d, "", uploadGone("import.changed")
	}
	return d, path, nil
}

// importReport downloads the whole report of a dry run of a stored upload
// as CSV or XLSX (POST /impor/laporan with the report page's hidden fields
// and as=csv|xlsx): the page lists the first hundred problems, a clerk
// fixing a large file needs them all. It runs the dry run again rather than
// keeping reports: nothing is written, and the file is checked against its
// checksum as an apply is.
func (s *server) importReport(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d, path, err := s.storedUpload(r)
	var gone uploadGone
	if errors.As(err, &gone) {
		return apperr.New(apperr.ENOTFOUND, "err.import.upload_gone")
	}
	if err != nil {
		return err
	}
	as := r.PostFormValue("as")
	ctype, ok := downloadTypes[as]
	if !ok {
		return apperr.Invalid("as", "err.common.unknown_import_file")
	}
	mapping, err := parseMapping(d.Mapping)
	if err != nil {
		return apperr.Invalid("mapping", "err.common.unknown_import_file")
	}
	rep, err := importer.Employees(r.Context(), s.st, path, importer.Options{
		Format: d.Format, HeaderMap: mapping, Scope: adminScope(p), Actor: actor(p),
	})
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="laporan-impor-`+d.Checksum[:12]+"."+as+`"`)
	h.Set("Cache-Control", "no-store")
	return importer.WriteReport(w, as, rep, langOf(r))
}

// downloadTypes are the formats a report downloads in, with their media types.
var downloadTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// runImport runs the importer on the stored upload and renders the report.
func (s *server) runImport(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *importData, apply bool) error {
	mapping, err := parseMapping(d.Mapping)
	if err != nil {
		d.Error = "import.bad_mapping"
		s.render(w, r, http.StatusBadRequest, "import", "import.title", d)
		return nil
	}
	path := s.importPath(d.Checksum, d.Format)
	rep, err := importer.Employees(r.Context(), s.st, path, importer.Options{
		Format: d.Format, HeaderMap: mapping, Scope: adminScope(p), Actor: actor(p), Apply: apply,
	})
	if err != nil {
		return err
	}
	d.Report = rep
	d.More = rep.ProblemsOmitted
	for _, pr := range rep.Problems {
		switch {
		case pr.Warning && len(d.Warnings) < maxShownProblems:
			d.Warnings = append(d.Warnings, pr)
		case !pr.Warning && len(d.Errors) < maxShownProblems:
			d.Errors = append(d.Errors, pr)
		default:
			d.More++
		}
	}
	d.CanApply = !apply && !rep.FileError && rep.Counts.Good > 0 && rep.Counts.Create+rep.Counts.Update > 0
	if apply && rep.Applied {
		os.Remove(path)
	}
	status := http.StatusOK
	if rep.FileError { // an unreadable file: 4xx, the report says why
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "import", "import.title", d)
	return nil
}
