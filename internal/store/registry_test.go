package store_test

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

var admin = model.Actor{UserID: 0, Name: "test"}

func TestUnitPathsAndSupervisors(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		if want := "/" + itoa(f.Root.ID) + "/" + itoa(f.Kominfo.ID) + "/" + itoa(f.Bidang.ID) + "/"; f.Bidang.Path != want {
			t.Errorf("bidang path = %q, want %q", f.Bidang.Path, want)
		}
		ani, err := s.Employee(ctx, f.Ani.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ani.SupervisorID != f.Kabid.ID {
			t.Errorf("staff supervisor = %d, want the head of the bidang %d", ani.SupervisorID, f.Kabid.ID)
		}
		kabid, _ := s.Employee(ctx, f.Kabid.ID)
		if kabid.SupervisorID != f.Head.ID {
			t.Errorf("head of bidang reports to %d, want the head of the dinas %d", kabid.SupervisorID, f.Head.ID)
		}
		if got := ani.RetirementDate.Format("2006-01-02"); got != "2050-02-01" {
			t.Errorf("retirement of an Ahli Pertama born 1992-01-10 = %s, want 2050-02-01 (58 years, first of next month)", got)
		}
		heads, err := s.UnitsHeadedBy(ctx, f.Kabid.ID)
		if err != nil || len(heads) != 1 || heads[0].ID != f.Bidang.ID {
			t.Errorf("UnitsHeadedBy = %v, %v", heads, err)
		}
	})
}

func TestSearchAndScope(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		all := model.Scope{All: true}
		cases := []struct {
			q    string
			want []int64
		}{
			{"siregar", []int64{f.Bayu.ID, f.Budi.ID}}, // by name
			{"Sire", []int64{f.Bayu.ID, f.Budi.ID}},
			{"bayu siregar", []int64{f.Bayu.ID}},
			{"nasution", []int64{f.Head.ID, f.Kabid.ID}}, // Ahmad, Siti
			{"M.Kom.", nil}, // a title is not a name word
			{"siti nasution", []int64{f.Kabid.ID}},
			{"19920110 201903 2 005", []int64{f.Ani.ID}},
			{"1992011020", []int64{f.Ani.ID}},
		}
		for _, c := range cases {
			got, _, err := s.Employees(ctx, store.EmployeeFilter{Scope: all, Query: c.q})
			if err != nil {
				t.Fatalf("%q: %v", c.q, err)
			}
			if len(got) != len(c.want) {
				t.Errorf("search %q: got %d results, want %d", c.q, len(got), len(c.want))
				continue
			}
			for i := range got {
				if got[i].ID != c.want[i] {
					t.Errorf("search %q: result %d = %s", c.q, i, got[i].Name)
				}
			}
		}
		// A supervisor sees self and direct reports only; a pegawai only self.
		sup := model.Scope{SelfID: f.Kabid.ID, SupervisorID: f.Kabid.ID}
		got, _, _ := s.Employees(ctx, store.EmployeeFilter{Scope: sup})
		if len(got) != 3 {
			t.Errorf("head of bidang sees %d employees, want 3 (self + 2 staff)", len(got))
		}
		if ok, _ := s.InScope(ctx, sup, f.Head.ID); ok {
			t.Error("a supervisor must not see their own superior")
		}
		sub := model.Scope{UnitPaths: []string{f.Bidang.Path}}
		got, _, _ = s.Employees(ctx, store.EmployeeFilter{Scope: sub})
		if len(got) != 3 {
			t.Errorf("unit subtree scope sees %d, want 3", len(got))
		}
		if got, _, _ := s.Employees(ctx, store.EmployeeFilter{}); len(got) != 0 {
			t.Errorf("zero scope sees %d employees, want none", len(got))
		}
		page, more, _ := s.Employees(ctx, store.EmployeeFilter{Scope: all, Limit: 2})
		if len(page) != 2 || !more {
			t.Errorf("page of 2: got %d more=%v", len(page), more)
		}
	})
}

func TestUpdateWritesHistoryAndAudit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		e := f.Ani
		e.Golongan = "III/b"
		e.Name = "Ani Br Sembiring"
		changed, err := s.UpdateEmployee(ctx, admin, &e)
		if err != nil || !changed {
			t.Fatalf("update: changed=%v err=%v", changed, err)
		}
		if changed, _ := s.UpdateEmployee(ctx, admin, &e); changed {
			t.Error("saving the same values again must change nothing")
		}
		h, _ := s.History(ctx, e.ID)
		if len(h) != 1 || h[0].Field != "golongan" || h[0].OldValue != "III/a" || h[0].NewValue != "III/b" {
			t.Errorf("history = %+v", h)
		}
		log, _ := s.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: itoa(e.ID)})
		if len(log) != 2 || log[0].Action != "employee.update" {
			t.Fatalf("audit = %+v", log)
		}
		got, _, _ := s.Employees(ctx, store.EmployeeFilter{Scope: model.Scope{All: true}, Query: "br"})
		if len(got) != 1 {
			t.Errorf("renamed employee not found by new word: %d results", len(got))
		}
	})
}

func itoa(i int64) string { return fmtInt(i) }
