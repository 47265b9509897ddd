package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// Review findings of the discipline, questionnaire and framework features
// (one test per finding; see the review report).

// Penalties are restricted to the employee and their unit's admins, but the
// audit log is read by auditors too (/audit): its entries name the record
// and who changed it, not the penalty's content (kind, decree, reason).
func TestReviewPenaltyAuditOmitsRestrictedContent(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		p := model.DisciplinePenalty{EmployeeID: f.Ani.ID, Level: model.PenaltySedang, Kind: "pemotongan tunjangan kinerja 25% selama 6 bulan",
			DecreeNo: "800/RAHASIA/2026", DecreeDate: day("2026-03-01"), StartsOn: day("2026-03-02"), EndsOn: day("2026-09-01")}
		must(t, s.AddPenalty(ctx, admin, &p))
		must(t, s.RevokePenalty(ctx, admin, f.Ani.ID, p.ID, "dibatalkan karena banding atas perkara gratifikasi"))
		log, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmtInt(f.Ani.ID)})
		must(t, err)
		var actions []string
		for _, e := range log {
			if !strings.HasPrefix(e.Action, "discipline.") {
				continue
			}
			actions = append(actions, e.Action)
			for _, secret := range []string{"tunjangan", "800/RAHASIA/2026", "gratifikasi", "sedang"} {
				if strings.Contains(e.Detail, secret) {
					t.Errorf("audit %s shows %q: %s", e.Action, secret, e.Detail)
				}
			}
			if !strings.Contains(e.Detail, fmtInt(p.ID)) {
				t.Errorf("audit %s does not name the penalty %d: %s", e.Action, p.ID, e.Detail)
			}
		}
		if len(actions) != 2 {
			t.Errorf("discipline audit entries %v, want add and revoke", actions)
		}
	})
}

// The form's maxlength is no server-side check: over-long penalty fields
// are refused naming the field, and nothing is written.
func TestReviewPenaltyFieldLengths(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		long := strings.Repeat("x", 2000)
		for _, c := range []struct {
			field string
			edit  func(p *model.DisciplinePenalty)
		}{
			{"kind", func(p *model.DisciplinePenalty) { p.Kind = long }},
			{"decree_no", func(p *model.DisciplinePenalty) { p.DecreeNo = long }},
		} {
			p := model.DisciplinePenalty{EmployeeID: f.Ani.ID, Level: model.PenaltyRingan, DecreeNo: "800/1/2026",
				DecreeDate: day("2026-03-01"), StartsOn: day("2026-03-01")}
			c.edit(&p)
			var ae *apperr.Error
			if err := s.AddPenalty(ctx, admin, &p); !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Field != c.field {
				t.Errorf("%s of %d characters: %v", c.field, len(long), err)
			}
		}
		if list, _ := s.Penalties(ctx, f.Ani.ID); len(list) != 0 {
			t.Fatalf("refused penalties stored: %d", len(list))
		}
		p := model.DisciplinePenalty{EmployeeID: f.Ani.ID, Level: model.PenaltyRingan, DecreeNo: "800/1/2026",
			DecreeDate: day("2026-03-01"), StartsOn: day("2026-03-01")}
		must(t, s.AddPenalty(ctx, admin, &p))
		var ae *apperr.Error
		if err := s.RevokePenalty(ctx, admin, f.Ani.ID, p.ID, long); !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Field != "note" {
			t.Errorf("revoke note of %d characters: %v", len(long), err)
		}
		if list, _ := s.Penalties(ctx, f.Ani.ID); len(list) != 1 || list[0].Revoked {
			t.Errorf("a refused revocation changed the penalty: %+v", list)
		}
	})
}

// Free answers are shown "without names", but a part of the survey with one
// or two respondents (a small unit, or a child unit picked on the results
// page) names them in all but name: their texts and tallies are withheld
// until the part has model.SurveyMinTextGroup respondents.
func TestReviewSurveyTextsOfSmallGroupsWithheld(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		sv := newDinasSurvey(t, s, f)
		qc, qt := sv.Questions[0].ID, sv.Questions[2].ID
		answer := func(e model.Employee, text string) {
			t.Helper()
			_, err := s.SubmitSurvey(ctx, model.Actor{Name: e.NIP}, sv.ID, e.ID, "2025-03-10",
				map[int64]model.SurveyAnswer{qc: {Competencies: []int64{f.National[0]}}, qt: {Text: text}})
			must(t, err)
		}
		texts := func() *needs.SurveyResults {
			t.Helper()
			res, err := s.SurveyResults(ctx, model.Scope{All: true}, sv.ID, 0)
			must(t, err)
			return res
		}
		answer(f.Ani, "Atasan saya tidak pernah memberi kesempatan pelatihan")
		res := texts()
		if q := res.Questions[2]; len(q.Texts) != 0 || q.TextCount != 0 || !res.DetailWithheld {
			t.Errorf("one respondent: texts %q (count %d), withheld %v", q.Texts, q.TextCount, res.DetailWithheld)
		}
		// The response count stays; what was chosen does not.
		if res.Responses != 1 || res.Questions[0].Answered != 0 || res.Questions[0].Competencies[0].Said != 0 {
			t.Errorf("one respondent: responses %d, answered %d, said %d", res.Responses, res.Questions[0].Answered, res.Questions[0].Competencies[0].Said)
		}
		answer(f.Bayu, "Mentoring")
		if q := texts().Questions[2]; len(q.Texts) != 0 {
			t.Errorf("two respondents: texts %q", q.Texts)
		}
		answer(f.Kabid, "SPBE")
		res = texts()
		if q := res.Questions[2]; len(q.Texts) != 3 || q.TextCount != 3 || res.DetailWithheld {
			t.Errorf("three respondents: texts %q (count %d), withheld %v", q.Texts, q.TextCount, res.DetailWithheld)
		}
	})
}
