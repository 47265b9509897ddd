// Package registry holds the rules for one employee record as a clerk enters
// or imports it: it normalises what people and spreadsheets write (labels such
// as "Laki-laki", "Tugas Belajar", "iii/a", phone numbers with spaces) into
// the stored form and reports every broken rule as a Problem with a message
// in Indonesian a personnel clerk can act on (and its English variant). It
// does no I/O.
package registry

import (
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
)

// Problem is one broken rule of a record. A Warning does not block the
// record; anything else does.
type Problem struct {
	// Field is the model field at fault: "nip", "name", "gender", "kind",
	// "golongan", "status", "email", "phone", "birth_date", "unit".
	Field string
	// Code identifies the rule, e.g. "required", "nip.length", "email".
	Code string
	// Msg is the message for the clerk: an i18n catalogue key and its
	// format arguments, translated where the problem is shown (Text), and
	// its text in Indonesian and English for readers that keep both side by
	// side (the API's message_en, the import report); a problem without a
	// Key (the reasons of package nip, which carry both languages
	// themselves) has only the texts.
	i18n.Msg
	// Warning marks a problem to verify that does not block the record.
	Warning bool
}

// Field names used in Problem.Field.
const (
	FieldNIP           = "nip"
	FieldName          = "name"
	FieldGelarDepan    = "gelar_depan"
	FieldGelarBelakang = "gelar_belakang"
	FieldBirthPlace    = "birth_place"
	FieldBirthDate     = "birth_date"
	FieldGender        = "gender"
	FieldKind          = "kind"
	FieldGolongan      = "golongan"
	FieldUnit          = "unit"
	FieldEmail         = "email"
	FieldPhone         = "phone"
	FieldStatus        = "status"
)

// Problem codes besides the nip.Code* and nip.Warn* codes.
const (
	CodeRequired = "required"
	CodeGender   = "gender"
	CodeKind     = "kind"
	CodeGolongan = "golongan"
	CodeStatus   = "status"
	CodeEmail    = "email"
	CodePhone    = "phone"
	CodeRetired  = "retired_active"
	// CodeGolonganJenjang: a golongan outside the functional jenjang's range (a warning).
	CodeGolonganJenjang = "golongan.jenjang"
	CodeFuture          = "birth_date.future"
	CodeTooLong         = "too_long"
)

// problem returns a Problem with its message key, rendered in both languages.
func problem(field, code string, warning bool, key string, args ...any) Problem {
	return Problem{Field: field, Code: code, Warning: warning, Msg: i18n.NewMsg(key, args...)}
}

func errp(field, code, key string, args ...any) Problem {
	return problem(field, code, false, key, args...)
}

// ParseGender reads a gender as agencies write it: "L", "P", "Laki-laki",
// "Perempuan", "Pria", "Wanita", "1" (male), "2" (female), "M", "F",
// "Male", "Female", in any case. ok is false for anything else.
func ParseGender(s string) (model.Gender, bool) {
	switch s { // as exports write it, without the general walk's copies
	case "L":
		return model.Male, true
	case "P":
		return model.Female, true
	}
	k := strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '.' || r == '_' }), ""))
	switch k {
	case "l", "lk", "lakilaki", "laki", "pria", "1", "m", "male", "man":
		return model.Male, true
	case "p", "pr", "perempuan", "wanita", "2", "f", "female", "woman":
		return model.Female, true
	}
	return "", false
}

// ParseKind reads an employee kind: "PNS" (also "ASN PNS", "CPNS") or
// "PPPK" (also "P3K"), in any case.
func ParseKind(s string) (model.EmployeeKind, bool) {
	switch s {
	case "PNS":
		return model.PNS, true
	case "PPPK":
		return model.PPPK, true
	}
	k := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	switch k {
	case "PNS", "CPNS", "ASNPNS":
		return model.PNS, true
	case "PPPK", "P3K", "ASNPPPK":
		return model.PPPK, true
	}
	return "", false
}

// StatusLabel returns the Indonesian label of a status as exports write it
// ("Aktif", "CLTN", "Tugas Belajar", ...).
func StatusLabel(s model.Status) string {
	switch s {
	case model.StatusAktif:
		return "Aktif"
	case model.StatusCLTN:
		return "CLTN"
	case model.StatusTugasBelajar:
		return "Tugas Belajar"
	case model.StatusDiberhentikan:
		return "Diberhentikan Sementara"
	case model.StatusPindah:
		return "Pindah"
	case model.StatusPensiun:
		return "Pensiun"
	case model.StatusMeninggal:
		return "Meninggal"
	}
	return string(s)
}

