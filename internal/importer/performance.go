package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// performanceFields are the columns of an SKP file.
var performanceFields = []field{
	nipField,
	{Key: "year", Header: "TAHUN", Aliases: []string{"TAHUN SKP", "PERIODE"}},
	{Key: "predikat", Header: "PREDIKAT", Aliases: []string{"PREDIKAT KINERJA", "PREDIKAT SKP", "NILAI SKP"}},
}

// checkPerformance checks the rows of an SKP file: a known NIP in scope, a
// year from 2000 to this year, a known predikat, and no second row for the
// same NIP and year. It counts rows in rep and returns the good ones.
func checkPerformance(now time.Time, f *talentFile, rep *TalentReport,
	employee func(int, func(k, code, value, id, en string)) int64) []store.PerformanceResult {
	seen := map[[2]int64]int{}
	people := map[int64]bool{}
	var good []store.PerformanceResult
	for i, r := range f.rows {
		rep.Rows++
		reject, bad := rowProblems(rep, f, r)
		g := store.PerformanceResult{EmployeeID: employee(i, reject)}
		ys := r.get("year")
		if y, err := strconv.Atoi(strings.TrimSuffix(ys, ".0")); err != nil || !model.ValidPerformanceYear(y, now) {
			reject("year", "year.range", ys, fmt.Sprintf("tahun harus 2000 sampai %d", now.Year()), fmt.Sprintf("year must be 2000 to %d", now.Year()))
		} else {
			g.Year = y
		}
		ps := r.get("predikat")
		if c, ok := model.CanonicalPredikat(ps); !ok {
			reject("predikat", "predikat.unknown", ps, "predikat tidak dikenal (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)",
				"unknown predikat (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)")
		} else {
			g.Predikat = c
		}
		if !*bad {
			key := [2]int64{g.EmployeeID, int64(g.Year)}
			if first, dup := seen[key]; dup {
				reject("year", "duplicate", ys, fmt.Sprintf("NIP dan tahun ini sudah ada di baris %d", first), fmt.Sprintf("this NIP and year already appear on line %d", first))
			} else {
				seen[key] = r.line
			}
		}
		if *bad {
			rep.Bad++
			continue
		}
		rep.Good++
		people[g.EmployeeID] = true
		good = append(good, g)
	}
	rep.Employees = len(people)
	return good
}
