package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/gap"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/needs"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

func TestNeedsAnalysis(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithNeeds())
		c := f.National
		if m := s.NeedsMemory(); m != 0 {
			t.Errorf("no analysis asked for yet, but the cache holds %d bytes", m)
		}
		n, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, 0)
		if m := s.NeedsMemory(); err == nil && m <= 0 {
			t.Errorf("after an analysis the cache is said to hold %d bytes", m)
		}
		must(t, err)
		if n.Unit == nil || n.Unit.ID != f.Root.ID || n.Employees != 6 {
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
		if len(n.Rows) != 2 || n.Rows[0].Unit.ID != f.Dinkes.ID || n.Rows[1].Unit.ID != f.Kominfo.ID {
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
		d, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, f.Kominfo.ID)
		must(t, err)
		if d.Unit.ID != f.Kominfo.ID || len(d.Rows) != 1 || d.Rows[0].Unit.ID != f.Bidang.ID || d.Employees != 5 || d.Needs[0].WeightedNeed != 9 {
			t.Errorf("dinas: %+v", d)
		}
		// The bidang's own employees form a direct row.
		b, err := s.NeedsAnalysis(ctx, model.Scope{All: true}, f.Bidang.ID)
		must(t, err)
		if len(b.Rows) != 1 || !b.Rows[0].Direct || b.Rows[0].Employees != 5 {
			t.Errorf("bidang rows: %+v", b.Rows)
		}

		// A unit admin of Dinkes sees Dinkes only.
		opd := model.Scope{UnitPaths: []string{f.Dinkes.Path}}
		o, err := s.NeedsAnalysis(ctx, opd, 0)
		must(t, err)
		if o.Unit.ID != f.Dinkes.ID || len(o.Needs) != 1 || o.Needs[0].CompetencyID != c[1] || o.Needs[0].Short != 1 {
			t.Errorf("dinkes scope: %+v", o)
		}
		if _, err := s.NeedsAnalysis(ctx, opd, f.Kominfo.ID); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("outside scope: %v", err)
		}
		if _, err := s.NeedsAnalysis(ctx, model.Scope{SelfID: f.Ani.ID}, 0); apperr.Code(err) != apperr.EFORBIDDEN {
			t.Errorf("no units: %v", err)
		}
		// Two separate subtrees: both are rows, no single unit.
		two, err := s.NeedsAnalysis(ctx, model.Scope{UnitPaths: []string{f.Dinkes.Path, f.Bidang.Path}}, 0)
		must(t, err)
		if two.Unit != nil || len(two.Rows) != 2 || two.Rows[0].Unit.ID != f.Bidang.ID || two.Employees != 6 {
			t.Errorf("two subtrees: unit %v rows %+v employees %d", two.Unit, two.Rows, two.Employees)
		}

		// Drill-down: Ani (2 short) first, then Budi and Siti by name.
		people, more, err := s.NeedPeople(ctx, model.Scope{All: true}, 0, c[0], 0, 2)
		must(t, err)
		if len(people) != 2 || !more || people[0].EmployeeID != f.Ani.ID || people[0].Required != 3 || people[0].Actual != 1 ||
			people[1].EmployeeID != f.Bayu.ID || people[0].Position != f.ProgPos.Title {
			t.Errorf("people page 1: %+v more %v", people, more)
		}
		people, more, err = s.NeedPeople(ctx, model.Scope{All: true}, 0, c[0], 2, 2)
		must(t, err)
		if len(people) != 1 || more || people[0].EmployeeID != f.Kabid.ID {
			t.Errorf("people page 2: %+v more %v", people, more)
		}
		people, _, err = s.NeedPeople(ctx, opd, 0, c[0], 0, 10)
		must(t, err)
		if len(people) != 0 {
			t.Errorf("dinkes people in c0: %+v", people)
		}
		if _, _, err := s.NeedPeople(ctx, opd, f.Kominfo.ID, c[0], 0, 10); apperr.Code(err) != apperr.ENOTFOUND {
			t.Errorf("people outside scope: %v", err)
		}

		// A new rating shows at once: Dedi assessed 1 in c0.
		must(t, s.AddRating(ctx, admin, &model.Rating{EmployeeID: f.Dedi.ID, CompetencyID: c[0], Source: assess.SourceAssessmentCentre,
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
	f := testcity.New(b, s, testcity.WithAssessment())
	db := s.DB()
	comps := f.National
	if len(comps) < 9 {
		b.Fatalf("only %d national competencies", len(comps))
	}
	units := []int64{}
	for i := range 40 {
		u := model.OrgUnit{Code: fmt.Sprintf("U%02d", i), Name: fmt.Sprintf("Unit %02d", i), Kind: model.UnitBidang, ParentID: f.Kominfo.ID}
		if i%2 == 1 {
			u.ParentID = f.Dinkes.ID
		}
		must(b, s.CreateUnit(ctx, admin, &u))
		units = append(units, u.ID)
	}
	var items []model.StandardItem
	for i, c := range comps[:9] {
		items = append(items, model.StandardItem{CompetencyID: c, Required: 2 + i%3, Weight: 1 + i%4})
	}
	_, err := s.SetStandard(ctx, admin, f.ProgPos.ID, "800/9/2025", "", items)
	must(b, err)
	tx, err := db.BeginTx(ctx, nil)
	must(b, err)
	for i := range needsBenchEmployees {
		id := int64(100000 + i)
		_, err := tx.ExecContext(ctx, `INSERT INTO employee (id, nip, name, sort_name, gender, kind, position_id, unit_id, status, updated_at)
			VALUES ($1, $2, $3, $3, 'L', 'pns', $4, $5, 'aktif', 0)`, id, fmt.Sprintf("1990%014d", i), fmt.Sprintf("pegawai %06d", i), f.ProgPos.ID, units[i%len(units)])
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
