package table

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/table/tabletest"
)

// readAll reads every row of a table, or the first error.
func readAll(t *Table) ([][]string, []int, error) {
	var rows [][]string
	var lines []int
	for {
		cells, line, err := t.Next()
		if errors.Is(err, io.EOF) {
			return rows, lines, nil
		}
		if err != nil {
			return rows, lines, err
		}
		rows = append(rows, append([]string(nil), cells...))
		lines = append(lines, line)
	}
}

func TestCSVDelimitersAndBOM(t *testing.T) {
	want := [][]string{{"NIP", "NAMA", "UNIT"}, {"1", "Ani, S.Kom", "Dinas"}, {"2", "Budi", "Badan"}}
	cases := []struct{ name, text string }{
		{"comma", "NIP,NAMA,UNIT\n1,\"Ani, S.Kom\",Dinas\n2,Budi,Badan\n"},
		{"semicolon, BOM, CRLF", "\ufeffNIP;NAMA;UNIT\r\n1;Ani, S.Kom;Dinas\r\n2;Budi;Badan\r\n"},
		{"tab", "NIP\tNAMA\tUNIT\n1\tAni, S.Kom\tDinas\n2\tBudi\tBadan\n"},
		{"semicolon with commas in every row", "NIP;NAMA;UNIT\n1;Ani, S.Kom;Dinas\n2;Budi;Badan\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tb, err := OpenBytes([]byte(c.text), "x.csv", Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer tb.Close()
			got, lines, err := readAll(tb)
			if err != nil || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(lines, []int{1, 2, 3}) {
				t.Errorf("rows %q lines %v err %v", got, lines, err)
			}
			if tb.Numeric() {
				t.Error("CSV cells are text")
			}
		})
	}
}

func TestXLSXRowsAndSheets(t *testing.T) {
	data := tabletest.Workbook(t, [][]string{{"NIP", "NAMA"}, {}, {"1", "Ani"}})
	tb, err := OpenBytes(data, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tb.Close()
	if tb.Format() != XLSX || !tb.Numeric() || !reflect.DeepEqual(tb.Sheets(), []string{"Sheet1"}) {
		t.Errorf("format %s sheets %v", tb.Format(), tb.Sheets())
	}
	got, lines, err := readAll(tb)
	if err != nil || len(got) != 3 || !reflect.DeepEqual(got[2], []string{"1", "Ani"}) || lines[2] != 3 || !Blank(got[1]) {
		t.Errorf("rows %q lines %v err %v", got, lines, err)
	}
	if err := tb.SelectSheet("sheet1"); err != nil {
		t.Fatal(err)
	}
	if again, _, _ := readAll(tb); len(again) != 3 {
		t.Errorf("reselected sheet: %q", again)
	}
	if err := tb.SelectSheet("Pegawai"); err == nil || !strings.Contains(err.Error(), "Sheet1") {
		t.Errorf("missing sheet: %v", err)
	}
}

func TestHeaderVariants(t *testing.T) {
	fields := []Field{
		{Key: "birth_date", Header: "TANGGAL LAHIR", Aliases: []string{"TGL LAHIR"}},
		{Key: "unit", Header: "UNIT KERJA", Aliases: []string{"OPD", "KODE"}},
		{Key: "code", Header: "KODE"},
	}
	cases := []struct{ header, want string }{
		{"Tanggal Lahir", "birth_date"}, {"tgl. lahir", "birth_date"}, {"TGL_LAHIR", "birth_date"},
		{"\ufeffTgl-Lahir", "birth_date"}, {"  tanggal   lahir ", "birth_date"}, {"birth_date", "birth_date"},
		{"Unit Kerja:", "unit"}, {"o.p.d", "unit"},
		{"Kode", "code"}, // a canonical header wins over another field's alias
		{"Tempat Lahir", ""}, {"", ""}, {"---", ""},
	}
	for _, c := range cases {
		got, ok := Lookup(fields, c.header)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", c.header, got, ok, c.want)
		}
	}
	cols := Columns(fields, []string{"x", "TGL LAHIR", "Tanggal lahir", "OPD"})
	if !reflect.DeepEqual(cols, map[string]int{"birth_date": 1, "unit": 3}) {
		t.Errorf("Columns = %v", cols)
	}
}

// wantRefusal checks that err is an *Error, an apperr EINVALID, whose
// message contains each of words.
func wantRefusal(t *testing.T, err error, words ...string) {
	t.Helper()
	var te *Error
	if !errors.As(err, &te) || apperr.Code(err) != apperr.EINVALID || te.EN == "" {
		t.Fatalf("error %v (%T), want a table error that is EINVALID", err, err)
	}
	for _, w := range words {
		if !strings.Contains(te.ID, w) {
			t.Errorf("message %q does not say %q", te.ID, w)
		}
	}
}

// openAndRead opens path and reads it to the end, returning the first error.
func openAndRead(path string, l Limits) error {
	tb, err := Open(path, Options{Limits: l})
	if err != nil {
		return err
	}
	defer tb.Close()
	_, _, err = readAll(tb)
	return err
}

