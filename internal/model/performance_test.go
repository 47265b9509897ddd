package model

import (
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/gap"
)

func TestCanonicalPredikat(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"Sangat Baik", PredikatSangatBaik, true},
		{"sangat_baik", PredikatSangatBaik, true},
		{"  SANGAT   BAIK ", PredikatSangatBaik, true},
		{"baik", PredikatBaik, true},
		{"butuh-perbaikan", PredikatButuhPerbaikan, true},
		{"Butuh_Perbaikan", PredikatButuhPerbaikan, true},
		{"kurang", PredikatKurang, true},
		{"sangat-kurang", PredikatSangatKurang, true},
		{"", "", false},
		{"cukup", "", false},
		{"sangatbaik", "", false},
		{"baik sekali", "", false},
	} {
		got, ok := CanonicalPredikat(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("CanonicalPredikat(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for _, p := range Predikats {
		if got, ok := CanonicalPredikat(p); !ok || got != p {
			t.Errorf("the stored spelling %q is not its own canonical form: %q", p, got)
		}
	}
}

func TestValidatePerformance(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		year           int
		predikat, want string
		field          string
	}{
		{2025, "baik", PredikatBaik, ""},
		{2026, "Sangat Baik", PredikatSangatBaik, ""}, // this year
		{2000, "kurang", PredikatKurang, ""},
		{1999, "kurang", "", "year"},
		{2027, "kurang", "", "year"},
		{2025, "luar biasa", "", "predikat"},
		{1999, "luar biasa", "", "predikat"}, // the predikat is named first
	} {
		got, err := ValidatePerformance(c.year, c.predikat, now)
		if got != c.want || invalidFieldOf(err) != c.field {
			t.Errorf("ValidatePerformance(%d, %q) = %q, %v; want %q, field %q", c.year, c.predikat, got, err, c.want, c.field)
		}
	}
}

// The store keeps only what the 9-box can place: a predikat is accepted
// exactly when gap.PerformanceFromPredikat knows it.
func TestCanonicalPredikatAgreesWithNineBox(t *testing.T) {
	for _, in := range []string{"Sangat Baik", "sangat_baik", "BAIK", "butuh perbaikan", "butuh-perbaikan", "Kurang",
		"sangat kurang", "SANGAT_KURANG", "cukup", "", "baik sekali", "sangat  baik", "-baik-"} {
		_, ok := CanonicalPredikat(in)
		_, known := gap.PerformanceFromPredikat(in)
		if ok != known {
			t.Errorf("%q: canonical %v, 9-box %v", in, ok, known)
		}
	}
}
