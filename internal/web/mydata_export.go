package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/table"
)

// ownData is everything Kompeten keeps about one employee, as the
// employee downloads it (UU 27/2022: access to and a copy of one's data).
type ownData struct {
	Generated   string           `json:"generated_at"`
	Employee    ownEmployee      `json:"employee"`
	History     []ownHistory     `json:"history"`
	JPM         *ownJPM          `json:"jpm"`
	Competences []ownCompetency  `json:"competencies"`
	Performance []ownPerformance `json:"performance"`
	Penalties   []ownPenalty     `json:"penalties"`
	Acting      []ownActing      `json:"acting_assignments"`
	Contests    []ownContest     `json:"contests"`
	Views       []ownView        `json:"views_by_others"`
	Plans       []ownPlanItem    `json:"development_plans"`
	Training    []ownEnrolment   `json:"training"`
}

// ownPlanItem is one item of one's development plans, with its decisions
// ("setuju by Siti Aminah at …", oldest first).
type ownPlanItem struct {
	Year                          int
	Title, Form, Purpose, Status  string
	JP                            int
	Cost                          int64
	Session, ProposedBy, Proposed string
	Decisions                     []string
}

// ownEnrolment is one place in a session: its state, completion, score and
// the days marked present.
type ownEnrolment struct {
	Programme, Session, StartDate, EndDate, Status, Completed string
	Score                                                     *int
	DaysPresent                                               []string
}

type ownEmployee struct {
	NIP, Name, FrontTitles, BackTitles, BirthPlace, BirthDate, Gender, Kind, Golongan string
	Unit, Position, Supervisor, Email, Phone, Status, RetirementDate                  string
}

type ownHistory struct{ At, Field, Old, New string }

type ownJPM struct {
	Raw, Capped      float64
	Mapping, Filling string
	Assessed, Total  int
	StandardDecreeNo string
}

type ownRating struct {
	Source string
	Level  int
	At     string
	Rater  string
}

type ownCompetency struct {
	Code, Name            string
	Required, Actual, Gap int
	Assessed              bool
	Ratings               []ownRating
}

type ownPerformance struct {
	Year     int
	Predikat string
}

type ownPenalty struct{ Level, Kind, DecreeNo, DecreeDate, StartsOn, EndsOn, RevokeNote string }

type ownActing struct{ Kind, Position, Unit, From, Until, DecreeNo, DecreeDate string }

type ownContest struct{ Subject, Competency, Note, Created, Answer, Answered, AnsweredBy string }

type ownView struct{ At, Viewer, ViewerName, What, Detail string }

func isoOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// collectOwnData reads everything about employee id.
func (s *server) collectOwnData(ctx context.Context, id int64) (*ownData, error) {
	e, err := s.st.Employee(ctx, id)
	if err != nil {
		return nil, err
	}
	inst := func(t time.Time) string { return t.In(s.loc).Format(time.RFC3339) }
	d := &ownData{Generated: inst(s.st.Now()), Employee: ownEmployee{NIP: e.NIP, Name: e.Name, FrontTitles: e.GelarDepan,
		BackTitles: e.GelarBelakang, BirthPlace: e.BirthPlace, BirthDate: isoOrEmpty(e.BirthDate), Gender: string(e.Gender),
		Kind: string(e.Kind), Golongan: e.Golongan, Unit: e.UnitName, Position: e.PositionTitle, Supervisor: e.SupervisorName,
		Email: e.Email, Phone: e.Phone, Status: string(e.Status), RetirementDate: isoOrEmpty(e.RetirementDate)}}
	hist, err := s.st.History(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, h := range hist {
		d.History = append(d.History, ownHistory{inst(h.At), h.Field, h.OldValue, h.NewValue})
	}
	ec, err := s.st.EmployeeCompetencies(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(ec.Items) > 0 {
		res := ec.Result
		d.JPM = &ownJPM{Raw: float64(res.JPMRaw) / 100, Capped: float64(res.JPMCapped) / 100, Mapping: res.Mapping.Label(), Filling: res.Filling.Label(),
			Assessed: res.Assessed, Total: res.Total, StandardDecreeNo: ec.DecreeNo}
	}
	for _, it := range ec.Items {
		c := ownCompetency{Code: it.Code, Name: it.Name, Required: it.Required, Actual: it.Actual, Gap: it.Gap, Assessed: it.Assessed}
		for _, ev := range it.Events {
			c.Ratings = append(c.Ratings, ownRating{Source: string(ev.Source), Level: ev.Level, At: inst(ev.At), Rater: ev.RaterName})
		}
		d.Competences = append(d.Competences, c)
	}
	perf, err := s.st.Performance(ctx, id)
	if err != nil {
		return nil, err
	}
	for y, pr := range perf {
		d.Performance = append(d.Performance, ownPerformance{y, pr})
	}
	sort.Slice(d.Performance, func(i, j int) bool { return d.Performance[i].Year < d.Performance[j].Year })
	pens, err := s.st.Penalties(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, p := range pens {
		d.Penalties = append(d.Penalties, ownPenalty{p.Level, p.Kind, p.DecreeNo, isoOrEmpty(p.DecreeDate), isoOrEmpty(p.StartsOn),
			isoOrEmpty(p.EndsOn), p.RevokeNote})
	}
	acting, err := s.st.ActingAssignments(ctx, store.ActingFilter{EmployeeID: id})
	if err != nil {
		return nil, err
	}
	for _, a := range acting {
		d.Acting = append(d.Acting, ownActing{a.Kind, a.PositionTitle, a.UnitName, isoOrEmpty(a.From), isoOrEmpty(a.Until), a.DecreeNo, isoOrEmpty(a.DecreeDate)})
	}
	contests, err := s.st.Contests(ctx, store.ContestFilter{EmployeeID: id})
	if err != nil {
		return nil, err
	}
	for _, c := range contests {
		answered := ""
		if !c.Open() {
			answered = inst(c.AnsweredAt)
		}
		d.Contests = append(d.Contests, ownContest{c.Subject, c.CompetencyName, c.Note, inst(c.CreatedAt), c.Answer, answered, c.AnsweredBy})
	}
	views, err := s.st.Views(ctx, store.ViewFilter{SubjectID: id, Limit: 500})
	if err != nil {
		return nil, err
	}
	for _, v := range views {
		d.Views = append(d.Views, ownView{inst(v.At), v.Viewer, v.ViewerName, v.What, v.Detail})
	}
	return d, s.collectOwnTraining(ctx, id, d, inst)
}

// collectOwnTraining adds one's development plans and training places to d.
func (s *server) collectOwnTraining(ctx context.Context, id int64, d *ownData, inst func(time.Time) string) error {
	items, err := s.st.PlanItemsOf(ctx, id)
	if err != nil {
		return err
	}
	for _, it := range items {
		p := ownPlanItem{Year: it.Year, Title: it.Title, Form: string(it.Form), Purpose: it.Purpose, Status: string(it.Status), JP: it.JP,
			Cost: it.Cost, Session: it.SessionName, ProposedBy: string(it.ProposedBy), Proposed: inst(it.CreatedAt)}
		for _, dec := range it.Decisions {
			line := fmt.Sprintf("%s: %s, %s", inst(dec.At), dec.Decision, dec.ByName)
			if dec.Reason != "" {
				line += " (" + dec.Reason + ")"
			}
			p.Decisions = append(p.Decisions, line)
		}
		d.Plans = append(d.Plans, p)
	}
	places, err := s.st.EnrolmentsOf(ctx, id)
	if err != nil {
		return err
	}
	days, err := s.st.DaysAttended(ctx, id)
	if err != nil {
		return err
	}
	for _, m := range places {
		e := ownEnrolment{Programme: m.Session.ProgrammeTitle, Session: m.Session.Name, StartDate: m.Session.StartDate,
			EndDate: m.Session.EndDate, Status: string(m.Status), DaysPresent: days[m.SessionID]}
		if !m.CompletedAt.IsZero() {
			e.Completed = inst(m.CompletedAt)
		}
		if m.HasScore {
			e.Score = &m.Score
		}
		d.Training = append(d.Training, e)
	}
	return nil
}

// myDataJSON sends one's own data as JSON (GET /data-saya/unduh.json).
func (s *server) myDataJSON(w http.ResponseWriter, r *http.Request) error {
	d, name, err := s.ownDataFor(r)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.json"`)
	h.Set("Cache-Control", "private, no-store")
	w.Write(b)
	return nil
}

// myDataXLSX sends one's own data as a workbook, one sheet per part
// (GET /data-saya/unduh.xlsx).
func (s *server) myDataXLSX(w http.ResponseWriter, r *http.Request) error {
	d, name, err := s.ownDataFor(r)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := ownWorkbook(f, d); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	h.Set("Content-Disposition", `attachment; filename="`+name+`.xlsx"`)
	h.Set("Cache-Control", "private, no-store")
	return f.Write(w)
}

func (s *server) ownDataFor(r *http.Request) (*ownData, string, error) {
	p, err := s.user(r)
	if err != nil {
		return nil, "", err
	}
	if p.User.EmployeeID == 0 {
		return nil, "", errNoRecord
	}
	d, err := s.collectOwnData(r.Context(), p.User.EmployeeID)
	if err != nil {
		return nil, "", err
	}
	return d, fmt.Sprintf("data-saya-%s-%s", d.Employee.NIP, s.st.Now().In(s.loc).Format("20060102")), nil
}

// ownWorkbook writes d into f: the employee's fields as rows, then one
// sheet per list with a header row. The gap is left to the JSON (level
// minus standard): a negative number would read as a formula's start to
// the export check every writer passes.
func ownWorkbook(f *excelize.File, d *ownData) error {
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
