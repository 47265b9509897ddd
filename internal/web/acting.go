package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// actingData is the Plt./Plh. page (/organisasi/plt): the assignments in
// force or starting later, the form to record one, and the import with its
// report. Recording is policy.OrgWrite (BKPSDM), as the posts are.
type actingData struct {
	List       []model.ActingAssignment
	Today      time.Time
	Kinds      []string
	Form       map[string]string // the values of a refused submission
	Error      string            // why it was refused
	ErrorField string
	Notice     string        // catalogue key of what was done
	Import     *acImportData // the import's report, after an upload
}

// actingFields are the form fields of a new assignment.
var actingFields = []string{"nip", "position", "kind", "from", "until", "decree_no", "decree_date"}

// actingPage shows the page (GET /organisasi/plt).
func (s *server) actingPage(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.user(r); err != nil {
		return err
	}
	notice := map[string]string{"added": "acting.added", "ended": "acting.ended", "removed": "acting.removed"}[r.URL.Query().Get("ok")]
	return s.renderActing(w, r, http.StatusOK, &actingData{Notice: notice, Form: map[string]string{}})
}

func (s *server) renderActing(w http.ResponseWriter, r *http.Request, status int, d *actingData) error {
	list, err := s.st.ActingAssignments(r.Context(), store.ActingFilter{Current: true})
	if err != nil {
		return err
	}
	d.List, d.Today, d.Kinds = list, s.st.Now(), model.ActingKinds
	s.render(w, r, status, "acting", "acting.title", d)
	return nil
}

// actingAdd records an assignment from the form (POST /organisasi/plt): the
// employee by NIP, the head post by its code.
func (s *server) actingAdd(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	f := newForm(r)
	x := model.ActingAssignment{Kind: f.Text("kind"), DecreeNo: f.Text("decree_no"),
		From:       f.Date("from", "err.penalty.date_unknown"),
		Until:      f.Date("until", "err.penalty.date_unknown"),
		DecreeDate: f.Date("decree_date", "err.penalty.date_unknown")}
	err = f.Err()
	if err == nil {
		err = s.actingRefs(r, p, &x)
	}
	if err == nil {
		err = s.st.AddActing(ctx, actor(p), &x)
	}
	if err != nil {
		return s.refuseActing(w, r, err)
	}
	http.Redirect(w, r, "/organisasi/plt?ok=added", http.StatusSeeOther)
	return nil
}

// actingRefs finds the form's employee (by NIP, in what p administers) and
// head post (by code).
func (s *server) actingRefs(r *http.Request, p *auth.Principal, x *model.ActingAssignment) error {
	nip := importerNIP(r.PostFormValue("nip"))
	e, err := s.st.EmployeeByNIP(r.Context(), nip)
	if apperr.Code(err) == apperr.ENOTFOUND || (err == nil && !adminScope(p).Contains(e.UnitPath)) {
		return apperr.Invalid("nip", "err.acting.nip_unknown", nip)
	}
	if err != nil {
		return err
	}
	x.EmployeeID = e.ID
	code := newForm(r).Text("position")
	ids, err := s.st.PositionsByCode(r.Context(), []string{code})
	if err != nil {
		return err
	}
	if x.PositionID = ids[code]; x.PositionID == 0 {
		return apperr.Invalid("position", "err.acting.position_code_unknown", code)
	}
	return nil
}

// importerNIP keeps the digits of a NIP typed with spaces or dots.
func importerNIP(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			out = append(out, s[i])
		}
	}
	return string(out)
}

// refuseActing shows the page again with the reason and the values typed,
// or fails the request for errors other than a refused form.
func (s *server) refuseActing(w http.ResponseWriter, r *http.Request, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || (ae.Code != apperr.EINVALID && ae.Code != apperr.ECONFLICT) {
		return err
	}
	d := &actingData{Form: map[string]string{}, Error: ae.Text(langOf(r)), ErrorField: ae.Field}
	for _, k := range actingFields {
		d.Form[k] = r.PostFormValue(k)
	}
	return s.renderActing(w, r, http.StatusUnprocessableEntity, d)
}

