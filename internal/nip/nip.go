// Package nip validates and parses the registry numbers of Indonesian civil
// servants: the NIP of a PNS and the NI PPPK of a contract employee
// (domain.md §5). Both are 18 digits; they differ after the birth date.
//
//	PNS : YYYYMMDD (birth) + YYYYMM (TMT CPNS) + G (gender) + NNN (sequence)
//	PPPK: YYYYMMDD (birth) + YYYY (first PPPK appointment) + AA (agreement code) + G + NNN
//
// Errors are *Error values whose Error method returns a message in
// Indonesian that a personnel clerk can act on; the English text is in the EN
// field.
package nip

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
)

// Now returns the current time. Tests replace it to pin the plausibility
// windows (birth year, appointment year) to a fixed date.
var Now = time.Now

// Length is the number of digits of a NIP (PNS) and of an NI PPPK.
const Length = 18

// OldLength is the number of digits of the pre-2009 "NIP lama".
const OldLength = 9

// Plausibility bounds used by Parse.
const (
	MinBirthYear     = 1940 // earliest accepted birth year
	MinAge           = 17   // birth year must be at most the current year minus this
	MinTMTYear       = 1960 // earliest accepted TMT CPNS year
	MinPPPKYear      = 2019 // first PPPK were appointed in 2019 (UU 5/2014 introduced them; first intake 2019)
	MinAgeAppointed  = 15   // appointment year must be at least birth year plus this
	futureYearMargin = 1    // NIPs are issued before the TMT: accept next year too
)

// Info holds what an 18-digit NIP or NI PPPK says about its holder.
type Info struct {
	// BirthDate is the date of birth (UTC midnight).
	BirthDate time.Time
	// Appointed is the TMT CPNS (first day of the year-month) for a PNS, or
	// 1 January of the year of first PPPK appointment for a PPPK.
	Appointed time.Time
	// AgreementCode is the 2-digit work-agreement code of a PPPK (01–99); 0 for PNS.
	AgreementCode int
	// Gender is model.Male for digit 1 and model.Female for digit 2.
	Gender model.Gender
	// Seq is the 3-digit sequence number (1–999).
	Seq int
}

// Error codes returned in Error.Code.
const (
	CodeEmpty        = "nip.empty"         // nothing typed
	CodeScientific   = "nip.scientific"    // a spreadsheet turned the NIP into a number in E notation
	CodeDigits       = "nip.digits"        // a character other than 0–9
	CodeOld          = "nip.old"           // a 9-digit NIP lama
	CodeLength       = "nip.length"        // not 18 digits
	CodeBirthDate    = "nip.birthdate"     // birth date does not exist
	CodeBirthYear    = "nip.birth_year"    // birth year outside the plausible window
	CodeTMTMonth     = "nip.tmt_month"     // PNS: TMT CPNS month not 01–12
	CodeTMTYear      = "nip.tmt_year"      // PNS: TMT CPNS year outside the plausible window
	CodePPPKYear     = "nip.pppk_year"     // PPPK: appointment year outside the plausible window
	CodeAppointedAge = "nip.appointed_age" // appointed before the holder was MinAgeAppointed
	CodeAgreement    = "nip.agreement"     // PPPK: agreement code 00
	CodeGender       = "nip.gender"        // gender digit not 1 or 2
	CodeSequence     = "nip.sequence"      // sequence 000
)

// Parts of the number named in Error.Part.
const (
	PartWhole     = "nip"
	PartBirthDate = "birthdate"
	PartAppointed = "appointed"
	PartAgreement = "agreement"
	PartGender    = "gender"
	PartSequence  = "sequence"
)

// Error reports why a NIP or NI PPPK is not valid.
type Error struct {
	// Code identifies the rule that failed, e.g. "nip.length"; stable for
	// programs and translations.
	Code string
	// Part names the part of the number at fault (see the Part constants).
	Part string
	// Key and Args are the message: an i18n catalogue key and its format
	// arguments; Hint, when set, is the key of a remark that follows it.
	Key  string
	Args []any
	Hint string
	// ID and EN are the message rendered in Indonesian and in English.
	ID string
	EN string
}

// Error returns the Indonesian message.
func (e *Error) Error() string { return e.ID }

