package model

import (
	"testing"
	"time"
)

func TestNormalizeGolongan(t *testing.T) {
	cases := []struct {
		kind EmployeeKind
		in   string
		want string
		ok   bool
	}{
		{PNS, "III/a", "III/a", true},
		{PNS, "iii/A", "III/a", true},
		{PNS, "III a", "III/a", true},
		{PNS, "IIIa", "III/a", true},
		{PNS, "3a", "III/a", true},
		{PNS, "IV-e", "IV/e", true},
		{PNS, "IV/f", "", false},
		{PNS, "II/e", "", false}, // golongan II stops at d
		{PNS, "V/a", "", false},
		{PNS, "", "", false},
		{PPPK, "IX", "IX", true},
		{PPPK, "9", "IX", true},
		{PPPK, "17", "XVII", true},
		{PPPK, "XVIII", "", false},
		{PPPK, "III/a", "", false},
	}
	for _, c := range cases {
		got, ok := NormalizeGolongan(c.kind, c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizeGolongan(%s, %q) = %q, %v; want %q, %v", c.kind, c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestRetirement(t *testing.T) {
	d := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	cases := []struct {
		t       PositionType
		jenjang string
		birth   string
		want    string
	}{
		{Pelaksana, "", "1968-05-17", "2026-06-01"},            // 58
		{Fungsional, "ahli_muda", "1968-05-17", "2026-06-01"},  // 58
		{Fungsional, "ahli_madya", "1968-05-17", "2028-06-01"}, // 60
		{Fungsional, "ahli_utama", "1968-05-17", "2033-06-01"}, // 65
		{JPTPratama, "", "1966-12-31", "2027-01-01"},           // 60, next month crosses the year
		{Administrator, "", "1970-01-01", "2028-02-01"},        // 58
	}
	for _, c := range cases {
		got := RetirementDate(d(c.birth), RetirementAge(c.t, c.jenjang)).Format("2006-01-02")
		if got != c.want {
			t.Errorf("%s %s born %s retires %s, want %s", c.t, c.jenjang, c.birth, got, c.want)
		}
	}
	if !RetirementDate(time.Time{}, 58).IsZero() {
		t.Error("no birth date, no retirement date")
	}
}
