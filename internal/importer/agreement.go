package importer

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TalentAgreement is the import of PPPK work agreements (issue 13): NIP,
// TMT PERJANJIAN KERJA, AKHIR PERJANJIAN KERJA. It is a small import kind
// of its own beside the SKP and education files rather than two more
// columns of the employee file: the employee import's two passes, spool
// and bulk writer carry the registry's fields, and an agreement is one
// row of another table that HR receives on its own (the agreement
// decrees), not with the registry.
const TalentAgreement = "agreement"

// agreementFields are the columns of an agreement file.
var agreementFields = []field{
	nipField,
	{Key: "start", Header: "TMT PERJANJIAN KERJA", Aliases: []string{"TMT PK", "TMT PERJANJIAN", "MULAI PERJANJIAN KERJA", "AWAL PERJANJIAN KERJA", "TANGGAL MULAI PERJANJIAN"}},
	{Key: "end", Header: "AKHIR PERJANJIAN KERJA", Aliases: []string{"AKHIR PK", "SELESAI PERJANJIAN KERJA", "TANGGAL AKHIR PERJANJIAN", "BERAKHIR PERJANJIAN KERJA"}},
}

var agreementRequired = [][]string{{"nip"}, {"start"}, {"end"}}

// checkAgreements checks the rows of an agreement file: a known NIP in
// scope of a PPPK (a PNS has no agreement), two dates with the end after
// the start, and one row per person. It returns the good rows.
func checkAgreements(ctx context.Context, st *store.Store, f *talentFile, rep *TalentReport,
	employee func(int, func(k, code, value, id, en string)) int64) ([]model.PPPKAgreement, error) {
	ids := make([]int64, 0, len(f.rows))
	type row struct {
		ag     model.PPPKAgreement
		reject func(k, code, value, id, en string)
		bad    *bool
	}
	rows := make([]row, len(f.rows))
	for i, r := range f.rows {
		reject, bad := rowProblems(rep, f, r)
		rows[i] = row{ag: model.PPPKAgreement{EmployeeID: employee(i, reject)}, reject: reject, bad: bad}
		if rows[i].ag.EmployeeID != 0 {
			ids = append(ids, rows[i].ag.EmployeeID)
		}
	}
	kinds, err := st.EmployeeKinds(ctx, ids)
	if err != nil {
		return nil, err
	}
	seen := map[int64]int{}
	people := map[int64]bool{}
	var good []model.PPPKAgreement
	for i, r := range f.rows {
		rep.Rows++
		g := &rows[i]
		if id := g.ag.EmployeeID; id != 0 && kinds[id] != model.PPPK {
			g.reject("nip", "kind.pns", r.get("nip"), "perjanjian kerja hanya untuk PPPK", "work agreements are for PPPK only")
		}
		for _, k := range []string{"start", "end"} {
			v := r.get(k)
			t, err := date.ParseCell(v, f.numeric)
			var de *date.Error
			switch {
			case errors.As(err, &de):
				g.reject(k, "date.bad", v, de.ID, de.EN)
			case err != nil:
				return nil, err
			case k == "start":
				g.ag.Start = t.Format(time.DateOnly)
			default:
				g.ag.End = t.Format(time.DateOnly)
			}
		}
		if !*g.bad && g.ag.End <= g.ag.Start {
			g.reject("end", "date.order", r.get("end"), "akhir perjanjian harus sesudah TMT-nya", "the agreement must end after it starts")
		}
		if !*g.bad {
			if first, dup := seen[g.ag.EmployeeID]; dup {
				g.reject("nip", "duplicate", r.get("nip"), "NIP ini sudah ada di baris "+strconv.Itoa(first), "this NIP already appears on line "+strconv.Itoa(first))
			} else {
				seen[g.ag.EmployeeID] = r.line
			}
		}
		if *g.bad {
			rep.Bad++
			continue
		}
		rep.Good++
		people[g.ag.EmployeeID] = true
		good = append(good, g.ag)
	}
	rep.Employees = len(people)
	return good, nil
}