// Text returns the message in lang.
func (e *Error) Text(lang i18n.Lang) string {
	s := i18n.T(lang, e.Key, e.Args...)
	if e.Hint != "" {
		s += i18n.T(lang, e.Hint)
	}
	return s
}

// hint adds the remark of key to e.
func (e *Error) hint(key string) {
	e.Hint = key
	e.ID, e.EN = e.Text(i18n.ID), e.Text(i18n.EN)
}

// Message returns the message in the language lang ("en…" for English,
// anything else for Indonesian).
func (e *Error) Message(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return e.EN
	}
	return e.ID
}

func newErr(code, part, key string, args ...any) *Error {
	e := &Error{Code: code, Part: part, Key: key, Args: args}
	e.ID, e.EN = e.Text(i18n.ID), e.Text(i18n.EN)
	return e
}

// Normalize removes what people and spreadsheets add around a NIP: spaces,
// non-breaking spaces, tabs and other Unicode white space, zero-width
// characters, and one leading apostrophe (typed in Excel to force text,
// e.g. "'196608011988031001"). Anything else, dots and dashes included, is
// kept as typed so that Parse can point at it.
func Normalize(s string) string {
	if digitsOnly(s) {
		return s // the common case: nothing to remove, nothing to copy
	}
	var b strings.Builder
	b.Grow(len(s))
	leading := true
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '\u200b', r == '\u200c', r == '\u200d', r == '\u2060', r == '\ufeff':
			continue
		case leading && (r == '\'' || r == '\u2018' || r == '\u2019' || r == '`'):
			leading = false
			continue
		}
		leading = false
		b.WriteRune(r)
	}
	return b.String()
}

// SearchDigits returns a search query as NIP digits when it is one: at
// least four digits, with spaces, dots and dashes between them allowed.
func SearchDigits(q string) (string, bool) {
	d := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, q)
	if len(d) < 4 || !digitsOnly(d) {
		return "", false
	}
	return d, true
}

// digitsOnly reports whether s is ASCII digits only.
func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// LooksLikeSpreadsheetNumber reports whether s (after Normalize) is a number
// in E notation, which is what a spreadsheet shows for an 18-digit NIP stored
// as a number: "1.96608E+17", "1,96608E+17", "1.96608e17". An 18-digit value
// whose last digits were rounded to zero (196608011988031000) cannot be told
// apart from a typed number and is not reported here.
func LooksLikeSpreadsheetNumber(s string) bool {
	s = Normalize(s)
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	mant := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		mant++
	}
	if mant == 0 {
		return false
	}
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		frac := 0
		for i < len(s) && isDigit(s[i]) {
			i++
			frac++
		}
		if frac == 0 {
			return false
		}
	}
	if i >= len(s) || (s[i] != 'e' && s[i] != 'E') {
		return false
	}
	i++
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	exp := 0
	for i < len(s) && isDigit(s[i]) {
		i++
		exp++
	}
	return exp > 0 && i == len(s)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// label returns the name of the number for kind, the same in both languages.
func label(kind model.EmployeeKind) string {
	if kind == model.PPPK {
		return "NI PPPK"
	}
	return "NIP"
}

// Parse validates s as the registry number of an employee of the given kind
// and returns what it encodes. s is first passed through Normalize, so
// "19660801 198803 1 001" and "'196608011988031001" are accepted. Any kind
// other than model.PPPK is checked with the PNS layout. The error, when not
// nil, is an *Error for the first rule that fails, in the order of the
// digits.
func Parse(s string, kind model.EmployeeKind) (Info, error) {
	info, err := parse(s, kind)
	if err != nil && kind != model.PPPK && err.Code == CodeTMTMonth {
		// A valid NI PPPK read as a NIP fails on the month: say so.
		if _, err2 := parse(s, model.PPPK); err2 == nil {
			err.hint("err.nip.hint_valid_pppk")
		}
	}
	if err != nil && kind == model.PPPK && (err.Code == CodePPPKYear || err.Code == CodeAppointedAge) {
		// A valid NIP read as an NI PPPK usually fails on the year: say so.
		if _, err2 := parse(s, model.PNS); err2 == nil {
			err.hint("err.nip.hint_valid_pns")
		}
	}
	if err != nil {
		return Info{}, err
	}
	return info, nil
}

