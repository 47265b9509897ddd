package importer

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// equivCity is a small tree with head posts: R → A (→ A1, A2 without a
// head post), B (head post never held), C (first holder inactive); each
// unit has a pelaksana post STAF-<code>, a head post KEPALA-<code>.
func equivCity() testcity.Option {
	heads := map[string]model.PositionType{"R": model.JPTMadya, "A": model.JPTPratama, "B": model.JPTPratama, "C": model.JPTPratama, "A1": model.Administrator}
	var units []testcity.Unit
	for _, u := range []testcity.Unit{{Code: "R", Kind: model.UnitPemda}, {Code: "A", Kind: model.UnitOPD, Parent: "R"},
		{Code: "B", Kind: model.UnitOPD, Parent: "R"}, {Code: "C", Kind: model.UnitOPD, Parent: "R"},
		{Code: "A1", Kind: model.UnitBidang, Parent: "A"}, {Code: "A2", Kind: model.UnitBidang, Parent: "A"}} {
		u.Name = "Unit " + u.Code
		u.Posts = []model.Position{{Code: "STAF-" + u.Code, Title: "Pengadministrasi " + u.Code, Type: model.Pelaksana}}
		if ht, ok := heads[u.Code]; ok {
			u.Posts = append(u.Posts, model.Position{Code: "KEPALA-" + u.Code, Title: "Kepala " + u.Code, Type: ht, IsHead: true})
		}
		units = append(units, u)
	}
	return testcity.Tree(units...)
}

// equivRows returns 6,000 rows (plus a header) in which heads come after
// their staff, a head post has two holders, an inactive holder comes first,
// a duplicated NIP holds a head post, and explicit supervisors point back
// and forward. With lateFall, one row's explicit supervisor is the
// duplicated NIP, so that row falls only once the whole file is known
// (pass 1's supervisor check).
func equivRows(lateFall bool) [][]string {
	header := []string{"NIP", "NAMA", "TEMPAT LAHIR", "TGL. LAHIR", "JENIS KELAMIN", "STATUS PEGAWAI", "GOL/RUANG", "KODE JABATAN", "KODE UNIT", "NIP ATASAN", "STATUS"}
	first := []string{"Ahmad", "Budi", "Siti", "Dewi", "Rina", "Agus", "Hendra", "Nur", "Putri"}
	last := []string{"Siregar", "Nasution", "Lubis", "Harahap", "Sinaga", "Tanjung", "Ginting"}
	units := []string{"R", "A", "B", "C", "A1", "A2"}
	rows := [][]string{header}
	nips := map[int]string{}
	for i := 0; i < 6000; i++ {
		g := 1 + i%2
		n, birth := makeNIP(i, g)
		nips[i] = n
		name := first[i%len(first)] + " " + last[(i/9)%len(last)]
		if i%10 == 0 {
			name = "Dr. " + name + ", S.T."
		}
		u := units[i%len(units)]
		rows = append(rows, []string{n, name, "Medan", birth, map[int]string{1: "L", 2: "P"}[g], "PNS", "III/a", "STAF-" + u, u, "", "Aktif"})
	}
	set := func(i int, col int, v string) { rows[i+1][col] = v }
	head := func(i int, u string) { set(i, 7, "KEPALA-"+u); set(i, 8, u) }
	head(5100, "R")
	head(5200, "A")
	head(5300, "A") // a second holder: the first one heads the unit
	head(5400, "C")
	set(5400, 10, "CLTN") // inactive: not the head
	head(5500, "C")
	head(4000, "A1")
	rows[4001+1] = append([]string(nil), rows[4000+1]...) // the same NIP twice: both fall
	head(5600, "A1")
	set(10, 9, nips[20]) // explicit supervisor later in the file
	set(30, 9, nips[5])  // and earlier
	if lateFall {
		set(40, 9, nips[4000])
	}
	return rows
}

