package importer

import (
	"context"
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestAgreementImport: a PPPK's agreement is written from the file, a
// PNS's row, a date that is no date, an end before the start and a second
// row for one person are refused with their lines; the write is audited
// under the import's event.
func TestAgreementImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, st, testcity.WithAssessment())
		file := "NIP,TMT PK,Akhir Perjanjian Kerja\n" +
			c.Bayu.NIP + ",01/03/2025,28-02-2030\n" + // Indonesian day-first dates
			c.Ani.NIP + ",2025-03-01,2030-02-28\n" + // a PNS
			c.Bayu.NIP + ",2025-03-01,2030-02-28\n" + // twice
			"199001012015031999,2025-03-01,2030-02-28\n" // unknown
		rep, err := Talent(ctx, st, TalentOptions{Kind: TalentAgreement, Actor: model.Actor{Name: "test"}, Admin: model.Scope{All: true},
			Apply: true, File: "pk.csv"}, []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		codes := ""
		for _, p := range rep.Problems {
			codes += fmt.Sprintf("%d:%s ", p.Line, p.Code)
		}
		if rep.Good != 1 || rep.Bad != 3 || !rep.Applied || codes != "3:kind.pns 4:duplicate 5:nip.unknown " {
			t.Fatalf("report: good %d bad %d applied %v problems %s", rep.Good, rep.Bad, rep.Applied, codes)
		}
		ag, ok, err := st.Agreement(ctx, c.Bayu.ID)
		if err != nil || !ok || ag.Start != "2025-03-01" || ag.End != "2030-02-28" {
			t.Errorf("Bayu's agreement: %+v %v %v", ag, ok, err)
		}
		bad := "NIP,TMT PERJANJIAN KERJA,AKHIR PERJANJIAN KERJA\n" + c.Bayu.NIP + ",2030-01-01,2025-01-01\n" + c.Bayu.NIP + ",kemarin,2025-01-01\n"
		rep, err = Talent(ctx, st, TalentOptions{Kind: TalentAgreement, Admin: model.Scope{All: true}}, []byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Good != 0 || rep.Bad != 2 || rep.Problems[0].Code != "date.order" || rep.Problems[1].Code != "date.bad" {
			t.Errorf("bad dates: %+v", rep.Problems)
		}
		log, err := st.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: fmt.Sprint(c.Bayu.ID)})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range log {
			found = found || e.Action == "employee.agreement"
		}
		if !found {
			t.Error("the imported agreement was not audited")
		}
	})
}
