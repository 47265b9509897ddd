package gap

import "strings"

// Performance is the performance axis of the 9-box (Permen PANRB 3/2020),
// taken from SKP ratings (predikat kinerja).
type Performance int

// Performance levels, lowest first. The zero value means no SKP rating is
// known, and NineBox cannot place the employee.
const (
	PerformanceUnknown Performance = iota // no SKP rating known: cannot be placed
	Below                                 // di bawah ekspektasi: Butuh Perbaikan, Kurang, Sangat Kurang
	Meets                                 // sesuai ekspektasi: Baik
	Above                                 // di atas ekspektasi: Sangat Baik
)

// Label is the Indonesian name of the performance level.
func (p Performance) Label() string {
	switch p {
	case Below:
		return "Di bawah ekspektasi"
	case Meets:
		return "Sesuai ekspektasi"
	case Above:
		return "Di atas ekspektasi"
	}
	return "Belum diketahui"
}

// LabelEN is the English name of the performance level.
func (p Performance) LabelEN() string {
	switch p {
	case Below:
		return "Below expectations"
	case Meets:
		return "Meets expectations"
	case Above:
		return "Above expectations"
	}
	return "Unknown"
}

// PerformanceFromPredikat maps an SKP predikat (Permen PANRB 6/2022) to the
// 9-box performance axis: Sangat Baik → Above; Baik → Meets; Butuh
// Perbaikan, Kurang, Sangat Kurang → Below. Case, surrounding space and the
// separators of stored codes ("sangat_baik", "butuh-perbaikan") are
// ignored, because imports and SIASN spell the labels differently. ok is
// false for anything else.
func PerformanceFromPredikat(p string) (Performance, bool) {
	s := strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(p))), " ")
	switch s {
	case "sangat baik":
		return Above, true
	case "baik":
		return Meets, true
	case "butuh perbaikan", "kurang", "sangat kurang":
		return Below, true
	}
	return PerformanceUnknown, false
}

// PerformanceOverYears combines the SKP ratings of the last two years into
// one performance level for the 9-box. ratings are one per year, oldest
// first; only the last two entries are looked at and unknown entries among
// them are skipped. The rule: the lower of the two, or the only known one
// when one year is missing; PerformanceUnknown when neither is known. The
// lower one is taken because boxes 7–9 lead to promotion and should need
// sustained, not one-off, performance.
func PerformanceOverYears(ratings []Performance) Performance {
	if len(ratings) > 2 {
		ratings = ratings[len(ratings)-2:]
	}
	best := PerformanceUnknown
	for _, r := range ratings {
		if r < Below || r > Above {
			continue
		}
		if best == PerformanceUnknown || r < best {
			best = r
		}
	}
	return best
}

// Potential is the potential axis of the 9-box, from competency assessment.
type Potential int

// Potential levels, lowest first. The zero value means unknown.
const (
	PotentialUnknown Potential = iota // no assessment known: cannot be placed
	Low                               // left column of the 9-box
	Medium                            // middle column
	High                              // right column
)

// Label is the Indonesian name of the potential level.
func (p Potential) Label() string {
	switch p {
	case Low:
		return "Rendah"
	case Medium:
		return "Menengah"
	case High:
		return "Tinggi"
	}
	return "Belum diketahui"
}

// LabelEN is the English name of the potential level.
func (p Potential) LabelEN() string {
	switch p {
	case Low:
		return "Low"
	case Medium:
		return "Medium"
	case High:
		return "High"
	}
	return "Unknown"
}

// PotentialThresholds are the lower bounds of the potential levels on the
// capped JPM. They are configurable data because domain.md gives no
// regulatory cut-offs for the potential axis.
type PotentialThresholds struct {
	High   Fixed // capped JPM at or above this is High potential
	Medium Fixed // capped JPM at or above this (and below High) is Medium
}

// DefaultPotentialThresholds returns High ≥ 90 % and Medium ≥ 78 %, the same
// cut-offs as the mapping categories Optimal and Cukup Optimal, so the two
// screens never disagree.
func DefaultPotentialThresholds() PotentialThresholds {
	return PotentialThresholds{High: Percent(90), Medium: Percent(78)}
}

// PotentialFromJPM places a capped JPM on the potential axis. The capped
// value is used so that surplus levels in some competencies cannot mask
// shortfalls in others.
func PotentialFromJPM(jpmCapped Fixed, t PotentialThresholds) Potential {
	switch {
	case jpmCapped >= t.High:
		return High
	case jpmCapped >= t.Medium:
		return Medium
	}
	return Low
}

// Box is one cell of the 9-box with the label and recommended action the UI
// shows. Labels and actions are the product's wording, not the regulation's.
type Box struct {
	// Number is 1–9 (rows from the top: above = 4, 7, 9; meets = 2, 5, 8;
	// below = 1, 3, 6; columns low → high potential), or 0 when either axis
	// is unknown.
	Number      int
	Label       string // Indonesian name of the box
	LabelEN     string // English name of the box
	Action      string // recommended action, Indonesian
	ActionEN    string // recommended action, English
	TalentPool  bool   // boxes 7–9 of an eligible employee: the succession pool
	Excluded    bool   // a moderate or heavy discipline penalty is in force
	NotEligible bool   // Excluded kept the employee out of boxes 7–9's pool
	// NotAssessed: the standard is not fully assessed, so there is no
	// potential and no box (Number 0); Assessed of Total competencies are.
	NotAssessed     bool
	Assessed, Total int
	Performance     Performance // the performance axis the box came from
	Potential       Potential   // the potential axis the box came from
}

