package assess

import (
	"time"
)

// Source is who produced a rating.
type Source string

// The sources of ratings. SourceWeighted is not a rating source: it marks a
// Resolution decided by the weighted mean.
const (
	SourceSelf             Source = "self"              // the employee's self-assessment
	SourceSupervisor       Source = "supervisor"        // the direct supervisor (atasan langsung)
	SourcePeer             Source = "peer"              // colleagues, anonymous, aggregated
	SourceTest             Source = "test"              // a competency test
	SourceAssessmentCentre Source = "assessment_centre" // an assessment-centre report, the strongest evidence
	SourceEvidence         Source = "evidence"          // work evidence reviewed by the supervisor
	SourceWeighted         Source = "weighted"          // not a rating source: marks the weighted mean
)

// sourceOrder is the order in which Explain and Resolution list sources:
// the strongest evidence first. Sources outside it follow by name.
var sourceOrder = []Source{SourceAssessmentCentre, SourceTest, SourceSupervisor, SourceEvidence, SourcePeer, SourceSelf}

// Label names the source in the UI language: Indonesian by default, English
// for lang "en".
func (s Source) Label(lang string) string {
	en := isEN(lang)
	pick := func(id, e string) string {
		if en {
			return e
		}
		return id
	}
	switch s {
	case SourceSelf:
		return pick("Penilaian diri", "Self-assessment")
	case SourceSupervisor:
		return pick("Atasan langsung", "Supervisor")
	case SourcePeer:
		return pick("Rekan kerja", "Peers")
	case SourceTest:
		return pick("Tes kompetensi", "Competency test")
	case SourceAssessmentCentre:
		return pick("Assessment centre", "Assessment centre")
	case SourceEvidence:
		return pick("Bukti kerja (diverifikasi atasan)", "Work evidence (reviewed by supervisor)")
	case SourceWeighted:
		return pick("Rata-rata berbobot", "Weighted mean")
	}
	return string(s)
}

// Year is the length of a year in validity periods: 365 days. A
// time.Duration cannot follow the calendar, so in a leap year a rating
// expires a day early.
const Year = 365 * 24 * time.Hour

// Event is one rating of one competency of one employee.
type Event struct {
	ID           int64     // breaks ties between events of one rater at the same time
	CompetencyID int64     // the competency rated
	Source       Source    // what kind of rater produced it
	Level        int       // 1–5
	At           time.Time // when the rating was given; validity counts from here
	RaterID      int64     // who rated; 0 where no person rated (a test)
}

// Rule is the configurable policy that turns events into one level. It is
// data so that an agency can change weights and validity without a release
// (domain.md marks these choices as unverified defaults).
type Rule struct {
	// Weights of the sources in the weighted mean; a source with no weight
	// that is not in Outranks is ignored.
	Weights map[Source]int
	// Validity per source; events older than now − validity are ignored.
	// A missing or zero validity means the source never expires.
	Validity map[Source]time.Duration
	// Outranks lists sources that, when they have a valid event, decide
	// alone, first one first.
	Outranks []Source
	// MinPeers is how many distinct peers must have rated before peer
	// ratings count; values below 1 are read as 1.
	MinPeers int
	// ConflictSpread flags a conflict when valid levels differ by at least
	// this much; 0 or less disables the flag.
	ConflictSpread int
}

// DefaultRule returns the product's default policy: weights supervisor 3,
// assessment centre 5, test 4, evidence 2, peer mean 2, self 1; validity 3
// years for the assessment centre, 2 for tests, 1 for the rest; assessment
// centre then test outrank the others; at least 3 peers; conflict at a
// spread of 2 levels. Each call returns fresh maps the caller may edit.
func DefaultRule() Rule {
	return Rule{
		Weights: map[Source]int{
			SourceSupervisor: 3, SourceAssessmentCentre: 5, SourceTest: 4,
			SourceEvidence: 2, SourcePeer: 2, SourceSelf: 1,
		},
		Validity: map[Source]time.Duration{
			SourceAssessmentCentre: 3 * Year, SourceTest: 2 * Year,
			SourceSupervisor: Year, SourceEvidence: Year, SourcePeer: Year, SourceSelf: Year,
		},
		Outranks:       []Source{SourceAssessmentCentre, SourceTest},
		MinPeers:       3,
		ConflictSpread: 2,
	}
}

// outranks reports the rank of s in Outranks (0 = first), or -1.
func (r Rule) outranks(s Source) int {
	for i, o := range r.Outranks {
		if o == s {
			return i
		}
	}
	return -1
}

// accepts reports whether the rule can use events of source s at all.
func (r Rule) accepts(s Source) bool {
	return r.Weights[s] > 0 || r.outranks(s) >= 0
}

// minPeers is MinPeers with its floor of 1 applied.
func (r Rule) minPeers() int { return max(r.MinPeers, 1) }

// isEN reports whether lang asks for English ("en", "en-US"); anything else
// gives Indonesian, the default, like i18n.Parse.
func isEN(lang string) bool {
	return len(lang) >= 2 && (lang[0] == 'e' || lang[0] == 'E') && (lang[1] == 'n' || lang[1] == 'N')
}
