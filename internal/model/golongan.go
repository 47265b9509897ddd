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

// jenjangGolongan is the PNS golongan range of each functional jenjang,
// lowest and highest (PermenPAN-RB 1/2023 on functional positions: Ahli
// Pertama III/a–III/b, Ahli Muda III/c–III/d, Ahli Madya IV/a–IV/c, Ahli
// Utama IV/d–IV/e; Pemula II/a, Terampil II/b–II/d, Mahir III/a–III/b,
// Penyelia III/c–III/d). PPPK grades per jenjang are published differently
// from one circular to the next, so PPPK rows are not compared.
var jenjangGolongan = map[EmployeeKind]map[string][2]string{
	PNS: {
		"ahli_pertama": {"III/a", "III/b"}, "ahli_muda": {"III/c", "III/d"},
		"ahli_madya": {"IV/a", "IV/c"}, "ahli_utama": {"IV/d", "IV/e"},
		"pemula": {"II/a", "II/a"}, "terampil": {"II/b", "II/d"},
		"mahir": {"III/a", "III/b"}, "penyelia": {"III/c", "III/d"},
	},
}

// GolonganFitsJenjang reports whether a canonical golongan lies in the
// range of a functional jenjang, and the range. A golongan, jenjang or kind
// without a range fits (nothing to compare with). A misfit is a warning to
// verify, never an error: an employee awaiting promotion after a move up,
// or inpassing, legitimately sits outside the range for a while.
func GolonganFitsJenjang(kind EmployeeKind, golongan, jenjang string) (lo, hi string, fits bool) {
	r, ok := jenjangGolongan[kind][jenjang]
	if !ok || golongan == "" {
		return "", "", true
	}
	rank := golonganRank(golongan)
	if rank < 0 {
		return "", "", true
	}
	return r[0], r[1], rank >= golonganRank(r[0]) && rank <= golonganRank(r[1])
}

// golonganRank is a canonical PNS golongan's place in the order, or -1.
func golonganRank(code string) int {
	for i, g := range PNSGolongan {
		if g.Code == code {
			return i
		}
	}
	return -1
}
