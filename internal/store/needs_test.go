package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// needsFixture extends the assessment fixture with a nurse in the other OPD
// and standards with weights:
//
//	staff (Ani, Budi, Cici, Dedi in the bidang): c0 required 3 weight 2, c1 2/1, c2 2/1
//	kabid (Siti, head of the bidang):            c0 required 3 weight 3
//	nurse (Fani, in Dinkes):                     c1 required 3 weight 1
//
// and assessment-centre levels: Ani c0=1 c1=2; Budi c0=2 c1=1 c2=3;
// Cici c0=3; Dedi none; Siti c0=2; Fani c1=1.
type needsFixture struct {
	*assessFixture
	fani model.Employee
}

func setupNeeds(t testing.TB, s *store.Store) *needsFixture {
	t.Helper()
	ctx := context.Background()
	f := &needsFixture{assessFixture: setupAssess(t, s)}
	c := f.comps
	nurse := model.Position{Title: "Perawat Ahli Muda", Type: model.Fungsional, Jenjang: "ahli_muda", UnitID: f.other.ID}
	must(t, s.CreatePosition(ctx, admin, &nurse))
	f.fani = model.Employee{NIP: "199306062018032001", Name: "Fani Hutagalung", PositionID: nurse.ID, UnitID: f.other.ID,
		Status: model.StatusAktif, Gender: model.Female, Kind: model.PNS, Golongan: "III/c"}
	f.fani.BirthDate, _ = time.Parse("20060102", "19930606")
	must(t, s.CreateEmployee(ctx, admin, &f.fani))
	set := func(pos int64, items ...model.StandardItem) {
		t.Helper()
		_, err := s.SetStandard(ctx, admin, pos, "800/1/2025", "2025-02-01", items)
		must(t, err)
	}
	set(f.staff.ID, model.StandardItem{CompetencyID: c[0], Required: 3, Weight: 2}, model.StandardItem{CompetencyID: c[1], Required: 2, Weight: 1},
		model.StandardItem{CompetencyID: c[2], Required: 2, Weight: 1})
	set(f.kabid.ID, model.StandardItem{CompetencyID: c[0], Required: 3, Weight: 3})
	set(nurse.ID, model.StandardItem{CompetencyID: c[1], Required: 3, Weight: 1})
	levels := []struct {
		emp  int64
		comp int64
		lvl  int
	}{
		{f.ani.ID, c[0], 1}, {f.ani.ID, c[1], 2},
		{f.budi.ID, c[0], 2}, {f.budi.ID, c[1], 1}, {f.budi.ID, c[2], 3},
		{f.cici.ID, c[0], 3},
		{f.kabidE.ID, c[0], 2},
		{f.fani.ID, c[1], 1},
	}
	now := s.Now()
	_, err := s.LoadRatings(ctx, admin, "test", func(add func(*model.Rating) error) error {
		for _, l := range levels {
			if err := add(&model.Rating{EmployeeID: l.emp, CompetencyID: l.comp, Source: assess.SourceAssessmentCentre, Level: l.lvl, At: now}); err != nil {
				return err
			}
		}
		return nil
	})
	must(t, err)
	_, err = s.RecomputeAll(ctx)
	must(t, err)
	return f
}

