package model

import "time"

// The training capability's records (issue 13). Their rules (Validate) live
// beside them in provider.go, programme.go, training_session.go, plan.go and
// enrolment.go; the stored values are the constants below.

// ProviderKind is what kind of partner runs a programme.
type ProviderKind string

// The kinds of partner.
const (
	ProviderUniversity  ProviderKind = "universitas"
	ProviderCompany     ProviderKind = "perusahaan"
	ProviderGovernment  ProviderKind = "lembaga_pemerintah" // LAN, BPSDM Provinsi, ministries' training centres
	ProviderInternal    ProviderKind = "internal"           // the city's own trainers
	ProviderOtherAgency ProviderKind = "instansi_lain"
)

// ProviderKinds lists the kinds in the order forms offer them.
var ProviderKinds = []ProviderKind{ProviderUniversity, ProviderCompany, ProviderGovernment, ProviderInternal, ProviderOtherAgency}

// Provider is a partner (penyelenggara, mitra) with its cooperation
// agreement. Dates are ISO (YYYY-MM-DD); Price is rupiah per JP or per
// participant (PriceBasis "jp" or "peserta"); Rating is in tenths (0–50).
type Provider struct {
	ID            int64
	Name          string
	Kind          ProviderKind
	ContactName   string
	Email         string
	Phone         string
	Address       string
	Website       string
	Accreditation string
	MoUNo         string
	MoUFrom       string
	MoUUntil      string
	PriceBasis    string
	Price         int64
	Rating        int
	Active        bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// DevForm is a form of competency development of Peraturan LAN 10/2018.
type DevForm string

// DevFormCategory groups the forms as the regulation does.
type DevFormCategory string

// The categories.
const (
	FormEducation    DevFormCategory = "pendidikan"
	FormClassroom    DevFormCategory = "klasikal"
	FormNonClassroom DevFormCategory = "nonklasikal"
)

// DevFormInfo is one form with its category. The label is the catalogue's
// "devform.<key>".
type DevFormInfo struct {
	Key      DevForm
	Category DevFormCategory
}

// DevForms lists the forms, as data: pendidikan, then pelatihan klasikal,
// then nonklasikal (domain.md §4).
var DevForms = []DevFormInfo{
	{"tugas_belajar", FormEducation},
	{"kepemimpinan", FormClassroom}, {"manajerial", FormClassroom}, {"teknis", FormClassroom}, {"fungsional", FormClassroom},
	{"sosial_kultural", FormClassroom}, {"seminar", FormClassroom}, {"workshop", FormClassroom}, {"kursus", FormClassroom},
	{"penataran", FormClassroom}, {"bimtek", FormClassroom}, {"sosialisasi", FormClassroom},
	{"coaching", FormNonClassroom}, {"mentoring", FormNonClassroom}, {"e_learning", FormNonClassroom},
	{"jarak_jauh", FormNonClassroom}, {"detasering", FormNonClassroom}, {"outbound", FormNonClassroom},
	{"patok_banding", FormNonClassroom}, {"pertukaran", FormNonClassroom}, {"belajar_mandiri", FormNonClassroom},
	{"komunitas_belajar", FormNonClassroom}, {"bimbingan_kerja", FormNonClassroom}, {"magang", FormNonClassroom},
}

// FormInfo returns the form's entry and whether it is known.
func FormInfo(f DevForm) (DevFormInfo, bool) {
	for _, d := range DevForms {
		if d.Key == f {
			return d, true
		}
	}
	return DevFormInfo{}, false
}

// Delivery is how a programme is delivered.
type Delivery string

// The deliveries.
const (
	DeliverySync    Delivery = "sinkron"
	DeliveryAsync   Delivery = "asinkron"
	DeliveryBlended Delivery = "campuran"
)

// Deliveries lists them.
var Deliveries = []Delivery{DeliverySync, DeliveryAsync, DeliveryBlended}

// LearningModel is the ASN Corpu model of an activity ("" when not given).
type LearningModel string

// LearningModels lists them.
var LearningModels = []LearningModel{"terstruktur", "kolaboratif", "tempat_kerja", "terintegrasi"}

// Programme is a development programme of the catalogue. Cost is rupiah per
// participant; Capacity the usual seats of a session (0: not limited).
type Programme struct {
	ID            int64
	Code          string
	Title         string
	Description   string
	Form          DevForm
	Model         LearningModel
	Delivery      Delivery
	JP            int
	Cost          int64
	Capacity      int
	Prerequisites string
	ProviderID    int64
	ProviderName  string // read with the programme
	Active        bool
	Competencies  []ProgrammeCompetency
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// ProgrammeCompetency is a competency a programme develops and the level it
// leads to.
type ProgrammeCompetency struct {
	CompetencyID int64
	Code         string // read with it
	Name         string // read with it
	Level        int
}

// Session statuses.
const (
	SessionScheduled = "terjadwal"
	SessionCancelled = "dibatalkan"
	SessionDone      = "selesai"
)

// TrainingSession is a session (angkatan) of a programme. Dates are ISO,
// times HH:MM; MinAttendance is the percent of days a participant must
// attend to complete.
type TrainingSession struct {
	ID            int64
	ProgrammeID   int64
	Name          string
	StartDate     string
	EndDate       string
	StartTime     string
	EndTime       string
	Place         string
	OnlineURL     string
	Capacity      int
	Enrolled      int
	EnrolFrom     string
	EnrolUntil    string
	MinAttendance int
	Status        string
	Instructors   []Instructor
	// Read with the session.
	ProgrammeTitle string
	ProviderID     int64
	JP             int
	CreatedAt      time.Time
	UpdatedAt      time.Time
}

// Instructor teaches a session; UserID is their account when they run its
// attendance (0: a name only).
type Instructor struct {
	Name   string
	UserID int64
}

// PlanStatus is where a development plan item stands.
type PlanStatus string

// The plan statuses (plan_item.status).
const (
	PlanDraft     PlanStatus = "draf"
	PlanSubmitted PlanStatus = "diajukan"  // waiting for the decision of its step
	PlanChange    PlanStatus = "perbaikan" // the approver asked the proposer to change it
	PlanRejected  PlanStatus = "ditolak"
	PlanApproved  PlanStatus = "disetujui"
	PlanEnrolled  PlanStatus = "terdaftar"
	PlanDone      PlanStatus = "selesai"
	PlanCancelled PlanStatus = "dibatalkan"
)

// EnrolmentStatus is where a place in a session stands.
type EnrolmentStatus string

// The enrolment statuses (enrolment.status).
const (
	EnrolSeat       EnrolmentStatus = "terdaftar"
	EnrolWaiting    EnrolmentStatus = "menunggu"
	EnrolCancelled  EnrolmentStatus = "batal"
	EnrolCompleted  EnrolmentStatus = "selesai"
	EnrolIncomplete EnrolmentStatus = "tidak_selesai"
)
