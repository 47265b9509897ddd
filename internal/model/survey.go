package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Training-needs questionnaires (part of the AKPK): an administrator asks
// the active employees of one unit's subtree which competencies they feel
// they need and which forms of development they prefer; the results set
// the tallies beside the gaps the assessments found.
//
// Who may do what: a survey belongs to the subtree of its scope unit. It
// is created, edited and deleted by whoever administers that unit
// (policy.ManagesSurvey); it is answered by the active employees placed in
// the subtree; its results are read by whoever reads any part of the
// subtree, for that part (policy.SurveyResultsRoot, policy.ReadsSurveyPart).
//
// Answers are confidential, not anonymous: each response is stored with
// its employee, so that an employee answers once and can change the answer
// until the survey closes; the audit log records that the employee
// answered and nothing of the answer. Result pages show counts, tallies and
// free texts without names, and tallies and texts only for parts that
// cannot single out fewer than SurveyMinTextGroup respondents, alone or
// subtracted from another part (SurveyDetailShown).
//
// Once the first response is in, the questions and the scope are frozen
// (answers point at them); title, introduction and dates stay editable, so
// that a survey can be extended or closed early.

// Question kinds.
const (
	QuestionCompetencies = "competencies" // pick competencies from the question's options
	QuestionForms        = "forms"        // pick preferred forms of development (TrainingForms)
	QuestionText         = "text"         // a free answer
)

// QuestionKinds lists the kinds in the order forms offer them.
var QuestionKinds = []string{QuestionCompetencies, QuestionForms, QuestionText}

// TrainingForms are the forms of competency development an employee can
// say they prefer, after Peraturan LAN 10/2018 (pendidikan, pelatihan
// klasikal and nonklasikal) plus the blended delivery of ASN Corpu
// practice. The codes are stored; labels come from the i18n catalogue
// ("survey.form.<code>").
var TrainingForms = []string{
	"klasikal", "bimtek", "seminar", "workshop", "kursus",
	"elearning", "pjj", "blended",
	"coaching", "mentoring", "otj", "magang", "detasering", "patok_banding", "pertukaran", "komunitas", "mandiri",
	"tugas_belajar",
}

// Limits of what a survey holds: enough for a short questionnaire, small
// enough that a form fits a phone and a malicious post cannot bloat rows.
const (
	SurveyMaxQuestions = 20
	SurveyMaxTitle     = 200
	SurveyMaxIntro     = 2000
	SurveyMaxPrompt    = 500
	SurveyMaxText      = 2000 // characters of a free answer
	SurveyMaxPicks     = 50
)

// SurveyMinTextGroup is the fewest respondents a part of a survey, or any
// difference of visible parts, must have before its free answers and
// choice tallies are shown: with one or two, "without names" would still
// say who wrote or chose what. Response counts are shown whatever the
// size. See SurveyDetailShown.
const SurveyMinTextGroup = 3

// Survey is a questionnaire with its scope and, when read whole, its
// questions.
type Survey struct {
	ID          int64
	Title       string
	Intro       string
	ScopeUnitID int64
	// ScopeName and ScopePath describe the scope unit (filled when read).
	ScopeName, ScopePath string
	OpensOn, ClosesOn    string // YYYY-MM-DD, both inclusive
	CreatedAt            time.Time
	CreatedBy            string
	Responses            int // responses so far (filled when read)
	Questions            []SurveyQuestion
}

// Survey states relative to a day.
const (
	SurveyUpcoming = "upcoming"
	SurveyOpen     = "open"
	SurveyClosed   = "closed"
)

// SurveyStates lists the states in the order a survey goes through them.
var SurveyStates = []string{SurveyUpcoming, SurveyOpen, SurveyClosed}

// State returns whether the survey is upcoming, open or closed on today
// (YYYY-MM-DD, the caller's calendar day).
func (sv Survey) State(today string) string {
	switch {
	case today < sv.OpensOn:
		return SurveyUpcoming
	case today > sv.ClosesOn:
		return SurveyClosed
	}
	return SurveyOpen
}

