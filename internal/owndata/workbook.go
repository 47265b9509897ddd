package owndata

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/table"
)

// Workbook writes d into f: the employee's fields as rows, then one
// sheet per list with a header row. The gap is left to the JSON (level
// minus standard): a negative number would read as a formula's start to
// the export check every writer passes.
func Workbook(f *excelize.File, d *Data) error {
	e := d.Employee
	sheets := []struct {
		name string
		rows [][]any
	}{
		{"Pegawai", [][]any{{"Kolom", "Nilai"}, {"NIP", e.NIP}, {"Nama", e.Name}, {"Gelar depan", e.FrontTitles},
			{"Gelar belakang", e.BackTitles}, {"Tempat lahir", e.BirthPlace}, {"Tanggal lahir", e.BirthDate}, {"Jenis kelamin", e.Gender},
			{"Jenis pegawai", e.Kind}, {"Golongan", e.Golongan}, {"Unit", e.Unit}, {"Jabatan", e.Position}, {"Atasan", e.Supervisor},
			{"Email", e.Email}, {"Telepon", e.Phone}, {"Status", e.Status}, {"Tanggal pensiun", e.RetirementDate}, {"Diunduh", d.Generated}}},
		{"Riwayat", [][]any{{"Waktu", "Data", "Lama", "Baru"}}},
		{"Kompetensi", [][]any{{"Kode", "Kompetensi", "Standar", "Level", "Dinilai", "Penilaian"}}},
		{"Kinerja", [][]any{{"Tahun", "Predikat"}}},
		{"Hukuman", [][]any{{"Tingkat", "Jenis", "Nomor SK", "Tanggal SK", "Mulai", "Berakhir", "Catatan pencabutan"}}},
		{"Plt-Plh", [][]any{{"Jenis", "Jabatan", "Unit", "Mulai", "Berakhir", "Nomor SK", "Tanggal SK"}}},
		{"Keberatan", [][]any{{"Hal", "Kompetensi", "Catatan", "Diajukan", "Jawaban", "Dijawab", "Oleh"}}},
		{"Dilihat", [][]any{{"Waktu", "Akun", "Nama", "Data", "Rincian"}}},
		{"Rencana", [][]any{{"Tahun", "Kegiatan", "Bentuk", "JP", "Biaya", "Tujuan", "Angkatan", "Diusulkan oleh", "Diusulkan", "Status", "Keputusan"}}},
		{"Pelatihan", [][]any{{"Program", "Angkatan", "Mulai", "Selesai", "Status", "Dinyatakan selesai", "Nilai", "Hadir"}}},
	}
	if d.JPM != nil {
		sheets[0].rows = append(sheets[0].rows, []any{"JPM", d.JPM.Raw}, []any{"JPM (dibatasi)", d.JPM.Capped},
			[]any{"Kategori pemetaan", d.JPM.Mapping}, []any{"Kategori pengisian", d.JPM.Filling},
			[]any{"Kompetensi dinilai", fmt.Sprintf("%d dari %d", d.JPM.Assessed, d.JPM.Total)})
	}
	for _, h := range d.History {
		sheets[1].rows = append(sheets[1].rows, []any{h.At, h.Field, h.Old, h.New})
	}
	for _, c := range d.Competences {
		var rs []byte
		for i, r := range c.Ratings {
			if i > 0 {
				rs = append(rs, "; "...)
			}
			rs = fmt.Appendf(rs, "%s %d (%s, %s)", r.Source, r.Level, r.At, r.Rater)
		}
		sheets[2].rows = append(sheets[2].rows, []any{c.Code, c.Name, c.Required, c.Actual, c.Assessed, string(rs)})
	}
	for _, p := range d.Performance {
		sheets[3].rows = append(sheets[3].rows, []any{p.Year, p.Predikat})
	}
	for _, p := range d.Penalties {
		sheets[4].rows = append(sheets[4].rows, []any{p.Level, p.Kind, p.DecreeNo, p.DecreeDate, p.StartsOn, p.EndsOn, p.RevokeNote})
	}
	for _, a := range d.Acting {
		sheets[5].rows = append(sheets[5].rows, []any{a.Kind, a.Position, a.Unit, a.From, a.Until, a.DecreeNo, a.DecreeDate})
	}
	for _, c := range d.Contests {
		sheets[6].rows = append(sheets[6].rows, []any{c.Subject, c.Competency, c.Note, c.Created, c.Answer, c.Answered, c.AnsweredBy})
	}
	for _, v := range d.Views {
		sheets[7].rows = append(sheets[7].rows, []any{v.At, v.Viewer, v.ViewerName, v.What, v.Detail})
	}
	for _, p := range d.Plans {
		sheets[8].rows = append(sheets[8].rows, []any{p.Year, p.Title, p.Form, p.JP, p.Cost, p.Purpose, p.Session, p.ProposedBy, p.Proposed,
			p.Status, strings.Join(p.Decisions, "; ")})
	}
	for _, e := range d.Training {
		score := ""
		if e.Score != nil {
			score = strconv.Itoa(*e.Score)
		}
		sheets[9].rows = append(sheets[9].rows, []any{e.Programme, e.Session, e.StartDate, e.EndDate, e.Status, e.Completed, score,
			strings.Join(e.DaysPresent, ", ")})
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return err
		}
		for r, row := range sh.rows {
			for i, v := range row { // typed texts never become formulas
				if s, ok := v.(string); ok {
					row[i] = table.SafeCell(s)
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh.name, cell, &row); err != nil {
				return err
			}
		}
	}
	return nil
}
