package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
	"github.com/xuri/excelize/v2"
)

var admin = model.Actor{UserID: 0, Name: "tester"}

// importCity is the city the import tests name by code: Pemerintah Kota
// Medan (1271) with Dinas Komunikasi dan Informatika (1271.10: its head
// post KADIS-KOMINFO and a Pranata Komputer post PRAKOM-AP) and BKPSDM
// (1271.20), and nobody in it yet.
var importCity = testcity.Tree(
	testcity.Unit{Code: "1271", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda},
	testcity.Unit{Code: "1271.10", Name: "Dinas Komunikasi dan Informatika", Kind: model.UnitOPD, Parent: "1271", Posts: []model.Position{
		{Code: "KADIS-KOMINFO", Title: "Kepala Dinas Komunikasi dan Informatika", Type: model.JPTPratama, IsHead: true},
		{Code: "PRAKOM-AP", Title: "Pranata Komputer Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama"}}},
	testcity.Unit{Code: "1271.20", Name: "BKPSDM", Kind: model.UnitOPD, Parent: "1271"},
)

// makeNIP builds a valid PNS NIP for row i.
func makeNIP(i int, gender int) (nipStr, birth string) {
	y, m, d := 1970+i%30, 1+i%12, 1+i%28
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d", y, m, d, y+25, 1+i%12, gender, 1+i%999), fmt.Sprintf("%02d-%02d-%04d", d, m, y)
}

var header = []string{"NIP", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TEMPAT LAHIR", "TGL. LAHIR", "JENIS KELAMIN", "STATUS PEGAWAI", "GOL/RUANG", "JABATAN", "UNIT KERJA", "E-MAIL", "NO HP"}

type tcase struct {
	line    int
	field   string
	code    string
	warning bool
}

// acceptanceFile writes ~110 rows, 10 % bad, as Indonesian Excel saves a
// CSV: semicolons, BOM, CRLF, a quoted name with commas.
func acceptanceFile(t *testing.T, dir string) (path string, good int, bads, warns []tcase) {
	var rows [][]string
	add := func(r []string) int {
		rows = append(rows, r)
		return len(rows) + 1 // line: header is line 1
	}
	row := func(i int) []string {
		g := 1 + i%2
		n, b := makeNIP(i, g)
		jk := map[int]string{1: "Laki-laki", 2: "Perempuan"}[g]
		return []string{n, fmt.Sprintf("Pegawai Nomor %d", i), "", "", "Medan", b, jk, "PNS", "III/a", "Pranata Komputer Ahli Pertama", "Dinas Komunikasi dan Informatika", fmt.Sprintf("p%d@medan.go.id", i), "0812 3456 78" + fmt.Sprintf("%02d", i%100)}
	}
	for i := 0; i < 96; i++ {
		add(row(i))
		good++
	}
	// A quoted name with commas and titles, and a new position title.
	r := row(200)
	r[1] = "Dr. Ahmad Siregar, S.T., M.Kom."
	r[9] = "Analis Kebijakan Ahli Muda"
	r[8] = "III/c"
	add(r)
	good++
	// Warning: a golongan above the jenjang's range (IV/a at Ahli Pertama).
	r = row(205)
	r[8] = "IV/a"
	warns = append(warns, tcase{add(r), "golongan", "golongan.jenjang", true})
	good++
	// Warnings: birth date and gender disagree with the NIP.
	r = row(201)
	r[5] = "02-02-1990"
	warns = append(warns, tcase{add(r), "birth_date", "nip.birthdate_mismatch", true})
	good++
	r = row(203) // gender digit 2
	r[6] = "L"
	warns = append(warns, tcase{add(r), "gender", "nip.gender_mismatch", true})
	good++
	bad := func(mut func(r []string), field, code string) {
		r := row(300 + len(bads))
		mut(r)
		bads = append(bads, tcase{add(r), field, code, false})
	}
	bad(func(r []string) { r[0] = r[0][:17] }, "nip", "nip.length")
	bad(func(r []string) { r[0] = r[0][:4] + "13" + r[0][6:] }, "nip", "nip.birthdate")
	bad(func(r []string) { r[0] = r[0][:12] + "13" + r[0][14:] }, "nip", "nip.tmt_month")
	bad(func(r []string) { r[0] = r[0][:14] + "3" + r[0][15:] }, "nip", "nip.gender")
	bad(func(r []string) { r[0] = r[0][:15] + "000" }, "nip", "nip.sequence")
	bad(func(r []string) { r[0] = "1.96608E+17" }, "nip", "nip.scientific")
	bad(func(r []string) { r[0] = r[0][:10] + "O" + r[0][11:] }, "nip", "nip.digits")
	bad(func(r []string) { r[5] = "31-02-1980" }, "birth_date", "date")
	bad(func(r []string) { r[10] = "Dinas Yang Tidak Ada" }, "unit", "unit.unknown")
	bad(func(r []string) { r[8] = "V/a" }, "golongan", "golongan")
	bad(func(r []string) { r[1] = "" }, "name", "required")
	bad(func(r []string) { r[11] = "budi@@medan" }, "email", "email")
	bad(func(r []string) { r[6] = "X" }, "gender", "gender")
	// Duplicate NIP: the later row and the first one both fall.
	first := row(400)
	firstLine := add(first)
	bads = append(bads, tcase{firstLine, "nip", "duplicate", false})
	dup := append([]string(nil), first...)
	dup[1] = "Pegawai Kembar"
	bads = append(bads, tcase{add(dup), "nip", "duplicate", false})

	var b bytes.Buffer
	b.WriteString("\ufeff")
	write := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(';')
			}
			if strings.ContainsAny(c, ",;\"") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	write(header)
	for _, r := range rows {
		write(r)
	}
	path = filepath.Join(dir, "pegawai.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"Dr. Ahmad Siregar, S.T., M.Kom."`)) {
		t.Fatal("fixture lacks the quoted name")
	}
	return path, good, bads, warns
}

