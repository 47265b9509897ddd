package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// evidenceView is the work-evidence section of /penilaian: the employee's
// upload form and submissions, and the evidence of their direct reports
// waiting for their review.
type evidenceView struct {
	Lang         i18n.Lang
	Competencies []ratingField // the competencies of the employee's standard
	Levels       []int
	Mine         []model.Evidence
	Pending      []model.Evidence
	Form         map[string]string // the values of a refused upload
	Error        string            // why the upload was refused
	ErrorField   string
	ReviewID     int64  // the evidence whose review was refused
	ReviewError  string // why
}

// evidenceFor returns the section for employee me, whose standard gives
// fields.
func (s *server) evidenceFor(r *http.Request, me int64, fields []ratingField) (*evidenceView, error) {
	v := &evidenceView{Lang: langOf(r), Competencies: fields, Levels: []int{1, 2, 3, 4, 5}, Form: map[string]string{}}
	var err error
	if v.Mine, err = s.st.MyEvidence(r.Context(), me, 50); err != nil {
		return nil, err
	}
	if v.Pending, err = s.st.PendingEvidence(r.Context(), me, 100); err != nil {
		return nil, err
	}
	return v, nil
}

// evidenceSubmit records an upload (POST /penilaian/bukti, multipart).
func (s *server) evidenceSubmit(w http.ResponseWriter, r *http.Request) error {
	p, err := s.user(r)
	if err != nil {
		return err
	}
	me := p.User.EmployeeID
	if me == 0 {
		return errForbidden
	}
	// The file plus the other fields; a bigger body is cut off and refused.
	r.Body = http.MaxBytesReader(w, r.Body, model.EvidenceMaxSize+64<<10)
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		return s.refuseEvidence(w, r, p, apperr.Invalid("file", "err.evidence.upload_form"))
	}
	defer r.MultipartForm.RemoveAll()
	form := newForm(r)
	e := model.Evidence{EmployeeID: me, Note: r.PostFormValue("note"),
		CompetencyID: form.Int64("competency", "err.evidence.choose_competency"),
		ClaimedLevel: form.Int("level", "err.common.level_1_5")}
	err = form.Err()
	if err == nil {
		if f, h, ferr := r.FormFile("file"); ferr != nil {
			err = apperr.Invalid("file", "err.evidence.evidence_file_uploaded")
		} else {
			e.FileName = h.Filename
			e.Content, err = io.ReadAll(io.LimitReader(f, model.EvidenceMaxSize+1))
			f.Close()
		}
	}
	if err == nil {
		err = s.st.SubmitEvidence(r.Context(), actor(p), me, &e)
	}
	if err != nil {
		return s.refuseEvidence(w, r, p, err)
	}
	http.Redirect(w, r, "/penilaian?ok=evidence#evidence", http.StatusSeeOther)
	return nil
}

// evidenceReview accepts (with a level) or rejects (with a reason) one
// evidence (POST /penilaian/bukti/{id}/tinjau). Whoever may not give its
// employee a supervisor rating gets not found.
func (s *server) evidenceReview(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	if p.User.EmployeeID == 0 {
		return errNotPermitted
	}
	accept := r.PostFormValue("decision") == "accept"
	level, _ := strconv.Atoi(r.PostFormValue("level"))
	err = s.st.ReviewEvidence(r.Context(), actor(p), p.User.EmployeeID, id, accept, level, r.PostFormValue("review_note"))
	if apperr.Code(err) == apperr.EFORBIDDEN {
		err = errNotPermitted
	}
	if err != nil {
		var ae *apperr.Error
		if errors.As(err, &ae) && ae.Code == apperr.EINVALID {
			d, perr := s.assessPage(r, p)
			if perr != nil {
				return perr
			}
			d.Evidence.ReviewID, d.Evidence.ReviewError = id, ae.Text(langOf(r))
			s.render(w, r, http.StatusUnprocessableEntity, "assess", "assess.title", d)
			return nil
		}
		return err
	}
	http.Redirect(w, r, "/penilaian?ok=reviewed#evidence-review", http.StatusSeeOther)
	return nil
}

// evidenceFile sends the file of one evidence as an attachment
// (GET /penilaian/bukti/{id}/berkas): to the employee, whoever may give
// them a supervisor rating and the administrators of their unit; anyone
// else gets not found.
func (s *server) evidenceFile(w http.ResponseWriter, r *http.Request) error {
	p, id, err := s.userID(r)
	if err != nil {
		return err
	}
	f, err := s.st.EvidenceFile(r.Context(), p.User.EmployeeID, adminScope(p), id)
	if err != nil {
		return err
	}
	s.viewed(p, f.EmployeeID, viewEvidence, "")
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	h.Set("Content-Length", strconv.Itoa(len(f.Content)))
	h.Set("Cache-Control", "private, no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Write(f.Content)
	return nil
}

// refuseEvidence shows /penilaian again with the reason next to the upload
// form and the values chosen, or fails the request for other errors.
func (s *server) refuseEvidence(w http.ResponseWriter, r *http.Request, p *auth.Principal, err error) error {
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != apperr.EINVALID {
		return err
	}
	d, perr := s.assessPage(r, p)
	if perr != nil {
		return perr
	}
	d.Evidence.Error, d.Evidence.ErrorField = ae.Text(langOf(r)), ae.Field
	for _, f := range []string{"competency", "level", "note"} {
		d.Evidence.Form[f] = r.PostFormValue(f)
	}
	s.render(w, r, http.StatusUnprocessableEntity, "assess", "assess.title", d)
	return nil
}
