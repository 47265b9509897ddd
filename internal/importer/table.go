package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/kompeten/kompeten/internal/table"
)

// tableLimits are the reader's limits for the registry imports: the
// defaults, with room for a million-employee CSV (an XLSX sheet stops at
// 1,048,576 rows anyway).
var tableLimits = table.Limits{MaxRows: 2_000_000}

// rowReader is a file read row by row: CSV or the sheet of an XLSX
// workbook, through internal/table.
type rowReader interface {
	// next returns the cells of the next non-empty row and its line (CSV:
	// the line the record starts on; XLSX: the row number), io.EOF at the
	// end, or a *readError for a row that cannot be read.
	next() (cells []string, line int, err error)
	// numeric reports whether cells come from a spreadsheet that stores
	// numbers and dates as raw values (XLSX): dates then arrive as serials.
	numeric() bool
	close() error
}

// readError is a row the reader cannot read (a malformed quote, a row over
// a limit); it stops the import because what follows cannot be trusted.
type readError struct {
	line      int
	id, en    string
	wrappedEx error
}

func (e *readError) Error() string { return fmt.Sprintf("baris %d: %s", e.line, e.id) }

// detectFormat returns "csv" or "xlsx" from the option, the extension or
// the first bytes (an XLSX file is a ZIP archive: "PK\x03\x04").
func detectFormat(path, format string) (string, error) {
	head := make([]byte, 4)
	if f, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		f.Close()
	}
	return table.DetectFormat(path, format, head)
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
// A file that cannot be opened as one (not a spreadsheet, truncated, over
// a limit) is a *table.Error, an apperr EINVALID with a clerk's reason.
func openTable(path, format, sheet string) (rowReader, error) {
	t, err := table.Open(path, table.Options{Format: format, Sheet: sheet, Limits: tableLimits})
	if err != nil {
		return nil, err
	}
	return tableReader{t}, nil
}

// tableReader skips empty rows and turns the reader's errors into
// readErrors for the report.
type tableReader struct{ t *table.Table }

func (r tableReader) next() ([]string, int, error) {
	for {
		cells, line, err := r.t.Next()
		var te *table.Error
		switch {
		case errors.As(err, &te):
			return nil, line, &readError{line: line, id: te.ID, en: te.EN, wrappedEx: err}
		case err != nil:
			return nil, line, err
		case len(cells) == 0:
			continue
		}
		return cells, line, nil
	}
}

func (r tableReader) numeric() bool { return r.t.Numeric() }
func (r tableReader) close() error  { return r.t.Close() }

// blank reports whether every cell is empty or white space.
func blank(cells []string) bool { return table.Blank(cells) }
