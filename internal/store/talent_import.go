package store

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/assess"
	"github.com/kompeten/kompeten/internal/model"
)

// Kinds of talent imports.
const (
	TalentImportAssessment  = "assessment"  // assessment-centre results: NIP, KODE KOMPETENSI, LEVEL, TANGGAL
	TalentImportPerformance = "performance" // SKP predikat per year: NIP, TAHUN, PREDIKAT
)

// TalentImportOptions control an assessment-centre or performance import.
type TalentImportOptions struct {
	Kind  string      // TalentImportAssessment or TalentImportPerformance
	Actor model.Actor // who imports, for the audit log
	// Admin is what the importer administers (auth.Principal.Admin; the
	// whole government on the CLI): rows of other employees are refused.
	Admin model.Scope
	// Self is the importer's own employee record (0: none): its rows are
	// refused, as nobody records SKP or assessment-centre results about
	// themselves by any face (policy.RecordsAboutSelf).
	Self  int64
	Apply bool   // write the good rows; without it a dry run
	File  string // the file's base name, for the report and the audit
}

// TalentProblem is one bad row (Line ≥ 2) or a problem of the whole file.
type TalentProblem struct {
	Line      int
	Column    string // the file's header text of the column at fault
	Value     string
	Code      string // "nip.unknown", "competency.unknown", "level.range", "date.bad", "scope", ...
	Message   string // Indonesian
	MessageEN string // English
}

// TalentImportReport is the outcome of a talent import or its dry run.
type TalentImportReport struct {
	Kind      string
	File      string
	Format    string // "csv" or "xlsx"
	SHA256    string
	Rows      int // data rows read (blank rows not counted)
	Good      int
	Bad       int
	Problems  []TalentProblem // every problem, by line (capped at MaxTalentProblems)
	Omitted   int             // problems beyond MaxTalentProblems
	Applied   bool
	Employees int // distinct employees of the good rows
	FileError bool
	Duration  time.Duration
}

// MaxTalentProblems caps the problems a report lists; counts stay exact.
const MaxTalentProblems = 10000

func (r *TalentImportReport) add(p TalentProblem) {
	if len(r.Problems) >= MaxTalentProblems {
		r.Omitted++
		return
	}
	r.Problems = append(r.Problems, p)
}

// talentField is one column of a talent import with its accepted headers
// (compared after headerNorm).
type talentField struct {
	key     string
	headers []string
}

var assessmentFields = []talentField{
	{"nip", []string{"NIP", "NIPBARU", "NIPPEGAWAI", "NIPNIPPPK"}},
	{"code", []string{"KODEKOMPETENSI", "KODE", "KOMPETENSIKODE"}},
	{"name", []string{"NAMAKOMPETENSI", "KOMPETENSI"}},
	{"level", []string{"LEVEL", "LEVELKOMPETENSI", "NILAI", "LEVELAKTUAL"}},
	{"date", []string{"TANGGAL", "TGL", "TANGGALASESMEN", "TANGGALPENILAIAN", "TANGGALASSESSMENT"}},
	{"lembaga", []string{"LEMBAGA", "PENYELENGGARA", "LEMBAGAASESOR", "ASSESSMENTCENTRE"}},
	{"note", []string{"CATATAN", "KETERANGAN"}},
}

var performanceFields = []talentField{
	{"nip", []string{"NIP", "NIPBARU", "NIPPEGAWAI", "NIPNIPPPK"}},
	{"year", []string{"TAHUN", "TAHUNSKP", "PERIODE"}},
	{"predikat", []string{"PREDIKAT", "PREDIKATKINERJA", "PREDIKATSKP", "NILAISKP"}},
}

// headerNorm folds a header for matching: letters and digits only, upper
// case ("Kode Kompetensi" → "KODEKOMPETENSI").
func headerNorm(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, s)
}

// talentRow is one data row of a file with its line.
type talentRow struct {
	line  int
	cells []string
}

