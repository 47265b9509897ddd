package model

import (
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

// SKP predikat labels as stored in performance_rating (Permen PANRB 6/2022),
// best first. gap.PerformanceFromPredikat places them on the 9-box's
// performance axis.
const (
	PredikatSangatBaik     = "Sangat Baik"
	PredikatBaik           = "Baik"
	PredikatButuhPerbaikan = "Butuh Perbaikan"
	PredikatKurang         = "Kurang"
	PredikatSangatKurang   = "Sangat Kurang"
)

// Predikats lists the predikat labels, best first, as forms offer them.
var Predikats = []string{PredikatSangatBaik, PredikatBaik, PredikatButuhPerbaikan, PredikatKurang, PredikatSangatKurang}

// PerformanceFirstYear is the earliest year an SKP predikat may be recorded
// for.
const PerformanceFirstYear = 2000

// CanonicalPredikat returns the stored spelling of an SKP predikat, or ok
// false for an unknown one. Case, surrounding space and the separators of
// stored codes and SIASN exports ("sangat_baik", "butuh-perbaikan") are
// ignored, as gap.PerformanceFromPredikat ignores them.
func CanonicalPredikat(p string) (string, bool) {
	s := strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(p))), " ")
	for _, c := range Predikats {
		if strings.ToLower(c) == s {
			return c, true
		}
	}
	return "", false
}

// ValidPerformanceYear reports whether year may carry an SKP predikat on
// the day now: from PerformanceFirstYear up to now's year.
func ValidPerformanceYear(year int, now time.Time) bool {
	return year >= PerformanceFirstYear && year <= now.Year()
}

// ValidatePerformance checks one year's SKP predikat entered on the day now
// and returns the predikat as stored (CanonicalPredikat).
func ValidatePerformance(year int, predikat string, now time.Time) (string, error) {
	canon, ok := CanonicalPredikat(predikat)
	if !ok {
		return "", apperr.Invalid("predikat", "err.talent.predikat_unknown_list", predikat)
	}
	if !ValidPerformanceYear(year, now) {
		return "", apperr.Invalid("year", "err.talent.year_range", year, now.Year())
	}
	return canon, nil
}
