package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/table"
)

// Kinds of talent imports (and TalentEducation, education.go).
const (
	TalentAssessment  = "assessment"  // assessment-centre results: NIP, KODE KOMPETENSI, LEVEL, TANGGAL
	TalentPerformance = "performance" // SKP predikat per year: NIP, TAHUN, PREDIKAT
)

// nipField is the NIP column of the assessment-centre and SKP files.
var nipField = field{Key: "nip", Header: "NIP", Aliases: []string{"NIP BARU", "NIP PEGAWAI", "NIP/NI PPPK"}}

// TalentOptions control an assessment-centre or SKP import.
type TalentOptions struct {
	Kind  string      // TalentAssessment or TalentPerformance
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
	Code      string // "nip.unknown", "competency.unknown", "level.range", "date.bad", "scope", "file", ...
	Message   string // Indonesian
	MessageEN string // English
}

// TalentReport is the outcome of a talent import or its dry run.
type TalentReport struct {
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

func (r *TalentReport) add(p TalentProblem) {
	if len(r.Problems) >= MaxTalentProblems {
		r.Omitted++
		return
	}
	r.Problems = append(r.Problems, p)
}

// talentRow is one data row of a file: its line and the cells of the known
// columns, by field key.
type talentRow struct {
	line  int
	cells map[string]string
}

// talentFile is a talent file read through the table reader.
type talentFile struct {
	numeric bool
	col     map[string]int    // field key → column
	colName map[string]string // field key → header text in the file
	rows    []talentRow
}

// get returns the trimmed cell of field k in r.
func (r talentRow) get(k string) string { return r.cells[k] }

// readTalentFile reads the header (the first row that is not blank) and
// the data rows of a CSV or XLSX talent file, keeping only the known
// columns. A file that cannot be read, or lacks a required column, is a
// file problem in rep and a nil result.
func readTalentFile(data []byte, fields []field, required [][]string, rep *TalentReport) *talentFile {
	fileErr := func(line int, id, en string) *talentFile {
		rep.FileError = true
		rep.add(TalentProblem{Line: line, Code: "file", Message: id, MessageEN: en})
		return nil
	}
	// The format comes from the bytes, not the name: a workbook saved
	// under .csv is still read as one.
	t, err := table.OpenBytes(data, "", table.Options{})
	if err != nil {
		var te *table.Error
		if errors.As(err, &te) {
			return fileErr(te.Line, te.ID, te.EN)
		}
		return fileErr(0, "berkas tidak dapat dibaca", "the file cannot be read")
	}
	defer t.Close()
	rep.Format = t.Format()
	f := &talentFile{numeric: t.Numeric()}
	for {
		cells, line, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var te *table.Error
		if errors.As(err, &te) {
			return fileErr(te.Line, te.ID, te.EN)
		}
		if err != nil {
			return fileErr(line, "berkas tidak dapat dibaca", "the file cannot be read")
		}
		if table.Blank(cells) {
			continue
		}
		if f.col == nil {
			f.col, f.colName = table.Columns(fields, cells), map[string]string{}
			for k, i := range f.col {
				f.colName[k] = strings.TrimSpace(cells[i])
			}
			if missing := missingColumns(fields, f.col, required); missing != "" {
				return fileErr(line, "kolom wajib tidak ada: "+strings.ReplaceAll(missing, "|", " atau "),
					"required column missing: "+strings.ReplaceAll(missing, "|", " or "))
			}
			continue
		}
		r := talentRow{line: line, cells: make(map[string]string, len(f.col))}
		for k, i := range f.col {
			if i < len(cells) {
				r.cells[k] = strings.TrimSpace(cells[i])
			}
		}
		f.rows = append(f.rows, r)
	}
	if f.col == nil {
		return fileErr(0, "berkas kosong", "the file is empty")
	}
	return f
}

// missingColumns names the first required column (with its alternatives,
// separated by "|") that the header lacks, or "".
func missingColumns(fields []field, col map[string]int, required [][]string) string {
	for _, alts := range required {
		var names []string
		found := false
		for _, k := range alts {
			_, ok := col[k]
			found = found || ok
			for _, f := range fields {
				if f.Key == k {
					names = append(names, f.Header)
				}
			}
		}
		if !found {
			return strings.Join(names, "|")
		}
	}
	return ""
}

// talentNIP cleans a NIP cell: spaces, dots, dashes and the apostrophe of
// a text cell removed.
func talentNIP(s string) string {
	return strings.Map(func(c rune) rune {
		if c == ' ' || c == '.' || c == '-' || c == '\u00a0' || c == '\'' {
			return -1
		}
		return c
	}, s)
}

// Talent imports assessment-centre results (o.Kind TalentAssessment, see
// checkAssessment) or SKP predikat (TalentPerformance, see
// checkPerformance) from a CSV or XLSX file whose bytes are data. Every
// row is checked and every bad row reported with its line, column and
// reason, including a NIP unknown or outside o.Admin. Without o.Apply
// nothing is written; with it the good rows are written in one
// transaction, audited as one event with the file's SHA-256 and the file
// itself, and one audit row per record changed (store.ApplyPerformanceResults,
// ApplyAssessmentResults). A file over store.MaxImportFileSize is refused.
func Talent(ctx context.Context, st *store.Store, o TalentOptions, data []byte) (*TalentReport, error) {
	start := time.Now()
	sum := sha256.Sum256(data)
	rep := &TalentReport{Kind: o.Kind, File: o.File, SHA256: hex.EncodeToString(sum[:])}
	var fields []field
	var required [][]string
	switch o.Kind {
	case TalentAssessment:
		fields, required = assessmentFields, [][]string{{"nip"}, {"code", "name"}, {"level"}, {"date"}}
	case TalentPerformance:
		fields, required = performanceFields, [][]string{{"nip"}, {"year"}, {"predikat"}}
	case TalentEducation:
		fields, required = educationFields, educationRequired
	case TalentAgreement:
		fields, required = agreementFields, agreementRequired
	default:
		return nil, apperr.Invalid("kind", "err.import.talent_kind_unknown", o.Kind)
	}
	if len(data) > store.MaxImportFileSize { // the applied file is kept: bounded
		rep.FileError = true
		rep.add(TalentProblem{Code: "file", Message: fmt.Sprintf("berkas lebih dari %d MB", store.MaxImportFileSize>>20),
			MessageEN: fmt.Sprintf("the file is larger than %d MB", store.MaxImportFileSize>>20)})
		rep.Duration = time.Since(start)
		return rep, nil
	}
	f := readTalentFile(data, fields, required, rep)
	if f == nil {
		rep.Duration = time.Since(start)
		return rep, nil
	}
	nips := make([]string, len(f.rows))
	for i, r := range f.rows {
		nips[i] = talentNIP(r.get("nip"))
	}
	emps, err := st.EmployeeRefsByNIP(ctx, nips)
	if err != nil {
		return nil, err
	}
	// employee checks the NIP of row i; reject reports on the row.
	employee := func(i int, reject func(k, code, value, id, en string)) int64 {
		n := nips[i]
		e, ok := emps[n]
		switch {
		case n == "":
			reject("nip", "nip.missing", "", "NIP kosong", "NIP is empty")
		case !ok:
			reject("nip", "nip.unknown", n, "NIP tidak terdaftar", "unknown NIP")
		case !o.Admin.Contains(e.UnitPath):
			reject("nip", "scope", n, "pegawai di luar unit yang Anda kelola", "employee outside the units you administer")
		case o.Self != 0 && e.ID == o.Self:
			reject("nip", "self", n, "data tentang diri sendiri dicatat oleh admin lain", "data about yourself is recorded by another administrator")
		default:
			return e.ID
		}
		return 0
	}
	ev := store.TalentImportEvent{Kind: o.Kind, File: o.File, SHA256: rep.SHA256, Data: data}
	var apply func() error
	switch o.Kind {
	case TalentAssessment:
		good, err := checkAssessment(ctx, st, f, rep, employee)
		if err != nil {
			return nil, err
		}
		apply = func() error { return st.ApplyAssessmentResults(ctx, o.Actor, ev, good) }
	case TalentEducation:
		good := checkEducation(st.Now(), f, rep, employee)
		apply = func() error { return st.ApplyEducation(ctx, o.Actor, ev, good) }
	case TalentAgreement:
		good, err := checkAgreements(ctx, st, f, rep, employee)
		if err != nil {
			return nil, err
		}
		apply = func() error { return st.ApplyAgreements(ctx, o.Actor, ev, good) }
	default:
		good := checkPerformance(st.Now(), f, rep, employee)
		apply = func() error { return st.ApplyPerformanceResults(ctx, o.Actor, ev, good) }
	}
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Line < rep.Problems[j].Line })
	if o.Apply && rep.Good > 0 {
		ev.Rows, ev.Bad, ev.Employees = rep.Rows, rep.Bad, rep.Employees
		if err := apply(); err != nil {
			return nil, err
		}
		rep.Applied = true
	}
	rep.Duration = time.Since(start)
	return rep, nil
}

// rowProblems returns the problem reporter of row r and a flag it sets.
func rowProblems(rep *TalentReport, f *talentFile, r talentRow) (func(k, code, value, id, en string), *bool) {
	bad := new(bool)
	return func(k, code, value, id, en string) {
		*bad = true
		rep.add(TalentProblem{Line: r.line, Column: f.colName[k], Value: value, Code: code, Message: id, MessageEN: en})
	}, bad
}
