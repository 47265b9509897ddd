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
		title   string
		birth   string
		want    string
	}{
		{Pelaksana, "", "Pengadministrasi Perkantoran", "1968-05-17", "2026-06-01"},         // 58
		{Fungsional, "ahli_muda", "Analis Kebijakan Ahli Muda", "1968-05-17", "2026-06-01"}, // 58
		{Fungsional, "ahli_madya", "Dokter Ahli Madya", "1968-05-17", "2028-06-01"},         // 60
		{Fungsional, "ahli_utama", "Peneliti Ahli Utama", "1968-05-17", "2033-06-01"},       // 65
		{JPTPratama, "", "Kepala Dinas", "1966-12-31", "2027-01-01"},                        // 60, next month crosses the year
		{Administrator, "", "Sekretaris", "1970-01-01", "2028-02-01"},                       // 58
		{Fungsional, "ahli_pertama", "Guru Ahli Pertama", "1968-05-17", "2028-06-01"},       // teachers 60 at every jenjang
		{Fungsional, "ahli_utama", "guru ahli utama", "1968-05-17", "2028-06-01"},           // not 65
		{Fungsional, "terampil", "Pengasuh Terampil", "1968-05-17", "2026-06-01"},           // 58
		{"", "", "", "1968-05-17", "2026-06-01"},                                            // no position: the Pelaksana age
	}
	ages := DefaultRetirementAges()
	for _, c := range cases {
		got := RetirementDate(d(c.birth), ages.Age(c.t, c.jenjang, c.title)).Format("2006-01-02")
		if got != c.want {
			t.Errorf("%s %s born %s retires %s, want %s", c.t, c.jenjang, c.birth, got, c.want)
		}
	}
	ages.Teacher, ages.Types[Pelaksana] = 62, 56
	if a := ages.Age(Fungsional, "ahli_muda", "Guru Ahli Muda"); a != 62 {
		t.Errorf("an edited teacher age gives %d, want 62", a)
	}
	if a := ages.Age(Pelaksana, "", "Pengemudi"); a != 56 {
		t.Errorf("an edited Pelaksana age gives %d, want 56", a)
	}
	if err := ages.Validate(); err != nil {
		t.Errorf("edited ages refused: %v", err)
	}
	ages.Jenjangs["mahir"] = 6
	if err := ages.Validate(); err == nil {
		t.Error("an age of 6 was accepted")
	}
	delete(ages.Jenjangs, "mahir")
	if err := ages.Validate(); err == nil {
		t.Error("a missing jenjang age was accepted")
	}
	if !RetirementDate(time.Time{}, 58).IsZero() {
		t.Error("no birth date, no retirement date")
	}
}
