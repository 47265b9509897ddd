package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// errRecordTooLong is the error of recordLimit once a record passes the
// limit; encoding/csv returns it unchanged from Read.
var errRecordTooLong = errors.New("table: CSV record too long")

// recordLimit counts the bytes encoding/csv pulls while it reads one record
// (its own buffer is 4 KB, so the count is close) and fails past the
// limit: a line of a million commas is refused before it is split into a
// million fields.
type recordLimit struct {
	r     io.Reader
	n     int
	limit int
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.n > l.limit {
		return 0, errRecordTooLong
	}
	if len(p) > l.limit-l.n+1 {
		p = p[:l.limit-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

type csvSource struct {
	c    io.Closer
	lim  *recordLimit
	r    *csv.Reader
	last int // line of the last record read
}

// newCSV reads a CSV file exported by a spreadsheet or an agency system:
// an optional UTF-8 byte order mark is skipped, the separator (comma,
// semicolon, which Indonesian Excel writes, or tab) is detected from the
// first lines, CRLF line ends and quoted cells are read as RFC 4180 says.
func newCSV(r io.Reader, c io.Closer, l Limits) *csvSource {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	head, _ := br.Peek(1 << 15)
	lim := &recordLimit{r: br, limit: l.MaxRecordBytes}
	cr := csv.NewReader(lim)
	cr.Comma = DetectComma(head)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return &csvSource{c: c, lim: lim, r: cr}
}

// DetectComma picks the separator of the first few lines: whichever of
// ';', ',' and tab occurs most often outside quotes (comma on a tie).
func DetectComma(head []byte) rune {
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

func (s *csvSource) next() ([]string, int, error) {
	s.lim.n = 0
	rec, err := s.r.Read()
	if err == io.EOF {
		return nil, s.last, io.EOF
	}
	if errors.Is(err, errRecordTooLong) {
		line := s.last + 1
		return nil, line, at(line, 0,
			fmt.Sprintf("baris terlalu panjang (lebih dari %d bita): periksa pemisah kolom dan tanda kutip", s.lim.limit),
			fmt.Sprintf("the line is too long (over %d bytes): check the column separator and the quotes", s.lim.limit))
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		line := pe.StartLine
		if line == 0 {
			line = pe.Line
		}
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			return nil, line, &Error{Line: line, Column: pe.Column,
				ID: fmt.Sprintf("tanda kutip (\") tidak berpasangan di baris %d kolom %d: periksa isian yang mengandung tanda kutip, lalu simpan ulang sebagai CSV", pe.Line, pe.Column),
				EN: fmt.Sprintf("unbalanced quote (\") at line %d column %d: check values containing quotes, then save as CSV again", pe.Line, pe.Column)}
		}
		return nil, line, at(line, 0, fmt.Sprintf("berkas tidak dapat dibaca mulai baris ini: %v", pe.Err),
			fmt.Sprintf("the file cannot be read from this line on: %v", pe.Err))
	}
	if err != nil {
		return nil, s.last, fmt.Errorf("table: read CSV: %w", err)
	}
	s.last, _ = s.r.FieldPos(0)
	return rec, s.last, nil
}

func (s *csvSource) close() error {
	if s.c != nil {
		return s.c.Close()
	}
	return nil
}