// readTalentTable reads a CSV (comma, semicolon or tab; optional BOM) or
// the first sheet of an XLSX workbook into rows with their lines. numeric
// is true for XLSX, whose dates arrive as serials.
func readTalentTable(data []byte) (rows []talentRow, format string, numeric bool, err error) {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			return nil, "xlsx", true, fmt.Errorf("berkas XLSX tidak dapat dibuka: %v", err)
		}
		defer f.Close()
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, "xlsx", true, errors.New("berkas XLSX tidak berisi lembar kerja")
		}
		all, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, "xlsx", true, fmt.Errorf("lembar kerja tidak dapat dibaca: %v", err)
		}
		for i, r := range all {
			rows = append(rows, talentRow{line: i + 1, cells: r})
		}
		return rows, "xlsx", true, nil
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	first, _, _ := bytes.Cut(data, []byte("\n"))
	comma := ','
	if c := bytes.Count(first, []byte(";")); c > bytes.Count(first, []byte(",")) {
		comma = ';'
	} else if t := bytes.Count(first, []byte("\t")); t > bytes.Count(first, []byte(",")) {
		comma = '\t'
	}
	r := csv.NewReader(bufio.NewReader(bytes.NewReader(data)))
	r.Comma = comma
	r.FieldsPerRecord = -1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, "csv", false, fmt.Errorf("berkas tidak dapat dibaca: %v", err)
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, talentRow{line: line, cells: append([]string(nil), rec...)})
	}
	return rows, "csv", false, nil
}

// parseTalentDate reads dd-mm-yyyy (also with / or .), yyyy-mm-dd and, for
// XLSX, a date serial.
func parseTalentDate(s string, serial bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if serial {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 2958466 {
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f)), true
		}
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 {
		return time.Time{}, false
	}
	if len(parts[0]) != 4 {
		parts[0], parts[2] = parts[2], parts[0]
	}
	if len(parts[0]) != 4 {
		return time.Time{}, false
	}
	y, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	d, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// talentEmployee is what an import needs of an employee named by NIP.
type talentEmployee struct {
	id   int64
	path string
}

