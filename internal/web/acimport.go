package web

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/importer"
)

// acImportData is the assessment-centre and performance import page: the
// upload form, and after an upload the report of the dry run or the apply.
type acImportData struct {
	Kind     string // importer.TalentAssessment, TalentPerformance or TalentEducation
	Report   *importer.TalentReport
	Problems []importer.TalentProblem
	More     int
	Checksum string
	Format   string
	FileName string
	CanApply bool
	Error    string // catalogue key of a message about the upload itself
}

// acKind returns the import kind of a form value (assessment by default).
func acKind(v string) string {
	if v == importer.TalentPerformance || v == importer.TalentEducation || v == importer.TalentAgreement {
		return v
	}
	return importer.TalentAssessment
}

// acImportForm shows the upload form (GET /penilaian/impor).
func (s *server) acImportForm(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.user(r); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "acimport", "acimport.title", &acImportData{Kind: acKind(r.URL.Query().Get("kind"))})
	return nil
}

// acImportUpload keeps the uploaded file under its SHA-256 and runs a dry
// run (POST /penilaian/impor).
func (s *server) acImportUpload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d := &acImportData{Kind: importer.TalentAssessment}
	up, errKey, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	d.Kind = acKind(r.PostFormValue("kind"))
	d.FileName, d.Format, d.Checksum, d.Error = up.name, up.format, up.checksum, errKey
	if errKey != "" {
		s.render(w, r, http.StatusBadRequest, "acimport", "acimport.title", d)
		return nil
	}
	return s.runACImport(w, r, p, d, false)
}

// acImportApply re-runs the import of an uploaded file with Apply (POST
// /penilaian/impor/terapkan); the file is found by its checksum and hashed
// again before anything is written.
func (s *server) acImportApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d := &acImportData{Kind: acKind(r.PostFormValue("kind")), Checksum: r.PostFormValue("checksum"),
		Format: r.PostFormValue("format"), FileName: filepath.Base(r.PostFormValue("filename"))}
	if !checksumRE.MatchString(d.Checksum) || (d.Format != "csv" && d.Format != "xlsx") {
		return apperr.Invalid("checksum", "err.common.unknown_import_file")
	}
	return s.runACImport(w, r, p, d, true)
}

// runACImport runs the store import on the kept upload and renders the report.
func (s *server) runACImport(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *acImportData, apply bool) error {
	path := s.importPath(d.Checksum, d.Format)
	data, err := os.ReadFile(path)
	if err != nil {
		d.Error = "import.expired"
		s.render(w, r, http.StatusGone, "acimport", "acimport.title", d)
		return nil
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != d.Checksum {
		os.Remove(path)
		d.Error = "import.changed"
		s.render(w, r, http.StatusConflict, "acimport", "acimport.title", d)
		return nil
	}
	rep, err := importer.Talent(r.Context(), s.st, importer.TalentOptions{
		Kind: d.Kind, Actor: actor(p), Admin: adminScope(p), Self: p.User.EmployeeID, Apply: apply, File: d.FileName,
	}, data)
	if err != nil {
		return err
	}
	d.Report = rep
	d.More = rep.Omitted
	d.Problems = rep.Problems
	if len(d.Problems) > maxShownProblems {
		d.More += len(d.Problems) - maxShownProblems
		d.Problems = d.Problems[:maxShownProblems]
	}
	d.CanApply = !apply && !rep.FileError && rep.Good > 0
	if apply && rep.Applied {
		os.Remove(path)
	}
	status := http.StatusOK
	if rep.FileError { // an unreadable file: 4xx, the report says why
		status = http.StatusUnprocessableEntity
	}
	s.render(w, r, status, "acimport", "acimport.title", d)
	return nil
}