func countAudit(t *testing.T, st *store.Store, action string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func countEmployees(t *testing.T, st *store.Store) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT COUNT(*) FROM employee`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func hasProblem(rep *Report, c tcase) bool {
	for _, p := range rep.Problems {
		if p.Line == c.line && p.Field == c.field && p.Code == c.code && p.Warning == c.warning && p.Message != "" && p.MessageEN != "" {
			return true
		}
	}
	return false
}

func dumpProblems(t *testing.T, rep *Report) {
	for _, p := range rep.Problems {
		t.Logf("line %d %s [%s] %q %s: %s (warning=%v)", p.Line, p.Column, p.Field, p.Value, p.Code, p.Message, p.Warning)
	}
}

func TestAcceptance(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		testcity.New(t, st, importCity)
		path, good, bads, warns := acceptanceFile(t, t.TempDir())
		all := Options{Scope: model.Scope{All: true}, Actor: admin}

		rep, err := Employees(ctx, st, path, all)
		if err != nil {
			t.Fatal(err)
		}
		if countEmployees(t, st) != 0 {
			t.Fatal("dry run wrote employees")
		}
		for _, c := range append(append([]tcase(nil), bads...), warns...) {
			if !hasProblem(rep, c) {
				dumpProblems(t, rep)
				t.Fatalf("no problem %+v in report", c)
			}
		}
		if rep.Counts.Bad != len(bads) || rep.Counts.Good != good || rep.Counts.Create != good || rep.Counts.Warned != len(warns) {
			dumpProblems(t, rep)
			t.Fatalf("counts %+v, want bad %d good %d warned %d", rep.Counts, len(bads), good, len(warns))
		}
		if len(rep.NewPositions) != 1 || rep.NewPositions[0].Title != "Analis Kebijakan Ahli Muda" || rep.NewPositions[0].Jenjang != "ahli_muda" {
			t.Fatalf("new positions %+v", rep.NewPositions)
		}
		for i := 1; i < len(rep.Problems); i++ {
			if rep.Problems[i].Line < rep.Problems[i-1].Line {
				t.Fatal("problems not sorted by line")
			}
		}
		// Both rows of a duplicated NIP show the NIP itself, the first one
		// too (its value was empty: pass 1 keeps only a packed key).
		var dupValues []string
		for _, p := range rep.Problems {
			if p.Code == "duplicate" {
				dupValues = append(dupValues, p.Value)
			}
		}
		if len(dupValues) != 2 || len(dupValues[0]) != 18 || dupValues[0] != dupValues[1] {
			t.Fatalf("duplicate NIP values %q, want the same 18-digit NIP twice", dupValues)
		}

		// Apply.
		all.Apply = true
		rep, err = Employees(ctx, st, path, all)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Applied || rep.Counts.Create != good || countEmployees(t, st) != good {
			t.Fatalf("apply: %+v, %d employees", rep.Counts, countEmployees(t, st))
		}
		if countAudit(t, st, "import.employees") != 1 {
			t.Fatal("import not audited once")
		}
		_, b := makeNIP(200, 1)
		_ = b
		n200, _ := makeNIP(200, 1)
		e, err := st.EmployeeByNIP(ctx, n200)
		if err != nil {
			t.Fatal(err)
		}
		if e.GelarDepan != "Dr." || e.Name != "Ahmad Siregar" || e.GelarBelakang != "S.T., M.Kom." || e.PositionTitle != "Analis Kebijakan Ahli Muda" {
			t.Fatalf("titled row stored as %+v", e.Employee)
		}
		if e.SupervisorID == 0 || e.SupervisorSet {
			// Nobody holds the head post: derived supervisor stays 0.
		}

		// Second apply changes nothing.
		updates := countAudit(t, st, "employee.update")
		rep, err = Employees(ctx, st, path, all)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts.Create != 0 || rep.Counts.Update != 0 || rep.Counts.Unchanged != good || len(rep.NewPositions) != 0 {
			t.Fatalf("re-import: %+v, new positions %v", rep.Counts, rep.NewPositions)
		}
		if countAudit(t, st, "employee.update") != updates {
			t.Fatal("re-import wrote employee.update entries")
		}

		// Export and re-import, CSV and XLSX: zero changes.
		for _, format := range []string{"csv", "xlsx"} {
			var buf bytes.Buffer
			if err := ExportEmployees(ctx, st, &buf, format, model.Scope{All: true}); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "export."+format)
			os.WriteFile(p, buf.Bytes(), 0o600)
			rep, err := Employees(ctx, st, p, all)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Counts.Bad != 0 || rep.Counts.Create != 0 || rep.Counts.Update != 0 || rep.Counts.Unchanged != good {
				dumpProblems(t, rep)
				t.Fatalf("%s round trip: %+v", format, rep.Counts)
			}
			for _, pr := range rep.Problems {
				if pr.Field == "header" {
					t.Fatalf("%s export has an unknown header: %s", format, pr.Message)
				}
			}
		}
		if countAudit(t, st, "employee.update") != updates {
			t.Fatal("round trips wrote employee.update entries")
		}
	})
}

// writeCSV writes rows separated by commas with CRLF.
func writeCSV(t *testing.T, rows [][]string) string {
	t.Helper()
	var b bytes.Buffer
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteString("\r\n")
	}
	p := filepath.Join(t.TempDir(), "f.csv")
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUpdateOneField(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		testcity.New(t, st, importCity)
		hdr := []string{"NIP", "NAMA", "JK", "GOLONGAN", "JABATAN", "KODE UNIT", "STATUS"}
		rows := [][]string{hdr}
		for i := 0; i < 5; i++ {
			n, _ := makeNIP(i, 1)
			rows = append(rows, []string{n, fmt.Sprintf("Budi %d", i), "L", "III/b", "Pranata Komputer Ahli Pertama", "1271.10", "Aktif"})
		}
		all := Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true}
		if _, err := Employees(ctx, st, writeCSV(t, rows), all); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			col     int
			value   string
			field   string
			history bool
		}{
			{3, "III/c", "golongan", true},
			{1, "Budi Santoso", "name", false},
			{6, "Tugas Belajar", "status", true},
		} {
			rows[3][tc.col] = tc.value
			before := countAudit(t, st, "employee.update")
			rep, err := Employees(ctx, st, writeCSV(t, rows), all)
			if err != nil {
				t.Fatal(err)
			}
			if rep.Counts.Update != 1 || rep.Counts.Unchanged != 4 {
				t.Fatalf("%s: %+v", tc.field, rep.Counts)
			}
			if countAudit(t, st, "employee.update") != before+1 {
				t.Fatalf("%s: no single employee.update", tc.field)
			}
			var detail string
			st.DB().QueryRow(`SELECT detail FROM audit_log WHERE action = 'employee.update' ORDER BY id DESC LIMIT 1`).Scan(&detail)
			if !strings.Contains(detail, `"`+tc.field+`"`) || strings.Count(detail, "[") != 1 {
				t.Fatalf("%s: audit detail %s", tc.field, detail)
			}
			e, _ := st.EmployeeByNIP(ctx, rows[3][0])
			h, err := st.History(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, x := range h {
				found = found || x.Field == tc.field
			}
			if found != tc.history {
				t.Fatalf("%s: history %+v", tc.field, h)
			}
		}
	})
}

func TestMappingScopeFormula(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, importCity)
		n1, _ := makeNIP(1, 1)
		n2, _ := makeNIP(2, 2)
		rows := [][]string{
			{"NOMOR PEGAWAI KITA", "NAMA", "JK", "UNIT KERJA", "TEMPAT LAHIR", "CATATAN"},
			{n1, "Ali", "L", "Dinas Komunikasi dan Informatika", "=HYPERLINK(\"http://x\")", "x"},
			{n2, "Siti", "P", "BKPSDM", "+62 Medan", ""},
		}
		p := writeCSV(t, rows)
		// Without a mapping: the NIP column is missing.
		rep, err := Employees(ctx, st, p, Options{Scope: model.Scope{All: true}})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.FileError || !strings.Contains(rep.Problems[0].Message, "NIP") {
			t.Fatalf("missing NIP column not reported: %+v", rep.Problems)
		}
		// With a mapping, scope limited to BKPSDM: the Kominfo row is refused.
		o := Options{Scope: model.Scope{UnitPaths: []string{f.Units["1271.20"].Path}}, HeaderMap: map[string]string{"Nomor Pegawai Kita": "nip"}, Apply: true, Actor: admin}
		rep, err = Employees(ctx, st, p, o)
		if err != nil {
			t.Fatal(err)
		}
		if !hasProblem(rep, tcase{2, "unit", "unit.scope", false}) || rep.Counts.Good != 1 {
			dumpProblems(t, rep)
			t.Fatalf("scope: %+v", rep.Counts)
		}
		unknown := false
		for _, pr := range rep.Problems {
			unknown = unknown || (pr.Code == "header.unknown" && strings.Contains(pr.Message, "CATATAN") && pr.Warning)
		}
		if !unknown {
			t.Fatal("unknown header not reported")
		}
		// Formula neutralised in the export, restored on import.
		rep, err = Employees(ctx, st, p, Options{Scope: model.Scope{All: true}, HeaderMap: map[string]string{"Nomor Pegawai Kita": "nip"}, Apply: true, Actor: admin})
		if err != nil || rep.Counts.Create != 1 || rep.Counts.Unchanged != 1 {
			t.Fatalf("%v %+v", err, rep.Counts)
		}
		var buf bytes.Buffer
		if err := ExportEmployees(ctx, st, &buf, "csv", model.Scope{All: true}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.HasPrefix(out, "\ufeffNIP,NAMA,") || !strings.Contains(out, `"'=HYPERLINK(""http://x"")"`) || !strings.Contains(out, "'+62 Medan") {
			t.Fatalf("export:\n%s", out)
		}
		ep := filepath.Join(t.TempDir(), "e.csv")
		os.WriteFile(ep, buf.Bytes(), 0o600)
		rep, err = Employees(ctx, st, ep, Options{Scope: model.Scope{All: true}, Apply: true})
		if err != nil || rep.Counts.Unchanged != 2 || rep.Counts.Update != 0 {
			t.Fatalf("%v %+v", err, rep.Counts)
		}
		e, _ := st.EmployeeByNIP(ctx, n1)
		if e.BirthPlace != `=HYPERLINK("http://x")` {
			t.Fatalf("birth place %q", e.BirthPlace)
		}
	})
}

func TestXLSXNumberNIPAndSupervisor(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		testcity.New(t, st, importCity)
		n1, _ := makeNIP(1, 1)
		n2, _ := makeNIP(2, 2)
		n3, _ := makeNIP(3, 1)
		x := excelize.NewFile()
		x.SetSheetRow("Sheet1", "A1", &[]any{"DAFTAR PEGAWAI 2026"})
		x.SetSheetRow("Sheet1", "A3", &[]any{"NIP", "Nama Lengkap", "L/P", "Tgl Lahir", "Unit Kerja", "NIP Atasan"})
		x.SetSheetRow("Sheet1", "A4", &[]any{n1, "Atasan Satu", "L", 25570, "BKPSDM", ""})
		x.SetSheetRow("Sheet1", "A5", &[]any{n2, "Bawahan Dua", "P", "", "BKPSDM", n1})
		x.SetSheetRow("Sheet1", "A6", &[]any{float64(196608011988031001), "Angka", "L", "", "BKPSDM", ""})
		x.SetSheetRow("Sheet1", "A7", &[]any{n3, "Tanpa Atasan", "L", "", "BKPSDM", "199001012015031999"})
		p := filepath.Join(t.TempDir(), "x.xlsx")
		if err := x.SaveAs(p); err != nil {
			t.Fatal(err)
		}
		rep, err := Employees(ctx, st, p, Options{Scope: model.Scope{All: true}, Apply: true, Actor: admin})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts.Create != 2 || rep.Counts.Bad != 2 || !hasProblem(rep, tcase{4, "birth_date", "nip.birthdate_mismatch", true}) {
			dumpProblems(t, rep)
			t.Fatalf("%+v", rep.Counts)
		}
		var numErr, supErr bool
		for _, pr := range rep.Problems {
			numErr = numErr || (pr.Line == 6 && strings.HasPrefix(pr.Code, "nip.") && strings.Contains(pr.Message, "spreadsheet"))
			supErr = supErr || (pr.Line == 7 && pr.Code == "supervisor.unknown")
		}
		if !numErr || !supErr {
			dumpProblems(t, rep)
			t.Fatal("number NIP or unknown supervisor not reported")
		}
		e, _ := st.EmployeeByNIP(ctx, n2)
		if !e.SupervisorSet || e.SupervisorNIP != n1 {
			t.Fatalf("supervisor: %+v", e)
		}
	})
}

func TestUnitsAndPositions(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		testcity.New(t, st, importCity)
		all := Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true}
		up := writeCSV(t, [][]string{
			{"KODE UNIT", "NAMA UNIT", "JENIS UNIT", "KODE INDUK"},
			{"1271.10.2", "Seksi Persandian", "Seksi", "1271.10.1"},
			{"1271.10.1", "Bidang Statistik dan Persandian", "Bidang", "1271.10"},
			{"1271.20", "Badan Kepegawaian dan Pengembangan SDM", "OPD", "1271"},
			{"X", "Tanpa Induk", "Seksi", "TIDAK-ADA"},
		})
		rep, err := Units(ctx, st, up, all)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts.Create != 2 || rep.Counts.Update != 1 || rep.Counts.Bad != 1 {
			dumpProblems(t, rep)
			t.Fatalf("units %+v", rep.Counts)
		}
		var buf bytes.Buffer
		if err := ExportUnits(ctx, st, &buf, "xlsx", model.Scope{All: true}); err != nil {
			t.Fatal(err)
		}
		ep := filepath.Join(t.TempDir(), "u.xlsx")
		os.WriteFile(ep, buf.Bytes(), 0o600)
		rep, err = Units(ctx, st, ep, all)
		if err != nil || rep.Counts.Unchanged != 5 || rep.Counts.Create+rep.Counts.Update+rep.Counts.Bad != 0 {
			dumpProblems(t, rep)
			t.Fatalf("units round trip %v %+v", err, rep.Counts)
		}

		pp := writeCSV(t, [][]string{
			{"KODE JABATAN", "JABATAN", "JENIS JABATAN", "JENJANG", "KODE UNIT", "KEPALA UNIT"},
			{"", "Kepala Seksi Persandian", "", "", "1271.10.2", ""},
			{"SANDI-T", "Sandiman Terampil", "", "", "1271.10.2", "Tidak"},
			{"PRAKOM-AP", "Pranata Komputer Ahli Pertama", "Fungsional", "Ahli Pertama", "1271.10", "Tidak"},
			{"", "Jabatan Salah", "Fungsional", "", "1271.10.2", ""},
		})
		rep, err = Positions(ctx, st, pp, all)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Counts.Create != 2 || rep.Counts.Unchanged != 1 || rep.Counts.Bad != 1 {
			dumpProblems(t, rep)
			t.Fatalf("positions %+v", rep.Counts)
		}
		buf.Reset()
		if err := ExportPositions(ctx, st, &buf, "csv", model.Scope{All: true}); err != nil {
			t.Fatal(err)
		}
		ep = filepath.Join(t.TempDir(), "p.csv")
		os.WriteFile(ep, buf.Bytes(), 0o600)
		rep, err = Positions(ctx, st, ep, all)
		if err != nil || rep.Counts.Unchanged != 4 || rep.Counts.Create+rep.Counts.Update+rep.Counts.Bad != 0 {
			dumpProblems(t, rep)
			t.Fatalf("positions round trip %v %+v", err, rep.Counts)
		}
	})
}

func TestMalformedQuote(t *testing.T) {
	st := storetest.SQLite(t)
	testcity.New(t, st, importCity)
	n1, _ := makeNIP(1, 1)
	p := filepath.Join(t.TempDir(), "q.csv")
	os.WriteFile(p, []byte("NIP;NAMA;JK;UNIT KERJA\r\n"+n1+";Ahmad \"Ucok\" Siregar;L;BKPSDM\r\n"), 0o600)
	rep, err := Employees(context.Background(), st, p, Options{Scope: model.Scope{All: true}, Apply: true})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.FileError || rep.Problems[0].Line != 2 || !strings.Contains(rep.Problems[0].Message, "tanda kutip") || countEmployees(t, st) != 0 {
		t.Fatalf("%+v", rep.Problems)
	}
}
