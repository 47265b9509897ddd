package importer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// TalentEducation is the import of education histories: the agency's
// export of SIASN's riwayat pendidikan, one row per completed education.
const TalentEducation = "education"

// educationFields are the columns of an education file. The headers are
// those of SIASN's riwayat pendidikan (its web service names the fields
// nipBaru, tkPendidikanId, tkPendidikanNama, pendidikanNama, namaSekolah,
// tahunLulus, tglLulus, nomorIjasah; exports write them upper-case with
// underscores), with the names clerks give them.
var educationFields = []field{
	{Key: "nip", Header: "NIP", Aliases: []string{"NIP BARU", "NIP PEGAWAI", "NIP/NI PPPK"}},
	{Key: "level", Header: "TINGKAT_PENDIDIKAN", Aliases: []string{"TK_PENDIDIKAN_NAMA", "TINGKAT_PENDIDIKAN_NAMA", "TK_PENDIDIKAN", "JENJANG_PENDIDIKAN", "JENJANG", "PENDIDIKAN"}},
	{Key: "level_code", Header: "TK_PENDIDIKAN_ID", Aliases: []string{"TINGKAT_PENDIDIKAN_ID", "KODE_TINGKAT_PENDIDIKAN"}},
	{Key: "major", Header: "PENDIDIKAN_NAMA", Aliases: []string{"NAMA_PENDIDIKAN", "JURUSAN", "PROGRAM_STUDI", "PRODI"}},
	{Key: "institution", Header: "NAMA_SEKOLAH", Aliases: []string{"SEKOLAH", "INSTITUSI", "NAMA_INSTITUSI", "PERGURUAN_TINGGI", "LEMBAGA_PENDIDIKAN"}},
	{Key: "year", Header: "TAHUN_LULUS", Aliases: []string{"THN_LULUS"}},
	{Key: "date", Header: "TGL_LULUS", Aliases: []string{"TANGGAL_LULUS", "TANGGAL_IJAZAH", "TGL_IJAZAH"}},
	{Key: "certificate", Header: "NOMOR_IJAZAH", Aliases: []string{"NOMOR_IJASAH", "NO_IJAZAH", "NO_IJASAH", "NOMOR_STTB"}},
}

// educationRequired: a NIP, a level (by name or SIASN code) and a year (or
// the graduation date it is taken from).
var educationRequired = [][]string{{"nip"}, {"level", "level_code"}, {"year", "date"}}

// checkEducation checks the rows of an education file: a known NIP in
// scope, a level read by model.ParseEducationLevel (the name, else the
// SIASN code), a graduation year (TAHUN_LULUS, else the year of
// TGL_LULUS), the record's rules (model.Education.Validate), and no second
// row for the same NIP, level and year. It counts rows in rep and returns
// the good ones.
func checkEducation(now time.Time, f *talentFile, rep *TalentReport,
	employee func(int, func(k, code, value, id, en string)) int64) []model.Education {
	seen := map[[3]string]int{}
	people := map[int64]bool{}
	var good []model.Education
	for i, r := range f.rows {
		rep.Rows++
		reject, bad := rowProblems(rep, f, r)
		e := model.Education{EmployeeID: employee(i, reject), Major: r.get("major"), Institution: r.get("institution"),
			CertificateNo: r.get("certificate")}
		lk, ls := "level", r.get("level")
		l, ok := model.ParseEducationLevel(ls)
		if !ok && r.get("level_code") != "" {
			lk, ls = "level_code", r.get("level_code")
			l, ok = model.ParseEducationLevel(ls)
		}
		if ok {
			e.Level = l
		} else {
			reject(lk, "level.unknown", ls, "tingkat pendidikan tidak dikenal (SD, SMP, SMA, D-I sampai D-IV, S-1 sampai S-3, atau kode SIASN)",
				"unknown education level (SD, SMP, SMA, D-I to D-IV, S-1 to S-3, or a SIASN code)")
		}
		yk, ys := "year", r.get("year")
		if ys == "" {
			yk, ys = "date", r.get("date")
			t, err := date.ParseCell(ys, f.numeric)
			var de *date.Error
			switch {
			case err == nil:
				e.Year = t.Year()
			case ys != "" && errors.As(err, &de):
				reject("date", "date.bad", ys, de.ID, de.EN)
			}
		} else if y, err := strconv.Atoi(strings.TrimSuffix(ys, ".0")); err == nil {
			e.Year = y
		}
		if ok && !*bad {
			var ae *apperr.Error
			if err := e.Validate(now); errors.As(err, &ae) {
				k := map[string]string{"year": yk, "major": "major", "institution": "institution", "certificate_no": "certificate"}[ae.Field]
				reject(k, "invalid", f.rows[i].get(k), ae.Text(i18n.ID), ae.Text(i18n.EN))
			}
		}
		if !*bad {
			key := [3]string{strconv.FormatInt(e.EmployeeID, 10), string(e.Level), strconv.Itoa(e.Year)}
			if first, dup := seen[key]; dup {
				reject(yk, "duplicate", ys, fmt.Sprintf("NIP, tingkat dan tahun lulus ini sudah ada di baris %d", first),
					fmt.Sprintf("this NIP, level and graduation year already appear on line %d", first))
			} else {
				seen[key] = r.line
			}
		}
		if *bad {
			rep.Bad++
			continue
		}
		rep.Good++
		people[e.EmployeeID] = true
		good = append(good, e)
	}
	rep.Employees = len(people)
	return good
}
