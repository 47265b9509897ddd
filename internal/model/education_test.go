package model

import (
	"errors"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

func TestParseEducationLevel(t *testing.T) {
	for in, want := range map[string]EducationLevel{
		// SIASN's tkPendidikanId codes, with and without the leading zero,
		// and as a spreadsheet number.
		"05": EduSD, "5": EduSD, "10": EduSMP, "12": EduSMP, "15": EduSMA, "17": EduSMA, "18": EduSMA,
		"20": EduD1, "25": EduD2, "30": EduD3, "35": EduD4, "40": EduS1, "45": EduS2, "50": EduS3, "40.0": EduS1,
		// SIASN's tkPendidikanNama and how clerks write levels.
		"Diploma III/Sarjana Muda": EduD3, "Diploma IV": EduD4, "Diploma I": EduD1, "Diploma II": EduD2,
		"S-1/Sarjana": EduS1, "S1": EduS1, "s-2": EduS2, "S3/Doktor": EduS3, "Strata I": EduS1, "Strata-2": EduS2,
		"D-III KOMPUTER": EduD3, "DIII": EduD3, "D4": EduD4, "D-IV": EduD4, "Magister": EduS2, "Doktor": EduS3,
		"SLTA": EduSMA, "SMK": EduSMA, "SLTA Kejuruan": EduSMA, "SLTP": EduSMP, "SD": EduSD, "Sarjana Muda": EduD3,
		"s1": EduS1, "d3": EduD3, "Profesi Ners": EduS1, "Spesialis": EduS2,
	} {
		got, ok := ParseEducationLevel(in)
		if !ok || got != want {
			t.Errorf("ParseEducationLevel(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "  ", "99", "X", "Kursus"} {
		if got, ok := ParseEducationLevel(in); ok {
			t.Errorf("ParseEducationLevel(%q) = %q, want refused", in, got)
		}
	}
}

func TestEducationRules(t *testing.T) {
	now := time.Date(2026, 5, 7, 0, 0, 0, 0, time.UTC)
	good := Education{EmployeeID: 1, Level: EduS1, Major: " Pendidikan Matematika ", Institution: "Universitas Negeri Medan", Year: 2010, CertificateNo: "UNIMED/2010/123"}
	if err := good.Validate(now); err != nil || good.Major != "Pendidikan Matematika" {
		t.Errorf("good record: %v %q", err, good.Major)
	}
	for name, tc := range map[string]struct {
		e     Education
		field string
	}{
		"level":       {Education{Level: "s9", Year: 2010}, "level"},
		"future":      {Education{Level: EduS1, Year: 2027}, "year"},
		"old":         {Education{Level: EduSD, Year: 1939}, "year"},
		"certificate": {Education{Level: EduSD, Year: 1990, CertificateNo: string(make([]byte, MaxCode+1))}, "certificate_no"},
	} {
		err := tc.e.Validate(now)
		var ae *apperr.Error
		if !errors.As(err, &ae) || ae.Code != apperr.EINVALID || ae.Field != tc.field {
			t.Errorf("%s: %v", name, err)
		}
	}

	if h := HighestEducation([]Education{{Level: EduSMA}, {Level: EduS2}, {Level: EduD3}}); h != EduS2 {
		t.Errorf("highest %q", h)
	}
	if h := HighestEducation(nil); h != "" {
		t.Errorf("highest of none %q", h)
	}
	// D-IV meets S-1 and S-1 meets D-IV; D-III meets neither.
	if !EduD4.AtLeast(EduS1) || !EduS1.AtLeast(EduD4) || EduD3.AtLeast(EduS1) || !EduSD.AtLeast("") || EducationLevel("").AtLeast(EduSD) {
		t.Error("AtLeast")
	}
	for _, tc := range []struct {
		t       PositionType
		jenjang string
		want    EducationLevel
	}{
		{JPTPratama, "", EduS1}, {Administrator, "", EduS1}, {Pengawas, "", EduD3},
		{Fungsional, "ahli_pertama", EduS1}, {Fungsional, "ahli_utama", EduS1}, {Fungsional, "terampil", EduD3},
		{Fungsional, "penyelia", EduD3}, {Fungsional, "pemula", EduSMA}, {Pelaksana, "", EduSMA},
	} {
		if got := MinimumEducation(tc.t, tc.jenjang); got != tc.want {
			t.Errorf("MinimumEducation(%s, %s) = %s, want %s", tc.t, tc.jenjang, got, tc.want)
		}
	}
}

func TestQualificationTally(t *testing.T) {
	var q QualificationTally
	gaps := 0
	for _, c := range []struct{ min, high EducationLevel }{
		{EduS1, EduS2}, {EduS1, EduD4}, {EduS1, EduD3}, {EduS1, ""}, {EduSMA, EduSMP}, {EduSMA, EduSMA}, {EduD3, EduD3}, {EduS1, EduSMA},
	} {
		if q.Add(c.min, c.high) {
			gaps++
		}
	}
	if q.Employees != 8 || q.Unrecorded != 1 || q.Below != 3 || gaps != 3 {
		t.Errorf("tally %+v, gaps %d", q, gaps)
	}
	want := []QualificationGroup{{EduSMA, 2, 0, 1}, {EduD3, 1, 0, 0}, {EduS1, 5, 1, 2}}
	if len(q.ByMinimum) != len(want) {
		t.Fatalf("groups %+v", q.ByMinimum)
	}
	for i, g := range want {
		if q.ByMinimum[i] != g {
			t.Errorf("group %d = %+v, want %+v", i, q.ByMinimum[i], g)
		}
	}
}
