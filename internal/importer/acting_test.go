package importer

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestActingImport: a dry run reports every bad row and writes nothing; the
// apply writes the good rows, and the acting head then supervises the staff
// of the unit.
func TestActingImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, st, testcity.WithClock(time.Date(2026, 5, 4, 8, 0, 0, 0, time.UTC)))
		head := model.Position{Code: "KADINKES", Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: c.Dinkes.ID, IsHead: true}
		if err := st.CreatePosition(ctx, testcity.Sys, &head); err != nil {
			t.Fatal(err)
		}
		file := strings.Join([]string{
			"NIP;KODE JABATAN;JENIS;TANGGAL MULAI;TANGGAL SELESAI;NOMOR SK;TANGGAL SK",
			testcity.NIPBudi + ";KADINKES;Plt.;01-05-2026;31-07-2026;800/12/BKPSDM/2026;28-04-2026", // good
			testcity.NIPSri + ";KADINKES;Plh;15-05-2026;;800/13/2026;14-05-2026",                    // overlaps the row above
			"199912312020121001;KADINKES;Plt;01-05-2026;;800/14/2026;28-04-2026",                    // unknown NIP
			testcity.NIPSri + ";" + c.StaffPos.Code + ";Plt;01-05-2026;;800/15/2026;28-04-2026",     // not a head post
			testcity.NIPSri + ";KADINKES;Pj.;01-08-2026;;800/16/2026;31-13-2026",                    // bad date
		}, "\n")
		o := TalentOptions{Kind: TalentActing, Actor: testcity.Sys, Admin: model.Scope{All: true}, File: "plt.csv"}
		rep, err := Acting(ctx, st, o, []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows != 5 || rep.Good != 1 || rep.Bad != 4 || rep.Applied {
			t.Fatalf("dry run: %+v", rep)
		}
		lines := map[int]string{}
		for _, p := range rep.Problems {
			lines[p.Line] = p.Column
		}
		want := map[int]string{3: "", 4: "NIP", 5: "KODE JABATAN", 6: "TANGGAL SK"}
		for l, col := range want {
			if got, ok := lines[l]; !ok || got != col {
				t.Errorf("line %d: column %q (reported %v), want %q; problems %+v", l, got, ok, col, rep.Problems)
			}
		}
		if list, _ := st.ActingAssignments(ctx, store.ActingFilter{}); len(list) != 0 {
			t.Fatalf("a dry run wrote %+v", list)
		}
		o.Apply = true
		if rep, err = Acting(ctx, st, o, []byte(file)); err != nil || !rep.Applied || rep.Good != 1 {
			t.Fatalf("apply: %+v %v", rep, err)
		}
		list, err := st.ActingAssignments(ctx, store.ActingFilter{UnitID: c.Dinkes.ID})
		if err != nil || len(list) != 1 || list[0].EmployeeID != c.Budi.ID || list[0].Kind != model.ActingPlt {
			t.Fatalf("written: %+v %v", list, err)
		}
		sri, err := st.Employee(ctx, c.Sri.ID)
		if err != nil || sri.SupervisorID != c.Budi.ID {
			t.Errorf("Sri's supervisor after the import: %+v %v", sri, err)
		}
		audit, err := st.AuditLog(ctx, store.AuditFilter{Entity: "import", EntityID: "0"})
		if err != nil || len(audit) == 0 || audit[0].Action != "import.acting" {
			t.Errorf("import event: %+v %v", audit, err)
		}
	})
}
