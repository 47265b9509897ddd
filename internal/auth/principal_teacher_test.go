package auth_test

import (
	"context"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestSchoolPrincipalIsAHead: a kepala sekolah holds a Guru post flagged as
// the school's head (not a Pengawas post). Supervisor derivation and scope
// treat it as any head: the school's teachers get the principal as their
// supervisor, and the principal reads the school; the principal's own
// supervisor is the head of the unit above.
func TestSchoolPrincipalIsAHead(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, s)
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		school := model.OrgUnit{Code: "UPT-SDN-060801", Name: "SD Negeri 060801 Medan", Kind: model.UnitUPT, ParentID: c.Kominfo.ID}
		must(s.CreateUnit(ctx, testcity.Sys, &school))
		head := model.Position{Title: "Guru Ahli Madya (Kepala Sekolah)", Type: model.Fungsional, Jenjang: "ahli_madya", UnitID: school.ID, IsHead: true}
		must(s.CreatePosition(ctx, testcity.Sys, &head))
		guru := model.Position{Title: "Guru Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: school.ID}
		must(s.CreatePosition(ctx, testcity.Sys, &guru))
		// A librarian's post may not head the school.
		bad := model.Position{Title: "Pustakawan Ahli Madya", Type: model.Fungsional, Jenjang: "ahli_madya", UnitID: school.ID, IsHead: true}
		if err := s.CreatePosition(ctx, testcity.Sys, &bad); err == nil {
			t.Error("a librarian's post was accepted as the school's head")
		}
		day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
		principal := model.Employee{NIP: "197203032000032002", Name: "Rosmawati Sinaga", BirthDate: day("1972-03-03"), Gender: model.Female,
			Kind: model.PNS, Golongan: "IV/a", PositionID: head.ID, UnitID: school.ID, Status: model.StatusAktif}
		must(c.AddEmployee(&principal))
		teacher := model.Employee{NIP: "199004042019031001", Name: "Fajar Hutagalung", BirthDate: day("1990-04-04"), Gender: model.Male,
			Kind: model.PNS, Golongan: "III/a", PositionID: guru.ID, UnitID: school.ID, Status: model.StatusAktif}
		must(c.AddEmployee(&teacher))

		tv, err := s.Employee(ctx, teacher.ID)
		must(err)
		if tv.SupervisorID != principal.ID {
			t.Errorf("the teacher's supervisor is %d, want the principal %d", tv.SupervisorID, principal.ID)
		}
		pv, err := s.Employee(ctx, principal.ID)
		must(err)
		if pv.SupervisorID != c.Head.ID {
			t.Errorf("the principal's supervisor is %d, want the head above %d", pv.SupervisorID, c.Head.ID)
		}
		p, err := auth.ScopeFor(ctx, s, &model.User{Role: model.RolePegawai, EmployeeID: principal.ID})
		must(err)
		if len(p.IsHeadOf) != 1 || !p.Sees(&school) || p.Sees(&c.Kominfo) {
			t.Errorf("the principal reads the school and nothing above: %+v", p)
		}
	})
}
