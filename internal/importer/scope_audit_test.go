package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestImportCannotOverwriteEmployeeOutsideScope: a unit admin of Kominfo
// imports a row carrying the NIP of an employee of BKPSDM (outside their
// scope) with their own unit. Only the target unit is checked against the
// scope, never the stored employee the NIP matches, so the row "moves" the
// BKPSDM employee into Kominfo and overwrites their personal data.
func TestImportCannotOverwriteEmployeeOutsideScope(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, importCity)
		n, _ := makeNIP(7, 1)
		hdr := []string{"NIP", "NAMA", "JK", "GOLONGAN", "KODE UNIT", "STATUS", "E-MAIL"}
		// The BKPSDM employee, created by a whole-government import.
		seed := [][]string{hdr, {n, "Pegawai BKPSDM", "L", "III/b", "1271.20", "Aktif", "asli@medan.go.id"}}
		if _, err := Employees(ctx, st, writeCSV(t, seed), Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true}); err != nil {
			t.Fatal(err)
		}
		// The Kominfo admin's import.
		attack := [][]string{hdr, {n, "Nama Ditimpa", "L", "III/b", "1271.10", "Aktif", "penyerang@example.com"}}
		kominfoAdmin := Options{Scope: model.Scope{UnitPaths: []string{f.Units["1271.10"].Path}}, Actor: model.Actor{Name: "adminkominfo"}, Apply: true}
		rep, err := Employees(ctx, st, writeCSV(t, attack), kominfoAdmin)
		if err != nil {
			t.Fatal(err)
		}
		e, err := st.EmployeeByNIP(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if e.UnitID != f.Units["1271.20"].ID || e.Name != "Pegawai BKPSDM" || e.Email != "asli@medan.go.id" {
			t.Errorf("an import scoped to Kominfo rewrote a BKPSDM employee: unit %d (bkpsdm %d), name %q, email %q; counts %+v",
				e.UnitID, f.Units["1271.20"].ID, e.Name, e.Email, rep.Counts)
		}
	})
}

// TestImportRefusesPositionOfAnotherUnit: a unit admin of Kominfo imports an
// employee into Kominfo with KODE JABATAN naming the head post of BKPSDM.
// Positions found by code are never checked against the row's unit (nor
// the scope), so the employee becomes head of BKPSDM, and with it gains
// BKPSDM's whole subtree in their scope (auth.ScopeFor uses UnitsHeadedBy).
func TestImportRefusesPositionOfAnotherUnit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, importCity)
		kaban := model.Position{Code: "KABAN-BKPSDM", Title: "Kepala BKPSDM", Type: model.JPTPratama, UnitID: f.Units["1271.20"].ID, IsHead: true}
		if err := st.CreatePosition(ctx, admin, &kaban); err != nil {
			t.Fatal(err)
		}
		n, _ := makeNIP(9, 1)
		rows := [][]string{
			{"NIP", "NAMA", "JK", "GOLONGAN", "KODE JABATAN", "KODE UNIT", "STATUS"},
			{n, "Orang Dalam", "L", "IV/a", "KABAN-BKPSDM", "1271.10", "Aktif"},
		}
		kominfoAdmin := Options{Scope: model.Scope{UnitPaths: []string{f.Units["1271.10"].Path}}, Actor: model.Actor{Name: "adminkominfo"}, Apply: true}
		rep, err := Employees(ctx, st, writeCSV(t, rows), kominfoAdmin)
		if err != nil {
			t.Fatal(err)
		}
		e, err := st.EmployeeByNIP(ctx, n)
		if err != nil {
			if rep.Counts.Bad == 1 {
				return // refused: the expected behaviour
			}
			t.Fatal(err)
		}
		heads, err := st.UnitsHeadedBy(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if e.PositionID == kaban.ID || len(heads) > 0 {
			t.Errorf("a Kominfo-scoped import gave an employee of Kominfo the head post of BKPSDM (position %d, heads %v): "+
				"the employee now sees BKPSDM's subtree", e.PositionID, heads)
		}
	})
}

