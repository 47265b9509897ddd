package importer

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kompeten/kompeten/internal/table"
)

// field is one column Kompeten knows in an import file: Key is the name
// used in HeaderMap values ("nip", "birth_date"), Header the canonical
// header as exports write it ("TANGGAL LAHIR"), Aliases the other headers
// agencies write. Matching goes through the table reader's one function.
type field = table.Field

// Canonical field names of employee files (the values a HeaderMap maps to).
const (
	fNIP           = "nip"
	fName          = "name"
	fGelarDepan    = "gelar_depan"
	fGelarBelakang = "gelar_belakang"
	fBirthPlace    = "birth_place"
	fBirthDate     = "birth_date"
	fGender        = "gender"
	fKind          = "kind"
	fGolongan      = "golongan"
	fPositionCode  = "position_code"
	fPosition      = "position"
	fPositionType  = "position_type"
	fJenjang       = "jenjang"
	fUnitCode      = "unit_code"
	fUnit          = "unit"
	fSupervisorNIP = "supervisor_nip"
	fEmail         = "email"
	fPhone         = "phone"
	fStatus        = "status"
	fParentCode    = "parent_code"
	fUnitKind      = "unit_kind"
	fIsHead        = "is_head"
)

// employeeFields are the columns of an employee file, in export order.
var employeeFields = []field{
	{Key: fNIP, Header: "NIP", Aliases: []string{"NIP BARU", "NIP PNS", "NIP PPPK", "NI PPPK", "NIP/NI PPPK", "NOMOR INDUK PEGAWAI", "NOMOR INDUK PPPK", "NIP 18"}},
	{Key: fName, Header: "NAMA", Aliases: []string{"NAMA LENGKAP", "NAMA PEGAWAI", "NAMA ASN", "NAMA PNS", "NAMA TANPA GELAR"}},
	{Key: fGelarDepan, Header: "GELAR DEPAN", Aliases: []string{"GLR DEPAN", "GELAR DPN"}},
	{Key: fGelarBelakang, Header: "GELAR BELAKANG", Aliases: []string{"GLR BELAKANG", "GELAR BLK"}},
	{Key: fBirthPlace, Header: "TEMPAT LAHIR", Aliases: []string{"TMP LAHIR", "TPT LAHIR", "TEMPAT LHR"}},
	{Key: fBirthDate, Header: "TANGGAL LAHIR", Aliases: []string{"TGL LAHIR", "TGL. LAHIR", "TGL LHR", "TANGGAL LHR", "TGLLAHIR"}},
	{Key: fGender, Header: "JENIS KELAMIN", Aliases: []string{"JK", "L/P", "KELAMIN", "GENDER", "SEX"}},
	{Key: fKind, Header: "STATUS PEGAWAI", Aliases: []string{"JENIS PEGAWAI", "JENIS ASN", "STATUS ASN", "PNS/PPPK", "JENIS KEPEGAWAIAN"}},
	{Key: fGolongan, Header: "GOL/RUANG", Aliases: []string{"GOLONGAN", "GOL", "GOL. RUANG", "GOLONGAN RUANG", "GOLONGAN/RUANG", "PANGKAT GOL", "PANGKAT/GOL", "PANGKAT GOLONGAN", "PANGKAT/GOL/RUANG", "GOL RUANG"}},
	{Key: fPositionCode, Header: "KODE JABATAN", Aliases: []string{"ID JABATAN", "KD JABATAN"}},
	{Key: fPosition, Header: "JABATAN", Aliases: []string{"NAMA JABATAN", "JABATAN SAAT INI"}},
	{Key: fPositionType, Header: "JENIS JABATAN", Aliases: []string{"TIPE JABATAN"}},
	{Key: fJenjang, Header: "JENJANG", Aliases: []string{"JENJANG JABATAN", "JENJANG FUNGSIONAL"}},
	{Key: fUnitCode, Header: "KODE UNIT", Aliases: []string{"KODE UNIT KERJA", "KODE OPD", "KODE SATKER", "KD UNIT", "ID UNIT"}},
	{Key: fUnit, Header: "UNIT KERJA", Aliases: []string{"UNIT ORGANISASI", "SATUAN KERJA", "SATKER", "OPD", "UNIT", "NAMA UNIT", "NAMA UNIT KERJA", "INSTANSI", "PERANGKAT DAERAH"}},
	{Key: fSupervisorNIP, Header: "NIP ATASAN", Aliases: []string{"NIP ATASAN LANGSUNG", "ATASAN NIP"}},
	{Key: fEmail, Header: "EMAIL", Aliases: []string{"E-MAIL", "SUREL", "ALAMAT EMAIL", "EMAIL DINAS", "SUREL DINAS"}},
	{Key: fPhone, Header: "NO HP", Aliases: []string{"TELEPON", "HP", "NO. HP", "NOMOR HP", "NO TELP", "NO TELEPON", "NOMOR TELEPON", "TELP", "NO WA", "HANDPHONE", "NO HANDPHONE"}},
	{Key: fStatus, Header: "STATUS", Aliases: []string{"KEDUDUKAN HUKUM", "KEDUDUKAN", "STATUS KEPEGAWAIAN AKTIF"}},
}