func TestNeedsAnalysis(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := setupNeeds(t, s)
		c := f.comps
		if m := s.NeedsMemory(); m != 0 {
			t.Errorf("no analysis asked for yet, but the cache holds %d bytes", m)
		}
		n, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, 0)
		if m := s.NeedsMemory(); err == nil && m <= 0 {
			t.Errorf("after an analysis the cache is said to hold %d bytes", m)
		}
		must(t, err)
		if n.Unit == nil || n.Unit.ID != f.root.ID || n.Employees != 6 {
			t.Fatalf("unit %+v employees %d", n.Unit, n.Employees)
		}
		want := []needs.Need{
			{CompetencyID: c[0], Required: 5, Assessed: 4, NotAssessed: 1, Short: 3, Shortfall: 4, AvgShortfall: 133, WeightedNeed: 9, ShareShort: gap.Percent(75)},
			{CompetencyID: c[1], Required: 5, Assessed: 3, NotAssessed: 2, Short: 2, Shortfall: 3, AvgShortfall: 150, WeightedNeed: 3, ShareShort: 6667},
			{CompetencyID: c[2], Required: 4, Assessed: 1, NotAssessed: 3, Short: 0, Shortfall: 0, AvgShortfall: 0, WeightedNeed: 0, ShareShort: 0},
		}
		if len(n.Needs) != len(want) {
			t.Fatalf("needs %+v", n.Needs)
		}
		for i, w := range want {
			g := n.Needs[i]
			w.Code, w.Name, w.Group = g.Code, g.Name, g.Group
			if g != w {
				t.Errorf("need %d:\n got %+v\nwant %+v", i, g, w)
			}
		}
		if n.Needs[0].Name != "Integritas" || len(n.Columns) != 3 {
			t.Errorf("first need %q, %d columns", n.Needs[0].Name, len(n.Columns))
		}
		// Rows: the two OPDs (Dinas Kesehatan first by name); nobody is
		// placed in the pemda itself, so there is no direct row.
		if len(n.Rows) != 2 || n.Rows[0].Unit.ID != f.other.ID || n.Rows[1].Unit.ID != f.dinas.ID {
			t.Fatalf("rows %+v", n.Rows)
		}
		dinkes, kominfo := n.Rows[0], n.Rows[1]
		if dinkes.Employees != 1 || kominfo.Employees != 5 || !kominfo.HasChildren || dinkes.HasChildren {
			t.Errorf("row employees %d %d children %v %v", dinkes.Employees, kominfo.Employees, kominfo.HasChildren, dinkes.HasChildren)
		}
		cell := func(r needs.HeatRow, i int) string {
			x := r.Cells[i]
			return fmt.Sprintf("%d/%d/%d %d", x.Short, x.Assessed, x.Required, x.ShareShort)
		}
		for _, tt := range []struct {
			row  needs.HeatRow
			i    int
			want string
		}{
			{dinkes, 0, "0/0/0 -1"}, {dinkes, 1, "1/1/1 10000"}, {dinkes, 2, "0/0/0 -1"},
			{kominfo, 0, "3/4/5 7500"}, {kominfo, 1, "1/2/4 5000"}, {kominfo, 2, "0/1/4 0"},
		} {
			if got := cell(tt.row, tt.i); got != tt.want {
				t.Errorf("cell %s × %d = %s, want %s", tt.row.Unit.Code, tt.i, got, tt.want)
			}
		}

		// Drilling into the dinas: one row, the bidang; the head of the dinas
		// has no standard, so there is no direct row.
		d, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, f.dinas.ID)
		must(t, err)
		if d.Unit.ID != f.dinas.ID || len(d.Rows) != 1 || d.Rows[0].Unit.ID != f.bidang.ID || d.Employees != 5 || d.Needs[0].WeightedNeed != 9 {
			t.Errorf("dinas: %+v", d)
		}
		// The bidang's own employees form a direct row.
		b, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, f.bidang.ID)
		must(t, err)
		if len(b.Rows) != 1 || !b.Rows[0].Direct || b.Rows[0].Employees != 5 {
			t.Errorf("bidang rows: %+v", b.Rows)
		}

		// A unit admin of Dinkes sees Dinkes only.
		opd := model.Scope{UnitPaths: []string{f.other.Path}}
		o, err := s.NeedsAnalysis(ctx, opd, 0)
		must(t, err)
		if o.Unit.ID != f.other.ID || len(o.Needs) != 1 || o.Needs[0].CompetencyID != c[1] || o.Needs[0].Short != 1 {
			t.Errorf("dinkes scope: %+v", o)
		}
		if _, err := s.NeedsAnalysis(ctx, opd, f.dinas.ID); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("outside scope: %v", err)
		}
		if _, err := s.NeedsAnalysis(ctx, model.Scope{SelfID: f.ani.ID}, 0); apperr.Code(err) != apperr.EFORBIDDEN {
			t.Errorf("no units: %v", err)
		}
		// Two separate subtrees: both are rows, no single unit.
		two, err := s.NeedsAnalysis(ctx, model.Scope{UnitPaths: []string{f.other.Path, f.bidang.Path}}, 0)
		must(t, err)
		if two.Unit != nil || len(two.Rows) != 2 || two.Rows[0].Unit.ID != f.bidang.ID || two.Employees != 6 {
			t.Errorf("two subtrees: unit %v rows %+v employees %d", two.Unit, two.Rows, two.Employees)
		}

		// Drill-down: Ani (2 short) first, then Budi and Siti by name.
		people, more, err := s.NeedPeople(ctx, model.Scope{All: true}, 0, c[0], 0, 2)
		must(t, err)
		if len(people) != 2 || !more || people[0].EmployeeID != f.ani.ID || people[0].Required != 3 || people[0].Actual != 1 ||
			people[1].EmployeeID != f.budi.ID || people[0].Position != f.staff.Title {
			t.Errorf("people page 1: %+v more %v", people, more)
		}
		people, more, err = s.NeedPeople(ctx, model.Scope{All: true}, 0, c[0], 2, 2)
		must(t, err)
		if len(people) != 1 || more || people[0].EmployeeID != f.kabidE.ID {
			t.Errorf("people page 2: %+v more %v", people, more)
		}
		people, _, err = s.NeedPeople(ctx, opd, 0, c[0], 0, 10)
		must(t, err)
		if len(people) != 0 {
			t.Errorf("dinkes people in c0: %+v", people)
		}
		if _, _, err := s.NeedPeople(ctx, opd, f.dinas.ID, c[0], 0, 10); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("people outside scope: %v", err)
		}

		// A new rating shows at once: Dedi assessed 1 in c0.
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.dedi.ID, CompetencyID: c[0], Source: assess.SourceAssessmentCentre,
			Level: 1, RaterAdmin: model.Scope{All: true}}))
		n, err = s.NeedsAnalysis(ctx, model.Scope{All: true}, 0)
		must(t, err)
		if n.Needs[0].Short != 4 || n.Needs[0].WeightedNeed != 13 || n.Stale {
			t.Errorf("after a rating: %+v", n.Needs[0])
		}
	})
}