func TestLimits(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cases := []struct {
		name  string
		path  string
		lim   Limits
		words []string
	}{
		{"rows", write("rows.csv", "A,B\n1,2\n3,4\n5,6\n"), Limits{MaxRows: 3}, []string{"baris 4", "3 baris"}},
		{"columns", write("cols.csv", "A,B\n1,2,3,4\n"), Limits{MaxColumns: 3}, []string{"baris 2", "4 kolom"}},
		{"cell", write("cell.csv", "A,B\n1,"+strings.Repeat("x", 40)+"\n"), Limits{MaxCellBytes: 32}, []string{"baris 2 kolom B", "terlalu panjang"}},
		{"record", write("rec.csv", "A,B\n1,\""+strings.Repeat("x\n", 10000)+"\"\n"), Limits{MaxRecordBytes: 8000}, []string{"baris 2", "terlalu panjang"}},
		{"quote", write("quote.csv", "A,B\n1,\"Ani\n"), Limits{}, []string{"tanda kutip"}},
		{"not xlsx", write("old.xlsx", "\xd0\xcf\x11\xe0 an old XLS"), Limits{}, []string{"bukan XLSX"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantRefusal(t, openAndRead(c.path, c.lim), c.words...)
		})
	}
	// At the limits, the files are read.
	if err := openAndRead(cases[0].path, Limits{MaxRows: 4}); err != nil {
		t.Errorf("4 rows under MaxRows 4: %v", err)
	}
	if err := openAndRead(cases[2].path, Limits{MaxCellBytes: 40}); err != nil {
		t.Errorf("a 40-byte cell under MaxCellBytes 40: %v", err)
	}
}

// hostile are the crafted files of the hostile-file defect, each with words
// its refusal must say; the file is built once into dir.
func hostile(t *testing.T, dir string) []struct {
	name, path string
	words      []string
} {
	p := func(n string) string { return filepath.Join(dir, n) }
	tabletest.DeclaredBomb(t, p("declared.xlsx"), 3_900_000_000)
	tabletest.ZeroBomb(t, p("zeros.xlsx"), 1<<30)
	tabletest.SheetBomb(t, p("wide.xlsx"), 3, 16384)
	tabletest.SheetBomb(t, p("long.xlsx"), DefaultLimits.MaxRows+10, 1)
	tabletest.Truncated(t, p("truncated.xlsx"))
	tabletest.WideCSV(t, p("wide.csv"), 1_000_000, "")
	tabletest.WideCSV(t, p("widex.csv"), 1_000_000, "x")
	return []struct {
		name, path string
		words      []string
	}{
		{"declared 3.9 GB part", p("declared.xlsx"), []string{"xl/styles.xml", "3,6 GB", "ditolak"}},
		{"1 GiB of zeros", p("zeros.xlsx"), []string{"1,0 GB", "ditolak"}},
		{"16384 columns", p("wide.xlsx"), []string{"baris 1", "16384 kolom"}},
		{"200,010 rows", p("long.xlsx"), []string{"baris 200001"}},
		{"truncated", p("truncated.xlsx"), []string{"rusak atau terpotong"}},
		{"CSV with 1,000,000 empty columns", p("wide.csv"), []string{"baris 2", "1000000 kolom"}},
		{"CSV with 1,000,000 columns", p("widex.csv"), []string{"baris 2", "terlalu panjang"}},
	}
}

func TestHostileFilesRefusedQuickly(t *testing.T) {
	dir := t.TempDir()
	for _, c := range hostile(t, dir) {
		t.Run(c.name, func(t *testing.T) {
			fi, _ := os.Stat(c.path)
			start := time.Now()
			err := openAndRead(c.path, Limits{})
			took := time.Since(start)
			wantRefusal(t, err, c.words...)
			if took > 8*time.Second {
				t.Errorf("refused after %s (file of %d KB), want within seconds", took, fi.Size()>>10)
			}
			t.Logf("%d KB file refused in %s: %s", fi.Size()>>10, took.Round(time.Millisecond), err)
		})
	}
}

// TestHostileFilesBoundedMemory reads each hostile file in a child process
// under a 2 GiB address-space cap and measures its peak resident memory
// (the kernel's, not Go's heap).
func TestHostileFilesBoundedMemory(t *testing.T) {
	if path := os.Getenv("KOMPETEN_TABLE_READ"); path != "" {
		// An address-space cap, as a hardened deployment sets: a reader
		// that reserves what a zip directory declares dies here even
		// when it never touches the pages.
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: 2 << 30, Max: 2 << 30}); err != nil {
			t.Fatal(err)
		}
		err := openAndRead(path, Limits{})
		var te *Error
		if !errors.As(err, &te) {
			t.Fatalf("not refused: %v", err)
		}
		// The kernel's high-water mark of this process's own memory
		// (rusage's maxrss would include the parent's at the fork).
		status, _ := os.ReadFile("/proc/self/status")
		for _, l := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				fmt.Println("PEAK", strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmHWM:"), "kB")))
			}
		}
		return
	}
	dir := t.TempDir()
	for _, c := range hostile(t, dir) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHostileFilesBoundedMemory$")
		cmd.Env = append(os.Environ(), "KOMPETEN_TABLE_READ="+c.path)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("%s: child: %v\n%s", c.name, err, out)
			continue
		}
		var kb int
		if i := strings.Index(string(out), "PEAK "); i >= 0 {
			fmt.Sscan(string(out[i+5:]), &kb)
		}
		if kb == 0 {
			t.Fatalf("%s: no peak memory reported:\n%s", c.name, out)
		}
		rss := kb >> 10
		t.Logf("%s: peak RSS %d MB", c.name, rss)
		if rss > 200 {
			t.Errorf("%s: peak RSS %d MB, want under 200 MB", c.name, rss)
		}
	}
}