// boxNumbers gives the box number by [performance][potential].
var boxNumbers = [4][4]int{
	Below: {Low: 1, Medium: 3, High: 6},
	Meets: {Low: 2, Medium: 5, High: 8},
	Above: {Low: 4, Medium: 7, High: 9},
}

// BoxTable holds the wording of boxes 1–9 by number (index 0 is the
// "cannot be placed" box). It is data so that an agency can adopt its own
// wording; DefaultBoxes gives the product's.
type BoxTable [10]Box

var defaultBoxes = BoxTable{
	0: {Label: "Belum dapat dipetakan", LabelEN: "Cannot be placed yet",
		Action:   "Lengkapi data SKP dua tahun terakhir dan hasil penilaian kompetensi.",
		ActionEN: "Complete the last two years of SKP ratings and the competency assessment."},
	1: {Label: "Kinerja di bawah ekspektasi, potensial rendah", LabelEN: "Low performance, low potential",
		Action:   "Ditangani sesuai ketentuan peraturan perundang-undangan (pembinaan kinerja).",
		ActionEN: "Handle according to the regulations (performance management)."},
	2: {Label: "Kinerja sesuai ekspektasi, potensial rendah", LabelEN: "Meets expectations, low potential",
		Action:   "Bimbingan kinerja dan pengembangan kompetensi sesuai kesenjangan; tetap pada jabatan.",
		ActionEN: "Performance coaching and development for the gaps; stay in the current position."},
	3: {Label: "Kinerja di bawah ekspektasi, potensial menengah", LabelEN: "Low performance, medium potential",
		Action:   "Bimbingan kinerja (coaching) dan konseling untuk menemukan penyebab kinerja rendah.",
		ActionEN: "Performance coaching and counselling to find the cause of low performance."},
	4: {Label: "Kinerja di atas ekspektasi, potensial rendah", LabelEN: "High performance, low potential",
		Action:   "Penghargaan; pengembangan kompetensi dan rotasi untuk pengayaan pada jabatan setara.",
		ActionEN: "Recognition; competency development and rotation to an equivalent position for enrichment."},
	5: {Label: "Kinerja sesuai ekspektasi, potensial menengah", LabelEN: "Meets expectations, medium potential",
		Action:   "Pengembangan kompetensi dan penugasan untuk memperluas pengalaman.",
		ActionEN: "Competency development and assignments that broaden experience."},
	6: {Label: "Kinerja di bawah ekspektasi, potensial tinggi", LabelEN: "Low performance, high potential",
		Action:   "Bimbingan kinerja, konseling, dan penempatan yang sesuai dengan potensinya.",
		ActionEN: "Performance coaching, counselling, and a placement that matches the potential."},
	7: {Label: "Kinerja di atas ekspektasi, potensial menengah", LabelEN: "High performance, medium potential",
		Action:   "Masuk kelompok rencana suksesi; pengembangan kompetensi untuk menaikkan potensial; rotasi atau perluasan jabatan.",
		ActionEN: "Enter the succession pool; development to raise potential; rotation or job enlargement."},
	8: {Label: "Kinerja sesuai ekspektasi, potensial tinggi", LabelEN: "Meets expectations, high potential",
		Action:   "Masuk kelompok rencana suksesi; penugasan yang menantang untuk menaikkan kinerja; pengembangan kompetensi.",
		ActionEN: "Enter the succession pool; stretch assignments to raise performance; competency development."},
	9: {Label: "Kinerja di atas ekspektasi, potensial tinggi", LabelEN: "High performance, high potential",
		Action:   "Dipromosikan; masuk kelompok rencana suksesi; diberi penghargaan.",
		ActionEN: "Promote; enter the succession pool; give an award."},
}

// DefaultBoxes returns the product's wording of the nine boxes, a copy the
// caller may edit and use with BoxTable.Place.
func DefaultBoxes() BoxTable { return defaultBoxes }

// NineBox places an employee with the product's wording: see
// BoxTable.Place.
func NineBox(perf Performance, pot Potential, excluded bool) Box {
	return defaultBoxes.Place(perf, pot, excluded)
}

// Place returns the box of the employee's performance and potential.
// excluded says that a moderate or heavy discipline penalty is in force
// (domain.md §3): the box number still shows where the data places the
// employee, so the result stays explainable, but boxes 7–9 are marked
// NotEligible, TalentPool is false and the action says why.
func (t BoxTable) Place(perf Performance, pot Potential, excluded bool) Box {
	n := 0
	if perf >= Below && perf <= Above && pot >= Low && pot <= High {
		n = boxNumbers[perf][pot]
	}
	b := t[n]
	b.Number, b.Performance, b.Potential, b.Excluded = n, perf, pot, excluded
	b.TalentPool = n >= 7
	if excluded && b.TalentPool {
		b.TalentPool, b.NotEligible = false, true
		b.Action = "Tidak memenuhi syarat masuk kelompok rencana suksesi selama menjalani hukuman disiplin tingkat sedang atau berat; lanjutkan pengembangan kompetensi."
		b.ActionEN = "Not eligible for the succession pool while a moderate or heavy discipline penalty is in force; continue competency development."
	}
	return b
}