// BenchmarkNeedsAnalysis measures the whole-pemda analysis of a city of
// needsBenchEmployees employees in 40 units, each with the 9 national
// competencies in their standard and about two thirds of the levels assessed: "build" rebuilds
// the per-unit aggregate every time (the cost after a write, O(employees ×
// competencies)); "cached" sums an unchanged aggregate (O(units ×
// competencies)).
func BenchmarkNeedsAnalysis(b *testing.B) {
	s := storetest.SQLite(b)
	ctx := context.Background()
	f := setupAssess(b, s)
	db := s.DB()
	comps := f.comps
	if len(comps) < 9 {
		b.Fatalf("only %d national competencies", len(comps))
	}
	units := []int64{}
	for i := range 40 {
		u := model.OrgUnit{Code: fmt.Sprintf("U%02d", i), Name: fmt.Sprintf("Unit %02d", i), Kind: model.UnitBidang, ParentID: f.dinas.ID}
		if i%2 == 1 {
			u.ParentID = f.other.ID
		}
		must(b, s.CreateUnit(ctx, admin, &u))
		units = append(units, u.ID)
	}
	var items []model.StandardItem
	for i, c := range comps[:9] {
		items = append(items, model.StandardItem{CompetencyID: c, Required: 2 + i%3, Weight: 1 + i%4})
	}
	_, err := s.SetStandard(ctx, admin, f.staff.ID, "800/9/2025", "", items)
	must(b, err)
	tx, err := db.BeginTx(ctx, nil)
	must(b, err)
	for i := range needsBenchEmployees {
		id := int64(100000 + i)
		_, err := tx.ExecContext(ctx, `INSERT INTO employee (id, nip, name, sort_name, gender, kind, position_id, unit_id, status, updated_at)
			VALUES ($1, $2, $3, $3, 'L', 'pns', $4, $5, 'aktif', 0)`, id, fmt.Sprintf("1990%014d", i), fmt.Sprintf("pegawai %06d", i), f.staff.ID, units[i%len(units)])
		must(b, err)
		for j, it := range items {
			if (i+j)%3 == 0 {
				continue
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO current_level (employee_id, competency_id, level, decided, conflict, updated_at)
				VALUES ($1, $2, $3, 'assessment_centre', FALSE, 0)`, id, it.CompetencyID, 1+(i*7+j)%5)
			must(b, err)
		}
	}
	must(b, tx.Commit())
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			// A write (here a new audit row) makes the next analysis rebuild.
			_, err := db.ExecContext(ctx, `INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (0, 'bench', 'bench', 'x', '', '')`)
			must(b, err)
			if _, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}

const needsBenchEmployees = 5000
