package importer

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// assessmentFields are the columns of an assessment-centre result file.
var assessmentFields = []field{
	nipField,
	{Key: "code", Header: "KODE KOMPETENSI", Aliases: []string{"KODE", "KOMPETENSI KODE"}},
	{Key: "name", Header: "NAMA KOMPETENSI", Aliases: []string{"KOMPETENSI"}},
	{Key: "level", Header: "LEVEL", Aliases: []string{"LEVEL KOMPETENSI", "NILAI", "LEVEL AKTUAL"}},
	{Key: "date", Header: "TANGGAL", Aliases: []string{"TGL", "TANGGAL ASESMEN", "TANGGAL PENILAIAN", "TANGGAL ASSESSMENT"}},
	{Key: "lembaga", Header: "LEMBAGA", Aliases: []string{"PENYELENGGARA", "LEMBAGA ASESOR", "ASSESSMENT CENTRE"}},
	{Key: "note", Header: "CATATAN", Aliases: []string{"KETERANGAN"}},
}

// checkAssessment checks the rows of an assessment-centre file: a known
// NIP in scope, a competency (a code such as M1, SK1, DIG-01, or a name,
// resolved against the newest version of each framework), a level from 1
// to 5, and a date that can be read (every form internal/date reads) and
// does not lie in the future. It counts rows in rep and returns the good
// ones.
func checkAssessment(ctx context.Context, st *store.Store, f *talentFile, rep *TalentReport,
	employee func(int, func(k, code, value, id, en string)) int64) ([]store.AssessmentResult, error) {
	choices, err := st.CompetencyChoices(ctx)
	if err != nil {
		return nil, err
	}
	codes, names := model.CompetencyKeys(choices)
	today := st.Now()
	people := map[int64]bool{}
	var good []store.AssessmentResult
	for i, r := range f.rows {
		rep.Rows++
		reject, bad := rowProblems(rep, f, r)
		g := store.AssessmentResult{EmployeeID: employee(i, reject)}
		code, name := r.get("code"), r.get("name")
		var id int64
		var k, v string
		switch {
		case code != "":
			id, k, v = codes[strings.ToUpper(code)], "code", code
		case name != "":
			id, k, v = names[model.FoldCompetencyName(name)], "name", name
		default:
			k = "code"
			if _, ok := f.col["code"]; !ok {
				k = "name"
			}
		}
		switch {
		case v == "":
			reject(k, "competency.missing", "", "kompetensi kosong", "competency is empty")
		case id == -1:
			reject(k, "competency.ambiguous", v, "kompetensi ini ada di lebih dari satu kerangka: tulis kodenya", "this competency is in more than one framework: give its code")
		case id == 0:
			reject(k, "competency.unknown", v, "kompetensi tidak dikenal di versi terbaru kamus", "unknown competency in the newest dictionary version")
		default:
			g.CompetencyID = id
		}
		lv := r.get("level")
		if n, err := strconv.Atoi(strings.TrimSuffix(lv, ".0")); err != nil || n < 1 || n > 5 {
			reject("level", "level.range", lv, "level harus bilangan bulat 1 sampai 5", "level must be a whole number from 1 to 5")
		} else {
			g.Level = n
		}
		ds := r.get("date")
		t, err := date.ParseCell(ds, f.numeric)
		var de *date.Error
		switch {
		case errors.As(err, &de):
			reject("date", "date.bad", ds, de.ID, de.EN)
		case err != nil:
			return nil, err
		case t.After(today):
			reject("date", "date.future", ds, "tanggal di masa depan", "date lies in the future")
		default:
			g.At = t
		}
		var note []string
		if l := r.get("lembaga"); l != "" {
			note = append(note, "Lembaga: "+l)
		}
		if c := r.get("note"); c != "" {
			note = append(note, c)
		}
		g.Note = strings.Join(note, "; ")
		if *bad {
			rep.Bad++
			continue
		}
		rep.Good++
		people[g.EmployeeID] = true
		good = append(good, g)
	}
	rep.Employees = len(people)
	return good, nil
}