// competencyKeys maps upper-case codes and folded names to competencies of
// the newest version of every framework; -1 marks a key that more than
// one framework uses.
func competencyKeys(ctx context.Context, q queryer) (codes, names map[string]int64, err error) {
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.code, c.name FROM competency c
		JOIN framework f ON f.id = c.framework_id
		WHERE f.id = (SELECT f2.id FROM framework f2 WHERE f2.code = f.code ORDER BY f2.created_at DESC, f2.id DESC LIMIT 1)`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: competency codes: %w", err)
	}
	defer rows.Close()
	codes, names = map[string]int64{}, map[string]int64{}
	put := func(m map[string]int64, k string, id int64) {
		if k == "" {
			return
		}
		if old, ok := m[k]; ok && old != id {
			m[k] = -1
			return
		}
		m[k] = id
	}
	for rows.Next() {
		var id int64
		var code, name string
		if err := rows.Scan(&id, &code, &name); err != nil {
			return nil, nil, err
		}
		put(codes, strings.ToUpper(strings.TrimSpace(code)), id)
		put(names, foldName(name), id)
	}
	return codes, names, rows.Err()
}

// foldName folds a competency name for matching: lower case, single spaces.
func foldName(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

// goodTalentRow is a validated row ready to write.
type goodTalentRow struct {
	employeeID   int64
	competencyID int64
	level        int
	at           time.Time
	note         string
	year         int
	predikat     string
}

// ImportTalentFile imports assessment-centre results or SKP predikat from a
// CSV or XLSX file (data holds its bytes). Every row is checked and every
// bad row reported with its line, column and reason: an unknown NIP, an
// employee outside o.Admin, an unknown competency (codes such as M1, SK1,
// DIG-01, or names, resolved against the newest version of each
// framework), a level outside 1–5, a date that cannot be read or lies in
// the future; for performance a year outside 2000 … this year, an unknown
// predikat or a second row for the same NIP and year. Without o.Apply
// nothing is written. With it the good rows are written in one
// transaction: assessment-centre rows as rating events (source
// assessment_centre), after which the current levels and JPM of their
// employees are recomputed; performance rows as yearly predikat
// (replacing the stored one). The import is audited as one event with its
// counts and the file's SHA-256.
func (s *Store) ImportTalentFile(ctx context.Context, o TalentImportOptions, data []byte) (*TalentImportReport, error) {
	start := time.Now()
	sum := sha256.Sum256(data)
	rep := &TalentImportReport{Kind: o.Kind, File: o.File, SHA256: hex.EncodeToString(sum[:])}
	var fields []talentField
	var required [][]string // alternatives per required column
	switch o.Kind {
	case TalentImportAssessment:
		fields, required = assessmentFields, [][]string{{"nip"}, {"code", "name"}, {"level"}, {"date"}}
	case TalentImportPerformance:
		fields, required = performanceFields, [][]string{{"nip"}, {"year"}, {"predikat"}}
	default:
		return nil, apperr.Invalid("kind", "jenis impor %q tidak dikenal (assessment, performance)", o.Kind)
	}
	rows, format, numeric, rerr := readTalentTable(data)
	rep.Format = format
	fileErr := func(line int, id, en string) (*TalentImportReport, error) {
		rep.FileError = true
		rep.add(TalentProblem{Line: line, Code: "file", Message: id, MessageEN: en})
		rep.Duration = time.Since(start)
		return rep, nil
	}
	if rerr != nil {
		return fileErr(0, rerr.Error(), rerr.Error())
	}
	// The header is the first row that is not blank.
	hi := 0
	for hi < len(rows) && blankCells(rows[hi].cells) {
		hi++
	}
	if hi == len(rows) {
		return fileErr(0, "berkas kosong", "the file is empty")
	}
	col := map[string]int{}
	colName := map[string]string{}
	for i, h := range rows[hi].cells {
		n := headerNorm(h)
		for _, f := range fields {
			for _, alias := range f.headers {
				if n == alias {
					if _, dup := col[f.key]; !dup {
						col[f.key], colName[f.key] = i, strings.TrimSpace(h)
					}
				}
			}
		}
	}
	for _, alt := range required {
		found := false
		for _, k := range alt {
			if _, ok := col[k]; ok {
				found = true
			}
		}
		if !found {
			var names []string
			for _, k := range alt {
				for _, f := range fields {
					if f.key == k {
						names = append(names, f.headers[0])
					}
				}
			}
			return fileErr(rows[hi].line, "kolom wajib tidak ada: "+strings.Join(names, " atau "),
				"required column missing: "+strings.Join(names, " or "))
		}
	}
	get := func(cells []string, k string) string {
		i, ok := col[k]
		if !ok || i >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[i])
	}

	var codes, names map[string]int64
	if o.Kind == TalentImportAssessment {
		var err error
		if codes, names, err = competencyKeys(ctx, s.db); err != nil {
			return nil, err
		}
	}
	emps := map[string]*talentEmployee{}
	lookup := func(nipText string) (*talentEmployee, error) {
		if e, ok := emps[nipText]; ok {
			return e, nil
		}
		var e talentEmployee
		err := s.db.QueryRowContext(ctx, `SELECT e.id, u.path FROM employee e JOIN org_unit u ON u.id = e.unit_id WHERE e.nip = $1`, nipText).
			Scan(&e.id, &e.path)
		if err == sql.ErrNoRows {
			emps[nipText] = nil
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		emps[nipText] = &e
		return &e, nil
	}
	today := s.Now()
	seenYear := map[[2]int64]int{}
	var good []goodTalentRow
	for _, r := range rows[hi+1:] {
		if blankCells(r.cells) {
			continue
		}
		rep.Rows++
		bad := false
		problem := func(k, code, value, id, en string) {
			bad = true
			rep.add(TalentProblem{Line: r.line, Column: colName[k], Value: value, Code: code, Message: id, MessageEN: en})
		}
		g := goodTalentRow{}
		nipText := strings.Map(func(c rune) rune {
			if c == ' ' || c == '.' || c == '-' || c == '\u00a0' || c == '\'' {
				return -1
			}
			return c
		}, get(r.cells, "nip"))
		switch e, err := lookup(nipText); {
		case err != nil:
			return nil, err
		case nipText == "":
			problem("nip", "nip.missing", "", "NIP kosong", "NIP is empty")
		case e == nil:
			problem("nip", "nip.unknown", nipText, "NIP tidak terdaftar", "unknown NIP")
		case !o.Admin.Contains(e.path):
			problem("nip", "scope", nipText, "pegawai di luar unit yang Anda kelola", "employee outside the units you administer")
		case o.Self != 0 && e.id == o.Self:
			problem("nip", "self", nipText, "data tentang diri sendiri dicatat oleh admin lain", "data about yourself is recorded by another administrator")
		default:
			g.employeeID = e.id
		}
		if o.Kind == TalentImportAssessment {
			code, name := get(r.cells, "code"), get(r.cells, "name")
			var id int64
			var k, v string
			switch {
			case code != "":
				id, k, v = codes[strings.ToUpper(code)], "code", code
			case name != "":
				id, k, v = names[foldName(name)], "name", name
			default:
				k = "code"
				if _, ok := col["code"]; !ok {
					k = "name"
				}
			}
			switch {
			case v == "":
				problem(k, "competency.missing", "", "kompetensi kosong", "competency is empty")
			case id == -1:
				problem(k, "competency.ambiguous", v, "kompetensi ini ada di lebih dari satu kerangka: tulis kodenya", "this competency is in more than one framework: give its code")
			case id == 0:
				problem(k, "competency.unknown", v, "kompetensi tidak dikenal di versi terbaru kamus", "unknown competency in the newest dictionary version")
			default:
				g.competencyID = id
			}
			lv := get(r.cells, "level")
			if n, err := strconv.Atoi(strings.TrimSuffix(lv, ".0")); err != nil || n < 1 || n > 5 {
				problem("level", "level.range", lv, "level harus bilangan bulat 1 sampai 5", "level must be a whole number from 1 to 5")
			} else {
				g.level = n
			}
			ds := get(r.cells, "date")
			if t, ok := parseTalentDate(ds, numeric); !ok {
				problem("date", "date.bad", ds, "tanggal tidak dapat dibaca: tulis dd-mm-yyyy atau yyyy-mm-dd", "date cannot be read: write dd-mm-yyyy or yyyy-mm-dd")
			} else if t.After(today) {
				problem("date", "date.future", ds, "tanggal di masa depan", "date lies in the future")
			} else {
				g.at = t
			}
			var note []string
			if l := get(r.cells, "lembaga"); l != "" {
				note = append(note, "Lembaga: "+l)
			}
			if c := get(r.cells, "note"); c != "" {
				note = append(note, c)
			}
			g.note = strings.Join(note, "; ")
		} else {
			ys := get(r.cells, "year")
			if y, err := strconv.Atoi(strings.TrimSuffix(ys, ".0")); err != nil || !s.validPerformanceYear(y) {
				problem("year", "year.range", ys, fmt.Sprintf("tahun harus 2000 sampai %d", today.Year()), fmt.Sprintf("year must be 2000 to %d", today.Year()))
			} else {
				g.year = y
			}
			ps := get(r.cells, "predikat")
			if c, ok := canonicalPredikat(ps); !ok {
				problem("predikat", "predikat.unknown", ps, "predikat tidak dikenal (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)",
					"unknown predikat (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)")
			} else {
				g.predikat = c
			}
			if !bad {
				key := [2]int64{g.employeeID, int64(g.year)}
				if first, dup := seenYear[key]; dup {
					problem("year", "duplicate", ys, fmt.Sprintf("NIP dan tahun ini sudah ada di baris %d", first), fmt.Sprintf("this NIP and year already appear on line %d", first))
				} else {
					seenYear[key] = r.line
				}
			}
		}
		if bad {
			rep.Bad++
			continue
		}
		rep.Good++
		good = append(good, g)
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	people := map[int64]bool{}
	for _, g := range good {
		people[g.employeeID] = true
	}
	rep.Employees = len(people)
	if !o.Apply || len(good) == 0 {
		rep.Duration = time.Since(start)
		return rep, nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if o.Kind == TalentImportPerformance {
			for _, g := range good {
				if err := upsertPerformance(ctx, tx, g.employeeID, g.year, g.predikat); err != nil {
					return err
				}
			}
		} else {
			b := newBulkInserter(ctx, tx, "rating", []string{"employee_id", "competency_id", "source", "level", "rater_id", "at", "note"}, 500)
			b.anon = s.dialect == SQLite
			for _, g := range good {
				if err := b.add(g.employeeID, g.competencyID, string(assess.SourceAssessmentCentre), g.level, nil, g.at.Unix(), g.note); err != nil {
					return fmt.Errorf("store: import assessment: %w", err)
				}
			}
			if err := b.close(); err != nil {
				return fmt.Errorf("store: import assessment: %w", err)
			}
			ids := make([]int64, 0, len(people))
			for id := range people {
				ids = append(ids, id)
			}
			sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
			for _, id := range ids {
				if err := s.recomputeLevels(ctx, tx, id); err != nil {
					return err
				}
				if err := s.recomputeJPM(ctx, tx, id); err != nil {
					return err
				}
			}
		}
		return s.audit(ctx, tx, o.Actor, "import."+o.Kind, "import", 0, map[string]any{
			"file": o.File, "sha256": rep.SHA256, "rows": rep.Rows, "written": rep.Good, "bad": rep.Bad, "employees": rep.Employees})
	})
	if err != nil {
		return nil, err
	}
	rep.Applied = true
	rep.Duration = time.Since(start)
	return rep, nil
}

// blankCells reports whether every cell is empty or white space.
func blankCells(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
