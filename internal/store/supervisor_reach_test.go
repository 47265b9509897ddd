package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/policy"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestSupervisorReach: the facts read for a supervisor candidate (their
// unit, the units they head today as holder or Plt./Plh.) and the answer
// of policy.MayNameSupervisor over them, for an admin of the bidang only.
func TestSupervisorReach(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, s, testcity.WithBidang())
		dinkes := f.Dinkes
		kadinkes := model.Position{Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: dinkes.ID, IsHead: true}
		must(t, s.CreatePosition(ctx, admin, &kadinkes))
		sekda := model.Position{Title: "Sekretaris Daerah", Type: model.JPTPratama, UnitID: f.Root.ID, IsHead: true}
		must(t, s.CreatePosition(ctx, admin, &sekda))
		headOut := model.Employee{NIP: "196901011990031001", Name: "Hendra Gunawan", BirthDate: f.Head.BirthDate, Gender: model.Male,
			Kind: model.PNS, Golongan: "IV/c", UnitID: dinkes.ID, PositionID: kadinkes.ID}
		must(t, f.AddEmployee(&headOut))
		plt := model.Employee{NIP: "197101011996031002", Name: "Rahmat Hidayat", BirthDate: f.Head.BirthDate, Gender: model.Male,
			Kind: model.PNS, Golongan: "IV/a", UnitID: dinkes.ID}
		must(t, f.AddEmployee(&plt))
		ended := model.Employee{NIP: "197201011997031003", Name: "Yusuf Harahap", BirthDate: f.Head.BirthDate, Gender: model.Male,
			Kind: model.PNS, Golongan: "IV/a", UnitID: dinkes.ID}
		must(t, f.AddEmployee(&ended))
		today := s.Now().Format("2006-01-02")
		for _, a := range []struct {
			who         int64
			from, until string
		}{{plt.ID, today, ""}, {ended.ID, "2020-01-01", "2021-12-31"}} {
			_, err := s.DB().Exec(`INSERT INTO acting_assignment (employee_id, position_id, kind, from_date, until_date) VALUES ($1, $2, 'plt', $3, $4)`,
				a.who, sekda.ID, a.from, a.until)
			must(t, err)
		}

		got, err := s.SupervisorCandidates(ctx, []string{f.Ani.NIP, f.Head.NIP, plt.NIP, ended.NIP, "199912312020121001"})
		must(t, err)
		if len(got) != 4 || got["199912312020121001"] != nil {
			t.Fatalf("candidates: %d, want the 4 stored", len(got))
		}
		for nip, want := range map[string]struct {
			unit  string
			heads []string
		}{
			f.Ani.NIP:  {f.Bidang.Path, nil},
			f.Head.NIP: {f.Kominfo.Path, []string{f.Kominfo.Path}},
			plt.NIP:    {dinkes.Path, []string{f.Root.Path}},
			ended.NIP:  {dinkes.Path, nil},
		} {
			c := got[nip]
			if c == nil || c.UnitPath != want.unit || !slices.Equal(c.HeadPaths, want.heads) {
				t.Errorf("%s: %+v, want unit %s heads %v", nip, c, want.unit, want.heads)
			}
		}

		adminBidang := &policy.Principal{User: model.User{Role: model.RoleAdminOPD, ScopeUnitID: f.Bidang.ID},
			Scope: model.Scope{UnitPaths: []string{f.Bidang.Path}}, Admin: model.Scope{UnitPaths: []string{f.Bidang.Path}}}
		pegawai := &policy.Principal{User: model.User{Role: model.RolePegawai, EmployeeID: f.Bayu.ID}, Scope: model.Scope{SelfID: f.Bayu.ID}}
		for _, c := range []struct {
			what      string
			p         *policy.Principal
			candidate int64
			unit      int64
			want      bool
		}{
			{"a colleague in the bidang", adminBidang, f.Ani.ID, f.Bidang.ID, true},
			{"the head of the dinas above", adminBidang, f.Head.ID, f.Bidang.ID, true},
			{"the Plt. of the pemda, from Dinkes", adminBidang, plt.ID, f.Bidang.ID, true},
			{"the head of Dinkes, beside", adminBidang, headOut.ID, f.Bidang.ID, false},
			{"an acting assignment that ended", adminBidang, ended.ID, f.Bidang.ID, false},
			{"an ID nobody has", adminBidang, 987654, f.Bidang.ID, false},
			{"for a unit that does not exist", adminBidang, f.Ani.ID, 987654, false},
			{"for an employee of the dinas, outside the admin's bidang", adminBidang, f.Ani.ID, f.Kominfo.ID, false},
			{"asked by a pegawai", pegawai, f.Ani.ID, f.Bidang.ID, false},
		} {
			ok, err := s.MayNameSupervisor(ctx, c.p, c.candidate, c.unit)
			must(t, err)
			if ok != c.want {
				t.Errorf("%s: MayNameSupervisor = %v, want %v", c.what, ok, c.want)
			}
		}

		// A supervisor named explicitly (here from outside, as a BKPSDM
		// admin may) is kept; a derived one is not reported.
		ani, err := s.Employee(ctx, f.Ani.ID)
		must(t, err)
		ani.SupervisorID, ani.SupervisorSet = headOut.ID, true
		_, err = s.UpdateEmployee(ctx, admin, &ani.Employee)
		must(t, err)
		kept, err := s.KeptSupervisors(ctx, []string{f.Ani.NIP, f.Bayu.NIP, "199912312020121001"})
		must(t, err)
		if len(kept) != 1 || kept[f.Ani.NIP] != headOut.NIP {
			t.Errorf("kept supervisors: %v, want only %s → %s", kept, f.Ani.NIP, headOut.NIP)
		}
	})
}
