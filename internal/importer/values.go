package importer

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// cleanCell trims a cell and removes the apostrophe that exports put before
// a value a spreadsheet would run as a formula ("'=SUM(A1)" → "=SUM(A1)"),
// so that an export re-imports exactly. An apostrophe before anything else
// is kept (NIP cells lose theirs in nip.Normalize).
func cleanCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && isFormulaStart(s[1]) {
		return s[1:]
	}
	if s == "" || (s[0] > ' ' && s[len(s)-1] > ' ') {
		return s
	}
	return strings.TrimSpace(s)
}

func isFormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// neutralize prefixes a cell that a spreadsheet would run as a formula
// (starting with = + - @ tab or CR) with an apostrophe; cleanCell undoes it.
func neutralize(s string) string {
	if s != "" && isFormulaStart(s[0]) {
		return "'" + s
	}
	return s
}

var monthNames = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "februari": 2, "pebruari": 2, "february": 2,
	"mar": 3, "maret": 3, "march": 3,
	"apr": 4, "april": 4,
	"mei": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"agu": 8, "agt": 8, "ags": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oktober": 10, "oct": 10, "october": 10,
	"nov": 11, "nopember": 11, "november": 11,
	"des": 12, "desember": 12, "dec": 12, "december": 12,
}

// parseDate reads a date as agencies write it: dd-mm-yyyy, dd/mm/yyyy,
// dd.mm.yyyy (day first, as Indonesian spreadsheets do), yyyy-mm-dd,
// "8 Januari 1966" or "08-Jan-1966"; with serial, a whole number is an Excel
// date serial (days since 1899-12-30), as XLSX cells store dates. The zero
// time and ok=true for an empty cell; ok=false with a message for a date that
// does not exist or cannot be read.
func parseDate(s string, serial bool) (t time.Time, ok bool, id, en string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true, "", ""
	}
	bad := func() (time.Time, bool, string, string) {
		return time.Time{}, false,
			fmt.Sprintf("tanggal %q tidak dapat dibaca: tulis sebagai dd-mm-yyyy, misalnya 08-01-1966", s),
			fmt.Sprintf("date %q cannot be read: write it as dd-mm-yyyy, e.g. 08-01-1966", s)
	}
	if serial {
		if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 && f < 2958466 {
			d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))
			return d, true, "", ""
		}
	}
	// ISO timestamp from a system export: keep the date part.
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') && s[4] == '-' {
		s = s[:10]
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == ' ' })
	if len(parts) != 3 {
		return bad()
	}
	var y, m, d int
	var err1, err2, err3 error
	if len(parts[0]) == 4 { // yyyy-mm-dd
		y, err1 = strconv.Atoi(parts[0])
		m, err2 = strconv.Atoi(parts[1])
		d, err3 = strconv.Atoi(parts[2])
	} else {
		d, err1 = strconv.Atoi(parts[0])
		if mn, ok := monthNames[strings.ToLower(parts[1])]; ok {
			m = int(mn)
		} else {
			m, err2 = strconv.Atoi(parts[1])
		}
		y, err3 = strconv.Atoi(parts[2])
		if err3 == nil && len(parts[2]) == 2 {
			return bad() // two-digit years are ambiguous for birth dates
		}
	}
	if err1 != nil || err2 != nil || err3 != nil || y < 1000 || y > 9999 {
		return bad()
	}
	t = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || int(t.Month()) != m {
		return time.Time{}, false,
			fmt.Sprintf("tanggal %q tidak ada di kalender", s),
			fmt.Sprintf("date %q does not exist", s)
	}
	return t, true, "", ""
}

// formatDate writes a date as exports do: dd-mm-yyyy ("" for zero).
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02-01-2006")
}

// positionTypeLabels are the labels of position types in files.
var positionTypeLabels = map[model.PositionType]string{
	model.JPTUtama: "JPT Utama", model.JPTMadya: "JPT Madya", model.JPTPratama: "JPT Pratama",
	model.Administrator: "Administrator", model.Pengawas: "Pengawas",
	model.Fungsional: "Fungsional", model.Pelaksana: "Pelaksana",
}

// parsePositionType reads a position type: the code ("jpt_pratama") or the
// label ("JPT Pratama", "Pimpinan Tinggi Pratama", "Eselon II", "JFT",
// "JFU"...). ok is false for anything else.
func parsePositionType(s string) (model.PositionType, bool) {
	k := strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '_' || r == '-' || r == '.' }), ""))
	switch k {
	case "jptutama", "pimpinantinggiutama", "jabatanpimpinantinggiutama", "eseloni", "eselon1":
		return model.JPTUtama, true
	case "jptmadya", "pimpinantinggimadya", "jabatanpimpinantinggimadya", "eselonia", "eselonib", "eselon1b":
		return model.JPTMadya, true
	case "jptpratama", "pimpinantinggipratama", "jabatanpimpinantinggipratama", "eselonii", "eselon2", "eseloniia", "eseloniib":
		return model.JPTPratama, true
	case "administrator", "jabatanadministrator", "eseloniii", "eselon3", "eseloniiia", "eseloniiib":
		return model.Administrator, true
	case "pengawas", "jabatanpengawas", "eseloniv", "eselon4", "eseloniva", "eselonivb":
		return model.Pengawas, true
	case "fungsional", "jabatanfungsional", "jft", "fungsionaltertentu":
		return model.Fungsional, true
	case "pelaksana", "jabatanpelaksana", "jfu", "fungsionalumum", "staf", "staff":
		return model.Pelaksana, true
	}
	return "", false
}

