// Package model holds Kompeten's domain types and the rules that belong to a
// single value (valid golongan, retirement age, status names). It does no I/O.
package model

import "time"

// UnitKind names the level of an organisation unit. The tree may be of any
// depth; the kind is descriptive, not structural.
type UnitKind string

// Unit kinds used by Indonesian regional governments.
const (
	UnitPemda      UnitKind = "pemda"     // the regional government, root of the tree
	UnitOPD        UnitKind = "opd"       // dinas, badan, sekretariat, kecamatan office
	UnitBidang     UnitKind = "bidang"    // bidang, bagian, sekretariat of an OPD
	UnitSeksi      UnitKind = "seksi"     // seksi, subbagian, subbidang
	UnitUPT        UnitKind = "upt"       // school, puskesmas, other technical unit
	UnitKelurahan  UnitKind = "kelurahan" // village-level office under a kecamatan
	UnitKindOthers UnitKind = "lainnya"   // anything else
)

// UnitKinds lists the valid unit kinds in display order.
var UnitKinds = []UnitKind{UnitPemda, UnitOPD, UnitBidang, UnitSeksi, UnitUPT, UnitKelurahan, UnitKindOthers}

// OrgUnit is one node of the organisation tree.
type OrgUnit struct {
	ID       int64
	Code     string // stable code as the agency writes it, unique
	Name     string
	Kind     UnitKind
	ParentID int64  // 0 for the root
	Path     string // materialised path of IDs, e.g. "/1/7/42/", for subtree queries
	Depth    int
}

// PositionType is the kind of a position (jabatan) per UU 20/2023.
type PositionType string

// Position types.
const (
	JPTUtama      PositionType = "jpt_utama"
	JPTMadya      PositionType = "jpt_madya"
	JPTPratama    PositionType = "jpt_pratama"
	Administrator PositionType = "administrator"
	Pengawas      PositionType = "pengawas"
	Fungsional    PositionType = "fungsional"
	Pelaksana     PositionType = "pelaksana"
)

// PositionTypes lists position types from the highest managerial post down.
var PositionTypes = []PositionType{JPTUtama, JPTMadya, JPTPratama, Administrator, Pengawas, Fungsional, Pelaksana}

// Managerial reports whether positions of this type lead a unit.
func (t PositionType) Managerial() bool {
	switch t {
	case JPTUtama, JPTMadya, JPTPratama, Administrator, Pengawas:
		return true
	}
	return false
}

// Jenjang levels of functional positions (keahlian then keterampilan).
var Jenjangs = []string{
	"ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama",
	"pemula", "terampil", "mahir", "penyelia",
}

// Position is a post (jabatan) in a unit. Identity is its code, or its title
// within its unit.
type Position struct {
	ID      int64
	Code    string
	Title   string
	Type    PositionType
	Jenjang string // functional only; see Jenjangs
	UnitID  int64
	IsHead  bool // the managerial post that heads UnitID
}

// EmployeeKind distinguishes civil servants from contract employees.
type EmployeeKind string

// Employee kinds.
const (
	PNS  EmployeeKind = "PNS"
	PPPK EmployeeKind = "PPPK"
)

// Status is an employee's employment status.
type Status string

// Employment statuses (domain.md §5).
const (
	StatusAktif         Status = "aktif"
	StatusCLTN          Status = "cltn"
	StatusTugasBelajar  Status = "tugas_belajar"
	StatusDiberhentikan Status = "diberhentikan_sementara"
	StatusPindah        Status = "pindah"
	StatusPensiun       Status = "pensiun"
	StatusMeninggal     Status = "meninggal"
)

// Statuses lists valid statuses.
var Statuses = []Status{StatusAktif, StatusCLTN, StatusTugasBelajar, StatusDiberhentikan, StatusPindah, StatusPensiun, StatusMeninggal}

// Gender as recorded: "L" (laki-laki) or "P" (perempuan).
type Gender string

// Genders.
const (
	Male   Gender = "L"
	Female Gender = "P"
)

// Employee is one ASN (PNS or PPPK).
type Employee struct {
	ID            int64
	NIP           string // 18 digits, no spaces
	Name          string // as written in records, may contain titles
	GelarDepan    string // front titles, e.g. "Dr., H."
	GelarBelakang string // back titles, e.g. "S.T., M.Kom."
	BirthPlace    string
	BirthDate     time.Time
	Gender        Gender
	Kind          EmployeeKind
	Golongan      string // "III/a" for PNS, "IX" for PPPK
	PositionID    int64
	UnitID        int64
	SupervisorID  int64 // effective direct supervisor (0 = none)
	SupervisorSet bool  // true when SupervisorID was given explicitly, false when derived from the unit head
	Email         string
	Phone         string
	Status        Status
	UpdatedAt     time.Time
}

// HistoryEntry is one change of an employee's position, unit or status.
type HistoryEntry struct {
	ID         int64
	EmployeeID int64
	At         time.Time
	Field      string // "position", "unit", "status", "golongan"
	OldValue   string
	NewValue   string
	ActorID    int64
}
