package date

import (
	"errors"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

func TestParseForms(t *testing.T) {
	want := time.Date(1966, 1, 8, 0, 0, 0, 0, time.UTC)
	for _, f := range Examples {
		got, err := ParseCell(f.Text, f.Serial)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseCell(%q, %v) = %v, %v; want %v", f.Text, f.Serial, got, err, want)
		}
	}
}

func TestParseMonths(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"17 Agustus 1945", "1945-08-17"}, {"17 Agt 1945", "1945-08-17"}, {"17 Agu 1945", "1945-08-17"}, {"17 Ags 1945", "1945-08-17"},
		{"17 Aug 1945", "1945-08-17"}, {"1 Mei 2020", "2020-05-01"}, {"1 May 2020", "2020-05-01"}, {"5 Okt 2001", "2001-10-05"},
		{"5 Oct 2001", "2001-10-05"}, {"24 Des 1999", "1999-12-24"}, {"24 Dec 1999", "1999-12-24"}, {"3 Pebruari 1980", "1980-02-03"},
		{"3 Nopember 1980", "1980-11-03"}, {"29 Februari 2024", "2024-02-29"}, {"31-12-9999", "9999-12-31"},
		{"  2 MARET 1990 ", "1990-03-02"},
	}
	for _, c := range cases {
		got, err := Parse(c.in)
		if err != nil || got.Format(time.DateOnly) != c.want {
			t.Errorf("Parse(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
}

func TestSerials(t *testing.T) {
	cases := []struct {
		serial float64
		want   string
	}{{1, "1900-01-01"}, {59, "1900-02-28"}, {61, "1900-03-01"}, {45658, "2025-01-01"}, {2958465, "9999-12-31"}}
	for _, c := range cases {
		got, err := FromSerial(c.serial)
		if err != nil || got.Format(time.DateOnly) != c.want {
			t.Errorf("FromSerial(%v) = %v, %v; want %s", c.serial, got, err, c.want)
		}
	}
}

func TestRefusals(t *testing.T) {
	cases := []struct {
		in     string
		serial bool
	}{
		{"", false}, {"31-02-2026", false}, {"29 Februari 2023", false}, {"08-01-66", false}, {"24115", false},
		{"0", true}, {"60", true}, {"-3", true}, {"9999999", true}, {"8 Foo 1966", false}, {"13-13-2020", false},
		{"kemarin", false}, {"2020-1", false}, {"00-01-2020", false},
	}
	for _, c := range cases {
		_, err := ParseCell(c.in, c.serial)
		var de *Error
		if !errors.As(err, &de) || de.ID == "" || de.EN == "" {
			t.Errorf("ParseCell(%q, %v): %v, want a date error with messages", c.in, c.serial, err)
			continue
		}
		if apperr.Code(err) != apperr.EINVALID {
			t.Errorf("ParseCell(%q): code %q, want EINVALID", c.in, apperr.Code(err))
		}
	}
}
