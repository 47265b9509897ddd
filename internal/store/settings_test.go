package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/settings"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// waitSettingsJob waits for the newest recomputation to end and returns it.
func waitSettingsJob(t *testing.T, s *store.Store) *store.SettingsJob {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		j, err := s.LatestSettingsJob(context.Background())
		must(t, err)
		if j != nil && (j.State == store.JobDone || j.State == store.JobFailed) {
			if j.State == store.JobFailed {
				t.Fatalf("recomputation failed: %s", j.Error)
			}
			return j
		}
		if time.Now().After(deadline) {
			t.Fatalf("recomputation still %+v", j)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSettingsDefaultsAndRecompute: with nothing saved the rules are the
// defaults (teachers retire at 60, the others as before); a saved change is
// audited and recomputes in the background what depends on it: retirement
// dates for an age, JPM categories for a threshold, levels for a weight.
// A refused change saves nothing; saving the same value again does nothing.
func TestSettingsDefaultsAndRecompute(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		got, err := s.Settings(ctx)
		must(t, err)
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(settings.Default())
		if string(a) != string(b) {
			t.Fatalf("settings before any save:\n%s\nwant the defaults\n%s", a, b)
		}
		retirement := func(id int64) string {
			t.Helper()
			var d string
			must(t, s.DB().QueryRowContext(ctx, `SELECT retirement_date FROM employee WHERE id = $1`, id).Scan(&d))
			return d
		}
		mapping := func() string {
			t.Helper()
			var m string
			must(t, s.DB().QueryRowContext(ctx, `SELECT mapping FROM employee_jpm WHERE employee_id = $1`, f.Ani.ID).Scan(&m))
			return m
		}
		audits := func(action string) int {
			t.Helper()
			var n int
			must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n))
			return n
		}

		// A teacher retires at 60 at every jenjang, an Ahli Pertama of
		// another profession at 58.
		guru := model.Position{Title: "Guru Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: f.Bidang.ID}
		must(t, s.CreatePosition(ctx, admin, &guru))
		teacher := model.Employee{NIP: "197002022000032001", Name: "Tiur Simanjuntak", BirthDate: day("1970-02-02"), Gender: model.Female,
			Kind: model.PNS, Golongan: "III/c", PositionID: guru.ID, UnitID: f.Bidang.ID, Status: model.StatusAktif}
		must(t, s.CreateEmployee(ctx, admin, &teacher))
		if d := retirement(teacher.ID); d != "2030-03-01" {
			t.Errorf("a teacher born 1970-02-02 retires %s, want 2030-03-01 (60)", d)
		}
		if d := retirement(f.Ani.ID); d != "2050-02-01" {
			t.Errorf("an Ahli Pertama born 1992-01-10 retires %s, want 2050-02-01 (58)", d)
		}

		// Ani rates herself: 1 + 2 + 2 + 2 + 2 of 5 × 2 = 90 %, Optimal.
		for i, c := range f.National[:5] {
			lvl := 2
			if i == 0 {
				lvl = 1
			}
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, CompetencyID: c, Level: lvl}))
		}
		if m := mapping(); m != gap.Optimal.String() {
			t.Fatalf("Ani's mapping %s, want optimal", m)
		}

		// Optimal from 95 % and Ahli Pertama retiring at 59 and teachers
		// at 61: one job recomputes both.
		next := settings.Default()
		next.JPM.Optimal = gap.Percent(95)
		next.Retirement.Jenjangs["ahli_pertama"] = 59
		next.Retirement.Teacher = 61
		job, err := s.SaveSettings(ctx, admin, next)
		must(t, err)
		if job == nil || !job.Retirement || !job.JPM || job.Levels {
			t.Fatalf("job %+v, want retirement and JPM", job)
		}
		done := waitSettingsJob(t, s)
		if done.ID != job.ID || done.Done != done.Total || done.Total < 3 {
			t.Errorf("finished job %+v", done)
		}
		if m := mapping(); m != gap.CukupOptimal.String() {
			t.Errorf("after Optimal from 95 %%, Ani's mapping %s, want cukup_optimal", m)
		}
		if d := retirement(f.Ani.ID); d != "2051-02-01" {
			t.Errorf("after 59, Ani retires %s, want 2051-02-01", d)
		}
		if d := retirement(teacher.ID); d != "2031-03-01" {
			t.Errorf("after 61, the teacher retires %s, want 2031-03-01", d)
		}
		if audits("settings.update") != 1 || audits("settings.recomputed") != 1 {
			t.Errorf("audit rows: %d updates, %d recomputations", audits("settings.update"), audits("settings.recomputed"))
		}
		// A new employee takes the new age at once.
		late := model.Employee{NIP: "199305052020031001", Name: "Rudi Sitepu", BirthDate: day("1993-05-05"), Gender: model.Male,
			Kind: model.PNS, Golongan: "III/a", PositionID: f.ProgPos.ID, UnitID: f.Bidang.ID, Status: model.StatusAktif}
		must(t, s.CreateEmployee(ctx, admin, &late))
		if d := retirement(late.ID); d != "2052-06-01" {
			t.Errorf("an employee created after the change retires %s, want 2052-06-01 (59)", d)
		}

		// Self-assessment weighted 0: the levels it alone decided go.
		w := next
		w.Weights = map[assess.Source]int{}
		for k, v := range next.Weights {
			w.Weights[k] = v
		}
		w.Weights[assess.SourceSelf] = 0
		job, err = s.SaveSettings(ctx, admin, w)
		must(t, err)
		if job == nil || !job.Levels || job.Retirement {
			t.Fatalf("job %+v, want levels", job)
		}
		waitSettingsJob(t, s)
		var levels int
		must(t, s.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM current_level WHERE employee_id = $1`, f.Ani.ID).Scan(&levels))
		if levels != 0 {
			t.Errorf("with self-assessment weighted 0, Ani keeps %d levels", levels)
		}

		// Refused: thresholds out of order; nothing changes.
		bad := w
		bad.JPM.CukupOptimal = gap.Percent(96)
		if _, err := s.SaveSettings(ctx, admin, bad); apperr.Code(err) != apperr.EINVALID {
			t.Errorf("Cukup Optimal above Optimal: %v", err)
		}
		// The same value again: no audit row, no job.
		before := audits("settings.update")
		job, err = s.SaveSettings(ctx, admin, w)
		must(t, err)
		if job != nil || audits("settings.update") != before {
			t.Errorf("saving the same settings: job %+v, %d audit rows (was %d)", job, audits("settings.update"), before)
		}
		got, err = s.Settings(ctx)
		must(t, err)
		if got.Weights[assess.SourceSelf] != 0 || got.JPM.CukupOptimal != gap.Percent(78) || got.Retirement.Teacher != 61 {
			t.Errorf("stored settings %+v", got)
		}
	})
}

// TestSettingsNineBox: the 9-box is placed when read, so changed potential
// thresholds and box wording apply at once, without a recomputation.
func TestSettingsNineBox(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		fixedNow(s)
		// Ani: 1 + 2 + 2 + 2 + 2 of 10 = 90 % capped (high by default);
		// Sangat Baik twice: box 9.
		for i, c := range f.National[:5] {
			lvl := 2
			if i == 0 {
				lvl = 1
			}
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceAssessmentCentre,
				CompetencyID: c, Level: lvl, RaterAdmin: model.Scope{All: true}}))
		}
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2024, "Sangat Baik"))
		must(t, s.SetPerformance(ctx, admin, f.Ani.ID, 2025, "Sangat Baik"))
		m, err := s.TalentMap(ctx, model.Scope{All: true}, 0)
		must(t, err)
		if m.Counts[9] != 1 || m.Counts[7] != 0 {
			t.Fatalf("by default: counts %v", m.Counts)
		}
		next := settings.Default()
		next.Potential.High = gap.Percent(95)
		next.Boxes[7].Label = "Calon suksesor"
		job, err := s.SaveSettings(ctx, admin, next)
		must(t, err)
		if job != nil {
			t.Errorf("a 9-box change queued %+v", job)
		}
		m, err = s.TalentMap(ctx, model.Scope{All: true}, 0)
		must(t, err)
		if m.Counts[9] != 0 || m.Counts[7] != 1 || m.Boxes[7].Label != "Calon suksesor" || m.Boxes[7].Number != 7 {
			t.Errorf("with High from 95 %%: counts %v, box 7 %+v", m.Counts, m.Boxes[7])
		}
		people, _, err := s.TalentBox(ctx, model.Scope{All: true}, 0, 7, 0, 10)
		must(t, err)
		if len(people) != 1 || people[0].ID != f.Ani.ID || people[0].Box.Label != "Calon suksesor" || people[0].Box.Potential != gap.Medium {
			t.Errorf("box 7: %+v", people)
		}
	})
}

// TestSettingsJobLeftRunning: a job a stopped node left running is taken up
// once its time is over, one still within it is not.
func TestSettingsJobLeftRunning(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		testcity.New(t, s, testcity.WithAssessment())
		now := s.Now().Unix()
		for _, started := range []int64{now - 7*3600, now - 3600} {
			_, err := s.DB().ExecContext(ctx, `INSERT INTO settings_job (retirement, levels, jpm, state, created_at, started_at)
				VALUES (TRUE, FALSE, FALSE, 'running', $1, $1)`, started)
			must(t, err)
		}
		must(t, s.RunSettingsJobs(ctx))
		var states []string
		var st string
		rows, err := s.DB().QueryContext(ctx, `SELECT state FROM settings_job ORDER BY id`)
		must(t, err)
		for rows.Next() {
			must(t, rows.Scan(&st))
			states = append(states, st)
		}
		must(t, rows.Err())
		rows.Close()
		if len(states) != 2 || states[0] != store.JobDone || states[1] != store.JobRunning {
			t.Errorf("states %v, want the old one done and the recent one still running", states)
		}
	})
}
