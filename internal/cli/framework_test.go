package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMoodleFrameworkRoundTrip: a framework exported by Moodle's
// competency-framework tool comes into Kompeten and goes back out with the
// same columns and the same tree.
func TestMoodleFrameworkRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	src := filepath.Join("..", "dictionary", "testdata", "moodle_kearsipan.csv")
	out, code := run(t, "import", "framework", src, "--db", db)
	if code != 0 || !strings.Contains(out, "UJI COBA") {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	fwCode := frameworkCode(t, src)
	if out, code = run(t, "export", "framework", filepath.Join(dir, "x.csv"), "--code", fwCode, "--db", db); code == 0 {
		t.Fatalf("a dry run must store nothing, but export found the framework:\n%s", out)
	}
	if out, code = run(t, "import", "framework", src, "--db", db, "--apply"); code != 0 {
		t.Fatalf("apply: %s", out)
	}
	if out, code = run(t, "import", "framework", src, "--db", db, "--apply"); code == 0 {
		t.Errorf("the same code and version twice must be refused:\n%s", out)
	}
	back := filepath.Join(dir, "kembali.csv")
	if out, code = run(t, "export", "framework", back, "--code", fwCode, "--format", "moodle", "--db", db); code != 0 {
		t.Fatalf("export: %s", out)
	}
	in, exp := readCSV(t, src), readCSV(t, back)
	if strings.Join(in[0], "|") != strings.Join(exp[0], "|") {
		t.Errorf("header changed:\n%v\n%v", in[0], exp[0])
	}
	if len(in) != len(exp) {
		t.Fatalf("rows: %d in, %d out", len(in), len(exp))
	}
	// Columns 0 and 1 (parent ID number, ID number) carry the hierarchy.
	for i := range in {
		if in[i][0] != exp[i][0] || in[i][1] != exp[i][1] || in[i][2] != exp[i][2] {
			t.Errorf("row %d: %v → %v", i+1, in[i][:3], exp[i][:3])
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff")))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// frameworkCode is the ID number of the framework row of a Moodle file.
func frameworkCode(t *testing.T, path string) string {
	for _, row := range readCSV(t, path)[1:] {
		if len(row) > 12 && row[12] == "1" {
			return row[1]
		}
	}
	t.Fatal("no framework row")
	return ""
}
