package model

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/apperr"
)

// EducationLevel is the level (tingkat pendidikan) of one completed
// formal education: SD up to S3. The competency profile a regulation asks
// of a development information system holds the employee's education
// history (domain.md §6), and the needs analysis compares the highest level
// with what the position asks (MinimumEducation).
type EducationLevel string

// Education levels, lowest first.
const (
	EduSD  EducationLevel = "sd"
	EduSMP EducationLevel = "smp"
	EduSMA EducationLevel = "sma"
	EduD1  EducationLevel = "d1"
	EduD2  EducationLevel = "d2"
	EduD3  EducationLevel = "d3"
	EduD4  EducationLevel = "d4"
	EduS1  EducationLevel = "s1"
	EduS2  EducationLevel = "s2"
	EduS3  EducationLevel = "s3"
)

// EducationLevels lists the levels, lowest first.
var EducationLevels = []EducationLevel{EduSD, EduSMP, EduSMA, EduD1, EduD2, EduD3, EduD4, EduS1, EduS2, EduS3}

// educationInfo is a level's rank, label and SIASN code (tkPendidikanId of
// BKN's reference table: 05 SD … 50 S3; SIASN's codes 12, 17 and 18 are
// the vocational and teacher-training variants of SLTP and SLTA, read as
// SMP and SMA). D-IV and S-1 share a rank: the regulations ask "S-1 atau
// D-IV" as one qualification.
var educationInfo = map[EducationLevel]struct {
	rank  int
	label string
	siasn string
}{
	EduSD: {1, "SD", "05"}, EduSMP: {2, "SMP", "10"}, EduSMA: {3, "SMA/SMK", "15"},
	EduD1: {4, "D-I", "20"}, EduD2: {5, "D-II", "25"}, EduD3: {6, "D-III", "30"}, EduD4: {7, "D-IV", "35"},
	EduS1: {7, "S-1", "40"}, EduS2: {8, "S-2", "45"}, EduS3: {9, "S-3", "50"},
}

// Valid reports whether l is a known level.
func (l EducationLevel) Valid() bool { _, ok := educationInfo[l]; return ok }

// Rank orders levels (0 for an unknown one); D-IV and S-1 rank alike.
func (l EducationLevel) Rank() int { return educationInfo[l].rank }

// Label is how forms and reports write the level ("S-1", "D-III").
func (l EducationLevel) Label() string {
	if i, ok := educationInfo[l]; ok {
		return i.label
	}
	return string(l)
}

// AtLeast reports whether l meets the minimum m (an empty m asks nothing).
func (l EducationLevel) AtLeast(m EducationLevel) bool { return m == "" || l.Rank() >= m.Rank() }

// ParseEducationLevel reads a level as people and SIASN write it: the
// SIASN code ("40", "5"), the code of this package ("s1"), or the name in
// its many spellings ("S1", "S-1", "Strata I", "Sarjana", "D-III",
// "Diploma III/Sarjana Muda", "DIII", "SLTA", "SMK", "Magister",
// "Doktor"). A name with a major in it ("D-III KOMPUTER") is read by its
// first word.
func ParseEducationLevel(s string) (EducationLevel, bool) {
	k := strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(s)), ".0")
	if k == "" {
		return "", false
	}
	for l, i := range educationInfo {
		if k == i.siasn || k == strings.TrimPrefix(i.siasn, "0") || k == strings.ToUpper(string(l)) {
			return l, true
		}
	}
	switch k {
	case "12":
		return EduSMP, true
	case "17", "18":
		return EduSMA, true
	}
	compact := strings.NewReplacer("-", "", ".", "", " ", "", "/", "").Replace(k)
	for _, w := range educationSpellings {
		if strings.HasPrefix(compact, w.prefix) {
			return w.l, true
		}
	}
	return "", false
}

// educationSpellings are the beginnings of a level's name with spaces,
// dashes, dots and slashes removed, longer ones first so that "DIPLOMAIII"
// is not read as D-I nor "SARJANAMUDA" (the old D-III) as S-1.
var educationSpellings = []struct {
	prefix string
	l      EducationLevel
}{
	{"DIPLOMAIV", EduD4}, {"DIPLOMAIII", EduD3}, {"DIPLOMAII", EduD2}, {"DIPLOMAI", EduD1},
	{"DIPLOMA4", EduD4}, {"DIPLOMA3", EduD3}, {"DIPLOMA2", EduD2}, {"DIPLOMA1", EduD1},
	{"DIV", EduD4}, {"DIII", EduD3}, {"DII", EduD2}, {"DI", EduD1},
	{"D4", EduD4}, {"D3", EduD3}, {"D2", EduD2}, {"D1", EduD1},
	{"SARJANAMUDA", EduD3}, {"STRATAIII", EduS3}, {"STRATAII", EduS2}, {"STRATAI", EduS1},
	{"STRATA3", EduS3}, {"STRATA2", EduS2}, {"STRATA1", EduS1},
	{"SIII", EduS3}, {"SII", EduS2}, {"S3", EduS3}, {"S2", EduS2}, {"S1", EduS1},
	{"DOKTOR", EduS3}, {"MAGISTER", EduS2}, {"PASCASARJANA", EduS2}, {"SPESIALIS", EduS2}, {"PROFESI", EduS1}, {"SARJANA", EduS1},
	{"SLTA", EduSMA}, {"SMA", EduSMA}, {"SMK", EduSMA}, {"SMU", EduSMA}, {"STM", EduSMA}, {"SPK", EduSMA}, {"MA", EduSMA},
	{"SLTP", EduSMP}, {"SMP", EduSMP}, {"MTS", EduSMP}, {"SD", EduSD}, {"MI", EduSD},
}