// jenjangLabels are the labels of functional levels in files.
var jenjangLabels = map[string]string{
	"ahli_pertama": "Ahli Pertama", "ahli_muda": "Ahli Muda", "ahli_madya": "Ahli Madya", "ahli_utama": "Ahli Utama",
	"pemula": "Pemula", "terampil": "Terampil", "mahir": "Mahir", "penyelia": "Penyelia",
}

// parseJenjang reads a functional level: "Ahli Pertama", "ahli_pertama",
// "Terampil", ... ok is false for anything else.
func parseJenjang(s string) (string, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), "_"))
	for code := range jenjangLabels {
		if k == code {
			return code, true
		}
	}
	return "", false
}

// jenjangInTitle finds a functional level at the end of a position title
// ("Pranata Komputer Ahli Pertama" → "ahli_pertama").
func jenjangInTitle(title string) (string, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(title), " "))
	for code, label := range jenjangLabels {
		if strings.HasSuffix(t, " "+strings.ToLower(label)) {
			return code, true
		}
	}
	return "", false
}

// inferPosition guesses the type of a new position from its title and the
// kind of its unit, for titles without a JENIS JABATAN cell:
//
//   - a title ending in a functional level ("... Ahli Pertama", "...
//     Terampil") is fungsional at that level;
//   - "Kepala ...", "Sekretaris ...", "Camat", "Lurah", "Inspektur" are
//     managerial: JPT Pratama heading an OPD or the pemda, Administrator
//     heading a bidang (and "Sekretaris", "Camat"), Pengawas heading a
//     seksi, UPT or kelurahan; a "Kepala ..." title is the head of its unit
//     when the unit has no head post yet;
//   - anything else is pelaksana.
//
// The dry run lists each new position with its guessed type so that the
// clerk can correct it (a JENIS JABATAN column wins over the guess).
func inferPosition(title string, unitKind model.UnitKind) (t model.PositionType, jenjang string, head bool) {
	if j, ok := jenjangInTitle(title); ok {
		return model.Fungsional, j, false
	}
	low := strings.ToLower(strings.TrimSpace(title))
	first, _, _ := strings.Cut(low, " ")
	switch first {
	case "kepala", "camat", "lurah", "inspektur":
		head = true
	case "sekretaris":
		if strings.HasPrefix(low, "sekretaris daerah") {
			return model.JPTMadya, "", true
		}
		return model.Administrator, "", false
	default:
		return model.Pelaksana, "", false
	}
	switch {
	case first == "camat":
		return model.Administrator, "", true
	case first == "lurah":
		return model.Pengawas, "", true
	case strings.HasPrefix(low, "kepala seksi"), strings.HasPrefix(low, "kepala sub"), strings.HasPrefix(low, "kepala upt"):
		return model.Pengawas, "", true
	case strings.HasPrefix(low, "kepala bidang"), strings.HasPrefix(low, "kepala bagian"):
		return model.Administrator, "", true
	}
	switch unitKind {
	case model.UnitPemda, model.UnitOPD:
		return model.JPTPratama, "", true
	case model.UnitBidang:
		return model.Administrator, "", true
	}
	return model.Pengawas, "", true
}

// unitKindLabels are the labels of unit kinds in files.
var unitKindLabels = map[model.UnitKind]string{
	model.UnitPemda: "Pemda", model.UnitOPD: "OPD", model.UnitBidang: "Bidang", model.UnitSeksi: "Seksi",
	model.UnitUPT: "UPT", model.UnitKelurahan: "Kelurahan", model.UnitKindOthers: "Lainnya",
}

// parseUnitKind reads a unit kind: the code or label ("OPD", "Dinas",
// "Badan", "Bagian", "Subbagian", "Puskesmas", "Sekolah", ...).
func parseUnitKind(s string) (model.UnitKind, bool) {
	k := strings.ToLower(strings.Join(strings.Fields(s), ""))
	switch k {
	case "pemda", "pemerintahdaerah", "pemkot", "pemkab", "pemprov":
		return model.UnitPemda, true
	case "opd", "dinas", "badan", "kantor", "kecamatan", "sekretariat", "inspektorat", "satpolpp", "perangkatdaerah":
		return model.UnitOPD, true
	case "bidang", "bagian", "sekretariatopd":
		return model.UnitBidang, true
	case "seksi", "subbagian", "subbidang", "subbag", "subbid":
		return model.UnitSeksi, true
	case "upt", "uptd", "sekolah", "puskesmas", "unitpelaksanateknis":
		return model.UnitUPT, true
	case "kelurahan", "desa":
		return model.UnitKelurahan, true
	case "lainnya", "lain", "other":
		return model.UnitKindOthers, true
	}
	return "", false
}

// parseBool reads yes/no cells: "Ya", "Y", "1", "TRUE", "Kepala" / "Tidak",
// "T", "N", "0", "FALSE", "".
func parseBool(s string) (v, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ya", "y", "yes", "1", "true", "benar", "v", "x", "kepala":
		return true, true
	case "", "tidak", "t", "n", "no", "0", "false", "salah", "bukan", "-":
		return false, true
	}
	return false, false
}

// foldKey reduces a unit name or position title for lookup: lower case,
// white space collapsed.
func foldKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
