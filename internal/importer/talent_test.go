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
)

// talentFixture adds to setup's city three employees (Ani and Budi in
// Diskominfo, Eko in BKPSDM), the built-in frameworks, and a standard of
// five competencies at level 2 for Ani's and Budi's position.
type talentFixture struct {
	*fixture
	ani, budi, eko model.Employee
	comps          []int64
}

func setupTalent(t *testing.T, st *store.Store) *talentFixture {
	t.Helper()
	ctx := context.Background()
	st.Now = func() time.Time { return time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC) }
	f := &talentFixture{fixture: setup(t, st)}
	emp := func(e *model.Employee, nip, name string, unit, pos int64) {
		*e = model.Employee{NIP: nip, Name: name, UnitID: unit, PositionID: pos, Status: model.StatusAktif,
			Gender: model.Male, Kind: model.PNS, Golongan: "III/a",
			BirthDate: time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)}
		if nip[14] == '2' {
			e.Gender = model.Female
		}
		if err := st.CreateEmployee(ctx, admin, e); err != nil {
			t.Fatal(err)
		}
	}
	emp(&f.ani, "199001012015032001", "Ani Lubis", f.kominfo.ID, f.prakom.ID)
	emp(&f.budi, "199002022016031002", "Budi Sitepu", f.kominfo.ID, f.prakom.ID)
	emp(&f.eko, "198805052012031003", "Eko Purba", f.bkpsdm.ID, 0)
	if _, err := st.EnsureBuiltInFrameworks(ctx, admin); err != nil {
		t.Fatal(err)
	}
	fid, err := st.FrameworkID(ctx, "KOMPETENSI-ASN", "")
	if err != nil {
		t.Fatal(err)
	}
	_, ids, err := st.Framework(ctx, fid)
	if err != nil {
		t.Fatal(err)
	}
	f.comps = ids
	var items []model.StandardItem
	for _, id := range ids[:5] {
		items = append(items, model.StandardItem{CompetencyID: id, Required: 2, Weight: 1, Mandatory: true})
	}
	if _, err := st.SetStandard(ctx, admin, f.prakom.ID, "SK-1/2025", "2025-01-02", items); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestAssessmentCentreImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := setupTalent(t, st)
		file := "\ufeffNIP;KODE KOMPETENSI;LEVEL;TANGGAL;LEMBAGA\n" +
			f.ani.NIP + ";M1;1;15-03-2026;UPT Penilaian Kompetensi\n" + // good
			f.ani.NIP + ";m2;3;2026-03-15;\n" + // good, lower-case code, ISO date
			"199901012020011001;M1;3;15-03-2026;\n" + // unknown NIP
			f.ani.NIP + ";XYZ-9;3;15-03-2026;\n" + // unknown competency
			f.ani.NIP + ";M3;7;15-03-2026;\n" + // level out of range
			f.ani.NIP + ";M4;2;31-02-2026;\n" + // date not in the calendar
			f.eko.NIP + ";M1;3;15-03-2026;\n" + // outside the OPD admin's scope
			"\n" +
			f.budi.NIP + ";DIG-01;2;1 Februari 2026;\n" // good, month name
		o := TalentOptions{Kind: TalentAssessment, Actor: admin, Admin: model.Scope{UnitPaths: []string{f.kominfo.Path}}, File: "ac.csv"}
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
		got, err := st.EmployeeCompetencies(ctx, f.ani.ID)
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
		got, _ = st.EmployeeCompetencies(ctx, f.ani.ID)
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
		rep, err = Talent(ctx, st, o, []byte("NIP,LEVEL,TANGGAL\n"+f.ani.NIP+",3,01-01-2026\n"))
		if err != nil || !rep.FileError || rep.Applied || !strings.Contains(rep.Problems[0].Message, "KODE KOMPETENSI atau NAMA KOMPETENSI") {
			t.Errorf("missing column: %+v, %v", rep, err)
		}
	})
}

func TestPerformanceImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := setupTalent(t, st)
		file := "NIP,TAHUN,PREDIKAT\n" +
			f.ani.NIP + ",2024,Sangat Baik\n" +
			f.budi.NIP + ",2025,butuh perbaikan\n" +
			f.budi.NIP + ",2025,Baik\n" + // duplicate
			f.budi.NIP + ",2030,Baik\n" + // year
			f.budi.NIP + ",2024,Istimewa\n" // predikat
		rep, err := Talent(ctx, st, TalentOptions{Kind: TalentPerformance, Actor: admin, Admin: model.Scope{All: true}, Apply: true}, []byte(file))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Good != 2 || rep.Bad != 3 || !rep.Applied || len(rep.Problems) != 3 || rep.Problems[0].Code != "duplicate" ||
			rep.Problems[1].Code != "year.range" || rep.Problems[2].Code != "predikat.unknown" {
			t.Fatalf("performance import: %+v", rep)
		}
		got, _ := st.Performance(ctx, f.budi.ID)
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