// Frozen reports whether questions and scope can no longer change.
func (sv Survey) Frozen() bool { return sv.Responses > 0 }

// OpensDate and ClosesDate are the survey's dates as times (for display).
func (sv Survey) OpensDate() time.Time { return isoDate(sv.OpensOn) }

// ClosesDate: see OpensDate.
func (sv Survey) ClosesDate() time.Time { return isoDate(sv.ClosesOn) }

// SurveyQuestion is one question of a survey.
type SurveyQuestion struct {
	ID       int64
	Ord      int
	Kind     string
	Prompt   string
	MaxPicks int  // for picking kinds: most choices allowed, 0 = no limit
	Required bool // the respondent must pick or write something
	// Options are the competencies a competencies question offers, in
	// dictionary order; set OptionIDs when adding a question.
	Options   []SurveyOption
	OptionIDs []int64
}

// SurveyOption is a competency offered by a question.
type SurveyOption struct {
	CompetencyID int64
	Code, Name   string
	Group        string
	Framework    string // framework code
}

// SurveyAnswer is what one respondent gave to one question.
type SurveyAnswer struct {
	Competencies []int64  // competencies question: picked competency IDs
	Forms        []string // forms question: picked TrainingForms codes
	Text         string   // text question
}

// Empty reports whether nothing was given.
func (a SurveyAnswer) Empty() bool {
	return len(a.Competencies) == 0 && len(a.Forms) == 0 && a.Text == ""
}

// validDay checks a YYYY-MM-DD field.
func validDay(field, v string) error {
	if _, err := time.Parse(time.DateOnly, v); err != nil {
		return apperr.Invalid(field, "err.survey.date_not_valid_yyyy", v)
	}
	return nil
}

