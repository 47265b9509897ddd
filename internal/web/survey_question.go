package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// surveyAddQuestion appends a question (POST /kuesioner/{id}/pertanyaan):
// kind, prompt, max_picks, required and, for a competencies question, the
// ticked "cid" checkboxes.
func (s *server) surveyAddQuestion(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	qf := questionForm{Kind: r.PostFormValue("kind"), Prompt: r.PostFormValue("prompt"), Picks: strings.TrimSpace(r.PostFormValue("max_picks")),
		Required: r.PostFormValue("required") != "", Picked: map[int64]bool{}}
	q := &model.SurveyQuestion{Kind: qf.Kind, Prompt: qf.Prompt, MaxPicks: atoiOr(qf.Picks, 0), Required: qf.Required}
	for _, v := range r.PostForm["cid"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			q.OptionIDs = append(q.OptionIDs, id)
			qf.Picked[id] = true
		}
	}
	err = s.st.AddSurveyQuestion(r.Context(), actor(p), p.Admin, sv.ID, q)
	d := &surveyEditData{SV: sv, F: surveyForm{Title: sv.Title, Intro: sv.Intro, Unit: strconv.FormatInt(sv.ScopeUnitID, 10),
		OpensOn: sv.OpensOn, ClosesOn: sv.ClosesOn}, Q: qf}
	if status, ok := refused(langOf(r), d, err); ok {
		return s.renderSurveyForm(w, r, p, status, d)
	}
	if err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/kuesioner/%d/ubah?tersimpan=1#q-%d", sv.ID, q.ID), http.StatusSeeOther)
	return nil
}

// surveyDeleteQuestion removes a question (POST
// /kuesioner/{id}/pertanyaan/{qid}/hapus).
func (s *server) surveyDeleteQuestion(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.managedSurvey(r)
	if err != nil {
		return err
	}
	qid, err := strconv.ParseInt(r.PathValue("qid"), 10, 64)
	if err != nil || !slices.ContainsFunc(sv.Questions, func(q model.SurveyQuestion) bool { return q.ID == qid }) {
		return errNotPermitted
	}
	if err := s.st.DeleteSurveyQuestion(r.Context(), actor(p), p.Admin, sv.ID, qid); err != nil {
		return err
	}
	http.Redirect(w, r, fmt.Sprintf("/kuesioner/%d/ubah?tersimpan=1", sv.ID), http.StatusSeeOther)
	return nil
}
