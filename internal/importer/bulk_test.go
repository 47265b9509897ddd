package importer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// bulkUnits is the number of units the generated file spreads over.
const bulkUnits = 400

// writeBulkCSV writes n valid employee rows over bulkUnits units, as the
// speed goal describes (a comma-separated file with the canonical headers).
func writeBulkCSV(t testing.TB, path string, n int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString(strings.Join(headersOf(employeeFields), ",") + "\r\n")
	first := []string{"Ahmad", "Budi", "Siti", "Dewi", "Rina", "Agus", "Hendra", "Nur", "Putri", "Rizky", "Fitri", "Eko", "Sri", "Joko", "Yusuf", "Indah"}
	last := []string{"Siregar", "Nasution", "Lubis", "Harahap", "Hasibuan", "Sinaga", "Simanjuntak", "Tanjung", "Pohan", "Daulay", "Santoso", "Wijaya", "Saragih", "Ginting"}
	titles := []string{"Pranata Komputer Ahli Pertama", "Analis Kebijakan Ahli Muda", "Pengadministrasi Umum", "Pengelola Keuangan", "Guru Ahli Pertama"}
	golongan := []string{"II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a"}
	base := time.Date(1966, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		days := i % 10957
		seq := (i/10957)%999 + 1
		g := 1 + (i/10957/999)%2
		birth := base.AddDate(0, 0, days)
		tmt := birth.Year() + 24
		nip := fmt.Sprintf("%s%04d%02d%d%03d", birth.Format("20060102"), tmt, 1+i%12, g, seq)
		name := first[i%len(first)] + " " + last[(i/7)%len(last)]
		if i%10 == 0 {
			name = "Dr. " + name + ", S.T., M.Kom."
		}
		jk := "L"
		if g == 2 {
			jk = "P"
		}
		u := i % bulkUnits
		fmt.Fprintf(w, "%s,\"%s\",,,Medan,%s,%s,PNS,%s,,%s,,,U%03d,Unit Kerja %03d,,p%d@medan.go.id,08123%06d,Aktif\r\n",
			nip, name, birth.Format("02-01-2006"), jk, golongan[i%len(golongan)], titles[i%len(titles)], u, u, i, i%1000000)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// bulkCity is a root with the bulkUnits units the generated file spreads
// over (codes U000 …), no posts and nobody in them.
func bulkCity() testcity.Option {
	units := []testcity.Unit{{Code: "ROOT", Name: "Pemerintah Kota", Kind: model.UnitPemda}}
	for u := 0; u < bulkUnits; u++ {
		units = append(units, testcity.Unit{Code: fmt.Sprintf("U%03d", u), Name: fmt.Sprintf("Unit Kerja %03d", u), Kind: model.UnitUPT, Parent: "ROOT"})
	}
	return testcity.Tree(units...)
}

// peakRSS returns the process's peak resident set size in MiB (Linux).
func peakRSS() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return kb / 1024
		}
	}
	return -1
}

// BenchmarkBulkImport times a large import into an empty SQLite registry
// (KOMPETEN_IMPORT_ROWS rows, default 20,000; KOMPETEN_IMPORT_PG=1 for
// PostgreSQL); the file is kept in KOMPETEN_IMPORT_FILE when given, for
// comparing with the sqlite3 shell. bench/run.sh import is the side-by-side
// measurement.
func BenchmarkBulkImport(b *testing.B) {
	var t testing.TB = b
	n, _ := strconv.Atoi(os.Getenv("KOMPETEN_IMPORT_ROWS"))
	if n == 0 {
		n = 20000
	}
	path := os.Getenv("KOMPETEN_IMPORT_FILE")
	if path == "" {
		path = filepath.Join(t.TempDir(), "bulk.csv")
	}
	if _, err := os.Stat(path); err != nil {
		writeBulkCSV(t, path, n)
	}
	for i := 0; i < b.N; i++ {
		var st *store.Store
		if os.Getenv("KOMPETEN_IMPORT_PG") != "" {
			st = storetest.Postgres(t)
		} else {
			st = storetest.SQLite(t)
		}
		testcity.New(t, st, bulkCity())
		ctx := context.Background()
		o := Options{Scope: model.Scope{All: true}, Actor: admin, Apply: true}
		runtime.GC()
		start := time.Now()
		rep, err := Employees(ctx, st, path, o)
		if err != nil {
			t.Fatal(err)
		}
		d := time.Since(start)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		t.Logf("Go heap: HeapSys %d MiB, Sys %d MiB, NumGC %d", ms.HeapSys>>20, ms.Sys>>20, ms.NumGC)
		t.Logf("apply %d rows: %v (bulk=%v) counts %+v, new positions %d, peak RSS %d MiB", n, d, rep.Bulk, rep.Counts, len(rep.NewPositions), peakRSS())
		if rep.Counts.Create != n || rep.Counts.Bad != 0 {
			for _, p := range rep.Problems[:min(10, len(rep.Problems))] {
				t.Log(p)
			}
			t.Fatalf("counts %+v", rep.Counts)
		}
		if st.Dialect() == store.SQLite {
			var n int
			st.DB().QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('employee', 'employee_word')`).Scan(&n)
			if n != 5 {
				t.Fatalf("%d secondary indexes after the bulk path, want 5", n)
			}
		}
		if os.Getenv("KOMPETEN_IMPORT_AGAIN") != "" {
			start = time.Now()
			rep, err = Employees(ctx, st, path, o)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("re-apply: %v counts %+v peak RSS %d MiB", time.Since(start), rep.Counts, peakRSS())
			if rep.Counts.Unchanged != n {
				t.Fatalf("re-import %+v", rep.Counts)
			}
		}
	}
}
