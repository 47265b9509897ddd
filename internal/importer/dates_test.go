package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestEveryDateFormThroughEveryImport feeds every date form the parser
// accepts (date.Examples, all 8 January 1966) through every import that
// reads a date, in CSV (text forms) and XLSX (text cells, and serial
// numbers in numeric cells), and checks the date stored: the employees'
// TANGGAL LAHIR and the assessment-centre results' TANGGAL. (The unit,
// position, framework and SKP files have no date column.)
func TestEveryDateFormThroughEveryImport(t *testing.T) {
	want := time.Date(1966, 1, 8, 0, 0, 0, 0, time.UTC)
	type sample struct {
		format string
		form   date.Example
	}
	var samples []sample
	for _, f := range date.Examples {
		if !f.Serial {
			samples = append(samples, sample{"csv", f})
		}
		samples = append(samples, sample{"xlsx", f})
	}
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, talentCity...)
		dir := t.TempDir()

		// Employees: one new employee per sample, born on that date.
		for _, format := range []string{"csv", "xlsx"} {
			rows := [][]string{{"NIP", "NAMA", "JK", "GOLONGAN", "JABATAN", "KODE UNIT", "STATUS", "TANGGAL LAHIR"}}
			numeric := map[[2]int]float64{}
			var nips []string
			for i, s := range samples {
				if s.format != format {
					continue
				}
				nip := fmt.Sprintf("19660108199003%d%03d", 1, len(nips)+1)
				if format == "xlsx" {
					nip = fmt.Sprintf("19660108199003%d%03d", 1, 100+len(nips)+1)
				}
				nips = append(nips, nip)
				rows = append(rows, []string{nip, fmt.Sprintf("Pegawai %d", i), "L", "III/b", "Pranata Komputer Ahli Pertama", "1271.10", "Aktif", s.form.Text})
				if s.form.Serial {
					var n float64
					fmt.Sscan(s.form.Text, &n)
					numeric[[2]int{len(rows) - 1, 7}] = n
				}
			}
			path := filepath.Join(dir, "pegawai."+format)
			if format == "csv" {
				path = writeCSV(t, rows)
			} else if err := os.WriteFile(path, xlsxFile(t, rows, numeric), 0o600); err != nil {
				t.Fatal(err)
			}
			rep, err := Employees(ctx, st, path, Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true})
			if err != nil {
				t.Fatal(err)
			}
			if rep.FileError || rep.Counts.Bad != 0 || rep.Counts.Create != len(nips) {
				t.Fatalf("%s employees: %+v %+v", format, rep.Counts, rep.Problems)
			}
			for i, nip := range nips {
				e, err := st.EmployeeByNIP(ctx, nip)
				if err != nil {
					t.Fatal(err)
				}
				if !e.BirthDate.Equal(want) {
					t.Errorf("%s employee %s (form %d): birth date %v, want %v", format, nip, i, e.BirthDate, want)
				}
			}
		}

		// Assessment-centre results: one import per sample, each adding
		// one result for Ani dated by the sample.
		for i, s := range samples {
			rows := [][]string{{"NIP", "KODE KOMPETENSI", "LEVEL", "TANGGAL"}, {f.ByNIP[nipAni].NIP, "M1", "3", s.form.Text}}
			var data []byte
			if s.format == "csv" {
				b, err := os.ReadFile(writeCSV(t, rows))
				if err != nil {
					t.Fatal(err)
				}
				data = b
			} else {
				numeric := map[[2]int]float64{}
				if s.form.Serial {
					var n float64
					fmt.Sscan(s.form.Text, &n)
					numeric[[2]int{1, 3}] = n
				}
				data = xlsxFile(t, rows, numeric)
			}
			rep, err := Talent(ctx, st, TalentOptions{Kind: TalentAssessment, Actor: admin, Admin: model.Scope{All: true},
				Apply: true, File: "ac." + s.format}, data)
			if err != nil || !rep.Applied || rep.Bad != 0 {
				t.Fatalf("%s %q: %+v, %v", s.format, s.form.Text, rep, err)
			}
			got, err := st.EmployeeCompetencies(ctx, f.ByNIP[nipAni].ID)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, e := range got.Items[0].Events {
				if e.Source == assess.SourceAssessmentCentre && e.At.Equal(want) {
					n++
				}
			}
			if n != i+1 {
				t.Errorf("%s %q: %d results dated %s after %d imports", s.format, s.form.Text, n, want.Format(time.DateOnly), i+1)
			}
		}
	})
}
