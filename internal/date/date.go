// Package date reads the dates that people and spreadsheets write in
// Indonesian agency files and forms: dd-mm-yyyy, dd/mm/yyyy, d-m-yyyy,
// dd.mm.yyyy, ISO yyyy-mm-dd (also with a time after it), "8 Januari
// 1966", "8 Jan 1966", "08-Agt-1966" (Indonesian and English month names
// and their abbreviations), and Excel serial dates from XLSX cells.
//
// It is its own small pure package rather than part of internal/table
// because forms (web, API) and every import read dates the same way, and a
// form handler should not pull in the spreadsheet reader (and excelize)
// just to read a date. It has no I/O and no dependency besides apperr.
package date

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/i18n"
)

// Error is a date that cannot be read or does not exist. ID and EN say why
// in Indonesian and English; it unwraps to an apperr EINVALID.
type Error struct {
	Value  string
	ID, EN string
}

func (e *Error) Error() string { return e.ID }

// Unwrap gives the apperr form, so faces map it to a 4xx.
func (e *Error) Unwrap() error {
	return &apperr.Error{Code: apperr.EINVALID, Field: "date", Key: "err.text", Args: []any{e}}
}

// Text is the reason in lang (i18n.Localized).
func (e *Error) Text(lang i18n.Lang) string {
	if lang == i18n.EN && e.EN != "" {
		return e.EN
	}
	return e.ID
}

// months maps lower-case month names and abbreviations (Indonesian, old
// spellings, English) to months.
var months = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "peb": 2, "februari": 2, "pebruari": 2, "february": 2,
	"mar": 3, "mrt": 3, "maret": 3, "march": 3,
	"apr": 4, "april": 4,
	"mei": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"agu": 8, "agt": 8, "ags": 8, "agus": 8, "agust": 8, "agustus": 8, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oktober": 10, "oct": 10, "october": 10,
	"nov": 11, "nop": 11, "nopember": 11, "november": 11,
	"des": 12, "desember": 12, "dec": 12, "december": 12,
}

// excelEpoch is day 0 of Excel's 1900 date system as it counts from
// serial 61 on (1 March 1900): Excel counts a 29 February 1900 that did
// not exist (serial 60), so serials 1–59 count from one day later.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// maxSerial is 31 December 9999, the last date Excel knows.
const maxSerial = 2958465

// FromSerial converts an Excel serial date of the 1900 system (a whole or
// fractional number of days; the fraction, a time of day, is dropped).
func FromSerial(f float64) (time.Time, error) {
	s := fmt.Sprint(f)
	if f < 1 || f >= maxSerial+1 {
		return time.Time{}, &Error{Value: s,
			ID: fmt.Sprintf("angka tanggal Excel %s di luar rentang tanggal", s),
			EN: fmt.Sprintf("Excel date number %s is out of the date range", s)}
	}
	n := int(f)
	switch {
	case n == 60:
		return time.Time{}, &Error{Value: s,
			ID: "angka tanggal Excel 60 (29-02-1900) tidak ada di kalender",
			EN: "Excel date number 60 (29-02-1900) does not exist"}
	case n < 60:
		return excelEpoch.AddDate(0, 0, n+1), nil
	}
	return excelEpoch.AddDate(0, 0, n), nil
}

// Parse reads a date written as text (see the package comment). An empty
// value is an error: callers decide whether a date is optional.
func Parse(s string) (time.Time, error) { return ParseCell(s, false) }

// ParseCell reads a date from a table cell. With serial (cells of an XLSX
// sheet read raw), a plain number is an Excel serial date; in text files a
// plain number is refused, since "24115" in a CSV is more likely a typo
// than a date.
func ParseCell(s string, serial bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	bad := func() (time.Time, error) {
		return time.Time{}, &Error{Value: s,
			ID: fmt.Sprintf("tanggal %q tidak dapat dibaca: tulis sebagai dd-mm-yyyy (08-01-1966), yyyy-mm-dd atau 8 Januari 1966", s),
			EN: fmt.Sprintf("date %q cannot be read: write it as dd-mm-yyyy (08-01-1966), yyyy-mm-dd or 8 January 1966", s)}
	}
	if s == "" {
		return time.Time{}, &Error{ID: "tanggal kosong", EN: "the date is empty"}
	}
	if serial {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return FromSerial(f)
		}
	}
	// An ISO timestamp from a system export: keep the date part.
	if len(s) > 10 && s[4] == '-' && (s[10] == 'T' || s[10] == ' ') {
		s = s[:10]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' || r == ',' })
	if len(parts) != 3 {
		return bad()
	}
	var y, m, d int
	var err1, err2, err3 error
	if len(parts[0]) == 4 { // yyyy-mm-dd
		y, err1 = strconv.Atoi(parts[0])
		m, err2 = strconv.Atoi(parts[1])
		d, err3 = strconv.Atoi(parts[2])
	} else {
		d, err1 = strconv.Atoi(parts[0])
		if mn, ok := months[strings.ToLower(parts[1])]; ok {
			m = int(mn)
		} else {
			m, err2 = strconv.Atoi(parts[1])
		}
		if len(parts[2]) != 4 {
			return bad() // two-digit years are ambiguous for birth dates
		}
		y, err3 = strconv.Atoi(parts[2])
	}
	if err1 != nil || err2 != nil || err3 != nil || y < 1000 || y > 9999 {
		return bad()
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || int(t.Month()) != m {
		return time.Time{}, &Error{Value: s,
			ID: fmt.Sprintf("tanggal %q tidak ada di kalender", s),
			EN: fmt.Sprintf("date %q does not exist", s)}
	}
	return t, nil
}

// Example is one written form of a date.
type Example struct {
	Text   string
	Serial bool // an XLSX numeric cell (Excel serial date)
}

// Examples are every form of 8 January 1966 that ParseCell accepts. The
// tests of every import that reads a date feed each of them through it, so
// that no import falls behind the parser.
var Examples = []Example{
	{"08-01-1966", false}, {"08/01/1966", false}, {"8-1-1966", false}, {"8/1/1966", false}, {"08.01.1966", false},
	{"1966-01-08", false}, {"1966-01-08T00:00:00Z", false}, {"1966-01-08 00:00:00", false},
	{"8 Januari 1966", false}, {"8 januari 1966", false}, {"8 January 1966", false}, {"8 Jan 1966", false}, {"08-Jan-1966", false},
	{"24115", true}, {"24115.5", true},
}
