package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// addStandard writes a current standard for a position directly, as the
// standards code of another package would.
func addStandard(t testing.TB, s *store.Store, positionID int64, comps []int64, required int) int64 {
	t.Helper()
	ctx := context.Background()
	var sid int64
	must(t, s.DB().QueryRowContext(ctx, `INSERT INTO position_standard (position_id, decree_no, decree_date, is_current, created_at)
		VALUES ($1, 'SK-1/2025', '2025-01-02', TRUE, 1) RETURNING id`, positionID).Scan(&sid))
	for _, c := range comps {
		_, err := s.DB().ExecContext(ctx, `INSERT INTO standard_item (standard_id, competency_id, required, weight, mandatory)
			VALUES ($1, $2, $3, 1, TRUE)`, sid, c, required)
		must(t, err)
	}
	return sid
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestRatingPermissions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		c := f.National[0]
		add := func(r model.Rating) error {
			r.CompetencyID = c
			if r.Level == 0 {
				r.Level = 3
			}
			return s.AddRating(ctx, admin, &r)
		}
		tests := []struct {
			name string
			r    model.Rating
			want string // apperr code, "" = allowed
		}{
			{"self for oneself", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf}, ""},
			{"self for another", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Bayu.ID, Source: assess.SourceSelf}, apperr.EFORBIDDEN},
			{"supervisor by the supervisor", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Kabid.ID, Source: assess.SourceSupervisor}, ""},
			{"supervisor by a head above", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Head.ID, Source: assess.SourceSupervisor}, ""},
			{"supervisor by a colleague", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Bayu.ID, Source: assess.SourceSupervisor}, apperr.EFORBIDDEN},
			{"supervisor by a subordinate", model.Rating{EmployeeID: f.Kabid.ID, RaterID: f.Ani.ID, Source: assess.SourceSupervisor}, apperr.EFORBIDDEN},
			{"supervisor for oneself", model.Rating{EmployeeID: f.Kabid.ID, RaterID: f.Kabid.ID, Source: assess.SourceSupervisor}, apperr.EFORBIDDEN},
			{"peer of the same OPD", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Bayu.ID, Source: assess.SourcePeer}, ""},
			{"peer from another OPD", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Eko.ID, Source: assess.SourcePeer}, apperr.EFORBIDDEN},
			{"peer by oneself", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourcePeer}, apperr.EFORBIDDEN},
			{"peer by the supervisor", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Kabid.ID, Source: assess.SourcePeer}, apperr.EFORBIDDEN},
			{"peer who does not exist", model.Rating{EmployeeID: f.Ani.ID, RaterID: 1 << 40, Source: assess.SourcePeer}, apperr.ENOTFOUND},
			{"rating someone who does not exist", model.Rating{EmployeeID: 1 << 40, RaterID: f.Ani.ID, Source: assess.SourcePeer}, apperr.ENOTFOUND},
			{"evidence by a head above", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Head.ID, Source: assess.SourceEvidence}, ""},
			{"evidence by a colleague", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Bayu.ID, Source: assess.SourceEvidence}, apperr.EFORBIDDEN},
			{"test by an employee", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Kabid.ID, Source: assess.SourceTest}, apperr.EFORBIDDEN},
			{"test by an admin", model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceTest, RaterAdmin: model.Scope{All: true}}, ""},
			{"evidence by an admin of another OPD", model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceEvidence,
				RaterAdmin: model.Scope{UnitPaths: []string{f.Dinkes.Path}}}, apperr.EFORBIDDEN},
			{"assessment centre by an admin of the OPD", model.Rating{EmployeeID: f.Ani.ID, Source: assess.SourceAssessmentCentre,
				RaterAdmin: model.Scope{UnitPaths: []string{f.Kominfo.Path}}}, ""},
			{"level out of range", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: assess.SourceSelf, Level: 6}, apperr.EINVALID},
			{"unknown source", model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Ani.ID, Source: "gossip"}, apperr.EINVALID},
		}
		for _, tt := range tests {
			err := add(tt.r)
			if got := apperr.Code(err); (tt.want == "" && err != nil) || (tt.want != "" && got != tt.want) {
				t.Errorf("%s: err %v (code %q), want %q", tt.name, err, got, tt.want)
			}
		}
		// Peer rater IDs are kept in the rating but not in the audit detail.
		log, err := s.AuditLog(ctx, store.AuditFilter{Limit: 100})
		must(t, err)
		for _, e := range log {
			if e.Action == "rating.add" && strings.Contains(e.Detail, `"peer"`) && strings.Contains(e.Detail, "rater") {
				t.Errorf("peer audit entry names the rater: %s", e.Detail)
			}
		}
	})
}

