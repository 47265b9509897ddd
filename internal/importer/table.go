package importer

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// table is a file read row by row: CSV or the sheet of an XLSX workbook.
type table interface {
	// next returns the cells of the next row and its line (CSV: the line
	// the record starts on; XLSX: the row number), io.EOF at the end, or a
	// *readError for a row that cannot be read.
	next() (cells []string, line int, err error)
	// numeric reports whether cells come from a spreadsheet that stores
	// numbers and dates as raw values (XLSX): dates then arrive as serials.
	numeric() bool
	close() error
}

// readError is a row the reader cannot read (a malformed quote); it stops
// the import because what follows cannot be trusted.
type readError struct {
	line      int
	id, en    string
	wrappedEx error
}

func (e *readError) Error() string { return fmt.Sprintf("baris %d: %s", e.line, e.id) }

// detectFormat returns "csv" or "xlsx" from the option, the extension or
// the first bytes (an XLSX file is a ZIP archive: "PK\x03\x04").
func detectFormat(path, format string) (string, error) {
	switch f := strings.ToLower(strings.TrimPrefix(format, ".")); f {
	case "csv", "xlsx":
		return f, nil
	case "":
	default:
		return "", fmt.Errorf("importer: format %q tidak didukung (gunakan csv atau xlsx)", format)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		return "csv", nil
	case ".xlsx", ".xlsm":
		return "xlsx", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 4)
	n, _ := io.ReadFull(f, head)
	if bytes.Equal(head[:n], []byte("PK\x03\x04")) {
		return "xlsx", nil
	}
	return "csv", nil
}

// fileSHA256 returns the hex SHA-256 of a file's bytes.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// openTable opens path as a table of the given format ("csv" or "xlsx").
func openTable(path, format, sheet string) (table, error) {
	if format == "xlsx" {
		return openXLSX(path, sheet)
	}
	return openCSV(path)
}

type csvTable struct {
	f *os.File
	r *csv.Reader
}

// openCSV opens a CSV file exported by a spreadsheet or an agency system:
// an optional UTF-8 byte order mark is skipped, the separator (comma or
// semicolon, which Indonesian Excel writes) is detected from the first
// lines, CRLF line ends and quoted fields are read as RFC 4180 says.
func openCSV(path string) (table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	head, _ := br.Peek(1 << 15)
	r := csv.NewReader(br)
	r.Comma = detectComma(head)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &csvTable{f: f, r: r}, nil
}

// detectComma picks the separator of the first few lines: whichever of
// ';', ',' and tab occurs most often outside quotes.
func detectComma(head []byte) rune {
	counts := map[byte]int{}
	quoted := false
	lines := 0
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			lines++
		case c == ';' || c == ',' || c == '\t':
			counts[c]++
		}
		if lines >= 10 {
			break
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

func (t *csvTable) next() ([]string, int, error) {
	rec, err := t.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			line := pe.StartLine
			if line == 0 {
				line = pe.Line
			}
			id := fmt.Sprintf("berkas tidak dapat dibaca mulai baris ini: %v", pe.Err)
			en := fmt.Sprintf("the file cannot be read from this line on: %v", pe.Err)
			if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				id = fmt.Sprintf("tanda kutip (\") tidak berpasangan di baris %d kolom %d: periksa isian yang mengandung tanda kutip, lalu simpan ulang sebagai CSV", pe.Line, pe.Column)
				en = fmt.Sprintf("unbalanced quote (\") at line %d column %d: check values containing quotes, then save as CSV again", pe.Line, pe.Column)
			}
			return nil, line, &readError{line: line, id: id, en: en, wrappedEx: err}
		}
		return nil, 0, err
	}
	line, _ := t.r.FieldPos(0)
	return rec, line, nil
}

func (t *csvTable) numeric() bool { return false }
func (t *csvTable) close() error  { return t.f.Close() }

type xlsxTable struct {
	f    *excelize.File
	rows *excelize.Rows
	line int
}

// openXLSX opens the named sheet (or the first one) of a workbook for
// streaming. Cells are read as raw values: numbers as written (an 18-digit
// NIP stored as a number arrives as 1.96608011988031E+17 or with its last
// digits rounded, and is refused by the NIP check) and dates as serials.
func openXLSX(path, sheet string) (table, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("importer: berkas XLSX tidak dapat dibuka: %w", err)
	}
	if sheet == "" {
		list := f.GetSheetList()
		if len(list) == 0 {
			f.Close()
			return nil, fmt.Errorf("importer: berkas XLSX tidak berisi lembar kerja")
		}
		sheet = list[0]
	} else if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
		f.Close()
		return nil, fmt.Errorf("importer: lembar kerja %q tidak ada (ada: %s)", sheet, strings.Join(f.GetSheetList(), ", "))
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("importer: lembar kerja %q tidak dapat dibaca: %w", sheet, err)
	}
	return &xlsxTable{f: f, rows: rows}, nil
}

func (t *xlsxTable) next() ([]string, int, error) {
	for t.rows.Next() {
		t.line++
		cells, err := t.rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, t.line, err
		}
		if len(cells) == 0 {
			continue
		}
		return cells, t.line, nil
	}
	if err := t.rows.Error(); err != nil {
		return nil, t.line, err
	}
	return nil, t.line, io.EOF
}

func (t *xlsxTable) numeric() bool { return true }

func (t *xlsxTable) close() error {
	t.rows.Close()
	return t.f.Close()
}

// blank reports whether every cell is empty or white space.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
