package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
)

// Answering (/kuesioner/{id}): the employees placed in the survey's subtree
// see the questions with their earlier answer filled in, and may change it
// until the survey closes; afterwards the page shows what they answered.
// Anybody else gets "not found", whatever their role: a survey is answered
// by employees for themselves only.

// formChoice is one training form as a checkbox.
type formChoice struct {
	Code   string
	Picked bool
}

// answerQuestion is one question as the answer form shows it.
type answerQuestion struct {
	model.SurveyQuestion
	Field  string         // form field name: "q<ID>"
	Picked map[int64]bool // competencies question
	Forms  []formChoice   // forms question
	Text   string         // text question
	Error  string         // why the last post was refused, for this question
}

// surveyAnswerData is what survey_answer.html shows.
type surveyAnswerData struct {
	SV         *model.Survey
	State      string
	Qs         []answerQuestion
	Answered   bool
	AnsweredAt time.Time
	Saved      bool
	Error      string
}

// answerQuestions pairs the questions with the answers to show.
func answerQuestions(sv *model.Survey, answers map[int64]model.SurveyAnswer) []answerQuestion {
	var out []answerQuestion
	for _, q := range sv.Questions {
		a := answers[q.ID]
		aq := answerQuestion{SurveyQuestion: q, Field: model.QuestionField(q.ID), Picked: map[int64]bool{}, Text: a.Text}
		for _, c := range a.Competencies {
			aq.Picked[c] = true
		}
		if q.Kind == model.QuestionForms {
			for _, f := range model.TrainingForms {
				aq.Forms = append(aq.Forms, formChoice{Code: f, Picked: slices.Contains(a.Forms, f)})
			}
		}
		out = append(out, aq)
	}
	return out
}

// answeringSurvey loads survey {id} for the signed-in employee when they are
// among those asked, and returns "not found" otherwise.
func (s *server) answeringSurvey(r *http.Request) (*auth.Principal, *model.Survey, error) {
	p, id, err := s.userID(r)
	if err != nil {
		return nil, nil, err
	}
	ctx := r.Context()
	ok, err := s.st.SurveyEligible(ctx, id, p.User.EmployeeID)
	if err == nil && !ok {
		err = errNotPermitted
	}
	var sv *model.Survey
	if err == nil {
		sv, err = s.st.Survey(ctx, id)
	}
	if err != nil {
		return nil, nil, err
	}
	return p, sv, nil
}

// surveyAnswerForm shows the questions with the employee's answer so far
// (GET /kuesioner/{id}).
func (s *server) surveyAnswerForm(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.answeringSurvey(r)
	if err != nil {
		return err
	}
	resp, err := s.st.SurveyResponseOf(r.Context(), sv.ID, p.User.EmployeeID)
	if err != nil {
		return err
	}
	d := &surveyAnswerData{SV: sv, State: sv.State(s.today()), Saved: r.URL.Query().Get("tersimpan") == "1"}
	var answers map[int64]model.SurveyAnswer
	if resp != nil {
		answers, d.Answered, d.AnsweredAt = resp.Answers, true, resp.UpdatedAt
	}
	d.Qs = answerQuestions(sv, answers)
	s.renderView(w, r, http.StatusOK, "survey_answer", &view{Title: "survey.answer_title", TitleArg: sv.Title, Data: d})
	return nil
}

// surveyAnswer stores the employee's answer (POST /kuesioner/{id}): for
// each question "q<ID>" carries the ticked competency IDs, the ticked form
// codes or the text.
func (s *server) surveyAnswer(w http.ResponseWriter, r *http.Request) error {
	p, sv, err := s.answeringSurvey(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return apperr.Invalid("form", "err.common.form_could_not_read")
	}
	answers := map[int64]model.SurveyAnswer{}
	for _, q := range sv.Questions {
		vals := r.PostForm[model.QuestionField(q.ID)]
		var a model.SurveyAnswer
		switch q.Kind {
		case model.QuestionCompetencies:
			for _, v := range vals {
				if id, err := strconv.ParseInt(v, 10, 64); err == nil {
					a.Competencies = append(a.Competencies, id)
				}
			}
		case model.QuestionForms:
			a.Forms = vals
		case model.QuestionText:
			if len(vals) > 0 {
				a.Text = vals[0]
			}
		}
		answers[q.ID] = a
	}
	_, err = s.st.SubmitSurvey(r.Context(), actor(p), sv.ID, p.User.EmployeeID, s.today(), answers)
	if err == nil {
		http.Redirect(w, r, fmt.Sprintf("/kuesioner/%d?tersimpan=1", sv.ID), http.StatusSeeOther)
		return nil
	}
	code := apperr.Code(err)
	if code != apperr.EINVALID && code != apperr.ECONFLICT {
		return err
	}
	// Show the form again with what was typed and the reason.
	d := &surveyAnswerData{SV: sv, State: sv.State(s.today()), Qs: answerQuestions(sv, answers), Error: apperr.Message(langOf(r), err)}
	var e *apperr.Error
	if errors.As(err, &e) {
		for i := range d.Qs {
			if d.Qs[i].Field == e.Field {
				d.Qs[i].Error, d.Error = e.Text(langOf(r)), ""
			}
		}
	}
	s.renderView(w, r, statusOf(code), "survey_answer", &view{Title: "survey.answer_title", TitleArg: sv.Title, Data: d})
	return nil
}
