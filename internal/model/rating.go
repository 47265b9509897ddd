package model

import (
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/i18n"
)

// Rating is one rating event to record: who rated whom in which competency
// with which source. Events are never overwritten; a newer event of the
// same rater and source replaces the older one in the resolution (package
// assess). Who may give which rating is policy.MayRate's question; the
// store reads the facts it needs and asks it.
type Rating struct {
	ID           int64
	EmployeeID   int64         // the employee rated
	CompetencyID int64         // the competency rated
	Source       assess.Source // self, supervisor, peer, test, assessment_centre, evidence
	Level        int           // 1–5
	// RaterID is the rater's employee ID; 0 for a rater who is not an
	// employee (an administrator entering a test result).
	RaterID int64
	// RaterAdmin is what the person recording the rating administers
	// (policy.Principal.Admin). Test, assessment-centre and evidence
	// ratings need the rated employee inside it.
	RaterAdmin Scope
	CycleID    int64     // optional assessment cycle
	At         time.Time // zero means now
	Note       string
}

// RatingSources are the sources a rating may have.
var RatingSources = []assess.Source{assess.SourceSelf, assess.SourceSupervisor, assess.SourcePeer,
	assess.SourceTest, assess.SourceAssessmentCentre, assess.SourceEvidence}

// ValidRatingSource reports whether src is one of RatingSources.
func ValidRatingSource(src assess.Source) bool {
	for _, s := range RatingSources {
		if s == src {
			return true
		}
	}
	return false
}

// Validate checks the values of a rating on their own (a known source, a
// level 1–5); whether the rater may give it is policy.MayRate's, and
// whether the employee and competency exist the store's.
func (r *Rating) Validate() error {
	if !ValidRatingSource(r.Source) {
		return apperr.Invalid("source", "err.rating.assessment_source_unknown", r.Source)
	}
	if r.Level < 1 || r.Level > 5 {
		return apperr.Invalid("level", "err.common.level_1_5")
	}
	if TooLong(r.Note, MaxLongText) {
		return apperr.Invalid("note", "err.common.too_long", i18n.Key("field.note"), MaxLongText)
	}
	return nil
}

// PathIDs returns the unit IDs of a materialised path ("/1/7/42/" → 1, 7,
// 42), root first; segments that are not numbers are skipped.
func PathIDs(path string) []int64 {
	var ids []int64
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		if id, err := strconv.ParseInt(seg, 10, 64); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

// OPDOf returns the OPD (perangkat daerah) of the unit at path: the nearest
// ancestor-or-self whose kind is opd (isOPD), else the unit just below the
// root (a pemda whose tree does not mark its OPDs), else the unit itself
// (a root). 0 for a path naming no unit. Peer ratings are given within one
// OPD.
func OPDOf(path string, isOPD func(id int64) bool) int64 {
	ids := PathIDs(path)
	for i := len(ids) - 1; i >= 0; i-- {
		if isOPD(ids[i]) {
			return ids[i]
		}
	}
	switch {
	case len(ids) > 1:
		return ids[1]
	case len(ids) == 1:
		return ids[0]
	}
	return 0
}
