package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestContests: Budi contests a level of his standard and his JPM; the
// Kominfo admin sees and answers them (once), the Dinkes' records are
// beyond her; both steps are audited.
func TestContests(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s, testcity.WithClock(time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)), testcity.WithStandard())
		budi := model.Actor{UserID: c.BudiUser.ID, Name: c.BudiUser.Username}
		level := model.Contest{EmployeeID: c.Budi.ID, Subject: model.ContestLevel, CompetencyID: c.Comps[1],
			Note: "Atasan menilai tanpa melihat laporan proyek saya."}
		must(t, s.AddContest(ctx, budi, &level))
		jpm := model.Contest{EmployeeID: c.Budi.ID, Subject: model.ContestJPM, Note: "JPM saya dihitung dari penilaian lama."}
		must(t, s.AddContest(ctx, budi, &jpm))
		for _, bad := range []model.Contest{
			{EmployeeID: c.Budi.ID, Subject: "gaji", Note: "bukan hal yang dapat diajukan"},
			{EmployeeID: c.Budi.ID, Subject: model.ContestJPM, Note: "pendek"},
			{EmployeeID: c.Budi.ID, Subject: model.ContestLevel, Note: "tanpa kompetensi yang disebut"},
			{EmployeeID: c.Budi.ID, Subject: model.ContestLevel, CompetencyID: 999999, Note: "kompetensi di luar standar saya"},
		} {
			if err := s.AddContest(ctx, budi, &bad); apperr.Code(err) != apperr.EINVALID {
				t.Errorf("%+v: %v, want invalid", bad, err)
			}
		}
		mine, err := s.Contests(ctx, store.ContestFilter{EmployeeID: c.Budi.ID})
		must(t, err)
		if len(mine) != 2 || mine[1].CompetencyName == "" || !mine[0].Open() {
			t.Fatalf("Budi's contests: %+v", mine)
		}
		kominfo := model.Scope{UnitPaths: []string{c.Kominfo.Path}}
		dinkes := model.Scope{UnitPaths: []string{c.Dinkes.Path}}
		open, err := s.Contests(ctx, store.ContestFilter{Admin: &kominfo, Open: true})
		must(t, err)
		other, err := s.Contests(ctx, store.ContestFilter{Admin: &dinkes, Open: true})
		must(t, err)
		if len(open) != 2 || len(other) != 0 {
			t.Errorf("open in Kominfo %d, in Dinkes %d", len(open), len(other))
		}
		opd := model.Actor{UserID: c.AdminKominfo.ID, Name: c.AdminKominfo.Username}
		answer := "Penilaian ulang dijadwalkan pada siklus Juni."
		if err := s.AnswerContest(ctx, opd, dinkes, 0, level.ID, answer); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("answer from outside the unit: %v", err)
		}
		if err := s.AnswerContest(ctx, opd, kominfo, c.Budi.ID, level.ID, answer); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("answering one's own contest: %v", err)
		}
		must(t, s.AnswerContest(ctx, opd, kominfo, 0, level.ID, answer))
		if err := s.AnswerContest(ctx, opd, kominfo, 0, level.ID, answer); apperr.Code(err) != apperr.ECONFLICT {
			t.Errorf("a second answer: %v", err)
		}
		mine, err = s.Contests(ctx, store.ContestFilter{EmployeeID: c.Budi.ID})
		must(t, err)
		if mine[1].Open() || mine[1].Answer != answer || mine[1].AnsweredBy != "adminkominfo" {
			t.Errorf("answered: %+v", mine[1])
		}
		audit, err := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmtInt(c.Budi.ID)})
		must(t, err)
		n := map[string]int{}
		for _, e := range audit {
			n[e.Action]++
		}
		if n["contest.add"] != 2 || n["contest.answer"] != 1 {
			t.Errorf("audited %v", n)
		}
	})
}
