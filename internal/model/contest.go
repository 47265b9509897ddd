package model

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// What an employee may contest (UU 27/2022: profiling explained and
// contestable): the JPM, the level of one competency, the 9-box placement.
const (
	ContestJPM     = "jpm"
	ContestLevel   = "level"
	ContestNineBox = "ninebox"
)

// ContestSubjects lists what may be contested, in the form's order.
var ContestSubjects = []string{ContestJPM, ContestLevel, ContestNineBox}

// Lengths of a contest's texts.
const (
	ContestMinNote = 10
	ContestMaxNote = 2000
)

// Contest is an employee's objection to a result about them, with the
// administrator's answer.
type Contest struct {
	ID             int64
	EmployeeID     int64
	Subject        string
	CompetencyID   int64 // for ContestLevel
	CompetencyName string
	Note           string
	CreatedAt      time.Time
	Answer         string
	AnsweredAt     time.Time // zero while open
	AnsweredBy     string

	EmployeeName, EmployeeNIP string // read with the row, for the administrator's list
}

// Open says whether the contest awaits an answer.
func (c *Contest) Open() bool { return c.AnsweredAt.IsZero() }

// Validate checks a new contest, trimming its note.
func (c *Contest) Validate() error {
	c.Note = strings.TrimSpace(c.Note)
	switch c.Subject {
	case ContestJPM, ContestNineBox:
		c.CompetencyID = 0
	case ContestLevel:
		if c.CompetencyID == 0 {
			return apperr.Invalid("competency", "err.contest.competency_required")
		}
	default:
		return apperr.Invalid("subject", "err.contest.subject_unknown", c.Subject)
	}
	return ContestText("note", c.Note)
}

// ContestText checks a note or an answer: at least ContestMinNote and at
// most ContestMaxNote characters.
func ContestText(field, s string) error {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	if n < ContestMinNote {
		return apperr.Invalid(field, "err.contest.text_too_short", ContestMinNote)
	}
	if n > ContestMaxNote {
		return apperr.Invalid(field, "err.contest.text_too_long", ContestMaxNote)
	}
	return nil
}
