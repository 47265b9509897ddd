package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/table"
)

// Hostile values a user can type into a text field: each would run as a
// formula (or, with its leading apostrophe, be read as one after a naive
// import) if an export wrote it raw.
const (
	hLink   = `=HYPERLINK("http://evil.example/","Klik di sini")`
	hCalc   = "=1+1"
	hPlus   = "+62 811 000"
	hMinus  = "-2+3+cmd|' /C calc'!A0"
	hAt     = "@SUM(1+1)*cmd|' /C calc'!A0"
	hTab    = "\t=1+2"
	hCR     = "\r=1+3"
	hQuoted = "'=1+4"
)

// exportWriters are the non-test files that write CSV or XLSX: each is
// walked by TestEveryExportNeutralisesFormulas. A new writer fails
// TestExportWritersKnown until it is added there and here.
var exportWriters = map[string]bool{
	"internal/dictionary/format.go": true, // framework CSV and XLSX
	"internal/dictionary/moodle.go": true, // framework as Moodle CSV
	"internal/importer/export.go":   true, // employees, units, positions, the catalogue (web and CLI)
	"internal/web/needs.go":         true, // needs analysis XLSX
	"internal/web/mydata_export.go": true, // one's own data as XLSX (the file, its sheets by owndata.Workbook)
	"internal/owndata/workbook.go":  true, // one's own data's sheets
}

// TestExportWritersKnown fails when a file outside exportWriters starts a
// CSV or XLSX writer, so that every writer stays under the walk below.
func TestExportWritersKnown(t *testing.T) {
	root := filepath.Join("..", "..")
	// phpCSVField: the Moodle CSV is written by hand.
	marks := []string{"csv.NewWriter(", "phpCSVField(", "excelize.NewFile(", "NewStreamWriter(", "SetSheetRow(", "SetCellValue(", "SetCellStr("}
	seen := map[string]bool{}
	for _, dir := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") ||
				strings.Contains(p, "tabletest") { // tabletest writes test fixtures only
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			for _, m := range marks {
				if bytes.Contains(b, []byte(m)) {
					seen[rel] = true
					if !exportWriters[rel] {
						t.Errorf("%s writes CSV or XLSX (%s) but is not walked by TestEveryExportNeutralisesFormulas", rel, m)
					}
				}
			}
			return nil
		})
		must(t, err)
	}
	for f := range exportWriters {
		if !seen[f] {
			t.Errorf("%s is listed as an export writer but writes none", f)
		}
	}
}