// unitFields are the columns of an org-unit file.
var unitFields = []field{
	{Key: fUnitCode, Header: "KODE UNIT", Aliases: []string{"KODE", "KODE UNIT KERJA", "KODE OPD", "KD UNIT", "ID UNIT"}},
	{Key: fUnit, Header: "NAMA UNIT", Aliases: []string{"NAMA", "UNIT KERJA", "NAMA UNIT KERJA", "UNIT ORGANISASI", "SATUAN KERJA", "OPD"}},
	{Key: fUnitKind, Header: "JENIS UNIT", Aliases: []string{"JENIS", "TINGKAT", "LEVEL"}},
	{Key: fParentCode, Header: "KODE INDUK", Aliases: []string{"KODE UNIT INDUK", "INDUK", "KODE ATASAN", "PARENT"}},
}

// positionFields are the columns of a position file.
var positionFields = []field{
	{Key: fPositionCode, Header: "KODE JABATAN", Aliases: []string{"KODE", "ID JABATAN", "KD JABATAN"}},
	{Key: fPosition, Header: "JABATAN", Aliases: []string{"NAMA JABATAN", "NAMA"}},
	{Key: fPositionType, Header: "JENIS JABATAN", Aliases: []string{"TIPE JABATAN", "JENIS"}},
	{Key: fJenjang, Header: "JENJANG", Aliases: []string{"JENJANG JABATAN"}},
	{Key: fUnitCode, Header: "KODE UNIT", Aliases: []string{"KODE UNIT KERJA", "KODE OPD", "KD UNIT"}},
	{Key: fUnit, Header: "UNIT KERJA", Aliases: []string{"NAMA UNIT", "UNIT ORGANISASI", "SATUAN KERJA", "OPD"}},
	{Key: fIsHead, Header: "KEPALA UNIT", Aliases: []string{"KEPALA", "PIMPINAN UNIT", "IS HEAD"}},
}

// headerKey reduces a header to the letters and digits of its upper-case
// form, so that "Tgl. Lahir", "TGL LAHIR" and "tgl_lahir" match.
func headerKey(s string) string { return table.HeaderKey(s) }

// columns says which file column holds which field.
type columns struct {
	idx     map[string]int    // field key → column index
	header  map[string]string // field key → header text as in the file
	headers []string          // the file's header row
	unknown []string          // headers neither known nor mapped
}

// get returns the trimmed cell of field key, or "" when the column is absent.
func (c *columns) get(cells []string, key string) string {
	i, ok := c.idx[key]
	if !ok || i >= len(cells) {
		return ""
	}
	return cleanCell(cells[i])
}

// has reports whether the file has a column for key.
func (c *columns) has(key string) bool { _, ok := c.idx[key]; return ok }

// col returns the file's header text for key, or the canonical header.
func (c *columns) col(key string, fields []field) string {
	if h, ok := c.header[key]; ok {
		return h
	}
	for _, f := range fields {
		if f.Key == key {
			return f.Header
		}
	}
	return key
}

// fieldFor resolves a header (or a HeaderMap target: a field name or any
// header) to a field key.
func fieldFor(fields []field, s string) (string, bool) { return table.Lookup(fields, s) }

// matchHeader maps a header row to fields. User mappings (header → field
// name) come first; a target that is not a field is an error. Headers
// neither known nor mapped are listed in unknown. A field matched by two
// columns keeps the first.
func matchHeader(fields []field, row []string, userMap map[string]string) (*columns, error) {
	c := &columns{idx: map[string]int{}, header: map[string]string{}, headers: append([]string(nil), row...)}
	um := map[string]string{}
	for from, to := range userMap {
		key, ok := fieldFor(fields, to)
		if !ok && strings.TrimSpace(to) != "" {
			return nil, fmt.Errorf("pemetaan kolom %q ke %q: %q bukan nama isian yang dikenal (%s)", from, to, to, fieldList(fields))
		}
		um[headerKey(from)] = key // an empty target ignores the column
	}
	for i, h := range row {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if h == "" {
			continue
		}
		key, mapped := um[headerKey(h)]
		if !mapped {
			var ok bool
			if key, ok = fieldFor(fields, h); !ok {
				c.unknown = append(c.unknown, h)
				continue
			}
		}
		if key == "" {
			continue
		}
		if _, dup := c.idx[key]; dup {
			continue
		}
		c.idx[key] = i
		c.header[key] = h
	}
	return c, nil
}

// score counts how many cells of a row are known headers: the header row
// is the first of the opening rows that scores at least 2.
func score(fields []field, row []string, userMap map[string]string) int {
	um := map[string]bool{}
	for from := range userMap {
		um[headerKey(from)] = true
	}
	n := 0
	for _, h := range row {
		if _, ok := fieldFor(fields, h); ok || um[headerKey(h)] {
			n++
		}
	}
	return n
}

// fieldList describes the known fields for messages: "nip (NIP), name (NAMA), ...".
func fieldList(fields []field) string {
	var parts []string
	for _, f := range fields {
		parts = append(parts, fmt.Sprintf("%s (%s)", f.Key, f.Header))
	}
	return strings.Join(parts, ", ")
}

// headersOf returns the canonical headers of fields, in order.
func headersOf(fields []field) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Header
	}
	return out
}

// sortedUnknown returns unknown headers sorted for a stable message.
func sortedUnknown(u []string) []string {
	out := append([]string(nil), u...)
	sort.Strings(out)
	return out
}
