// Package importer reads registry files as agencies export them (CSV with
// comma or semicolon, with or without BOM; XLSX) and imports employees, org
// units and positions: a dry run by default that reports every bad row with
// its line, column and a reason a clerk understands, and with Apply one
// transaction that upserts the good rows. It also exports the same columns,
// so that an export re-imports without changes.
package importer

import (
	"sort"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// Options control an import.
type Options struct {
	// Format is "csv", "xlsx", or "" to decide by extension, then content.
	Format string
	// Sheet names the XLSX sheet to read; "" reads the first.
	Sheet string
	// HeaderMap maps a file header Kompeten does not know to a field name
	// (e.g. "KOLOM SAYA" → "nip") or to a known header ("TGL LAHIR"); an
	// empty target ignores the column.
	HeaderMap map[string]string
	// Scope limits the rows the importing user may write: a row whose unit
	// lies outside it is refused.
	Scope model.Scope
	// Actor is who imports, for the audit log.
	Actor model.Actor
	// Apply writes the good rows; without it the import is a dry run.
	Apply bool
}

// Problem is one error or warning about a row (Line ≥ 2) or about the
// whole file (Line 0 or the header line, Field "file" or "header").
type Problem struct {
	Line     int    // line in the file (XLSX: row number)
	Column   string // the file's header text of the column at fault
	Value    string // the cell as written
	Field    string // the field name ("nip", "birth_date", ...)
	Code     string // the rule, e.g. "nip.length", "duplicate", "unit.unknown"
	i18n.Msg        // the message: catalogue key and arguments, and its text in Indonesian (for the clerk) and English
	Warning  bool   // a warning does not block the row
}

// problem returns p with the message key and its arguments, rendered in
// both languages.
func problem(p Problem, key string, args ...any) Problem {
	p.Key, p.Args = key, args
	p.Message, p.MessageEN = both(key, args...)
	return p
}

// both renders the message key in Indonesian and in English, for the code
// that passes a message on as the two texts.
func both(key string, args ...any) (id, en string) {
	return i18n.T(i18n.ID, key, args...), i18n.T(i18n.EN, key, args...)
}

// bilingual is a message already written in both languages, as an argument
// that translates itself.
type bilingual struct{ id, en string }

func (b bilingual) Text(lang i18n.Lang) string {
	if lang == i18n.EN && b.en != "" {
		return b.en
	}
	return b.id
}

// Counts summarises an import.
type Counts struct {
	Rows      int // data rows read (blank rows are not counted)
	Good      int // rows without errors (they may carry warnings)
	Bad       int // rows with at least one error: never written
	Warned    int // rows with at least one warning
	Create    int // good rows that are new records
	Update    int // good rows that change an existing record
	Unchanged int // good rows equal to the stored record
}

// NewPosition is a position the file names by title that does not exist
// yet; apply creates it.
type NewPosition struct {
	Title    string
	Code     string // "" gets a generated code
	Type     model.PositionType
	Jenjang  string
	UnitID   int64
	UnitCode string
	UnitName string
	IsHead   bool
	Guessed  bool // type inferred from the title (no JENIS JABATAN)
	Line     int  // first line naming it
}

// Missing is an employee of a unit present in the file whom the file does
// not list.
type Missing struct {
	NIP  string
	Name string
}

// MaxProblems caps the problems a report lists; the counts stay exact.
const MaxProblems = 10000

// MaxMissing caps the missing employees a report lists.
const MaxMissing = 100

// Report is the outcome of an import or a dry run.
type Report struct {
	Kind             string // "employees", "units" or "positions"
	File             string // base name of the file
	Format           string // "csv" or "xlsx"
	SHA256           string // of the file's bytes
	Columns          map[string]string
	Counts           Counts
	Problems         []Problem
	ProblemsOmitted  int // problems beyond MaxProblems
	NewPositions     []NewPosition
	Missing          []Missing // first MaxMissing, by NIP
	MissingCount     int
	Applied          bool
	Bulk             bool // the bulk path was taken
	Duration         time.Duration
	PositionsCreated int
	// FileError is set when the file as a whole cannot be imported (missing
	// required column, unreadable row): nothing is applied.
	FileError bool
}

func (r *Report) add(p Problem) {
	if len(r.Problems) >= MaxProblems {
		r.ProblemsOmitted++
		return
	}
	r.Problems = append(r.Problems, p)
}

func (r *Report) fileError(line int, field, id, en string) {
	r.FileError = true
	r.add(Problem{Line: line, Field: field, Code: "file", Msg: i18n.Msg{Message: id, MessageEN: en}})
}

// fileProblem is fileError with a message key.
func (r *Report) fileProblem(line int, field, key string, args ...any) {
	r.FileError = true
	r.add(problem(Problem{Line: line, Field: field, Code: "file"}, key, args...))
}

func (r *Report) sortProblems() {
	sort.SliceStable(r.Problems, func(i, j int) bool { return r.Problems[i].Line < r.Problems[j].Line })
}

// HasErrors reports whether any problem is an error (not a warning).
func (r *Report) HasErrors() bool {
	return r.Counts.Bad > 0 || r.FileError
}
