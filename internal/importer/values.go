package importer

import (
	"errors"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/date"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/table"
)

// cleanCell trims a cell and removes the apostrophe that exports put before
// a value a spreadsheet would run as a formula ("'=SUM(A1)" → "=SUM(A1)"),
// so that an export re-imports exactly. An apostrophe before anything else
// is kept (NIP cells lose theirs in nip.Normalize).
func cleanCell(s string) string {
	s = table.PlainCell(s)
	if s == "" || (s[0] > ' ' && s[len(s)-1] > ' ') {
		return s
	}
	return strings.TrimSpace(s)
}

// parseDate reads a date cell through the one date parser (internal/date);
// with serial (XLSX cells) a number is an Excel serial date. The zero time
// and ok=true for an empty cell; ok=false with a message in Indonesian and
// English for a date that does not exist or cannot be read.
func parseDate(s string, serial bool) (t time.Time, ok bool, id, en string) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, true, "", ""
	}
	t, err := date.ParseCell(s, serial)
	var de *date.Error
	if errors.As(err, &de) {
		return time.Time{}, false, de.ID, de.EN
	}
	return t, err == nil, "", ""
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