// TestImportCreatesAreAudited: an employee created by an import gets
// no audit entry of its own (the web form and the API write
// "employee.create" with every field; import updates write
// "employee.update"). Only one "import.employees" event with counts and the
// file's SHA-256 remains, and the web UI deletes the file after the apply,
// so who was created with which personal data cannot be reconstructed.
func TestImportCreatesAreAudited(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		testcity.New(t, st, importCity)
		n, _ := makeNIP(11, 1)
		rows := [][]string{{"NIP", "NAMA", "JK", "GOLONGAN", "KODE UNIT", "STATUS"}, {n, "Pegawai Baru", "L", "III/a", "1271.10", "Aktif"}}
		rep, err := Employees(ctx, st, writeCSV(t, rows), Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true})
		if err != nil || rep.Counts.Create != 1 {
			t.Fatalf("%v %+v", err, rep)
		}
		e, err := st.EmployeeByNIP(ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := st.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: itoa(e.ID)})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) == 0 {
			t.Errorf("employee %d (NIP %s) created by import has no audit entry of its own", e.ID, n)
		}
	})
}

func itoa(id int64) string { return fmt.Sprint(id) }

// TestImportSupervisorStaysInReach: a unit admin's file may name as NIP
// ATASAN someone of their own scope or the head of a unit above, not a
// person of another OPD; that person is refused in exactly the words of a
// NIP nobody has (the file cannot find out who exists), and nothing of the
// refused row is written.
func TestImportSupervisorStaysInReach(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, importCity)
		pemdaHead := model.Position{Code: "WALIKOTA", Title: "Sekretaris Daerah", Type: model.JPTPratama, UnitID: f.Units["1271"].ID, IsHead: true}
		if err := st.CreatePosition(ctx, admin, &pemdaHead); err != nil {
			t.Fatal(err)
		}
		hdr := []string{"NIP", "NAMA", "JK", "GOLONGAN", "KODE JABATAN", "KODE UNIT", "STATUS", "NIP ATASAN"}
		sekda, _ := makeNIP(21, 1)
		outsider, _ := makeNIP(22, 1)
		colleague, _ := makeNIP(23, 2)
		seed := [][]string{hdr,
			{sekda, "Sekda Kota", "L", "IV/c", "WALIKOTA", "1271", "Aktif", ""},
			{outsider, "Pegawai BKPSDM", "L", "III/b", "", "1271.20", "Aktif", ""},
			{colleague, "Rekan Kominfo", "P", "III/b", "PRAKOM-AP", "1271.10", "Aktif", ""}}
		if _, err := Employees(ctx, st, writeCSV(t, seed), Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true}); err != nil {
			t.Fatal(err)
		}
		a, _ := makeNIP(24, 1)
		b, _ := makeNIP(25, 1)
		c, _ := makeNIP(26, 2)
		nobody, _ := makeNIP(27, 1)
		ghostNIP, _ := makeNIP(28, 1) // valid, stored nowhere
		rows := [][]string{hdr,
			{a, "Atasan Sekda", "L", "III/a", "PRAKOM-AP", "1271.10", "Aktif", sekda},         // head of a unit above: allowed
			{b, "Atasan Rekan", "L", "III/a", "PRAKOM-AP", "1271.10", "Aktif", colleague},     // in scope: allowed
			{c, "Atasan Luar", "P", "III/a", "PRAKOM-AP", "1271.10", "Aktif", outsider},       // another OPD: refused
			{nobody, "Atasan Hantu", "L", "III/a", "PRAKOM-AP", "1271.10", "Aktif", ghostNIP}} // nobody
		kominfoAdmin := Options{Scope: model.Scope{UnitPaths: []string{f.Units["1271.10"].Path}}, Actor: model.Actor{Name: "adminkominfo"}, Apply: true}
		rep, err := Employees(ctx, st, writeCSV(t, rows), kominfoAdmin)
		if err != nil {
			t.Fatal(err)
		}
		byLine := map[int]Problem{}
		for _, p := range rep.Problems {
			if p.Field == fSupervisorNIP {
				byLine[p.Line] = p
			}
		}
		if _, ok := byLine[2]; ok {
			t.Errorf("the head of a unit above was refused: %+v", byLine[2])
		}
		if _, ok := byLine[3]; ok {
			t.Errorf("a colleague in scope was refused: %+v", byLine[3])
		}
		out, ghost := byLine[4], byLine[5]
		if out.Code != "supervisor.unknown" || ghost.Code != "supervisor.unknown" ||
			strings.ReplaceAll(out.Message, outsider, "X") != strings.ReplaceAll(ghost.Message, ghost.Value, "X") {
			t.Errorf("an outsider must be refused like a NIP nobody has:\n%+v\n%+v", out, ghost)
		}
		if _, err := st.EmployeeByNIP(ctx, c); err == nil {
			t.Error("the refused row was written")
		}
	})
}
