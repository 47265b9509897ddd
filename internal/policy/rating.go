package policy

import (
	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// RatingFacts are what the rating rule looks at: the rating's source and
// rater, and the facts of the organisation tree the store reads for it.
type RatingFacts struct {
	Source assess.Source
	// RaterID is the rater's employee ID; 0 for a rater who is not an
	// employee (an administrator recording a test result).
	RaterID int64
	// RaterHeads are the paths of the units whose head post the rater
	// holds or acts in today (needed for supervisor and evidence ratings
	// by someone other than the direct supervisor).
	RaterHeads []string
	// RaterAdmin is what the person recording the rating administers.
	RaterAdmin model.Scope
	// Rated is the employee rated: EmployeeID, SupervisorID and UnitPath.
	Rated Target
	// RatedOPD and RaterOPD are the OPDs (model.OPDOf) of the rated
	// employee's and the rater's units, for peer ratings.
	RatedOPD, RaterOPD int64
}

// MayRate reports, as nil or a "forbidden" error with a catalogue key,
// whether the rating f describes may be given:
//   - self: only by the employee themselves;
//   - supervisor: by the employee's direct supervisor or the head of a unit
//     above the employee (MaySupervise's rule);
//   - peer: by another employee of the same OPD who is neither the employee
//     nor their supervisor;
//   - test and assessment centre: by an administrator of the employee;
//   - evidence: by whoever may give the supervisor rating (who reviews work
//     evidence) or by an administrator of the employee.
func MayRate(f RatingFacts) error {
	denied := func(key string) error { return apperr.New(apperr.EFORBIDDEN, key) }
	t := f.Rated
	switch f.Source {
	case assess.SourceSelf:
		if f.RaterID == 0 || f.RaterID != t.EmployeeID {
			return denied("err.rating.self_only_by_employee")
		}
		return nil
	case assess.SourceSupervisor:
		if f.RaterID == 0 || f.RaterID == t.EmployeeID {
			return denied("err.rating.supervisor_only")
		}
		if !supervises(f.RaterID, f.RaterHeads, t) {
			return denied("err.rating.supervisor_or_head_only")
		}
		return nil
	case assess.SourcePeer:
		if f.RaterID == 0 || f.RaterID == t.EmployeeID || f.RaterID == t.SupervisorID {
			return denied("err.rating.peer_not_self_or_supervisor")
		}
		if f.RatedOPD == 0 || f.RatedOPD != f.RaterOPD {
			return denied("err.rating.peer_same_opd")
		}
		return nil
	case assess.SourceEvidence:
		if supervises(f.RaterID, f.RaterHeads, t) || f.RaterAdmin.Contains(t.UnitPath) {
			return nil
		}
		return denied("err.rating.evidence_by_supervisor_or_admin")
	default: // test, assessment centre
		if !f.RaterAdmin.Contains(t.UnitPath) {
			return denied("err.rating.test_results_by_admin")
		}
		return nil
	}
}
