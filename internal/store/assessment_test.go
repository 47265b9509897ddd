package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// assessFixture extends the registry fixture with more staff (peers), an
// employee of another OPD, the built-in dictionary and a standard for the
// staff position: the first five national competencies at level 2.
type assessFixture struct {
	*fixture
	other       model.OrgUnit
	cici, dedi  model.Employee
	outsider    model.Employee
	comps       []int64 // national competencies, in order
	standardID  int64
	requirement int
}

func setupAssess(t testing.TB, s *store.Store) *assessFixture {
	t.Helper()
	ctx := context.Background()
	f := &assessFixture{fixture: setup(t, s), requirement: 2}
	f.other = model.OrgUnit{Code: "DINKES", Name: "Dinas Kesehatan", Kind: model.UnitOPD, ParentID: f.root.ID}
	must(t, s.CreateUnit(ctx, admin, &f.other))
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	emp := func(e *model.Employee) {
		e.Status, e.Gender, e.Kind, e.Golongan = model.StatusAktif, model.Male, model.PNS, "III/a"
		e.BirthDate = d(e.NIP[:4] + "-" + e.NIP[4:6] + "-" + e.NIP[6:8])
		must(t, s.CreateEmployee(ctx, admin, e))
	}
	f.cici = model.Employee{NIP: "199103032015032001", Name: "Cici Ginting", PositionID: f.staff.ID, UnitID: f.bidang.ID}
	emp(&f.cici)
	f.dedi = model.Employee{NIP: "199204042016031002", Name: "Dedi Tarigan", PositionID: f.staff.ID, UnitID: f.bidang.ID}
	emp(&f.dedi)
	f.outsider = model.Employee{NIP: "198805052012031003", Name: "Eko Purba", UnitID: f.other.ID}
	emp(&f.outsider)
	if _, err := s.EnsureBuiltInFrameworks(ctx, admin); err != nil {
		t.Fatal(err)
	}
	fid, err := s.FrameworkID(ctx, "KOMPETENSI-ASN", "")
	must(t, err)
	_, ids, err := s.Framework(ctx, fid)
	must(t, err)
	f.comps = ids
	f.standardID = addStandard(t, s, f.staff.ID, ids[:5], f.requirement)
	return f
}

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

