package policy

import (
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// TestMayRate walks the rating rule source × rater × rated: employee 20 in
// A's section /1/2/5/ (OPD 2) reports to 13; 13 heads the section; 40
// heads OPD A; 21 is a colleague in OPD 2; 30 works in OPD 3.
func TestMayRate(t *testing.T) {
	rated := Target{EmployeeID: 20, SupervisorID: 13, UnitPath: "/1/2/5/"}
	adminOfA := model.Scope{UnitPaths: []string{"/1/2/"}}
	adminOfB := model.Scope{UnitPaths: []string{"/1/3/"}}
	tests := []struct {
		name string
		f    RatingFacts
		want string // "" allowed, else the catalogue key of the refusal
	}{
		{"self by oneself", RatingFacts{Source: assess.SourceSelf, RaterID: 20}, ""},
		{"self by someone else", RatingFacts{Source: assess.SourceSelf, RaterID: 21}, "err.rating.self_only_by_employee"},
		{"self by a non-employee", RatingFacts{Source: assess.SourceSelf, RaterAdmin: model.Scope{All: true}}, "err.rating.self_only_by_employee"},

		{"supervisor by the direct supervisor", RatingFacts{Source: assess.SourceSupervisor, RaterID: 13}, ""},
		{"supervisor by the head of the OPD above", RatingFacts{Source: assess.SourceSupervisor, RaterID: 40, RaterHeads: []string{"/1/2/"}}, ""},
		{"supervisor by the head of a unit elsewhere", RatingFacts{Source: assess.SourceSupervisor, RaterID: 41, RaterHeads: []string{"/1/3/"}}, "err.rating.supervisor_or_head_only"},
		{"supervisor by a head of a sibling with a longer number", RatingFacts{Source: assess.SourceSupervisor, RaterID: 41, RaterHeads: []string{"/1/2/50/"}}, "err.rating.supervisor_or_head_only"},
		{"supervisor by a colleague", RatingFacts{Source: assess.SourceSupervisor, RaterID: 21}, "err.rating.supervisor_or_head_only"},
		{"supervisor by oneself, even heading the unit", RatingFacts{Source: assess.SourceSupervisor, RaterID: 20, RaterHeads: []string{"/1/2/5/"}}, "err.rating.supervisor_only"},
		{"supervisor by a non-employee admin", RatingFacts{Source: assess.SourceSupervisor, RaterAdmin: adminOfA}, "err.rating.supervisor_only"},

		{"peer in the same OPD", RatingFacts{Source: assess.SourcePeer, RaterID: 21, RatedOPD: 2, RaterOPD: 2}, ""},
		{"peer in another OPD", RatingFacts{Source: assess.SourcePeer, RaterID: 30, RatedOPD: 2, RaterOPD: 3}, "err.rating.peer_same_opd"},
		{"peer without an OPD", RatingFacts{Source: assess.SourcePeer, RaterID: 21}, "err.rating.peer_same_opd"},
		{"peer by oneself", RatingFacts{Source: assess.SourcePeer, RaterID: 20, RatedOPD: 2, RaterOPD: 2}, "err.rating.peer_not_self_or_supervisor"},
		{"peer by the supervisor", RatingFacts{Source: assess.SourcePeer, RaterID: 13, RatedOPD: 2, RaterOPD: 2}, "err.rating.peer_not_self_or_supervisor"},
		{"peer by a non-employee", RatingFacts{Source: assess.SourcePeer, RatedOPD: 2, RaterOPD: 2}, "err.rating.peer_not_self_or_supervisor"},

		{"test by the admin of the OPD", RatingFacts{Source: assess.SourceTest, RaterAdmin: adminOfA}, ""},
		{"assessment centre by the government's admin", RatingFacts{Source: assess.SourceAssessmentCentre, RaterAdmin: model.Scope{All: true}}, ""},
		{"test by another OPD's admin", RatingFacts{Source: assess.SourceTest, RaterAdmin: adminOfB}, "err.rating.test_results_by_admin"},
		{"test by the supervisor", RatingFacts{Source: assess.SourceTest, RaterID: 13}, "err.rating.test_results_by_admin"},
		{"test by someone who only reads the unit", RatingFacts{Source: assess.SourceTest, RaterID: 13,
			RaterAdmin: model.Scope{SelfID: 13, SupervisorID: 13}}, "err.rating.test_results_by_admin"},

		{"evidence by the supervisor", RatingFacts{Source: assess.SourceEvidence, RaterID: 13}, ""},
		{"evidence by the head above", RatingFacts{Source: assess.SourceEvidence, RaterID: 40, RaterHeads: []string{"/1/2/"}}, ""},
		{"evidence by the admin of the OPD", RatingFacts{Source: assess.SourceEvidence, RaterAdmin: adminOfA}, ""},
		{"evidence by an admin who is an employee elsewhere", RatingFacts{Source: assess.SourceEvidence, RaterID: 30, RaterAdmin: adminOfA}, ""},
		{"evidence by a colleague", RatingFacts{Source: assess.SourceEvidence, RaterID: 21}, "err.rating.evidence_by_supervisor_or_admin"},
		{"evidence by oneself", RatingFacts{Source: assess.SourceEvidence, RaterID: 20, RaterHeads: []string{"/1/2/5/"}}, "err.rating.evidence_by_supervisor_or_admin"},
		{"evidence by another OPD's admin", RatingFacts{Source: assess.SourceEvidence, RaterAdmin: adminOfB}, "err.rating.evidence_by_supervisor_or_admin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.f.Rated = rated
			err := MayRate(tt.f)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("MayRate = %v, want allowed", err)
				}
				return
			}
			var e *apperr.Error
			if !errors.As(err, &e) || e.Code != apperr.EFORBIDDEN || e.Key != tt.want {
				t.Fatalf("MayRate = %#v, want forbidden %s", err, tt.want)
			}
		})
	}
}

// TestMayRateAgreesWithMaySupervise pins the two faces of the supervisor
// rule together: whoever MaySupervise lets review or rate as a supervisor
// MayRate lets give the supervisor rating, and nobody else.
func TestMayRateAgreesWithMaySupervise(t *testing.T) {
	for _, p := range []*Principal{pegawai, atasan, adminA, adminNoUnit, bkpsdm, pimpinan, auditor, provider, super} {
		for _, tg := range []Target{inA, inB, adminAs, {UnitPath: "/1/2/5/", EmployeeID: 13, SupervisorID: 10}} {
			f := RatingFacts{Source: assess.SourceSupervisor, RaterID: p.User.EmployeeID, RaterHeads: p.HeadPaths, Rated: tg}
			if got, want := MayRate(f) == nil, MaySupervise(p, tg); got != want {
				t.Errorf("%s on %+v: MayRate allows %v, MaySupervise %v", p.User.Role, tg, got, want)
			}
		}
	}
}
