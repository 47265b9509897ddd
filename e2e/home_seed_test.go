package e2e

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/registry"
)

// Accounts seedWork adds (password: password).
const (
	teacherUser = "199008172015032006" // Maria Ulfa Marbun, a teacher (pegawai)
	headUser    = "196811041994031005" // Bonar Siahaan, head of the education office (atasan)
	leaderUser  = "pimpinan.kota"      // leadership of the whole city (pimpinan)
)

// work is what seedWork added: an education office whose people have work
// waiting on every role's home page.
type work struct {
	unit, subbag, subbagDinkes model.OrgUnit
	head, teacher, teacher2    model.Employee
	cycle                      model.Cycle
	teacherPos                 model.Position
	competencyID               int64 // the first competency of the teachers' standard
	frameworkID                int64 // the national framework
	surveyID, draftID          int64 // a questionnaire open over the office; a framework draft it owns
}

var (
	workOnce sync.Once
	workSeed *work
	workErr  error
)

// seedWork adds, once per process, Dinas Pendidikan dan Kebudayaan with a
// head, two teachers whose post has the default standard (both assessed
// by a test, both short in some competencies, the first with SKP
// predikats of the talent map's two years), a Subbagian Umum dan
// Kepegawaian whose clerk post has no standard (so the name repeats with
// the one it adds under Dinas Kesehatan), an assessment cycle open today
// over the office for self and supervisor ratings, and accounts for a
// teacher, the head and the city's leadership. None of the surnames is one
// the other tests search for.
func seedWork(t *testing.T) *work {
	t.Helper()
	workOnce.Do(func() { workSeed, workErr = addWork(context.Background()) })
	if workErr != nil {
		t.Fatal(workErr)
	}
	return workSeed
}