func parse(s string, kind model.EmployeeKind) (Info, *Error) {
	lid := label(kind)
	n := Normalize(s)
	if n == "" {
		return Info{}, newErr(CodeEmpty, PartWhole, "err.nip.empty", lid)
	}
	if LooksLikeSpreadsheetNumber(n) {
		return Info{}, newErr(CodeScientific, PartWhole, "err.nip.scientific", lid, n, lid)
	}
	pos := 0
	for _, r := range n {
		pos++
		if r < '0' || r > '9' {
			e := newErr(CodeDigits, PartWhole, "err.nip.digits", lid, r, pos)
			switch r {
			case 'O', 'o':
				e.hint("err.nip.hint_letter_o")
			case 'l', 'I':
				e.hint("err.nip.hint_letter_l")
			}
			return Info{}, e
		}
	}
	if len(n) == OldLength {
		return Info{}, newErr(CodeOld, PartWhole, "err.nip.old", n)
	}
	if len(n) != Length {
		return Info{}, newErr(CodeLength, PartWhole, "err.nip.length", lid, len(n))
	}

	now := Now()
	var info Info

	// Birth date: digits 1–8.
	by, bm, bd := atoi(n[0:4]), atoi(n[4:6]), atoi(n[6:8])
	if bm < 1 || bm > 12 {
		return Info{}, newErr(CodeBirthDate, PartBirthDate, "err.nip.birth_month", n[4:6])
	}
	birth := time.Date(by, time.Month(bm), bd, 0, 0, 0, 0, time.UTC)
	if bd < 1 || birth.Day() != bd || int(birth.Month()) != bm {
		return Info{}, newErr(CodeBirthDate, PartBirthDate, "err.nip.birth_date", n[6:8], n[4:6], n[0:4])
	}
	maxBirth := now.Year() - MinAge
	if by < MinBirthYear || by > maxBirth {
		return Info{}, newErr(CodeBirthYear, PartBirthDate, "err.nip.birth_year", by, MinBirthYear, maxBirth)
	}
	info.BirthDate = birth

	var rest string
	if kind == model.PPPK {
		// Year of first PPPK appointment: digits 9–12; agreement code: 13–14.
		ay := atoi(n[8:12])
		maxYear := now.Year() + futureYearMargin
		if ay < MinPPPKYear || ay > maxYear {
			return Info{}, newErr(CodePPPKYear, PartAppointed, "err.nip.pppk_year", n[8:12], MinPPPKYear, maxYear)
		}
		if ay < by+MinAgeAppointed {
			return Info{}, newErr(CodeAppointedAge, PartAppointed, "err.nip.pppk_age", ay, by)
		}
		code := atoi(n[12:14])
		if code == 0 {
			return Info{}, newErr(CodeAgreement, PartAgreement, "err.nip.agreement")
		}
		info.Appointed = time.Date(ay, time.January, 1, 0, 0, 0, 0, time.UTC)
		info.AgreementCode = code
		rest = n[14:]
	} else {
		// TMT CPNS: digits 9–14 (YYYYMM).
		ty, tm := atoi(n[8:12]), atoi(n[12:14])
		if tm < 1 || tm > 12 {
			return Info{}, newErr(CodeTMTMonth, PartAppointed, "err.nip.tmt_month", n[12:14])
		}
		maxYear := now.Year() + futureYearMargin
		if ty < MinTMTYear || ty > maxYear {
			return Info{}, newErr(CodeTMTYear, PartAppointed, "err.nip.tmt_year", n[8:12], MinTMTYear, maxYear)
		}
		if ty < by+MinAgeAppointed {
			return Info{}, newErr(CodeAppointedAge, PartAppointed, "err.nip.tmt_age", n[12:14], n[8:12], by)
		}
		info.Appointed = time.Date(ty, time.Month(tm), 1, 0, 0, 0, 0, time.UTC)
		rest = n[14:]
	}

	// Gender: the digit after the appointment part.
	switch rest[0] {
	case '1':
		info.Gender = model.Male
	case '2':
		info.Gender = model.Female
	default:
		return Info{}, newErr(CodeGender, PartGender, "err.nip.gender_digit", rest[0])
	}

	// Sequence: last three digits.
	info.Seq = atoi(rest[1:4])
	if info.Seq == 0 {
		return Info{}, newErr(CodeSequence, PartSequence, "err.nip.sequence", lid)
	}
	return info, nil
}