// Validate normalises (trims) and checks the survey's own fields and the
// questions it carries (a new survey's; an update carries none): a title,
// bounded texts, a scope unit, two dates in order, at most
// SurveyMaxQuestions questions, each valid. It returns the first problem.
// That the scope unit exists and lies in what the writer administers is
// the store's to check, in its transaction.
func (sv *Survey) Validate() error {
	sv.Title, sv.Intro = strings.TrimSpace(sv.Title), strings.TrimSpace(sv.Intro)
	sv.OpensOn, sv.ClosesOn = strings.TrimSpace(sv.OpensOn), strings.TrimSpace(sv.ClosesOn)
	switch {
	case sv.Title == "":
		return apperr.Invalid("title", "err.survey.title_required")
	case utf8.RuneCountInString(sv.Title) > SurveyMaxTitle:
		return apperr.Invalid("title", "err.survey.title_at_most_characters", SurveyMaxTitle)
	case utf8.RuneCountInString(sv.Intro) > SurveyMaxIntro:
		return apperr.Invalid("intro", "err.survey.introduction_at_most_characters", SurveyMaxIntro)
	case sv.ScopeUnitID == 0:
		return apperr.Invalid("unit", "err.survey.choose_target_unit")
	}
	if err := validDay("opens_on", sv.OpensOn); err != nil {
		return err
	}
	if err := validDay("closes_on", sv.ClosesOn); err != nil {
		return err
	}
	if sv.ClosesOn < sv.OpensOn {
		return apperr.Invalid("closes_on", "err.cycle.closing_date_cannot_before")
	}
	if len(sv.Questions) > SurveyMaxQuestions {
		return apperr.Invalid("questions", "err.survey.at_most_questions", SurveyMaxQuestions)
	}
	for i := range sv.Questions {
		if err := sv.Questions[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// Validate normalises and checks a question to be added: a known kind, a
// prompt of at most SurveyMaxPrompt characters, MaxPicks within
// 0…SurveyMaxPicks and, for a competencies question, at least one option
// (sorted, without repeats). Kinds that offer no competencies drop any
// options given, a text question its MaxPicks.
func (q *SurveyQuestion) Validate() error {
	q.Prompt = strings.TrimSpace(q.Prompt)
	switch {
	case !slices.Contains(QuestionKinds, q.Kind):
		return apperr.Invalid("kind", "err.survey.question_kind_unknown", q.Kind)
	case q.Prompt == "":
		return apperr.Invalid("prompt", "err.survey.question_text_required")
	case utf8.RuneCountInString(q.Prompt) > SurveyMaxPrompt:
		return apperr.Invalid("prompt", "err.survey.question_text_at_most", SurveyMaxPrompt)
	case q.MaxPicks < 0 || q.MaxPicks > SurveyMaxPicks:
		return apperr.Invalid("max_picks", "err.survey.max_picks_range", SurveyMaxPicks)
	}
	if q.Kind == QuestionText {
		q.MaxPicks, q.OptionIDs = 0, nil
	}
	if q.Kind == QuestionForms {
		q.OptionIDs = nil
	}
	if q.Kind == QuestionCompetencies {
		slices.Sort(q.OptionIDs)
		q.OptionIDs = slices.Compact(q.OptionIDs)
		if len(q.OptionIDs) == 0 {
			return apperr.Invalid("options", "err.survey.choose_at_least_one")
		}
	}
	return nil
}

// QuestionField is the form field of question id's answer ("q<ID>"), the
// field CheckAnswers names in its errors.
func QuestionField(id int64) string { return fmt.Sprintf("q%d", id) }

// CheckAnswers normalises answers against the survey's questions: picks
// must be among the options (or TrainingForms), at most MaxPicks, required
// questions answered, texts within SurveyMaxText; what a question's kind
// does not take is dropped, picks are sorted without repeats, texts
// trimmed. Answers to unknown questions are refused. The error names the
// question's field (QuestionField).
func (sv *Survey) CheckAnswers(answers map[int64]SurveyAnswer) error {
	byID := map[int64]*SurveyQuestion{}
	for i := range sv.Questions {
		byID[sv.Questions[i].ID] = &sv.Questions[i]
	}
	for qid := range answers {
		if byID[qid] == nil {
			return apperr.Invalid("answers", "err.survey.question_not_part_survey", qid)
		}
	}
	for _, q := range sv.Questions {
		field := QuestionField(q.ID)
		a := answers[q.ID]
		switch q.Kind {
		case QuestionCompetencies:
			a.Forms, a.Text = nil, ""
			slices.Sort(a.Competencies)
			a.Competencies = slices.Compact(a.Competencies)
			for _, c := range a.Competencies {
				if !slices.Contains(q.OptionIDs, c) {
					return apperr.Invalid(field, "err.survey.competency_not_choice_question", c)
				}
			}
			if q.MaxPicks > 0 && len(a.Competencies) > q.MaxPicks {
				return apperr.Invalid(field, "err.survey.choose_at_most", q.MaxPicks)
			}
		case QuestionForms:
			a.Competencies, a.Text = nil, ""
			slices.Sort(a.Forms)
			a.Forms = slices.Compact(a.Forms)
			for _, f := range a.Forms {
				if !slices.Contains(TrainingForms, f) {
					return apperr.Invalid(field, "err.survey.development_form_unknown", f)
				}
			}
			if q.MaxPicks > 0 && len(a.Forms) > q.MaxPicks {
				return apperr.Invalid(field, "err.survey.choose_at_most", q.MaxPicks)
			}
		case QuestionText:
			a.Competencies, a.Forms = nil, nil
			a.Text = strings.TrimSpace(a.Text)
			if utf8.RuneCountInString(a.Text) > SurveyMaxText {
				return apperr.Invalid(field, "err.survey.answer_at_most_characters", SurveyMaxText)
			}
		}
		if q.Required && a.Empty() {
			return apperr.Invalid(field, "err.survey.question_answered")
		}
		answers[q.ID] = a
	}
	return nil
}
