package model

import (
	"errors"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
)

func TestNextApproval(t *testing.T) {
	const emp, sup, head = 10, 20, 30
	both := []ApprovalStep{StepSupervisor, StepOPDHead}
	holders := func(s, h int64) func(ApprovalStep) int64 {
		return func(st ApprovalStep) int64 {
			if st == StepSupervisor {
				return s
			}
			return h
		}
	}
	for _, c := range []struct {
		name      string
		chain     []ApprovalStep
		sup, head int64
		after     ApprovalStep
		proposer  int64
		want      ApprovalStep
		wantWho   int64
	}{
		{"submitted: supervisor first", both, sup, head, StepNone, emp, StepSupervisor, sup},
		{"supervisor approved: OPD head next", both, sup, head, StepSupervisor, emp, StepOPDHead, head},
		{"OPD head approved: done", both, sup, head, StepOPDHead, emp, StepNone, 0},
		{"supervisor is the OPD head: one decision", both, head, head, StepNone, emp, StepSupervisor, head},
		{"after that one decision: done", both, head, head, StepSupervisor, emp, StepNone, 0},
		{"proposed by the supervisor: their step skipped", both, sup, head, StepNone, sup, StepOPDHead, head},
		{"no supervisor: straight to the OPD head", both, 0, head, StepNone, emp, StepOPDHead, head},
		{"the employee heads the OPD: supervisor only", both, sup, emp, StepNone, emp, StepSupervisor, sup},
		{"only the supervisor decides", []ApprovalStep{StepSupervisor}, sup, head, StepSupervisor, emp, StepNone, 0},
		{"OPD head only", []ApprovalStep{StepOPDHead}, sup, head, StepNone, emp, StepOPDHead, head},
		{"nobody holds a post: approved at once", both, 0, 0, StepNone, emp, StepNone, 0},
		{"a step not in the chain: done", []ApprovalStep{StepOPDHead}, sup, head, StepSupervisor, emp, StepNone, 0},
	} {
		got, who := NextApproval(c.chain, holders(c.sup, c.head), c.after, emp, c.proposer)
		if got != c.want || who != c.wantWho {
			t.Errorf("%s: got step %d by %d, want %d by %d", c.name, got, who, c.want, c.wantWho)
		}
	}
}

func TestPlanItemValidate(t *testing.T) {
	field := func(err error) string {
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return ae.Field
		}
		if err != nil {
			return "?"
		}
		return ""
	}
	for _, c := range []struct {
		name string
		it   PlanItem
		want string
	}{
		{"catalogue item", PlanItem{Year: 2026, ProgrammeID: 1, Purpose: "gap"}, ""},
		{"purpose required", PlanItem{Year: 2026, ProgrammeID: 1, Purpose: "  "}, "purpose"},
		{"year far ahead", PlanItem{Year: 2030, ProgrammeID: 1, Purpose: "x"}, "year"},
		{"year two ahead", PlanItem{Year: 2028, ProgrammeID: 1, Purpose: "x"}, ""},
		{"year implausible", PlanItem{Year: 1999, ProgrammeID: 1, Purpose: "x"}, "year"},
		{"free activity", PlanItem{Year: 2026, Title: "Magang di Diskominfo Provinsi", Form: "magang", JP: 10, Purpose: "x"}, ""},
		{"free without title", PlanItem{Year: 2026, Form: "magang", JP: 10, Purpose: "x"}, "title"},
		{"free without JP", PlanItem{Year: 2026, Title: "T", Form: "magang", Purpose: "x"}, "jp"},
		{"free unknown form", PlanItem{Year: 2026, Title: "T", Form: "piknik", JP: 2, Purpose: "x"}, "form"},
		{"free negative cost", PlanItem{Year: 2026, Title: "T", Form: "kursus", JP: 2, Cost: -1, Purpose: "x"}, "cost"},
		{"session without programme", PlanItem{Year: 2026, SessionID: 3, Title: "T", Form: "kursus", JP: 2, Purpose: "x"}, "session"},
	} {
		if got := field(c.it.Validate(2026)); got != c.want {
			t.Errorf("%s: field %q, want %q", c.name, got, c.want)
		}
	}
}

func TestCheckDecision(t *testing.T) {
	if CheckDecision(DecisionApprove, "") != nil {
		t.Error("approval without reason refused")
	}
	for _, d := range []Decision{DecisionReject, DecisionChange} {
		if CheckDecision(d, " ") == nil {
			t.Errorf("%s without a reason accepted", d)
		}
		if CheckDecision(d, "anggaran habis") != nil {
			t.Errorf("%s with a reason refused", d)
		}
	}
	if CheckDecision(DecisionSubmit, "") == nil {
		t.Error("a proposer's decision accepted from an approver")
	}
}

func TestAgreementYear(t *testing.T) {
	for _, c := range []struct {
		start, end, today, from, until string
		ok                             bool
	}{
		{"2024-03-01", "2029-02-28", "2026-12-07", "2026-03-01", "2027-02-28", true},
		{"2024-03-01", "2029-02-28", "2026-02-28", "2025-03-01", "2026-02-28", true},
		{"2024-03-01", "2026-08-31", "2026-06-01", "2026-03-01", "2026-08-31", true}, // cut at the end
		{"2024-03-01", "2026-08-31", "2026-09-01", "", "", false},
		{"2027-01-01", "2031-12-31", "2026-12-07", "", "", false},
		{"2024-01-01", "bad", "2026-12-07", "", "", false},
	} {
		f, u, ok := AgreementYear(c.start, c.end, c.today)
		if f != c.from || u != c.until || ok != c.ok {
			t.Errorf("AgreementYear(%s, %s, %s) = %s, %s, %v; want %s, %s, %v", c.start, c.end, c.today, f, u, ok, c.from, c.until, c.ok)
		}
	}
	y := JPYear{PPPK: true, Limit: PPPKCeilingJP, Counted: 16}
	if y.Over(8) || !y.Over(9) || y.Left() != 8 {
		t.Errorf("ceiling arithmetic wrong: %+v", y)
	}
	if (JPYear{Limit: PNSFloorJP, Counted: 30}).Over(100) {
		t.Error("a PNS has no ceiling")
	}
}

func TestProposerOf(t *testing.T) {
	if ProposerOf(5, 5, 9) != ProposedByEmployee || ProposerOf(9, 5, 9) != ProposedBySupervisor ||
		ProposerOf(0, 5, 0) != ProposedByAdmin || ProposerOf(7, 5, 9) != ProposedByAdmin {
		t.Error("ProposerOf")
	}
}
