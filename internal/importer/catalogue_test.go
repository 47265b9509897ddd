package importer

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/table/tabletest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// competencyCode is the code of competency id in the newest version of its
// framework.
func competencyCode(t *testing.T, st *store.Store, id int64) string {
	t.Helper()
	refs, err := st.CompetencyRefs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, fw := range refs {
		for _, r := range fw {
			if r.ID == id {
				return r.Code
			}
		}
	}
	t.Fatalf("competency %d has no code", id)
	return ""
}

// TestCatalogueImport: a dry run reports every bad row with its line,
// column, value and reason and writes nothing; a file with a bad row is not
// applied at all; a good file creates the new codes and updates the known
// ones in one go.
func TestCatalogueImport(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		c := testcity.New(t, st, testcity.WithCatalogue())
		k := c.Catalogue
		c2 := competencyCode(t, st, c.National[2])
		head := "KODE;JUDUL;BENTUK;PENYAMPAIAN;JP;BIAYA;MITRA;KOMPETENSI\n"
		bad := head + strings.Join([]string{
			"DIG-SIBER-01;Keamanan Siber Dasar;teknis;campuran;32;3.200.000;Universitas Sumatera Utara;" + c2 + ":3", // good
			"DIG-X-02;Tanpa Mitra;teknis;sinkron;8;0;Mitra Tak Dikenal;",                                             // partner
			"DIG-X-03;Kompetensi Salah;teknis;sinkron;8;0;PT Awan Data Nusantara;TIDAK-ADA:2",                        // competency
			"DIG-X-04;Level Salah;teknis;sinkron;8;0;PT Awan Data Nusantara;" + c2 + ":7",                            // level
			"DIG-X-05;JP Nol;teknis;sinkron;0;0;PT Awan Data Nusantara;",                                             // jp
			"DIG-SIBER-01;Kembar;teknis;sinkron;8;0;PT Awan Data Nusantara;",                                         // code twice
			"DIG-X-07;Bentuk Salah;main_golf;sinkron;8;0;PT Awan Data Nusantara;",                                    // form
		}, "\n")
		o := CatalogueOptions{Actor: testcity.Sys, File: "katalog.csv", Apply: true}
		rep, err := Catalogue(ctx, st, o, []byte(bad))
		if err != nil {
			t.Fatal(err)
		}
		if rep.Rows != 7 || rep.Bad != 6 || rep.Good != 0 || rep.Applied {
			t.Fatalf("file with bad rows: %+v", rep)
		}
		want := map[int][2]string{3: {"MITRA", "Mitra Tak Dikenal"}, 4: {"KOMPETENSI", "TIDAK-ADA:2"}, 5: {"KOMPETENSI", c2 + ":7"},
			6: {"JP", "0"}, 7: {"KODE", "DIG-SIBER-01"}, 8: {"BENTUK", "main_golf"}}
		got := map[int][2]string{}
		for _, p := range rep.Problems {
			got[p.Line] = [2]string{p.Column, p.Value}
			if p.Message == "" || p.MessageEN == "" {
				t.Errorf("line %d: no reason given: %+v", p.Line, p)
			}
		}
		for l, w := range want {
			if got[l] != w {
				t.Errorf("line %d: reported %q, want %q; problems %+v", l, got[l], w, rep.Problems)
			}
		}
		if ids, _ := st.ProgrammeIDsByCode(ctx); ids["DIG-SIBER-01"] != 0 {
			t.Fatal("a file with bad rows wrote a programme")
		}

		// A good file: a dry run first, then applied.
		good := head + "DIG-SIBER-01;Keamanan Siber Dasar;teknis;campuran;32;3.200.000;Universitas Sumatera Utara;" + c2 + ":3\n" +
			"DIG-CLOUD-01;Dasar Komputasi Awan (revisi);e_learning;asinkron;20;2.400.000;PT Awan Data Nusantara;\n"
		o.Apply = false
		rep, err = Catalogue(ctx, st, o, []byte(good))
		if err != nil || rep.Good != 2 || rep.Bad != 0 || rep.Applied {
			t.Fatalf("dry run: %+v, %v", rep, err)
		}
		if ids, _ := st.ProgrammeIDsByCode(ctx); ids["DIG-SIBER-01"] != 0 {
			t.Fatal("a dry run wrote a programme")
		}
		o.Apply = true
		rep, err = Catalogue(ctx, st, o, []byte(good))
		if err != nil || rep.Good != 2 || !rep.Applied {
			t.Fatalf("apply: %+v, %v", rep, err)
		}
		ids, _ := st.ProgrammeIDsByCode(ctx)
		p, err := st.Programme(ctx, ids["DIG-SIBER-01"])
		if err != nil || p.Cost != 3200000 || p.ProviderID != k.Univ.ID || len(p.Competencies) != 1 || p.Competencies[0].Level != 3 {
			t.Fatalf("created programme: %+v, %v", p, err)
		}
		cloud, _ := st.Programme(ctx, k.Cloud.ID)
		if cloud.Title != "Dasar Komputasi Awan (revisi)" || cloud.JP != 20 || len(cloud.Competencies) != 0 {
			t.Errorf("updated programme: %+v", cloud)
		}
		var audits int
		if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'catalogue.import'`).Scan(&audits); err != nil || audits != 1 {
			t.Errorf("catalogue.import audit rows: %d, %v", audits, err)
		}

		// A provider account imports its own partner's programmes only.
		rep, err = Catalogue(ctx, st, CatalogueOptions{Actor: testcity.Sys, Provider: k.Firm.ID, File: "x.csv"}, []byte(good))
		if err != nil || rep.Bad != 1 || rep.Problems[0].Column != "MITRA" {
			t.Fatalf("another partner's row: %+v, %v", rep, err)
		}
	})
}

// TestCatalogueExportReimports: the export (CSV and XLSX) of a catalogue
// whose texts a spreadsheet would run as formulas carries them as text, and
// re-imports to the same catalogue: the dry run finds every row good and a
// second export is byte for byte the first.
func TestCatalogueExportReimports(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	c := testcity.New(t, st, testcity.WithCatalogue())
	p := c.Catalogue.Data
	p.Title = `=HYPERLINK("http://evil.example/","Klik")`
	p.Description = "+62 811 000; -2+3"
	p.Prerequisites = "'=1+4"
	if err := st.UpdateProgramme(ctx, testcity.Sys, &p); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "xlsx"} {
		var first bytes.Buffer
		if err := ExportCatalogue(ctx, st, &first, format, 0); err != nil {
			t.Fatal(err)
		}
		if format == "csv" && !strings.Contains(first.String(), `"'=HYPERLINK(""http://evil.example/"",""Klik"")"`) {
			t.Errorf("the CSV export carries the title raw: %s", first.String())
		}
		rep, err := Catalogue(ctx, st, CatalogueOptions{Actor: testcity.Sys, File: "ekspor." + format, Apply: true}, first.Bytes())
		if err != nil || rep.Rows != 2 || rep.Good != 2 || rep.Bad != 0 {
			t.Fatalf("%s: re-import: %+v, %v", format, rep, err)
		}
		got, _ := st.Programme(ctx, p.ID)
		if got.Title != p.Title || got.Description != p.Description || got.Prerequisites != p.Prerequisites || len(got.Competencies) != 1 {
			t.Errorf("%s: after the round trip: %+v", format, got)
		}
		var second bytes.Buffer
		if err := ExportCatalogue(ctx, st, &second, format, 0); err != nil {
			t.Fatal(err)
		}
		if format == "csv" && !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Errorf("csv: the second export differs:\n%s\n%s", first.String(), second.String())
		}
	}
}

// TestCatalogueHostileFiles: a workbook bomb, a truncated workbook, a CSV
// line of a million columns and a workbook with a bad row are refused with
// a report and write nothing.
func TestCatalogueHostileFiles(t *testing.T) {
	st := storetest.SQLite(t)
	ctx := context.Background()
	testcity.New(t, st, testcity.WithCatalogue())
	dir := t.TempDir()
	files := map[string]func(string){
		"bomb.xlsx":      func(p string) { tabletest.DeclaredBomb(t, p, 4<<30) },
		"truncated.xlsx": func(p string) { tabletest.Truncated(t, p) },
		"wide.csv":       func(p string) { tabletest.WideCSV(t, p, 1_000_000, "x") },
	}
	for name, make := range files {
		path := filepath.Join(dir, name)
		make(path)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Catalogue(ctx, st, CatalogueOptions{Actor: testcity.Sys, File: name, Apply: true}, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !rep.FileError || rep.Applied || len(rep.Problems) == 0 {
			t.Errorf("%s: %+v", name, rep)
		}
	}
	wb := tabletest.Workbook(t, [][]string{{"KODE", "JUDUL", "BENTUK", "PENYAMPAIAN", "JP", "MITRA"},
		{"XL-01", "Dari Excel", "kursus", "sinkron", "12", "PT Awan Data Nusantara"},
		{"XL-02", "", "kursus", "sinkron", "12", "PT Awan Data Nusantara"}})
	rep, err := Catalogue(ctx, st, CatalogueOptions{Actor: testcity.Sys, File: "k.xlsx", Apply: true}, wb)
	if err != nil || rep.Bad != 1 || rep.Applied || rep.Problems[0].Line != 3 || rep.Problems[0].Column != "JUDUL" {
		t.Fatalf("workbook with an untitled row: %+v, %v", rep, err)
	}
	if ids, _ := st.ProgrammeIDsByCode(ctx); ids["XL-01"] != 0 {
		t.Error("a workbook with a bad row wrote its good row")
	}
}
