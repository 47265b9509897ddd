package importer

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// convRecord is what pass 1 hands on for one row.
type convRecord struct {
	line  int
	row   *store.ImportRow
	probs []Problem
}

// TestParallelConversionMatchesSequential pins pass 1's conversion on every
// core to its plain twin, converting row after row: the same rows, problems
// and new positions in the same order, and the same file error, for a file
// of many batches whose new positions (by title and by code, a head post
// among them) recur across batches and workers, with unknown units, bad
// dates, duplicated NIPs and an unreadable row near the end.
func TestParallelConversionMatchesSequential(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4)) // more workers than batches in flight would hide
	st := storetest.SQLite(t)
	testcity.New(t, st, importCity)
	ctx := context.Background()
	rows := [][]string{{"NIP", "NAMA", "JK", "TGL. LAHIR", "KODE JABATAN", "JABATAN", "JENJANG", "UNIT KERJA"}}
	units := []string{"Dinas Komunikasi dan Informatika", "BKPSDM"}
	for i := 0; i < 3000; i++ {
		n, birth := makeNIP(i, 1+i%2)
		r := []string{n, fmt.Sprintf("Pegawai %d", i), []string{"L", "P"}[i%2], birth, "", "", "", units[i%2]}
		switch i % 9 {
		case 0:
			r[5] = fmt.Sprintf("Analis Kebijakan %d", i%13) // new by title, per unit
			r[6] = "Ahli Muda"
		case 1:
			r[4] = "PRAKOM-AP"
			r[7] = units[0]
		case 2:
			r[7] = "Dinas Tidak Ada"
		case 3:
			r[3] = "31-02-1980"
		case 4:
			r[5] = "Pranata Komputer Ahli Pertama"
		case 5:
			r[4], r[5] = fmt.Sprintf("BARU-%d", i%11), fmt.Sprintf("Pengadministrasi Umum %d", i%11) // new by code
		case 6:
			r[0] = rows[len(rows)-6][0] // a duplicated NIP
		case 7:
			r[5] = "Kepala Badan" // a head post for BKPSDM, whose first naming row decides
		}
		rows = append(rows, r)
	}
	path := writeCSV(t, rows)
	// A malformed quote on line 2,900: the walk stops there.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\r\n")
	lines[2899] = `1980,"Ahmad "Ucok" Siregar,L`
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")), 0o600); err != nil {
		t.Fatal(err)
	}

	o := Options{Scope: model.Scope{All: true}}
	run := func(parallel bool) ([]convRecord, []NewPosition, []Problem) {
		s, err := begin(path, o, "employees", employeeFields, nil)
		if err != nil || s.rep.FileError {
			t.Fatal(err, s.rep.Problems)
		}
		r, err := loadRefs(ctx, st, o.Scope)
		if err != nil {
			t.Fatal(err)
		}
		c := newEmpConv(st, s, r, model.DefaultRetirementAges())
		var got []convRecord
		if parallel {
			err = s.convertRows(ctx, c, func(row *store.ImportRow, probs []Problem, line int) error {
				got = append(got, convRecord{line, row, probs})
				return nil
			})
		} else {
			err = s.rows(func(cells []string, line int) error {
				row, probs := c.convert(cells, line)
				got = append(got, convRecord{line, row, probs})
				return nil
			})
		}
		if err != nil {
			t.Fatal(err)
		}
		return got, c.newList, s.rep.Problems
	}
	seqRows, seqNew, seqFile := run(false)
	parRows, parNew, parFile := run(true)
	if len(seqRows) < 2800 || len(seqNew) < 10 || len(seqFile) != 1 || seqFile[0].Line != 2900 {
		t.Fatalf("the file does not exercise the conversion: %d rows, %d new positions, file problems %+v", len(seqRows), len(seqNew), seqFile)
	}
	heads := 0
	for _, np := range seqNew {
		if np.IsHead {
			heads++
		}
	}
	if heads != 1 {
		t.Fatalf("%d new head posts, want 1 (BKPSDM's)", heads)
	}
	if len(parRows) != len(seqRows) {
		t.Fatalf("parallel: %d rows, sequential %d", len(parRows), len(seqRows))
	}
	for i := range seqRows {
		if !reflect.DeepEqual(parRows[i], seqRows[i]) {
			t.Fatalf("row %d differs:\nparallel   %+v %+v\nsequential %+v %+v", i, parRows[i].row, parRows[i].probs, seqRows[i].row, seqRows[i].probs)
		}
	}
	if !reflect.DeepEqual(parNew, seqNew) {
		t.Fatalf("new positions differ:\nparallel   %+v\nsequential %+v", parNew, seqNew)
	}
	if !reflect.DeepEqual(parFile, seqFile) {
		t.Fatalf("file problems differ:\nparallel   %+v\nsequential %+v", parFile, seqFile)
	}
}
