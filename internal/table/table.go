// Package table reads the CSV and XLSX files of every import (employees,
// units, positions, frameworks, assessment-centre results, SKP) row by
// row, as strings, with the same rules everywhere: a UTF-8 byte order mark
// is skipped, the CSV separator (comma, semicolon or tab) is detected, an
// XLSX sheet is streamed, and header names are matched by one function
// (HeaderKey).
//
// Files come from clerks' uploads, so a reader is built to survive a
// hostile file: every open and every row is held to Limits (bytes per CSV
// record, columns per row, bytes per cell, rows, and for XLSX the
// uncompressed sizes the zip directory declares, checked before excelize
// sees the file). A file over a limit, truncated or not a spreadsheet at
// all is refused at once with an *Error, which is an apperr EINVALID whose
// message tells a clerk which row and column and why.
package table

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
)

// Formats of a table file.
const (
	CSV  = "csv"
	XLSX = "xlsx"
)

// Limits bound what one file may cost. Zero fields take the value of
// DefaultLimits.
type Limits struct {
	MaxRows        int   // rows read (blank rows count: they cost as much)
	MaxColumns     int   // cells in one row
	MaxCellBytes   int   // bytes in one cell
	MaxRecordBytes int   // CSV: bytes of one record (the line, or lines of a quoted cell)
	MaxUnzipBytes  int64 // XLSX: sum of the declared uncompressed sizes of all parts
	MaxSheetBytes  int64 // XLSX: declared uncompressed size of one worksheet or the shared strings
	MaxPartBytes   int64 // XLSX: declared uncompressed size of any other part (styles, workbook, …)
	MaxMemoryBytes int64 // XLSX: sum of the parts excelize holds in memory (the rest spill to TmpDir)
	MaxParts       int   // XLSX: entries in the zip directory
}

// DefaultLimits suit the small imports (a framework, a unit list, an
// assessment-centre result file): generous for a real file of a city or a
// province, far below what costs the server seconds or hundreds of MB.
// The employee import raises MaxRows.
var DefaultLimits = Limits{
	MaxRows:        200_000,
	MaxColumns:     500,
	MaxCellBytes:   64 << 10,
	MaxRecordBytes: 1 << 20,
	MaxUnzipBytes:  256 << 20,
	MaxSheetBytes:  256 << 20,
	MaxPartBytes:   16 << 20,
	MaxMemoryBytes: 64 << 20,
	MaxParts:       1000,
}

// xmlInMemory is the size above which excelize writes a worksheet or the
// shared strings to a temporary file instead of holding it in memory.
const xmlInMemory = 8 << 20

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	pick := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	pick64 := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	pick(&l.MaxRows, d.MaxRows)
	pick(&l.MaxColumns, d.MaxColumns)
	pick(&l.MaxCellBytes, d.MaxCellBytes)
	pick(&l.MaxRecordBytes, d.MaxRecordBytes)
	pick64(&l.MaxUnzipBytes, d.MaxUnzipBytes)
	pick64(&l.MaxSheetBytes, d.MaxSheetBytes)
	pick64(&l.MaxPartBytes, d.MaxPartBytes)
	pick64(&l.MaxMemoryBytes, d.MaxMemoryBytes)
	pick(&l.MaxParts, d.MaxParts)
	return l
}

// Options say how to open a table.
type Options struct {
	Format string // CSV, XLSX, or "" to detect from the name and the first bytes
	Sheet  string // XLSX: the sheet to read (any case); "" for the first
	Limits Limits
	TmpDir string // XLSX: where excelize spills large parts ("" for the system's)
}

// Error is a file that cannot be read: not a table, truncated, or over a
// limit at a row and column. It unwraps to an apperr EINVALID so that
// every face answers with a 4xx and the reason.
type Error struct {
	Line   int // 1-based row or CSV line; 0 for the whole file
	Column int // 1-based column; 0 when not one column
	ID, EN string
}

func (e *Error) Error() string { return e.ID }

// Unwrap gives the apperr form of the error.
func (e *Error) Unwrap() error {
	return &apperr.Error{Code: apperr.EINVALID, Field: "file", Key: "err.text", Args: []any{e}}
}

// Text is the reason in lang (i18n.Localized).
func (e *Error) Text(lang i18n.Lang) string {
	if lang == i18n.EN && e.EN != "" {
		return e.EN
	}
	return e.ID
}

// at builds an Error at a row and column, naming them in the message.
func at(line, col int, id, en string) *Error {
	switch {
	case line > 0 && col > 0:
		id = fmt.Sprintf("baris %d kolom %s: %s", line, ColumnName(col), id)
		en = fmt.Sprintf("row %d column %s: %s", line, ColumnName(col), en)
	case line > 0:
		id = fmt.Sprintf("baris %d: %s", line, id)
		en = fmt.Sprintf("row %d: %s", line, en)
	}
	return &Error{Line: line, Column: col, ID: id, EN: en}
}

// ColumnName gives a 1-based column number as a spreadsheet names it
// (1 → A, 27 → AA).
func ColumnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// source is the reader of one format.
type source interface {
	next() ([]string, int, error)
	close() error
}