// setup seeds the registry fixture, for tests and benchmarks.
func setup(t testing.TB, s *store.Store) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{}
	f.root = model.OrgUnit{Code: "PEMKO", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda}
	must(t, s.CreateUnit(ctx, admin, &f.root))
	f.dinas = model.OrgUnit{Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika", Kind: model.UnitOPD, ParentID: f.root.ID}
	must(t, s.CreateUnit(ctx, admin, &f.dinas))
	f.bidang = model.OrgUnit{Code: "DISKOMINFO-APL", Name: "Bidang Aplikasi Informatika", Kind: model.UnitBidang, ParentID: f.dinas.ID}
	must(t, s.CreateUnit(ctx, admin, &f.bidang))
	f.kadis = model.Position{Title: "Kepala Dinas Komunikasi dan Informatika", Type: model.JPTPratama, UnitID: f.dinas.ID, IsHead: true}
	must(t, s.CreatePosition(ctx, admin, &f.kadis))
	f.kabid = model.Position{Title: "Kepala Bidang Aplikasi Informatika", Type: model.Administrator, UnitID: f.bidang.ID, IsHead: true}
	must(t, s.CreatePosition(ctx, admin, &f.kabid))
	f.staff = model.Position{Title: "Pranata Komputer Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: f.bidang.ID}
	must(t, s.CreatePosition(ctx, admin, &f.staff))
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	emp := func(e *model.Employee) {
		e.Status = model.StatusAktif
		must(t, s.CreateEmployee(ctx, admin, e))
	}
	f.kadisE = model.Employee{NIP: "197005121995031002", Name: "Muhammad Yusuf Lubis", GelarDepan: "Drs.", GelarBelakang: "M.Si.",
		BirthDate: d("1970-05-12"), Gender: model.Male, Kind: model.PNS, Golongan: "IV/c", PositionID: f.kadis.ID, UnitID: f.dinas.ID}
	emp(&f.kadisE)
	f.kabidE = model.Employee{NIP: "197803152003122001", Name: "Siti Aminah Nasution", GelarBelakang: "S.Kom., M.Kom.",
		BirthDate: d("1978-03-15"), Gender: model.Female, Kind: model.PNS, Golongan: "IV/a", PositionID: f.kabid.ID, UnitID: f.bidang.ID}
	emp(&f.kabidE)
	f.ani = model.Employee{NIP: "199201102019032005", Name: "Ani Sembiring", GelarBelakang: "S.Kom.",
		BirthDate: d("1992-01-10"), Gender: model.Female, Kind: model.PNS, Golongan: "III/a", PositionID: f.staff.ID, UnitID: f.bidang.ID}
	emp(&f.ani)
	f.budi = model.Employee{NIP: "199009132025242014", Name: "Budi Santoso Siregar",
		BirthDate: d("1990-09-13"), Gender: model.Male, Kind: model.PPPK, Golongan: "IX", PositionID: f.staff.ID, UnitID: f.bidang.ID}
	emp(&f.budi)
	return f
}

func TestRatingPermissions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := setupAssess(t, s)
		c := f.comps[0]
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
			{"self for oneself", model.Rating{EmployeeID: f.ani.ID, RaterID: f.ani.ID, Source: assess.SourceSelf}, ""},
			{"self for another", model.Rating{EmployeeID: f.ani.ID, RaterID: f.budi.ID, Source: assess.SourceSelf}, apperr.EFORBIDDEN},
			{"supervisor by the supervisor", model.Rating{EmployeeID: f.ani.ID, RaterID: f.kabidE.ID, Source: assess.SourceSupervisor}, ""},
			{"supervisor by a head above", model.Rating{EmployeeID: f.ani.ID, RaterID: f.kadisE.ID, Source: assess.SourceSupervisor}, ""},
			{"supervisor by a colleague", model.Rating{EmployeeID: f.ani.ID, RaterID: f.budi.ID, Source: assess.SourceSupervisor}, apperr.EFORBIDDEN},
			{"supervisor by a subordinate", model.Rating{EmployeeID: f.kabidE.ID, RaterID: f.ani.ID, Source: assess.SourceSupervisor}, apperr.EFORBIDDEN},
			{"supervisor for oneself", model.Rating{EmployeeID: f.kabidE.ID, RaterID: f.kabidE.ID, Source: assess.SourceSupervisor}, apperr.EFORBIDDEN},
			{"peer of the same OPD", model.Rating{EmployeeID: f.ani.ID, RaterID: f.budi.ID, Source: assess.SourcePeer}, ""},
			{"peer from another OPD", model.Rating{EmployeeID: f.ani.ID, RaterID: f.outsider.ID, Source: assess.SourcePeer}, apperr.EFORBIDDEN},
			{"peer by oneself", model.Rating{EmployeeID: f.ani.ID, RaterID: f.ani.ID, Source: assess.SourcePeer}, apperr.EFORBIDDEN},
			{"peer by the supervisor", model.Rating{EmployeeID: f.ani.ID, RaterID: f.kabidE.ID, Source: assess.SourcePeer}, apperr.EFORBIDDEN},
			{"peer who does not exist", model.Rating{EmployeeID: f.ani.ID, RaterID: 1 << 40, Source: assess.SourcePeer}, apperr.ENOTFOUND},
			{"rating someone who does not exist", model.Rating{EmployeeID: 1 << 40, RaterID: f.ani.ID, Source: assess.SourcePeer}, apperr.ENOTFOUND},
			{"evidence by a head above", model.Rating{EmployeeID: f.ani.ID, RaterID: f.kadisE.ID, Source: assess.SourceEvidence}, ""},
			{"evidence by a colleague", model.Rating{EmployeeID: f.ani.ID, RaterID: f.budi.ID, Source: assess.SourceEvidence}, apperr.EFORBIDDEN},
			{"test by an employee", model.Rating{EmployeeID: f.ani.ID, RaterID: f.kabidE.ID, Source: assess.SourceTest}, apperr.EFORBIDDEN},
			{"test by an admin", model.Rating{EmployeeID: f.ani.ID, Source: assess.SourceTest, RaterAdmin: model.Scope{All: true}}, ""},
			{"evidence by an admin of another OPD", model.Rating{EmployeeID: f.ani.ID, Source: assess.SourceEvidence,
				RaterAdmin: model.Scope{UnitPaths: []string{f.other.Path}}}, apperr.EFORBIDDEN},
			{"assessment centre by an admin of the OPD", model.Rating{EmployeeID: f.ani.ID, Source: assess.SourceAssessmentCentre,
				RaterAdmin: model.Scope{UnitPaths: []string{f.dinas.Path}}}, ""},
			{"level out of range", model.Rating{EmployeeID: f.ani.ID, RaterID: f.ani.ID, Source: assess.SourceSelf, Level: 6}, apperr.EINVALID},
			{"unknown source", model.Rating{EmployeeID: f.ani.ID, RaterID: f.ani.ID, Source: "gossip"}, apperr.EINVALID},
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
		f := setupAssess(t, s)
		rate := func(emp, rater int64, src assess.Source, comp int64, level int) {
			t.Helper()
			must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: emp, RaterID: rater, Source: src, CompetencyID: comp, Level: level}))
		}
		// Ani rates herself 4 in the first competency; her supervisor 1: a conflict.
		rate(f.ani.ID, f.ani.ID, assess.SourceSelf, f.comps[0], 4)
		got, err := s.EmployeeCompetencies(ctx, f.ani.ID)
		must(t, err)
		// One of five competencies assessed: the JPM covers that one only
		// (the other four are unknown, not level 0) and has no category.
		if got.Stored == nil || got.Stored.SumActual != 4 || got.Stored.SumRequired != 2 || got.Stored.Assessed != 1 ||
			got.Stored.Total != 5 || got.Stored.Mapping != "unknown" || got.Stored.Filling != "unknown" {
			t.Fatalf("JPM after one self rating: %+v", got.Stored)
		}
		rate(f.ani.ID, f.kabidE.ID, assess.SourceSupervisor, f.comps[0], 1)
		got, _ = s.EmployeeCompetencies(ctx, f.ani.ID)
		it := got.Items[0]
		// (1×3 + 4×1) ÷ 4 = 1,75 → 2
		if it.Actual != 2 || !it.Conflict || it.Gap != 0 || len(it.Events) != 2 {
			t.Errorf("first competency: %+v", it)
		}
		// Re-rating replaces: the supervisor now says 3 → (3×3+4)/4 = 3,25 → 3.
		rate(f.ani.ID, f.kabidE.ID, assess.SourceSupervisor, f.comps[0], 3)
		got, _ = s.EmployeeCompetencies(ctx, f.ani.ID)
		if it := got.Items[0]; it.Actual != 3 || it.Conflict || it.Gap != 1 {
			t.Errorf("after re-rating: actual %d conflict %v gap %d", it.Actual, it.Conflict, it.Gap)
		}
		// Peers: two are not enough to count or show, three are.
		rate(f.ani.ID, f.budi.ID, assess.SourcePeer, f.comps[1], 2)
		rate(f.ani.ID, f.cici.ID, assess.SourcePeer, f.comps[1], 2)
		got, _ = s.EmployeeCompetencies(ctx, f.ani.ID)
		if it := got.Items[1]; it.Peers != nil || it.Actual != 0 || len(it.Events) != 0 {
			t.Errorf("two peers: %+v", it)
		}
		rate(f.ani.ID, f.dedi.ID, assess.SourcePeer, f.comps[1], 3)
		got, _ = s.EmployeeCompetencies(ctx, f.ani.ID)
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
		if stats.Employees != 7 || stats.JPM != 4 || stats.Levels != 2 {
			t.Errorf("recompute stats %+v", stats)
		}
		again, _ := s.EmployeeCompetencies(ctx, f.ani.ID)
		if *again.Stored != *st && (again.Stored.JPMRaw != st.JPMRaw || again.Stored.SumCapped != st.SumCapped) {
			t.Errorf("recompute changed JPM: %+v vs %+v", again.Stored, st)
		}
		mine, err := s.LatestRatings(ctx, f.ani.ID, f.kabidE.ID, assess.SourceSupervisor)
		must(t, err)
		if mine[f.comps[0]] != 3 {
			t.Errorf("latest supervisor ratings %v", mine)
		}
	})
}

// BenchmarkAddRating measures the incremental update after one assessment:
// insert the event, resolve the competency, recompute and store the JPM.
func BenchmarkAddRating(b *testing.B) {
	s := storetest.SQLite(b)
	f := setupAssess(b, s)
	ctx := context.Background()
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		r := model.Rating{EmployeeID: f.ani.ID, RaterID: f.kabidE.ID, Source: assess.SourceSupervisor,
			CompetencyID: f.comps[i%5], Level: 1 + i%5}
		if err := s.AddRating(ctx, admin, &r); err != nil {
			b.Fatal(err)
		}
	}
}