// ParseStatus reads an employment status: the stored code ("tugas_belajar")
// or the label agencies write ("Aktif", "CLTN", "Cuti di Luar Tanggungan
// Negara", "Tugas Belajar", "TB", "Diberhentikan Sementara", "Pindah",
// "Mutasi Keluar", "Pensiun", "Purna Tugas", "Meninggal", "Wafat"), in any
// case. An empty value is model.StatusAktif.
func ParseStatus(s string) (model.Status, bool) {
	for _, st := range model.Statuses { // the labels exports write
		if s == StatusLabel(st) {
			return st, true
		}
	}
	k := strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '.' }), ""))
	switch k {
	case "", "aktif", "active", "pnsaktif", "bekerja":
		return model.StatusAktif, true
	case "cltn", "cutidiluartanggungannegara", "cutidlltanggungannegara":
		return model.StatusCLTN, true
	case "tugasbelajar", "tb":
		return model.StatusTugasBelajar, true
	case "diberhentikansementara", "pemberhentiansementara", "berhentisementara", "skorsing":
		return model.StatusDiberhentikan, true
	case "pindah", "mutasikeluar", "pindahkeluar", "pindahinstansi":
		return model.StatusPindah, true
	case "pensiun", "purnatugas", "purnabakti":
		return model.StatusPensiun, true
	case "meninggal", "meninggaldunia", "wafat", "almarhum":
		return model.StatusMeninggal, true
	}
	return "", false
}

