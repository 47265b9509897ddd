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
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
)

// dictFormats are the exchange formats the dictionary pages offer, in the
// order the export links show them.
var dictFormats = []string{dictionary.FormatMoodle, dictionary.FormatCSV, dictionary.FormatXLSX, dictionary.FormatJSON}

// dictUploadExt is the extension uploaded dictionary files wait under in
// the import directory (the format travels in the form).
const dictUploadExt = "kamus"

// dictListData is the dictionary page: the frameworks, and for
// administrators the import form with the report of the last upload.
type dictListData struct {
	Frameworks []store.FrameworkInfo
	CanImport  bool
	Formats    []string
	Import     *dictImport
}

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

// dictShowData is one framework with its competencies grouped.
type dictShowData struct {
	Info     store.FrameworkInfo
	F        *dictionary.Framework
	Groups   []dictGroup
	Formats  []string
	Imported bool // just stored by an import
}

// dictGroup is the competencies of one group in framework order.
type dictGroup struct {
	Group        dictionary.Group
	Competencies []dictionary.Competency
}

// dictionaryList shows every framework (GET /kamus).
func (s *server) dictionaryList(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	return s.renderDictList(w, r, p, http.StatusOK, nil)
}

func (s *server) renderDictList(w http.ResponseWriter, r *http.Request, p *auth.Principal, status int, imp *dictImport) error {
	list, err := s.st.Frameworks(r.Context())
	if err != nil {
		return err
	}
	d := &dictListData{Frameworks: list, CanImport: p.Can(policy.DictionaryImport), Formats: dictFormats, Import: imp}
	s.render(w, r, status, "dictionary", "dict.title", d)
	return nil
}

// frameworkInfo finds the list entry of framework id.
func (s *server) frameworkInfo(r *http.Request, id int64) (store.FrameworkInfo, error) {
	list, err := s.st.Frameworks(r.Context())
	if err != nil {
		return store.FrameworkInfo{}, err
	}
	for _, fi := range list {
		if fi.ID == id {
			return fi, nil
		}
	}
	return store.FrameworkInfo{}, errNotPermitted
}

// dictionaryShow shows one framework: competencies by group, each with its
// five levels (GET /kamus/{id}).
func (s *server) dictionaryShow(w http.ResponseWriter, r *http.Request) error {
	_, id, err := s.userID(r)
	if err != nil {
		return err
	}
	info, err := s.frameworkInfo(r, id)
	if err != nil {
		return err
	}
	f, _, err := s.st.Framework(r.Context(), id)
	if err != nil {
		return err
	}
	d := dictShowData{Info: info, F: f, Formats: dictFormats, Imported: r.URL.Query().Get("imported") == "1"}
	index := map[dictionary.Group]int{}
	for _, c := range f.Competencies {
		i, ok := index[c.Group]
		if !ok {
			i = len(d.Groups)
			index[c.Group] = i
			d.Groups = append(d.Groups, dictGroup{Group: c.Group})
		}
		d.Groups[i].Competencies = append(d.Groups[i].Competencies, c)
	}
	s.renderView(w, r, http.StatusOK, "dictionary_show", &view{Title: "dict.title", TitleArg: f.Name, Data: d})
	return nil
}

// dictionaryExport downloads a framework in one format (GET
// /kamus/{id}/ekspor/{format}).
func (s *server) dictionaryExport(w http.ResponseWriter, r *http.Request) error {
	_, id, err := s.userID(r)
	if err != nil {
		return err
	}
	format := r.PathValue("format")
	ext, ctype := "", ""
	switch format {
	case dictionary.FormatMoodle:
		ext, ctype = "-moodle.csv", "text/csv; charset=utf-8"
	case dictionary.FormatCSV:
		ext, ctype = ".csv", "text/csv; charset=utf-8"
	case dictionary.FormatXLSX:
		ext, ctype = ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case dictionary.FormatJSON:
		ext, ctype = ".json", "application/json; charset=utf-8"
	default:
		return errNotPermitted
	}
	f, _, err := s.st.Framework(r.Context(), id)
	if err != nil {
		return errNotPermitted
	}
	name := strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' {
			return c
		}
		return '_'
	}, f.Code+"-"+f.Version) + ext
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	w.Header().Set("Cache-Control", "no-store")
	if err := dictionary.Write(w, f, format); err != nil {
		s.log.Error("web: dictionary export", "id", id, "err", err)
	}
	return nil
}

// validDictFormat reports whether f is "" (detect) or a known format.
func validDictFormat(f string) bool {
	if f == "" {
		return true
	}
	for _, x := range dictFormats {
		if f == x {
			return true
		}
	}
	return false
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