func addWork(ctx context.Context) (*work, error) {
	w := &work{}
	if _, err := st.EnsureBuiltInFrameworks(ctx, seedActor); err != nil {
		return nil, err
	}
	if _, err := st.SeedDefaultTemplates(ctx, seedActor); err != nil {
		return nil, err
	}
	units := []struct {
		u          *model.OrgUnit
		code, name string
		kind       model.UnitKind
		parent     int64
	}{
		{&w.unit, "DISDIKBUD", "Dinas Pendidikan dan Kebudayaan", model.UnitOPD, city.Root.ID},
		{&w.subbag, "DISDIKBUD-UMPEG", "Subbagian Umum dan Kepegawaian", model.UnitSeksi, 0},
		{&w.subbagDinkes, "DINKES-UMPEG", "Subbagian Umum dan Kepegawaian", model.UnitSeksi, city.Dinkes.ID},
	}
	for _, x := range units {
		*x.u = model.OrgUnit{Code: x.code, Name: x.name, Kind: x.kind, ParentID: x.parent}
		if x.parent == 0 {
			x.u.ParentID = w.unit.ID
		}
		if err := st.CreateUnit(ctx, seedActor, x.u); err != nil {
			return nil, fmt.Errorf("unit %s: %w", x.name, err)
		}
	}
	headPos := model.Position{Title: "Kepala Dinas Pendidikan dan Kebudayaan", Type: model.JPTPratama, UnitID: w.unit.ID, IsHead: true}
	w.teacherPos = model.Position{Title: "Guru Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: w.unit.ID}
	teacherPos := &w.teacherPos
	clerkPos := model.Position{Title: "Pengadministrasi Perkantoran", Type: model.Pelaksana, UnitID: w.subbag.ID}
	for _, p := range []*model.Position{&headPos, teacherPos, &clerkPos} {
		if err := st.CreatePosition(ctx, seedActor, p); err != nil {
			return nil, fmt.Errorf("position %s: %w", p.Title, err)
		}
	}
	items, err := st.TemplateFor(ctx, model.Fungsional, "ahli_pertama")
	if err != nil || len(items) < 3 {
		return nil, fmt.Errorf("template for Guru Ahli Pertama: %d items, %v", len(items), err)
	}
	if _, err := st.SetStandard(ctx, seedActor, teacherPos.ID, "Perwal Medan No. 9 Tahun 2026", "2026-02-02", items); err != nil {
		return nil, err
	}

	emp := func(e *model.Employee, nip, front, name, back, birth string, g model.Gender, gol string, pos, unit int64) error {
		*e = model.Employee{NIP: nip, Name: name, GelarDepan: front, GelarBelakang: back, BirthPlace: "Medan",
			BirthDate: day(birth), Gender: g, Kind: model.PNS, Golongan: gol, PositionID: pos, UnitID: unit, Status: model.StatusAktif}
		for _, p := range registry.CheckEmployee(e, time.Now()) {
			if !p.Warning {
				return fmt.Errorf("fixture %s: %s: %s", name, p.Field, p.Message)
			}
		}
		return st.CreateEmployee(ctx, seedActor, e)
	}
	var clerk model.Employee
	for _, err := range []error{
		emp(&w.head, headUser, "Drs.", "Bonar Siahaan", "M.Pd.", "1968-11-04", model.Male, "IV/c", headPos.ID, w.unit.ID),
		emp(&w.teacher, teacherUser, "", "Maria Ulfa Marbun", "S.Pd.", "1990-08-17", model.Female, "III/b", teacherPos.ID, w.unit.ID),
		emp(&w.teacher2, "198912012014031007", "", "Andi Situmorang", "S.Pd.", "1989-12-01", model.Male, "III/c", teacherPos.ID, w.unit.ID),
		emp(&clerk, "199505052019032008", "", "Rina Simatupang", "", "1995-05-05", model.Female, "II/c", clerkPos.ID, w.subbag.ID),
	} {
		if err != nil {
			return nil, err
		}
	}

	// A test result for both teachers: short in the first two competencies.
	for i, it := range items {
		for _, e := range []*model.Employee{&w.teacher, &w.teacher2} {
			lvl := it.Required
			if i < 2 {
				lvl = max(it.Required-1, 1)
			}
			r := model.Rating{EmployeeID: e.ID, Source: assess.SourceTest, RaterAdmin: model.Scope{All: true}, CompetencyID: it.CompetencyID, Level: lvl}
			if err := st.AddRating(ctx, seedActor, &r); err != nil {
				return nil, fmt.Errorf("rating: %w", err)
			}
		}
	}
	for _, y := range gap.TalentYears(time.Now()) {
		if err := st.SetPerformance(ctx, seedActor, w.teacher.ID, y, model.PredikatBaik); err != nil {
			return nil, fmt.Errorf("SKP %d: %w", y, err)
		}
	}

	today := time.Now().In(wib)
	w.cycle = model.Cycle{Name: "Penilaian Kompetensi Disdikbud 2026", OpensOn: today.AddDate(0, 0, -1).Format(time.DateOnly),
		ClosesOn: today.AddDate(0, 0, 30).Format(time.DateOnly), ScopeUnitID: w.unit.ID, Self: true, Supervisor: true}
	if err := st.CreateCycle(ctx, seedActor, &w.cycle, model.Scope{All: true}); err != nil {
		return nil, fmt.Errorf("cycle: %w", err)
	}

	w.competencyID = items[0].CompetencyID
	if w.frameworkID, err = st.FrameworkID(ctx, "KOMPETENSI-ASN", ""); err != nil {
		return nil, fmt.Errorf("national framework: %w", err)
	}
	sv := &model.Survey{Title: "Kebutuhan pelatihan guru 2026", ScopeUnitID: w.unit.ID, OpensOn: w.cycle.OpensOn, ClosesOn: w.cycle.ClosesOn,
		Questions: []model.SurveyQuestion{
			{Kind: model.QuestionCompetencies, Prompt: "Kompetensi yang Anda butuhkan", MaxPicks: 2, Required: true, OptionIDs: []int64{items[0].CompetencyID, items[1].CompetencyID}},
			{Kind: model.QuestionText, Prompt: "Saran lain"},
		}}
	if err := st.CreateSurvey(ctx, seedActor, model.Scope{All: true}, sv); err != nil {
		return nil, fmt.Errorf("survey: %w", err)
	}
	w.surveyID = sv.ID
	d := &dictionary.Draft{OwnerUnitID: w.unit.ID, F: dictionary.Framework{Code: "TEKNIS-GURU-SD-MEDAN", Name: "Kompetensi Teknis Guru SD Kota Medan",
		Version: "2026.1", Source: "Keputusan Kepala Dinas 3/2026"}}
	if err := st.CreateDraft(ctx, seedActor, d, model.Scope{All: true}); err != nil {
		return nil, fmt.Errorf("draft: %w", err)
	}
	w.draftID = d.ID

	hash, err := auth.HashPassword(password)
	if err != nil {
		return nil, err
	}
	for _, u := range []*model.User{
		{Username: teacherUser, EmployeeID: w.teacher.ID, Role: model.RolePegawai, PasswordHash: hash, Active: true},
		{Username: headUser, EmployeeID: w.head.ID, Role: model.RoleAtasan, PasswordHash: hash, Active: true},
		{Username: leaderUser, Role: model.RolePimpinan, PasswordHash: hash, Active: true},
	} {
		if err := st.CreateUser(ctx, seedActor, u); err != nil {
			return nil, fmt.Errorf("user %s: %w", u.Username, err)
		}
	}
	return w, nil
}

// wib is the city's zone: cycles open and close by its calendar.
var wib = time.FixedZone("WIB", 7*3600)

// day parses an ISO date of the seed (a programming error panics).
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
