package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/importer"
)

// The catalogue's import (/katalog/impor, policy.ProviderManage) and
// export (/katalog/ekspor.csv and .xlsx, for everyone who reads the
// catalogue; a provider account gets its own partner's programmes). An
// upload is kept under its SHA-256 and checked in a dry run; "Terapkan"
// applies that same file, all rows or none (importer.Catalogue).

// catalogueImportData is the page /katalog/impor.
type catalogueImportData struct {
	Import *acImportData
}

func (s *server) renderCatalogueImport(w http.ResponseWriter, r *http.Request, status int, d *catalogueImportData) error {
	s.render(w, r, status, "catalogue_import", "catalogue.import", d)
	return nil
}

// catalogueImportForm shows the upload form (GET /katalog/impor).
func (s *server) catalogueImportForm(w http.ResponseWriter, r *http.Request) error {
	return s.renderCatalogueImport(w, r, http.StatusOK, &catalogueImportData{})
}

// catalogueImportUpload keeps the file and runs a dry run (POST /katalog/impor).
func (s *server) catalogueImportUpload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	up, errKey, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	d := &acImportData{Kind: importer.TalentCatalogue, FileName: up.name, Format: up.format, Checksum: up.checksum, Error: errKey}
	if errKey != "" {
		return s.renderCatalogueImport(w, r, http.StatusBadRequest, &catalogueImportData{Import: d})
	}
	return s.runCatalogueImport(w, r, p, d, false)
}

// catalogueImportApply applies a checked file, found by its checksum and
// hashed again (POST /katalog/impor/terapkan).
func (s *server) catalogueImportApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d := &acImportData{Kind: importer.TalentCatalogue, Checksum: r.PostFormValue("checksum"),
		Format: r.PostFormValue("format"), FileName: filepath.Base(r.PostFormValue("filename"))}
	if !checksumRE.MatchString(d.Checksum) || (d.Format != "csv" && d.Format != "xlsx") {
		return apperr.Invalid("checksum", "err.common.unknown_import_file")
	}
	return s.runCatalogueImport(w, r, p, d, true)
}

func (s *server) runCatalogueImport(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *acImportData, apply bool) error {
	page := &catalogueImportData{Import: d}
	path := s.importPath(d.Checksum, d.Format)
	data, err := os.ReadFile(path)
	if err != nil {
		d.Error = "import.expired"
		return s.renderCatalogueImport(w, r, http.StatusGone, page)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != d.Checksum {
		os.Remove(path)
		d.Error = "import.changed"
		return s.renderCatalogueImport(w, r, http.StatusConflict, page)
	}
	rep, err := importer.Catalogue(r.Context(), s.st, importer.CatalogueOptions{Actor: actor(p), Provider: ownPartner(p),
		Apply: apply, File: d.FileName}, data)
	if err != nil {
		return err
	}
	d.Report, d.Problems, d.More = rep, rep.Problems, rep.Omitted
	if len(d.Problems) > maxShownProblems {
		d.More += len(d.Problems) - maxShownProblems
		d.Problems = d.Problems[:maxShownProblems]
	}
	d.CanApply = !apply && !rep.FileError && rep.Good > 0 && rep.Bad == 0
	if apply && rep.Applied {
		os.Remove(path)
	}
	status := http.StatusOK
	if rep.FileError {
		status = http.StatusUnprocessableEntity
	}
	return s.renderCatalogueImport(w, r, status, page)
}

// catalogueExportCSV streams the catalogue as CSV (GET /katalog/ekspor.csv).
func (s *server) catalogueExportCSV(w http.ResponseWriter, r *http.Request) error {
	return s.catalogueExport(w, r, "csv", "text/csv; charset=utf-8")
}

// catalogueExportXLSX streams the catalogue as XLSX (GET /katalog/ekspor.xlsx).
func (s *server) catalogueExportXLSX(w http.ResponseWriter, r *http.Request) error {
	return s.catalogueExport(w, r, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
}

func (s *server) catalogueExport(w http.ResponseWriter, r *http.Request, format, ctype string) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("katalog-%s.%s", s.st.Now().In(s.loc).Format("20060102"), format)
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	cw := &countingWriter{w: w}
	if err := importer.ExportCatalogue(r.Context(), s.st, cw, format, ownPartner(p)); err != nil {
		if cw.n == 0 {
			h.Del("Content-Disposition")
			return err
		}
		s.log.Error("web: catalogue export failed mid-stream", "format", format, "err", err)
	}
	return nil
}