// Table is an open CSV file or XLSX sheet, read row by row with Next.
type Table struct {
	format string
	lim    Limits
	src    source
	x      *workbook // XLSX only
	rows   int
}

// DetectFormat returns CSV or XLSX from the given format, the file name's
// extension and the first bytes (an XLSX file is a ZIP archive).
func DetectFormat(name, format string, head []byte) (string, error) {
	switch f := strings.ToLower(strings.TrimPrefix(format, ".")); f {
	case CSV, XLSX:
		return f, nil
	case "":
	default:
		return "", &Error{ID: fmt.Sprintf("format %q tidak didukung (gunakan csv atau xlsx)", format),
			EN: fmt.Sprintf("format %q is not supported (use csv or xlsx)", format)}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".txt":
		return CSV, nil
	case ".xlsx", ".xlsm":
		return XLSX, nil
	}
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return XLSX, nil
	}
	return CSV, nil
}

// Open opens the file at path.
func Open(path string, o Options) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("table: %w", err)
	}
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	format, err := DetectFormat(path, o.Format, head[:n])
	if err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, fmt.Errorf("table: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("table: %w", err)
	}
	return open(f, f, fi.Size(), format, o)
}

// OpenBytes opens a file held in memory; name (may be "") helps detect
// the format.
func OpenBytes(data []byte, name string, o Options) (*Table, error) {
	format, err := DetectFormat(name, o.Format, data)
	if err != nil {
		return nil, err
	}
	r := bytes.NewReader(data)
	return open(r, nil, int64(len(data)), format, o)
}

func open(r io.ReaderAt, c io.Closer, size int64, format string, o Options) (*Table, error) {
	t := &Table{format: format, lim: o.Limits.withDefaults()}
	if format == CSV {
		t.src = newCSV(io.NewSectionReader(r, 0, size), c, t.lim)
		return t, nil
	}
	x, err := openWorkbook(r, c, size, t.lim, o.TmpDir)
	if err != nil {
		return nil, err
	}
	t.x = x
	if err := t.SelectSheet(o.Sheet); err != nil {
		x.close()
		return nil, err
	}
	return t, nil
}

// Format returns CSV or XLSX.
func (t *Table) Format() string { return t.format }

// Numeric reports whether cells come raw from a spreadsheet (XLSX):
// numbers as stored and dates as Excel serials.
func (t *Table) Numeric() bool { return t.format == XLSX }

// Sheets lists the sheets of an XLSX workbook (nil for CSV).
func (t *Table) Sheets() []string {
	if t.x == nil {
		return nil
	}
	return t.x.f.GetSheetList()
}

// SelectSheet starts reading the named sheet (any case; "" for the first)
// from its first row. CSV has one unnamed sheet.
func (t *Table) SelectSheet(name string) error {
	if t.x == nil {
		if name != "" {
			return &Error{ID: "berkas CSV tidak mempunyai lembar kerja bernama", EN: "a CSV file has no named sheets"}
		}
		return nil
	}
	s, err := t.x.sheet(name)
	if err != nil {
		return err
	}
	if t.src != nil {
		t.src.close()
	}
	t.src, t.rows = s, 0
	return nil
}

// Next returns the cells of the next row and its line (CSV: the line the
// record starts on; XLSX: the row number). It returns io.EOF after the last
// row and an *Error for a row that cannot be read or breaks a limit; the
// rows after such an error cannot be trusted. Blank rows are returned too
// (see Blank). The slice is reused by the next call.
func (t *Table) Next() ([]string, int, error) {
	cells, line, err := t.src.next()
	if err != nil {
		return nil, line, err
	}
	t.rows++
	if t.rows > t.lim.MaxRows {
		return nil, line, at(line, 0,
			fmt.Sprintf("berkas lebih dari %d baris: bagi menjadi beberapa berkas", t.lim.MaxRows),
			fmt.Sprintf("the file has more than %d rows: split it into several files", t.lim.MaxRows))
	}
	if len(cells) > t.lim.MaxColumns {
		return nil, line, at(line, 0,
			fmt.Sprintf("baris ini berisi %d kolom, paling banyak %d", len(cells), t.lim.MaxColumns),
			fmt.Sprintf("this row has %d columns, at most %d are allowed", len(cells), t.lim.MaxColumns))
	}
	for i, c := range cells {
		if len(c) > t.lim.MaxCellBytes {
			return nil, line, at(line, i+1,
				fmt.Sprintf("isian terlalu panjang (%d bita, paling banyak %d)", len(c), t.lim.MaxCellBytes),
				fmt.Sprintf("the cell is too long (%d bytes, at most %d)", len(c), t.lim.MaxCellBytes))
		}
	}
	return cells, line, nil
}

// Close releases the file and any temporary files.
func (t *Table) Close() error {
	var err error
	if t.src != nil {
		err = t.src.close()
	}
	if t.x != nil {
		if e := t.x.close(); err == nil {
			err = e
		}
	}
	return err
}

// Blank reports whether every cell is empty or white space.
func Blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
