package web

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
)

// dictUploadExt is the extension uploaded dictionary files wait under in
// the import directory (the format travels in the form).
const dictUploadExt = "kamus"

// dictImport is the report of a dictionary upload.
type dictImport struct {
	FileName  string
	Format    string // the format asked for ("" = detect)
	Detected  string // the format read
	Checksum  string
	Problems  []dictionary.Problem
	Errors    int
	Framework *dictionary.Framework
	Exists    bool // code and version already stored: applying would conflict
	CanApply  bool
	Error     string // a catalogue key about the upload itself
}

// dictionaryUpload stores an uploaded framework under its SHA-256 and runs
// a dry run (POST /kamus/impor).
func (s *server) dictionaryUpload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	imp := &dictImport{}
	r.Body = http.MaxBytesReader(w, r.Body, dictionary.MaxFileSize+1<<20)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		var mbe *http.MaxBytesError
		imp.Error = "import.no_file"
		if errors.As(err, &mbe) {
			imp.Error = "dict.too_big"
		}
		return s.renderDictList(w, r, p, http.StatusBadRequest, imp)
	}
	defer r.MultipartForm.RemoveAll()
	imp.Format = r.PostFormValue("format")
	if !validDictFormat(imp.Format) {
		imp.Error = "dict.bad_format"
		return s.renderDictList(w, r, p, http.StatusBadRequest, imp)
	}
	file, hdr, err := r.FormFile("file")
	if err != nil {
		imp.Error = "import.no_file"
		return s.renderDictList(w, r, p, http.StatusBadRequest, imp)
	}
	defer file.Close()
	imp.FileName = filepath.Base(hdr.Filename)
	s.cleanImports()
	if imp.Checksum, err = s.saveUpload(file, dictUploadExt); err != nil {
		return err
	}
	return s.runDictImport(w, r, p, imp, false)
}

// dictionaryApply stores the uploaded framework after checking its bytes
// against the checksum again (POST /kamus/impor/terapkan).
func (s *server) dictionaryApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	imp := &dictImport{Checksum: r.PostFormValue("checksum"), Format: r.PostFormValue("format"),
		FileName: filepath.Base(r.PostFormValue("filename"))}
	if !checksumRE.MatchString(imp.Checksum) || !validDictFormat(imp.Format) {
		return apperr.Invalid("checksum", "err.common.unknown_import_file")
	}
	path := s.importPath(imp.Checksum, dictUploadExt)
	f, err := os.Open(path)
	if err != nil {
		imp.Error = "import.expired"
		return s.renderDictList(w, r, p, http.StatusGone, imp)
	}
	h := sha256.New()
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return err
	}
	if hex.EncodeToString(h.Sum(nil)) != imp.Checksum {
		os.Remove(path)
		imp.Error = "import.changed"
		return s.renderDictList(w, r, p, http.StatusConflict, imp)
	}
	return s.runDictImport(w, r, p, imp, true)
}

// runDictImport reads the stored upload, reports its problems, and with
// apply stores it as a new framework version and shows it.
func (s *server) runDictImport(w http.ResponseWriter, r *http.Request, p *auth.Principal, imp *dictImport, apply bool) error {
	path := s.importPath(imp.Checksum, dictUploadExt)
	f, err := os.Open(path)
	if err != nil {
		imp.Error = "import.expired"
		return s.renderDictList(w, r, p, http.StatusGone, imp)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	imp.Detected = imp.Format
	if imp.Detected == "" {
		head, _ := br.Peek(4096)
		imp.Detected = dictionary.DetectFormat(imp.FileName, head)
	}
	fw, problems, err := dictionary.Read(br, imp.Detected)
	if err != nil {
		imp.Error = "dict.bad_format"
		return s.renderDictList(w, r, p, http.StatusBadRequest, imp)
	}
	imp.Problems = problems
	for _, pr := range problems {
		if !pr.Warning {
			imp.Errors++
		}
	}
	if fw != nil && imp.Errors == 0 {
		imp.Framework = fw
		if _, err := s.st.FrameworkID(r.Context(), fw.Code, fw.Version); err == nil {
			imp.Exists = true
		}
		imp.CanApply = !imp.Exists
	}
	if !apply || !imp.CanApply {
		status := http.StatusOK
		if apply {
			status = http.StatusBadRequest
		}
		for _, pr := range problems {
			if pr.Field == "file" && !pr.Warning { // an unreadable file: 4xx, the list says why
				status = http.StatusUnprocessableEntity
			}
		}
		return s.renderDictList(w, r, p, status, imp)
	}
	id, err := s.st.CreateFramework(r.Context(), actor(p), fw, false)
	if err != nil {
		return err
	}
	os.Remove(path)
	http.Redirect(w, r, fmt.Sprintf("/kamus/%d?imported=1", id), http.StatusSeeOther)
	return nil
}