// actingID reads the assignment's ID from the form.
func actingID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.Invalid("id", "err.acting.id_required")
	}
	return id, nil
}

// actingEnd ends an assignment on the date given (POST /organisasi/plt/akhiri).
func (s *server) actingEnd(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, err := actingID(r)
	if err != nil {
		return s.refuseActing(w, r, err)
	}
	f := newForm(r)
	until := f.Date("until", "err.penalty.date_unknown")
	if err = f.Err(); err == nil {
		err = s.st.EndActing(r.Context(), actor(p), id, until)
	}
	if err != nil {
		return s.refuseActing(w, r, err)
	}
	http.Redirect(w, r, "/organisasi/plt?ok=ended", http.StatusSeeOther)
	return nil
}

// actingRemove deletes an assignment recorded by mistake (POST /organisasi/plt/hapus).
func (s *server) actingRemove(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	id, err := actingID(r)
	if err == nil {
		err = s.st.RemoveActing(r.Context(), actor(p), id)
	}
	if err != nil {
		return s.refuseActing(w, r, err)
	}
	http.Redirect(w, r, "/organisasi/plt?ok=removed", http.StatusSeeOther)
	return nil
}

// actingImportUpload keeps the uploaded file under its SHA-256 and runs a
// dry run (POST /organisasi/plt/impor).
func (s *server) actingImportUpload(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	up, errKey, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	d := &acImportData{Kind: importer.TalentActing, FileName: up.name, Format: up.format, Checksum: up.checksum, Error: errKey}
	if errKey != "" {
		return s.renderActing(w, r, http.StatusBadRequest, &actingData{Form: map[string]string{}, Import: d})
	}
	return s.runActingImport(w, r, p, d, false)
}

// actingImportApply applies a checked file, found by its checksum and
// hashed again (POST /organisasi/plt/impor/terapkan).
func (s *server) actingImportApply(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	d := &acImportData{Kind: importer.TalentActing, Checksum: r.PostFormValue("checksum"),
		Format: r.PostFormValue("format"), FileName: filepath.Base(r.PostFormValue("filename"))}
	if !checksumRE.MatchString(d.Checksum) || (d.Format != "csv" && d.Format != "xlsx") {
		return apperr.Invalid("checksum", "err.common.unknown_import_file")
	}
	return s.runActingImport(w, r, p, d, true)
}

func (s *server) runActingImport(w http.ResponseWriter, r *http.Request, p *auth.Principal, d *acImportData, apply bool) error {
	page := &actingData{Form: map[string]string{}, Import: d}
	path := s.importPath(d.Checksum, d.Format)
	data, err := os.ReadFile(path)
	if err != nil {
		d.Error = "import.expired"
		return s.renderActing(w, r, http.StatusGone, page)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != d.Checksum {
		os.Remove(path)
		d.Error = "import.changed"
		return s.renderActing(w, r, http.StatusConflict, page)
	}
	rep, err := importer.Acting(r.Context(), s.st, importer.TalentOptions{Kind: importer.TalentActing, Actor: actor(p),
		Admin: adminScope(p), Apply: apply, File: d.FileName}, data)
	if err != nil {
		return err
	}
	d.Report, d.Problems, d.More = rep, rep.Problems, rep.Omitted
	if len(d.Problems) > maxShownProblems {
		d.More += len(d.Problems) - maxShownProblems
		d.Problems = d.Problems[:maxShownProblems]
	}
	d.CanApply = !apply && !rep.FileError && rep.Good > 0
	if apply && rep.Applied {
		os.Remove(path)
	}
	status := http.StatusOK
	if rep.FileError {
		status = http.StatusUnprocessableEntity
	}
	return s.renderActing(w, r, status, page)
}