// Education is one completed formal education of an employee (one row of
// SIASN's riwayat pendidikan). An employee's record is identified by its
// level and graduation year: an import of the same history again updates
// it rather than adding a second.
type Education struct {
	EmployeeID    int64          `json:"employee_id"`
	Level         EducationLevel `json:"level"`
	Major         string         `json:"major"`       // jurusan / program studi (SIASN: pendidikanNama)
	Institution   string         `json:"institution"` // nama sekolah or perguruan tinggi
	Year          int            `json:"year"`        // tahun lulus
	CertificateNo string         `json:"certificate_no"`
}

// EarliestGraduation is the first graduation year an education record may
// have.
const EarliestGraduation = 1940

// Validate trims the text fields and checks a record: a known level, a
// graduation year from EarliestGraduation to now's year, and fields within
// their lengths. The error names the first field at fault.
func (e *Education) Validate(now time.Time) error {
	e.Major, e.Institution, e.CertificateNo = strings.TrimSpace(e.Major), strings.TrimSpace(e.Institution), strings.TrimSpace(e.CertificateNo)
	switch {
	case !e.Level.Valid():
		return apperr.Invalid("level", "err.education.level", string(e.Level))
	case e.Year < EarliestGraduation || e.Year > now.Year():
		return apperr.Invalid("year", "err.education.year", EarliestGraduation, now.Year())
	case utf8.RuneCountInString(e.Major) > MaxShortText:
		return apperr.Invalid("major", "err.education.major_long", MaxShortText)
	case utf8.RuneCountInString(e.Institution) > MaxShortText:
		return apperr.Invalid("institution", "err.education.institution_long", MaxShortText)
	case utf8.RuneCountInString(e.CertificateNo) > MaxCode:
		return apperr.Invalid("certificate_no", "err.education.certificate_long", MaxCode)
	}
	return nil
}

// HighestEducation returns the highest level of list ("" when empty); of
// D-IV and S-1 it keeps the one met first.
func HighestEducation(list []Education) EducationLevel {
	var best EducationLevel
	for _, e := range list {
		if e.Level.Rank() > best.Rank() {
			best = e.Level
		}
	}
	return best
}

// MinimumEducation is the lowest education level a position of type t and
// jenjang asks, kept simple and taken from the civil-service rules: S-1 or
// D-IV for JPT and administrator posts (PP 11/2017) and for every
// functional post of the keahlian jenjang (teachers among them, UU 14/2005);
// D-III for pengawas posts and the keterampilan jenjang above pemula; SMA
// for pemula and pelaksana posts. Position-specific requirements (a
// doctor's S-1 plus profession) are not modelled.
func MinimumEducation(t PositionType, jenjang string) EducationLevel {
	switch t {
	case JPTUtama, JPTMadya, JPTPratama, Administrator:
		return EduS1
	case Pengawas:
		return EduD3
	case Fungsional:
		switch jenjang {
		case "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama":
			return EduS1
		case "terampil", "mahir", "penyelia":
			return EduD3
		}
		return EduSMA
	}
	return EduSMA
}

// QualificationTally counts, for the needs analysis, how the education of
// the active employees of a scope meets what their positions ask
// (MinimumEducation): a qualification gap is a highest level below the
// minimum. Employees with no education recorded are counted apart, never as
// below: as with competencies, nothing recorded is not the lowest value.
type QualificationTally struct {
	Employees  int // active employees with a position
	Unrecorded int // of them, no education recorded
	Below      int // highest level below the position's minimum
	// ByMinimum splits the counts by the minimum asked, lowest first.
	ByMinimum []QualificationGroup
}

// QualificationGroup is the part of a tally whose positions ask Minimum.
type QualificationGroup struct {
	Minimum                      EducationLevel
	Employees, Unrecorded, Below int
}

// Add counts one employee whose position asks minimum and whose highest
// recorded level is highest ("" for none); it reports whether that is a gap.
func (t *QualificationTally) Add(minimum, highest EducationLevel) bool {
	i := 0
	for i < len(t.ByMinimum) && t.ByMinimum[i].Minimum.Rank() < minimum.Rank() {
		i++
	}
	if i == len(t.ByMinimum) || t.ByMinimum[i].Minimum != minimum {
		t.ByMinimum = append(t.ByMinimum, QualificationGroup{})
		copy(t.ByMinimum[i+1:], t.ByMinimum[i:])
		t.ByMinimum[i] = QualificationGroup{Minimum: minimum}
	}
	g := &t.ByMinimum[i]
	t.Employees++
	g.Employees++
	switch {
	case highest == "":
		t.Unrecorded++
		g.Unrecorded++
	case !highest.AtLeast(minimum):
		t.Below++
		g.Below++
		return true
	}
	return false
}