func TestRatingsGiveLevelsAndJPM(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithAssessment())
		rate := func(emp, rater int64, src assess.Source, comp int64, level int) {
			t.Helper()
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: emp, RaterID: rater, Source: src, CompetencyID: comp, Level: level}))
		}
		// Ani rates herself 4 in the first competency; her supervisor 1: a conflict.
		rate(f.Ani.ID, f.Ani.ID, assess.SourceSelf, f.National[0], 4)
		got, err := s.EmployeeCompetencies(ctx, f.Ani.ID)
		must(t, err)
		// One of five competencies assessed: the JPM covers that one only
		// (the other four are unknown, not level 0) and has no category.
		if got.Stored == nil || got.Stored.SumActual != 4 || got.Stored.SumRequired != 2 || got.Stored.Assessed != 1 ||
			got.Stored.Total != 5 || got.Stored.Mapping != "unknown" || got.Stored.Filling != "unknown" {
			t.Fatalf("JPM after one self rating: %+v", got.Stored)
		}
		rate(f.Ani.ID, f.Kabid.ID, assess.SourceSupervisor, f.National[0], 1)
		got, _ = s.EmployeeCompetencies(ctx, f.Ani.ID)
		it := got.Items[0]
		// (1×3 + 4×1) ÷ 4 = 1,75 → 2
		if it.Actual != 2 || !it.Conflict || it.Gap != 0 || len(it.Events) != 2 {
			t.Errorf("first competency: %+v", it)
		}
		// Re-rating replaces: the supervisor now says 3 → (3×3+4)/4 = 3,25 → 3.
		rate(f.Ani.ID, f.Kabid.ID, assess.SourceSupervisor, f.National[0], 3)
		got, _ = s.EmployeeCompetencies(ctx, f.Ani.ID)
		if it := got.Items[0]; it.Actual != 3 || it.Conflict || it.Gap != 1 {
			t.Errorf("after re-rating: actual %d conflict %v gap %d", it.Actual, it.Conflict, it.Gap)
		}
		// Peers: two are not enough to count or show, three are.
		rate(f.Ani.ID, f.Bayu.ID, assess.SourcePeer, f.National[1], 2)
		rate(f.Ani.ID, f.Cici.ID, assess.SourcePeer, f.National[1], 2)
		got, _ = s.EmployeeCompetencies(ctx, f.Ani.ID)
		if it := got.Items[1]; it.Peers != nil || it.Actual != 0 || len(it.Events) != 0 {
			t.Errorf("two peers: %+v", it)
		}
		rate(f.Ani.ID, f.Dedi.ID, assess.SourcePeer, f.National[1], 3)
		got, _ = s.EmployeeCompetencies(ctx, f.Ani.ID)
		if it := got.Items[1]; it.Peers == nil || it.Peers.Count != 3 || it.Actual != 2 {
			t.Errorf("three peers: %+v peers %+v", it, it.Peers)
		}
		// Stored JPM, provisional over the two assessed competencies (each
		// required 2): (3 + 2) ÷ 4, capped min(3,2)+2 = 4 ÷ 4; no category
		// while three of five are not assessed.
		st := got.Stored
		if st == nil || st.SumActual != 5 || st.SumCapped != 4 || st.SumRequired != 4 || st.JPMRaw != gap.Percent(125) ||
			st.JPMCapped != gap.Percent(100) || st.Mapping != "unknown" || st.Filling != "unknown" || st.Assessed != 2 || st.Total != 5 {
			t.Errorf("stored JPM: %+v", st)
		}
		if got.Result.JPMRaw != st.JPMRaw || got.Result.SumCapped != st.SumCapped {
			t.Errorf("computed %+v differs from stored %+v", got.Result, st)
		}
		if got.Items[0].Name != "Integritas" || got.Items[0].Levels[0].Description == "" || got.DecreeNo != "SK-1/2025" {
			t.Errorf("item names/levels: %q %+v %q", got.Items[0].Name, got.Items[0].Levels[0], got.DecreeNo)
		}
		// A from-scratch recompute gives the same rows.
		stats, err := s.RecomputeAll(ctx)
		must(t, err)
		if stats.Employees != 9 || stats.JPM != 4 /* Budi and Sri have no standard */ || stats.Levels != 2 {
			t.Errorf("recompute stats %+v", stats)
		}
		again, _ := s.EmployeeCompetencies(ctx, f.Ani.ID)
		if *again.Stored != *st && (again.Stored.JPMRaw != st.JPMRaw || again.Stored.SumCapped != st.SumCapped) {
			t.Errorf("recompute changed JPM: %+v vs %+v", again.Stored, st)
		}
		mine, err := s.LatestRatings(ctx, f.Ani.ID, f.Kabid.ID, assess.SourceSupervisor)
		must(t, err)
		if mine[f.National[0]] != 3 {
			t.Errorf("latest supervisor ratings %v", mine)
		}
	})
}

// BenchmarkAddRating measures the incremental update after one assessment:
// insert the event, resolve the competency, recompute and store the JPM.
func BenchmarkAddRating(b *testing.B) {
	s := storetest.SQLite(b)
	f := testcity.New(b, s, testcity.WithAssessment())
	ctx := context.Background()
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		r := model.Rating{EmployeeID: f.Ani.ID, RaterID: f.Kabid.ID, Source: assess.SourceSupervisor,
			CompetencyID: f.National[i%5], Level: 1 + i%5}
		if err := s.AddRating(ctx, admin, &r); err != nil {
			b.Fatal(err)
		}
	}
}
