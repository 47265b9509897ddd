package importer

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// NIPs of the people of talentCity.
const (
	nipAni  = "199001012015032001"
	nipBudi = "199002022016031002"
	nipEko  = "198805052012031003"
)

// talentCity is importCity on 1 July 2026 with three employees (Ani Lubis
// and Budi Sitepu, Pranata Komputer in Diskominfo; Eko Purba in BKPSDM
// without a post), the built-in frameworks, and a standard of five national
// competencies at level 2 for the Pranata Komputer post.
var talentCity = []testcity.Option{
	testcity.WithClock(time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)),
	importCity,
	testcity.WithPeople(
		testcity.Person{NIP: nipAni, Name: "Ani Lubis", Unit: "1271.10", Post: "PRAKOM-AP"},
		testcity.Person{NIP: nipBudi, Name: "Budi Sitepu", Unit: "1271.10", Post: "PRAKOM-AP"},
		testcity.Person{NIP: nipEko, Name: "Eko Purba", Unit: "1271.20"}),
	testcity.WithNationalStandard("PRAKOM-AP", 5, 2),
}

func TestAssessmentCentreImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, talentCity...)
		file := "\ufeffNIP;KODE KOMPETENSI;LEVEL;TANGGAL;LEMBAGA\n" +
			f.ByNIP[nipAni].NIP + ";M1;1;15-03-2026;UPT Penilaian Kompetensi\n" + // good
			f.ByNIP[nipAni].NIP + ";m2;3;2026-03-15;\n" + // good, lower-case code, ISO date
			"199901012020011001;M1;3;15-03-2026;\n" + // unknown NIP
			f.ByNIP[nipAni].NIP + ";XYZ-9;3;15-03-2026;\n" + // unknown competency
			f.ByNIP[nipAni].NIP + ";M3;7;15-03-2026;\n" + // level out of range
			f.ByNIP[nipAni].NIP + ";M4;2;31-02-2026;\n" + // date not in the calendar
			f.ByNIP[nipEko].NIP + ";M1;3;15-03-2026;\n" + // outside the OPD admin's scope
			"\n" +
			f.ByNIP[nipBudi].NIP + ";DIG-01;2;1 Februari 2026;\n" // good, month name
		o := TalentOptions{Kind: TalentAssessment, Actor: admin, Admin: model.Scope{UnitPaths: []string{f.Units["1271.10"].Path}}, File: "ac.csv"}
		rep, err := Talent(ctx, st, o, []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows != 8 || rep.Good != 3 || rep.Bad != 5 || rep.Applied || rep.FileError || rep.Employees != 2 || rep.Format != "csv" {
			t.Fatalf("dry run: %+v", rep)
		}
		want := []struct {
			line      int
			col, code string
		}{{4, "NIP", "nip.unknown"}, {5, "KODE KOMPETENSI", "competency.unknown"}, {6, "LEVEL", "level.range"},
			{7, "TANGGAL", "date.bad"}, {8, "NIP", "scope"}}
		if len(rep.Problems) != len(want) {
			t.Fatalf("problems %+v", rep.Problems)
		}
		for i, w := range want {
			if p := rep.Problems[i]; p.Line != w.line || p.Column != w.col || p.Code != w.code || p.Message == "" || p.MessageEN == "" {
				t.Errorf("problem %d: %+v, want %+v", i, p, w)
			}
		}
		got, err := st.EmployeeCompetencies(ctx, f.ByNIP[nipAni].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Items[0].Assessed {
			t.Fatalf("the dry run wrote: %+v", got.Items[0])
		}
		o.Apply = true
		if rep, err = Talent(ctx, st, o, []byte(file)); err != nil || !rep.Applied || rep.Good != 3 {
			t.Fatalf("apply: %+v, %v", rep, err)
		}
		got, _ = st.EmployeeCompetencies(ctx, f.ByNIP[nipAni].ID)
		if got.Items[0].Actual != 1 || got.Items[1].Actual != 3 || got.Stored == nil || got.Stored.SumActual != 4 {
			t.Errorf("after apply: M1 %d, M2 %d, JPM %+v", got.Items[0].Actual, got.Items[1].Actual, got.Stored)
		}
		log, err := st.AuditLog(ctx, store.AuditFilter{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(log) == 0 || log[0].Action != "import.assessment" || !strings.Contains(log[0].Detail, rep.SHA256) || !strings.Contains(log[0].Detail, `"written":3`) {
			t.Errorf("audit: %+v", log[:1])
		}
		// A file without a competency column is refused whole.
		rep, err = Talent(ctx, st, o, []byte("NIP,LEVEL,TANGGAL\n"+f.ByNIP[nipAni].NIP+",3,01-01-2026\n"))
		if err != nil || !rep.FileError || rep.Applied || !strings.Contains(rep.Problems[0].Message, "KODE KOMPETENSI atau NAMA KOMPETENSI") {
			t.Errorf("missing column: %+v, %v", rep, err)
		}
	})
}

func TestPerformanceImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, talentCity...)
		file := "NIP,TAHUN,PREDIKAT\n" +
			f.ByNIP[nipAni].NIP + ",2024,Sangat Baik\n" +
			f.ByNIP[nipBudi].NIP + ",2025,butuh perbaikan\n" +
			f.ByNIP[nipBudi].NIP + ",2025,Baik\n" + // duplicate
			f.ByNIP[nipBudi].NIP + ",2030,Baik\n" + // year
			f.ByNIP[nipBudi].NIP + ",2024,Istimewa\n" // predikat
		rep, err := Talent(ctx, st, TalentOptions{Kind: TalentPerformance, Actor: admin, Admin: model.Scope{All: true}, Apply: true}, []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Good != 2 || rep.Bad != 3 || !rep.Applied || len(rep.Problems) != 3 || rep.Problems[0].Code != "duplicate" ||
			rep.Problems[1].Code != "year.range" || rep.Problems[2].Code != "predikat.unknown" {
			t.Fatalf("performance import: %+v", rep)
		}
		got, _ := st.Performance(ctx, f.ByNIP[nipBudi].ID)
		if got[2025] != "Butuh Perbaikan" {
			t.Errorf("budi %v", got)
		}
	})
}

// xlsxFile builds a workbook of rows; the cell at (row, col) of numeric
// holds a number, every other cell text.
func xlsxFile(t *testing.T, rows [][]string, numeric map[[2]int]float64) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var err error
			if n, ok := numeric[[2]int{i, j}]; ok {
				err = x.SetCellFloat("Sheet1", cell, n, -1, 64)
			} else {
				err = x.SetCellStr("Sheet1", cell, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
