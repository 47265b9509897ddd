package model

import (
	"strings"
	"time"
)

// Golongan describes one PNS rank (golongan/ruang) with its pangkat title.
type Golongan struct {
	Code    string // "III/a"
	Pangkat string // "Penata Muda"
}

// PNSGolongan lists PNS ranks from lowest to highest (domain.md §5).
var PNSGolongan = []Golongan{
	{"I/a", "Juru Muda"}, {"I/b", "Juru Muda Tingkat I"}, {"I/c", "Juru"}, {"I/d", "Juru Tingkat I"},
	{"II/a", "Pengatur Muda"}, {"II/b", "Pengatur Muda Tingkat I"}, {"II/c", "Pengatur"}, {"II/d", "Pengatur Tingkat I"},
	{"III/a", "Penata Muda"}, {"III/b", "Penata Muda Tingkat I"}, {"III/c", "Penata"}, {"III/d", "Penata Tingkat I"},
	{"IV/a", "Pembina"}, {"IV/b", "Pembina Tingkat I"}, {"IV/c", "Pembina Utama Muda"}, {"IV/d", "Pembina Utama Madya"}, {"IV/e", "Pembina Utama"},
}

// PPPKGolongan lists PPPK grades I–XVII.
var PPPKGolongan = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"}

// NormalizeGolongan turns the ways agencies write a rank ("III/a", "iii/A",
// "III a", "IIIa", "III-a", "3a" for PNS; "IX", "9" for PPPK) into the
// canonical code. ok is false when the value is not a rank of that kind.
func NormalizeGolongan(kind EmployeeKind, s string) (code string, ok bool) {
	s = strings.TrimSpace(strings.ToUpper(s))
	s = strings.NewReplacer(" ", "", "-", "", "/", "", ".", "").Replace(s)
	if s == "" {
		return "", false
	}
	arabicRoman := map[string]string{"1": "I", "2": "II", "3": "III", "4": "IV"}
	if kind == PPPK {
		for i, g := range PPPKGolongan {
			if s == g || s == itoa(i+1) {
				return g, true
			}
		}
		return "", false
	}
	last := s[len(s)-1]
	if last < 'A' || last > 'E' {
		return "", false
	}
	roman := s[:len(s)-1]
	if r, ok := arabicRoman[roman]; ok {
		roman = r
	}
	cand := roman + "/" + strings.ToLower(string(last))
	for _, g := range PNSGolongan {
		if g.Code == cand {
			return cand, true
		}
	}
	return "", false
}

// PangkatOf returns the pangkat title of a PNS golongan code, or "".
func PangkatOf(code string) string {
	for _, g := range PNSGolongan {
		if g.Code == code {
			return g.Pangkat
		}
	}
	return ""
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return string(rune('0'+i/10)) + string(rune('0'+i%10))
}

// RetirementDate is the first day of the month after the employee reaches
// the retirement age: the date pension starts (TMT pensiun).
func RetirementDate(birth time.Time, age int) time.Time {
	if birth.IsZero() {
		return time.Time{}
	}
	d := time.Date(birth.Year()+age, birth.Month(), 1, 0, 0, 0, 0, time.UTC)
	return d.AddDate(0, 1, 0)
}
