package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TalentActing is the kind of an acting assignments (Plt./Plh.) import.
const TalentActing = "acting"

// actingFields are the columns of an acting assignments file.
var actingFields = []field{
	nipField,
	{Key: "position", Header: "KODE JABATAN", Aliases: []string{"KODE JABATAN PLT", "JABATAN KODE"}},
	{Key: "kind", Header: "JENIS", Aliases: []string{"JENIS PENUGASAN", "PLT/PLH"}},
	{Key: "from", Header: "TANGGAL MULAI", Aliases: []string{"MULAI", "TMT"}},
	{Key: "until", Header: "TANGGAL SELESAI", Aliases: []string{"SELESAI", "SAMPAI"}},
	{Key: "decree_no", Header: "NOMOR SK", Aliases: []string{"NO SK", "NOMOR KEPUTUSAN"}},
	{Key: "decree_date", Header: "TANGGAL SK", Aliases: []string{"TGL SK", "TANGGAL KEPUTUSAN"}},
}

// actingColumn names the file column of a model.ActingAssignment field.
var actingColumn = map[string]string{"employee": "nip", "position": "position", "kind": "kind", "from": "from",
	"until": "until", "decree_no": "decree_no", "decree_date": "decree_date"}

// Acting imports acting assignments (Plt./Plh.) from a CSV or XLSX file:
// NIP, KODE JABATAN (the head post's code), JENIS (Plt. or Plh.), TANGGAL
// MULAI, TANGGAL SELESAI (empty: until further notice), NOMOR SK, TANGGAL
// SK. Rows are read and their cells checked here, then checked against the
// registry by store.ImportActing as the form's record is (a head post, an
// active employee not its holder, no overlap), which with o.Apply writes
// the good ones in one audited transaction and without it rolls back. The
// NIPs must lie in o.Admin (recording is policy.OrgWrite: the whole
// government for BKPSDM).
func Acting(ctx context.Context, st *store.Store, o TalentOptions, data []byte) (*TalentReport, error) {
	start := time.Now()
	sum := sha256.Sum256(data)
	rep := &TalentReport{Kind: TalentActing, File: o.File, SHA256: hex.EncodeToString(sum[:])}
	if len(data) > store.MaxImportFileSize {
		rep.FileError = true
		rep.add(TalentProblem{Code: "file", Message: fmt.Sprintf("berkas lebih dari %d MB", store.MaxImportFileSize>>20),
			MessageEN: fmt.Sprintf("the file is larger than %d MB", store.MaxImportFileSize>>20)})
		return rep, nil
	}
	f := readTalentFile(data, actingFields, [][]string{{"nip"}, {"position"}, {"kind"}, {"from"}, {"decree_no"}, {"decree_date"}}, rep)
	if f == nil {
		rep.Duration = time.Since(start)
		return rep, nil
	}
	nips, codes := make([]string, len(f.rows)), make([]string, len(f.rows))
	for i, r := range f.rows {
		nips[i], codes[i] = talentNIP(r.get("nip")), r.get("position")
	}
	emps, err := st.EmployeeRefsByNIP(ctx, nips)
	if err != nil {
		return nil, err
	}
	posts, err := st.PositionsByCode(ctx, codes)
	if err != nil {
		return nil, err
	}
	var rows []model.ActingAssignment
	var lines []talentRow
	for i, r := range f.rows {
		rep.Rows++
		reject, bad := rowProblems(rep, f, r)
		x := model.ActingAssignment{Kind: r.get("kind"), DecreeNo: r.get("decree_no")}
		switch e, ok := emps[nips[i]]; {
		case nips[i] == "":
			reject("nip", "nip.missing", "", "NIP kosong", "NIP is empty")
		case !ok:
			reject("nip", "nip.unknown", nips[i], "NIP tidak terdaftar", "unknown NIP")
		case !o.Admin.Contains(e.UnitPath):
			reject("nip", "scope", nips[i], "pegawai di luar unit yang Anda kelola", "employee outside the units you administer")
		default:
			x.EmployeeID = e.ID
		}
		if p, ok := posts[codes[i]]; ok {
			x.PositionID = p
		} else {
			reject("position", "position.unknown", codes[i], "kode jabatan tidak dikenal", "unknown position code")
		}
		for _, d := range []struct {
			k string
			t *time.Time
		}{{"from", &x.From}, {"until", &x.Until}, {"decree_date", &x.DecreeDate}} {
			v := r.get(d.k)
			if v == "" {
				continue
			}
			t, err := date.ParseCell(v, f.numeric)
			var de *date.Error
			if errors.As(err, &de) {
				reject(d.k, "date.bad", v, de.ID, de.EN)
			} else if err != nil {
				return nil, err
			}
			*d.t = t
		}
		if *bad {
			rep.Bad++
			continue
		}
		rows = append(rows, x)
		lines = append(lines, r)
	}
	ev := store.TalentImportEvent{Kind: TalentActing, File: o.File, SHA256: rep.SHA256, Data: data, Rows: rep.Rows}
	problems, err := st.ImportActing(ctx, o.Actor, ev, rows, o.Apply && len(rows) > 0)
	if err != nil {
		return nil, err
	}
	people := map[int64]bool{}
	for i, p := range problems {
		if p == nil {
			rep.Good++
			people[rows[i].EmployeeID] = true
			continue
		}
		rep.Bad++
		col, value := "", ""
		var ae *apperr.Error
		if errors.As(p, &ae) && ae.Field != "" {
			k := actingColumn[ae.Field]
			col, value = f.colName[k], lines[i].get(k)
		}
		rep.add(TalentProblem{Line: lines[i].line, Column: col, Value: value, Code: "acting",
			Message: apperr.Message(i18n.ID, p), MessageEN: apperr.Message(i18n.EN, p)})
	}
	rep.Employees = len(people)
	rep.Applied = o.Apply && rep.Good > 0
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	rep.Duration = time.Since(start)
	return rep, nil
}