func writeRows(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.WriteAll(rows)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// registryDump lists every employee with the supervisor's NIP and the
// search words, independent of ids.
func registryDump(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	q := func(sql string) {
		rows, err := st.DB().Query(sql)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		for rows.Next() {
			v := make([]any, len(cols))
			p := make([]any, len(cols))
			for i := range v {
				p[i] = &v[i]
			}
			if err := rows.Scan(p...); err != nil {
				t.Fatal(err)
			}
			f := make([]string, len(v))
			for i, x := range v {
				if b, ok := x.([]byte); ok {
					x = string(b)
				}
				f[i] = fmt.Sprint(x)
			}
			out = append(out, strings.Join(f, "|"))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
	}
	q(`SELECT e.nip, COALESCE(s.nip, '-'), CASE WHEN e.supervisor_set THEN 1 ELSE 0 END, e.name, e.gelar_depan, e.gelar_belakang,
		e.sort_name, e.birth_date, e.status, e.retirement_date, u.code, COALESCE(p.code, '-')
		FROM employee e LEFT JOIN employee s ON s.id = e.supervisor_id JOIN org_unit u ON u.id = e.unit_id
		LEFT JOIN position p ON p.id = e.position_id ORDER BY e.nip`)
	q(`SELECT w.word, w.sort_name, e.nip FROM employee_word w JOIN employee e ON e.id = w.employee_id ORDER BY w.word, w.sort_name, e.nip`)
	return out
}

// TestBulkPathMatchesNormalPath imports one file through the bulk path
// (empty registry, ≥ 5,000 rows) and, in two halves, through the normal
// path, and compares supervisors, words and fields on both engines, and
// the report with that of a dry run.
func TestBulkPathMatchesNormalPath(t *testing.T) {
	for _, engine := range []struct {
		name string
		open func(testing.TB) *store.Store
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		for _, lateFall := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/lateFall=%v", engine.name, lateFall), func(t *testing.T) {
				ctx := context.Background()
				dir := t.TempDir()
				rows := equivRows(lateFall)
				bad := 2
				if lateFall {
					bad = 3
				}
				whole, part1, part2 := filepath.Join(dir, "all.csv"), filepath.Join(dir, "p1.csv"), filepath.Join(dir, "p2.csv")
				writeRows(t, whole, rows)
				writeRows(t, part1, rows[:3001])
				writeRows(t, part2, append([][]string{rows[0]}, rows[3001:]...))
				o := Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true}

				bulk := engine.open(t)
				testcity.New(t, bulk, equivCity())
				dry, err := Employees(ctx, bulk, whole, Options{Scope: o.Scope, Actor: admin})
				if err != nil {
					t.Fatal(err)
				}
				rep, err := Employees(ctx, bulk, whole, o)
				if err != nil {
					t.Fatal(err)
				}
				if !rep.Bulk || rep.Counts.Bad != bad || rep.Counts.Create != 6000-bad {
					t.Fatalf("bulk import: bulk=%v counts %+v problems %v", rep.Bulk, rep.Counts, rep.Problems)
				}
				// The same report as the dry run gives.
				if fmt.Sprint(rep.Problems) != fmt.Sprint(dry.Problems) || rep.Counts.Good != dry.Counts.Good || rep.Counts.Warned != dry.Counts.Warned ||
					rep.Counts.Rows != dry.Counts.Rows || len(rep.NewPositions) != len(dry.NewPositions) {
					t.Fatalf("report of the apply differs from the dry run's:\n%+v %v\n%+v %v", rep.Counts, rep.Problems, dry.Counts, dry.Problems)
				}
				normal := engine.open(t)
				testcity.New(t, normal, equivCity())
				for _, p := range []string{part1, part2} {
					rep, err := Employees(ctx, normal, p, o)
					if err != nil {
						t.Fatal(err)
					}
					if rep.Bulk {
						t.Fatalf("%s took the bulk path", p)
					}
				}
				// The derived supervisors of the normal path, recomputed from
				// scratch, are what the normal path wrote.
				want := registryDump(t, normal)
				if err := normal.DeriveSupervisors(ctx); err != nil {
					t.Fatal(err)
				}
				if again := registryDump(t, normal); strings.Join(again, "\n") != strings.Join(want, "\n") {
					t.Fatal("DeriveSupervisors changed what the import derived")
				}
				got := registryDump(t, bulk)
				if len(got) != len(want) {
					t.Fatalf("bulk path: %d rows of employees and words, normal path %d", len(got), len(want))
				}
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("first difference at %d:\n bulk:   %s\n normal: %s", i, got[i], want[i])
					}
				}
				// Spot checks of the rules themselves.
				sup := map[string]string{}
				for _, l := range want {
					f := strings.Split(l, "|")
					sup[f[0]] = f[1]
				}
				nipOf := func(i int) string { return rows[i+1][0] }
				for _, c := range []struct{ emp, sup int }{
					{5200, 5100}, // head of A → head of R
					{5300, 5200}, // second holder of A's head post → the first
					{1, 5200},    // staff of A → head of A
					{2, 5100},    // staff of B (vacant) → head of R
					{3, 5500},    // staff of C → the active holder
					{5400, 5500}, // the inactive holder is staff of C
					{5, 5200},    // staff of A2 (no head post) → head of A
					{4, 5600},    // staff of A1 → head of A1
					{10, 20},     // explicit, later in the file
					{30, 5},      // explicit, earlier
				} {
					if sup[nipOf(c.emp)] != nipOf(c.sup) {
						t.Errorf("supervisor of row %d is %s, want row %d (%s)", c.emp, sup[nipOf(c.emp)], c.sup, nipOf(c.sup))
					}
				}
				if sup[nipOf(5100)] != "-" {
					t.Errorf("the head of R has supervisor %s", sup[nipOf(5100)])
				}
				// Re-importing the same file changes nothing.
				rep, err = Employees(ctx, bulk, whole, o)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Counts.Unchanged != 6000-bad || rep.Counts.Create+rep.Counts.Update != 0 {
					t.Fatalf("re-import: %+v", rep.Counts)
				}
			})
		}
	}
}