// atoi converts a string of ASCII digits (already checked) to an int.
func atoi(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
	}
	return v
}

// group splits the 18 digits of n into groups of the given sizes joined by
// spaces; if n (after Normalize) is not 18 ASCII digits it is returned
// normalized but otherwise unchanged.
func group(s string, sizes ...int) string {
	n := Normalize(s)
	if len(n) != Length || utf8.RuneCountInString(n) != Length {
		return n
	}
	for i := 0; i < len(n); i++ {
		if !isDigit(n[i]) {
			return n
		}
	}
	var b strings.Builder
	i := 0
	for k, size := range sizes {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(n[i : i+size])
		i += size
	}
	return b.String()
}

// Format writes an 18-digit NIP in the PNS layout 8 6 1 3:
// "19660801 198803 1 001". Input that is not 18 digits after Normalize is
// returned normalized.
func Format(nip string) string { return group(nip, 8, 6, 1, 3) }

// FormatPPPK writes an 18-digit NI PPPK in the layout 8 4 2 1 3:
// "19900913 2025 24 2 014". Input that is not 18 digits after Normalize is
// returned normalized.
func FormatPPPK(nip string) string { return group(nip, 8, 4, 2, 1, 3) }

// FormatAuto formats nip with FormatPPPK for model.PPPK and Format otherwise.
func FormatAuto(nip string, kind model.EmployeeKind) string {
	if kind == model.PPPK {
		return FormatPPPK(nip)
	}
	return Format(nip)
}

// Warning codes returned by CheckConsistency.
const (
	WarnBirthDate = "nip.birthdate_mismatch"
	WarnGender    = "nip.gender_mismatch"
)

// Warning reports a disagreement between the NIP and the recorded data that a
// clerk should verify. Old records hold real, later-corrected differences, so
// a warning never blocks a row (domain.md §5).
type Warning struct {
	// Code identifies the check, e.g. "nip.birthdate_mismatch".
	Code string
	// Key and Args are the message: an i18n catalogue key and its arguments.
	Key  string
	Args []any
	// ID and EN are the message rendered in Indonesian and in English.
	ID string
	EN string
}

func newWarning(code, key string, args ...any) Warning {
	return Warning{Code: code, Key: key, Args: args, ID: i18n.T(i18n.ID, key, args...), EN: i18n.T(i18n.EN, key, args...)}
}

// Text returns the message in lang.
func (w Warning) Text(lang i18n.Lang) string { return i18n.T(lang, w.Key, w.Args...) }

// String returns the Indonesian message.
func (w Warning) String() string { return w.ID }

// Message returns the message in the language lang ("en…" for English,
// anything else for Indonesian).
func (w Warning) Message(lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return w.EN
	}
	return w.ID
}

// CheckConsistency compares what the NIP says (info, from Parse) with the
// recorded birth date and gender and returns one Warning per disagreement.
// A zero birth or an empty gender is not checked. Dates are compared by
// calendar day in birth's own location.
func CheckConsistency(info Info, birth time.Time, g model.Gender) []Warning {
	var ws []Warning
	if !birth.IsZero() && !info.BirthDate.IsZero() {
		y, m, d := birth.Date()
		ny, nm, nd := info.BirthDate.Date()
		if y != ny || m != nm || d != nd {
			rec, fromNIP := birth.Format("02-01-2006"), info.BirthDate.Format("02-01-2006")
			ws = append(ws, newWarning(WarnBirthDate, "err.nip.warn_birth_date", rec, fromNIP))
		}
	}
	rg := model.Gender(strings.ToUpper(strings.TrimSpace(string(g))))
	if rg != "" && info.Gender != "" && rg != info.Gender {
		ws = append(ws, newWarning(WarnGender, "err.nip.warn_gender", genderKey(rg), genderKey(info.Gender)))
	}
	return ws
}

// genderKey names g for a message: "L (laki-laki)" or "L (male)".
func genderKey(g model.Gender) any {
	switch g {
	case model.Male:
		return i18n.Key("err.nip.gender_l")
	case model.Female:
		return i18n.Key("err.nip.gender_p")
	}
	return string(g)
}