// NormalizePhone turns a phone number as typed ("0812-3456 7890",
// "+62 812 3456 7890", "62812...", "812..." after a spreadsheet dropped the
// leading zero) into digits with a leading 0 or +62. ok is false when what
// remains is not 8 to 15 digits.
func NormalizePhone(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	plus := strings.HasPrefix(s, "+")
	d := s
	if !digitsOnly(s) { // most numbers are typed as digits only: nothing to drop
		var b strings.Builder
		for _, r := range s {
			switch {
			case r >= '0' && r <= '9':
				b.WriteRune(r)
			case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')' || r == '+' || r == '\u00a0' || r == '\'':
			default:
				return s, false
			}
		}
		d = b.String()
	}
	switch {
	case plus && strings.HasPrefix(d, "62"):
		d = "+" + d
	case plus:
		return s, false
	case strings.HasPrefix(d, "62") && len(d) >= 10:
		d = "+" + d
	case strings.HasPrefix(d, "8"):
		d = "0" + d
	case strings.HasPrefix(d, "0"):
	default:
		return s, false
	}
	n := len(strings.TrimPrefix(d, "+"))
	if n < 8 || n > 15 {
		return d, false
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

// CheckEmployee normalises e in place and returns every rule it breaks,
// errors and warnings. It is CheckEmployeePosition without a position: the
// retirement warning then uses the general retirement age (58).
func CheckEmployee(e *model.Employee, now time.Time) []Problem {
	return CheckEmployeePosition(e, now, model.DefaultRetirementAges().Age("", "", ""), "")
}

// CheckEmployeePosition normalises e in place and returns every rule it
// breaks. retireAge is the retirement age of the employee's post (the
// settings' model.RetirementAges.Age) for the "retired but still active"
// warning; jenjang, of a functional post, is what its golongan is compared with.
//
// Normalisation: the NIP to its digits (nip.Normalize); name, titles and
// birth place trimmed with white space collapsed; when the name carries
// titles ("Dr. Ahmad, S.T.") and both title fields are empty, the titles are
// moved to GelarDepan and GelarBelakang (names.Split); gender, kind and
// status from the labels agencies write (ParseGender, ParseKind,
// ParseStatus; an empty status is aktif); golongan to its canonical code
// (model.NormalizeGolongan); e-mail lower-cased and trimmed; phone to digits
// with a leading 0 or +62 (NormalizePhone).
//
// Inference: an empty kind is taken from the NIP when the number is valid as
// exactly one of a PNS NIP or an NI PPPK (PNS when valid as both); an empty
// birth date is taken from the NIP (both layouts begin with it); an empty
// gender is NOT taken from the NIP: it is required.
//
// Errors: NIP per kind (each rule of package nip, with the spreadsheet
// E-notation case explained), required fields (NIP, name, kind, gender,
// unit), unknown gender, kind, golongan (for the kind) or status, malformed
// e-mail or phone, a birth date in the future. Warnings: birth date or gender
// differing from the NIP (old records hold real, later-corrected differences,
// domain.md §5), an employee past retirement age still marked aktif, and a
// golongan outside the range of the functional position's jenjang.
func CheckEmployeePosition(e *model.Employee, now time.Time, retireAge int, jenjang string) []Problem {
	var ps []Problem
	e.NIP = nip.Normalize(e.NIP)
	e.Name = collapse(e.Name)
	e.GelarDepan = collapse(e.GelarDepan)
	e.GelarBelakang = collapse(e.GelarBelakang)
	e.BirthPlace = collapse(e.BirthPlace)
	if e.GelarDepan == "" && e.GelarBelakang == "" && e.Name != "" && mayHaveTitles(e.Name) {
		if f, bare, b := names.Split(e.Name); bare != "" && (f != "" || b != "") {
			e.GelarDepan, e.Name, e.GelarBelakang = f, bare, b
		}
	}
	e.Email = strings.ToLower(strings.TrimSpace(e.Email))
	if ps := tooLong(e); len(ps) > 0 {
		return ps // the other rules are checked once the fields fit
	}

	// Kind.
	rawKind := strings.TrimSpace(string(e.Kind))
	if rawKind == "" {
		if k, ok := kindFromNIP(e.NIP); ok {
			e.Kind = k
		} else {
			ps = append(ps, errp(FieldKind, CodeRequired, "err.registry.kind_required"))
		}
	} else if k, ok := ParseKind(rawKind); ok {
		e.Kind = k
	} else {
		ps = append(ps, errp(FieldKind, CodeKind, "err.employee.kind_unknown", rawKind))
		e.Kind = ""
	}

	// NIP.
	var info nip.Info
	nipOK := false
	if e.NIP == "" {
		ps = append(ps, errp(FieldNIP, CodeRequired, "err.registry.nip_required"))
	} else {
		kind := e.Kind
		if kind == "" {
			kind = model.PNS
		}
		in, err := nip.Parse(e.NIP, kind)
		if err != nil {
			ne := err.(*nip.Error)
			ps = append(ps, errp(FieldNIP, ne.Code, "err.text", ne))
		} else {
			info, nipOK = in, true
		}
	}

	// Name.
	if e.Name == "" {
		ps = append(ps, errp(FieldName, CodeRequired, "err.registry.name_required"))
	}

	// Gender.
	rawGender := strings.TrimSpace(string(e.Gender))
	if rawGender == "" {
		ps = append(ps, errp(FieldGender, CodeRequired, "err.registry.gender_required"))
	} else if g, ok := ParseGender(rawGender); ok {
		e.Gender = g
	} else {
		ps = append(ps, errp(FieldGender, CodeGender, "err.registry.gender_unknown", rawGender))
		e.Gender = ""
	}

	// Unit.
	if e.UnitID == 0 {
		ps = append(ps, errp(FieldUnit, CodeRequired, "err.registry.unit_required"))
	}

	// Golongan.
	if g := strings.TrimSpace(e.Golongan); g == "" {
		e.Golongan = ""
	} else if e.Kind != "" {
		if canonicalGolongan(e.Kind, g) {
			e.Golongan = g
		} else if code, ok := model.NormalizeGolongan(e.Kind, g); ok {
			e.Golongan = code
		} else {
			hint := i18n.Key("err.registry.golongan_hint_pns")
			if e.Kind == model.PPPK {
				hint = "err.registry.golongan_hint_pppk"
			}
			ps = append(ps, errp(FieldGolongan, CodeGolongan, "err.registry.golongan_unknown", g, e.Kind, hint))
		}
	}

	// Status.
	rawStatus := strings.TrimSpace(string(e.Status))
	if st, ok := ParseStatus(rawStatus); ok {
		e.Status = st
	} else {
		ps = append(ps, errp(FieldStatus, CodeStatus, "err.registry.status_unknown", rawStatus))
	}

	// E-mail and phone.
	if e.Email != "" && !model.ValidEmail(e.Email) {
		ps = append(ps, errp(FieldEmail, CodeEmail, "err.registry.email_invalid", e.Email))
	}
	if p, ok := NormalizePhone(e.Phone); ok {
		e.Phone = p
	} else {
		ps = append(ps, errp(FieldPhone, CodePhone, "err.registry.phone_invalid", strings.TrimSpace(e.Phone)))
	}

	// Birth date.
	if e.BirthDate.IsZero() && nipOK {
		e.BirthDate = info.BirthDate
	}
	if !e.BirthDate.IsZero() && e.BirthDate.After(now) {
		ps = append(ps, errp(FieldBirthDate, CodeFuture, "err.registry.birth_date_future", e.BirthDate.Format("02-01-2006")))
	}

	// Warnings.
	if nipOK {
		for _, w := range nip.CheckConsistency(info, e.BirthDate, e.Gender) {
			f := FieldBirthDate
			if w.Code == nip.WarnGender {
				f = FieldGender
			}
			ps = append(ps, problem(f, w.Code, true, w.Key, w.Args...))
		}
	}
	if e.Status == model.StatusAktif && !e.BirthDate.IsZero() {
		age := retireAge
		if r := model.RetirementDate(e.BirthDate, age); !r.After(now) {
			ps = append(ps, problem(FieldStatus, CodeRetired, true, "err.registry.retired_active", age, r.Format("02-01-2006")))
		}
	}
	if lo, hi, fits := model.GolonganFitsJenjang(e.Kind, e.Golongan, jenjang); !fits {
		ps = append(ps, problem(FieldGolongan, CodeGolonganJenjang, true, "err.registry.golongan_jenjang",
			e.Golongan, i18n.Key("jenjang."+jenjang), lo, hi))
	}
	return ps
}

// tooLong reports the free-text fields of e over their length limits
// (model.MaxName …), before any other rule quotes them in a message.
func tooLong(e *model.Employee) []Problem {
	var ps []Problem
	for _, f := range []struct {
		field, label string
		v            string
		max          int
	}{
		{FieldName, "field.name", e.Name, model.MaxName},
		{FieldGelarDepan, "field.gelar_depan", e.GelarDepan, model.MaxTitles},
		{FieldGelarBelakang, "field.gelar_belakang", e.GelarBelakang, model.MaxTitles},
		{FieldBirthPlace, "field.birth_place", e.BirthPlace, model.MaxPlace},
		{FieldEmail, "field.email", e.Email, model.MaxEmail},
		{FieldPhone, "field.phone", e.Phone, model.MaxPhone * 2}, // as typed, with spaces and dashes
		{FieldGolongan, "field.golongan", e.Golongan, model.MaxCode},
		{FieldStatus, "field.status", string(e.Status), model.MaxCode},
		{FieldKind, "field.kind", string(e.Kind), model.MaxCode},
		{FieldGender, "field.gender", string(e.Gender), model.MaxCode},
	} {
		if model.TooLong(f.v, f.max) {
			ps = append(ps, errp(f.field, CodeTooLong, "err.common.too_long", i18n.Key(f.label), f.max))
		}
	}
	return ps
}

// HasError reports whether ps holds a problem that is not a warning.
func HasError(ps []Problem) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// canonical holds the canonical golongan codes per kind, so that values
// already written canonically skip model.NormalizeGolongan.
var canonical = func() map[model.EmployeeKind]map[string]bool {
	m := map[model.EmployeeKind]map[string]bool{model.PNS: {}, model.PPPK: {}}
	for _, g := range model.PNSGolongan {
		m[model.PNS][g.Code] = true
	}
	for _, g := range model.PPPKGolongan {
		m[model.PPPK][g] = true
	}
	return m
}()

func canonicalGolongan(k model.EmployeeKind, g string) bool { return canonical[k][g] }

// kindFromNIP infers PNS or PPPK from a NIP valid as one of them.
func kindFromNIP(n string) (model.EmployeeKind, bool) {
	if n == "" {
		return "", false
	}
	if _, err := nip.Parse(n, model.PNS); err == nil {
		return model.PNS, true
	}
	if _, err := nip.Parse(n, model.PPPK); err == nil {
		return model.PPPK, true
	}
	return "", false
}

// mayHaveTitles is a cheap test that lets names without a dot or comma (the
// common case) skip names.Split.
func mayHaveTitles(s string) bool {
	if strings.ContainsAny(s, ".,") {
		return true
	}
	// Dotless front titles ("Ir Sutrisno", "Drs Ahmad", "dr Budi").
	w, _, _ := strings.Cut(s, " ")
	switch strings.ToLower(w) {
	case "prof", "dr", "drs", "dra", "drg", "drh", "ir", "hj", "kh", "ns", "apt", "bd":
		return true
	}
	return false
}

// collapse trims s and collapses runs of white space to one space; it
// returns s itself when there is nothing to change.
func collapse(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if prevSpace {
				clean = false
				break
			}
			prevSpace = true
			continue
		}
		if c < ' ' || c >= 0x80 {
			clean = false
			break
		}
		prevSpace = false
	}
	if clean && !prevSpace || s == "" {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