// TestEveryExportNeutralisesFormulas gives every text column a hostile
// value and downloads every CSV and XLSX export: no cell may start with
// = + - @ tab or CR, each hostile value comes out as table.SafeCell makes
// it, and re-reading our own export (the framework import, the table
// reader the employee import uses) gives back the original value.
func TestEveryExportNeutralisesFormulas(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		db := st.DB()
		exec := func(q string, args ...any) {
			t.Helper()
			_, err := db.ExecContext(ctx, q, args...)
			must(t, err)
		}
		exec(`UPDATE employee SET name = $1, gelar_depan = $2, gelar_belakang = $3, birth_place = $4, email = $5, phone = $6 WHERE id = $7`,
			hLink, hCalc, hQuoted, hAt, hMinus, hPlus, f.budi.ID)
		exec(`UPDATE org_unit SET name = $1 WHERE id = $2`, hCalc, f.kominfo.ID)
		exec(`UPDATE position SET title = $1, code = $2 WHERE id = $3`, hAt, hMinus, f.budi.PositionID)
		var fid int64
		must(t, db.QueryRowContext(ctx, `SELECT framework_id FROM competency WHERE id = $1`, comps[0]).Scan(&fid))
		exec(`UPDATE framework SET name = $1, source = $2, owner = $3, description = $4 WHERE id = $5`, hLink, hPlus, hAt, hCalc, fid)
		// (Tags cannot start with a formula: dictionary.ValidTag.)
		exec(`UPDATE competency SET name = $1, definition = $2 WHERE id = $3`, hLink, hCalc, comps[0])
		exec(`UPDATE competency_level SET title = $1, description = $2, indicators = $3 WHERE competency_id = $4 AND level = 1`,
			hQuoted, hMinus, hPlus, comps[0])

		// A partner and a programme of the catalogue.
		partner := model.Provider{Name: hAt, Kind: model.ProviderCompany, PriceBasis: "peserta"}
		must(t, st.CreateProvider(ctx, model.Actor{Name: "test"}, &partner))
		prog := model.Programme{Code: "HOSTILE-01", Title: hLink, Description: hCalc, Prerequisites: hQuoted, Form: "teknis",
			Delivery: model.DeliverySync, JP: 8, ProviderID: partner.ID}
		must(t, st.CreateProgramme(ctx, model.Actor{Name: "test"}, &prog))

		admin := f.client(t)
		admin.login("admin", pwAdmin)
		download := func(path string) []byte {
			t.Helper()
			resp, err := admin.c.Get(admin.base + path)
			must(t, err)
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			must(t, err)
			if resp.StatusCode != 200 {
				t.Fatalf("GET %s: %d\n%s", path, resp.StatusCode, b)
			}
			return b
		}
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		ownData := func() []byte {
			resp, err := budi.c.Get(budi.base + "/data-saya/unduh.xlsx")
			must(t, err)
			defer resp.Body.Close()
			b, err := io.ReadAll(resp.Body)
			must(t, err)
			return b
		}
		cli := func(export func(context.Context, *store.Store, io.Writer, string, model.Scope) error, format string) []byte {
			var b bytes.Buffer
			must(t, export(ctx, st, &b, format, model.Scope{All: true}))
			return b.Bytes()
		}
		fw := "/kamus/" + strconv.FormatInt(fid, 10) + "/ekspor/"
		exports := []struct {
			name, format string
			data         []byte
			want         []string // hostile values that must appear, quoted, as whole cells
		}{
			{"employees csv", "csv", download("/ekspor/pegawai.csv"), []string{hLink, hCalc, hQuoted, hAt, hMinus, hPlus}},
			{"employees xlsx", "xlsx", download("/ekspor/pegawai.xlsx"), []string{hLink, hCalc, hQuoted, hAt, hMinus, hPlus}},
			{"units csv (CLI)", "csv", cli(importer.ExportUnits, "csv"), []string{hCalc}},
			{"units xlsx (CLI)", "xlsx", cli(importer.ExportUnits, "xlsx"), []string{hCalc}},
			{"positions csv (CLI)", "csv", cli(importer.ExportPositions, "csv"), []string{hAt, hMinus, hCalc}},
			{"positions xlsx (CLI)", "xlsx", cli(importer.ExportPositions, "xlsx"), []string{hAt, hMinus, hCalc}},
			{"framework csv", "csv", download(fw + "csv"), []string{hLink, hCalc, hAt, hPlus, hMinus}},
			{"framework xlsx", "xlsx", download(fw + "xlsx"), []string{hLink, hCalc, hAt, hPlus, hMinus}},
			{"framework moodle", "csv", download(fw + "moodle"), []string{hLink}},
			{"needs xlsx", "xlsx", download("/analisis/ekspor.xlsx"), []string{hLink, hCalc}},
			{"catalogue csv", "csv", download("/katalog/ekspor.csv"), []string{hLink, hCalc, hQuoted, hAt}},
			{"catalogue xlsx", "xlsx", download("/katalog/ekspor.xlsx"), []string{hLink, hCalc, hQuoted, hAt}},
			{"own data xlsx", "xlsx", ownData(), []string{hLink, hCalc, hQuoted, hAt, hMinus, hPlus}},
		}
		for _, e := range exports {
			cells := exportCells(t, e.name, e.format, e.data)
			found := map[string]bool{}
			for _, c := range cells {
				if c != "" && table.FormulaStart(c[0]) {
					t.Errorf("%s: cell %q starts a formula", e.name, c)
				}
				found[c] = true
			}
			for _, h := range e.want {
				if !found[table.SafeCell(h)] {
					t.Errorf("%s: no cell %q (hostile %q quoted)", e.name, table.SafeCell(h), h)
				}
			}
		}

		// Round trips: the framework import reads back every hostile value.
		for _, format := range []string{"csv", "xlsx", "moodle"} {
			got, ps, err := dictionary.Read(bytes.NewReader(download(fw+format)), format)
			must(t, err)
			if got == nil {
				t.Fatalf("framework %s does not re-import: %v", format, ps)
			}
			if got.Name != hLink {
				t.Errorf("framework %s: name %q after the round trip, want %q", format, got.Name, hLink)
			}
			var c *dictionary.Competency
			for i := range got.Competencies {
				if got.Competencies[i].Name == hLink {
					c = &got.Competencies[i]
				}
			}
			if c == nil {
				t.Errorf("framework %s: the competency named %q is lost in the round trip", format, hLink)
				continue
			}
			if c.Definition != hCalc {
				t.Errorf("framework %s: definition %q after the round trip", format, c.Definition)
			}
			if format != "moodle" && (c.Levels[0].Description != hMinus || strings.Join(c.Levels[0].Indicators, "|") != hPlus) {
				t.Errorf("framework %s: level 1 %q %q after the round trip", format, c.Levels[0].Description, c.Levels[0].Indicators)
			}
		}
		// The employee import reads cells through table.PlainCell
		// (importer's cleanCell): Budi's row gives back what was stored.
		for _, format := range []string{"csv", "xlsx"} {
			tb, err := table.OpenBytes(download("/ekspor/pegawai."+format), "", table.Options{})
			must(t, err)
			var row []string
			for {
				cells, _, err := tb.Next()
				if err == io.EOF {
					break
				}
				must(t, err)
				if len(cells) > 0 && cells[0] == nipBudi {
					row = append([]string(nil), cells...) // Next reuses its slice
				}
			}
			tb.Close()
			if len(row) < 5 {
				t.Fatalf("employees %s: Budi's row missing", format)
			}
			for i, want := range []string{nipBudi, hLink, hCalc, hQuoted, hAt} {
				if got := table.PlainCell(row[i]); got != want {
					t.Errorf("employees %s: column %d reads back %q, want %q", format, i+1, got, want)
				}
			}
		}
	})
}

// exportCells returns every cell of a CSV (any dialect we write) or of
// every sheet of an XLSX, as stored.
func exportCells(t *testing.T, name, format string, data []byte) []string {
	t.Helper()
	var out []string
	if format == "csv" {
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, rec := range recs {
			out = append(out, rec...)
		}
		return out
	}
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer x.Close()
	for _, sh := range x.GetSheetList() {
		rows, err := x.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s sheet %s: %v", name, sh, err)
		}
		for _, r := range rows {
			out = append(out, r...)
		}
	}
	return out
}
