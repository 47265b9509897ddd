package model

import (
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Retirement ages an administrator may enter: outside this range a typo
// (6 for 60) would move thousands of retirement dates at once.
const (
	MinRetirementAge = 50
	MaxRetirementAge = 70
)

// RetirementAges are the retirement ages (BUP) by position: data the BKPSDM
// administrator edits (domain.md §5 gives them as secondary-source defaults).
// Teachers stand apart because UU 14/2005 gives every Guru jenjang one age.
type RetirementAges struct {
	// Types holds the age of each non-functional position type; an
	// employee without a position takes the Pelaksana age.
	Types map[PositionType]int `json:"types"`
	// Jenjangs holds the age of each functional jenjang (see Jenjangs).
	Jenjangs map[string]int `json:"jenjangs"`
	// Teacher is the age of every Guru post, whatever its jenjang.
	Teacher int `json:"teacher"`
}

// DefaultRetirementAges returns domain.md §5: 60 for JPT and Ahli Madya, 65
// for Ahli Utama, 60 for teachers at every jenjang, 58 for everybody else.
// Each call returns fresh maps the caller may edit.
func DefaultRetirementAges() RetirementAges {
	r := RetirementAges{Types: map[PositionType]int{}, Jenjangs: map[string]int{}, Teacher: 60}
	for _, t := range PositionTypes {
		if t != Fungsional {
			r.Types[t] = 58
		}
	}
	r.Types[JPTUtama], r.Types[JPTMadya], r.Types[JPTPratama] = 60, 60, 60
	for _, j := range Jenjangs {
		r.Jenjangs[j] = 58
	}
	r.Jenjangs["ahli_madya"], r.Jenjangs["ahli_utama"] = 60, 65
	return r
}

// Age is the retirement age of the holder of a post of type t, jenjang
// (functional only) and title; teacher posts are recognised by their title
// (IsTeacherPost). An unknown type or jenjang takes the Pelaksana age.
func (r RetirementAges) Age(t PositionType, jenjang, title string) int {
	if IsTeacherPost(t, title) {
		return r.Teacher
	}
	if t == Fungsional {
		if a, ok := r.Jenjangs[jenjang]; ok {
			return a
		}
	} else if a, ok := r.Types[t]; ok {
		return a
	}
	return r.Types[Pelaksana]
}

// Validate reports a missing or implausible age: every non-functional type
// and every jenjang needs one, each between MinRetirementAge and
// MaxRetirementAge.
func (r RetirementAges) Validate() error {
	check := func(field string, a int) error {
		if a < MinRetirementAge || a > MaxRetirementAge {
			return apperr.Invalid(field, "err.settings.retirement_age_range", a, MinRetirementAge, MaxRetirementAge)
		}
		return nil
	}
	for _, t := range PositionTypes {
		if t == Fungsional {
			continue
		}
		if err := check("retirement."+string(t), r.Types[t]); err != nil {
			return err
		}
	}
	for _, j := range Jenjangs {
		if err := check("retirement."+j, r.Jenjangs[j]); err != nil {
			return err
		}
	}
	return check("retirement.teacher", r.Teacher)
}

// IsTeacherPost reports whether a post is the jabatan fungsional Guru: a
// functional post whose title starts with the word "Guru" (SIASN names them
// "Guru Ahli Pertama" … "Guru Ahli Utama"). A kepala sekolah holds such a
// post with an additional duty (Permendikbudristek 40/2021), not a
// managerial one.
func IsTeacherPost(t PositionType, title string) bool {
	if t != Fungsional {
		return false
	}
	w, _, _ := strings.Cut(strings.TrimSpace(title), " ")
	return strings.EqualFold(w, "guru")
}

// MayHead reports whether a post may head its unit: a managerial post, or a
// Guru post heading its school (kepala sekolah).
func MayHead(t PositionType, title string) bool {
	return t.Managerial() || IsTeacherPost(t, title)
}
