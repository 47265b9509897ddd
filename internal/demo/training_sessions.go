package demo

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// Sess is a demo session: the record (its ProgrammeID left for the store to
// fill from Prog, the index in the catalogue), its instructors by name, and
// how many seats the nominations fill and how many wait for a seat.
type Sess struct {
	model.TrainingSession
	Prog        int
	Instructors []string
	Fill        int  // seats taken in the end, plan items and nominations together
	Waiting     int  // people on the waiting list (full sessions only)
	Attend      bool // attendance is taken per day (live sessions of a few days)
}

// The demo's year of sessions: from 300 days before today to 120 days
// after it, so that any day the demo is loaded it shows past sessions with
// attendance and completions, sessions under way and future ones open for
// enrolment, some of them full.
const (
	sessFrom = -300
	sessSpan = 420
)

// sessionsPerForm is how many sessions (angkatan) a programme of a form
// runs in the demo year.
var sessionsPerForm = map[model.DevForm]int{
	"bimtek": 3, "e_learning": 2, "kursus": 2, "workshop": 2, "teknis": 2, "fungsional": 2, "sosialisasi": 2,
	"coaching": 2, "mentoring": 2, "komunitas_belajar": 2, "kepemimpinan": 2, "jarak_jauh": 2,
}

var instructorNames = []string{
	"Dr. Rahmat Hidayat Siregar, M.Kom.", "Dr. Ir. Sri Rezeki Nasution, M.T.", "Prof. Dr. Bonar Simatupang, M.Si.",
	"Dra. Hj. Nurhayati Lubis, M.Pd.", "Dr. Andi Saputra Harahap, S.E., M.M.", "Ir. Tiurma Panjaitan, M.Sc.",
	"Dr. Muhammad Iqbal Daulay, M.AP.", "Lestari Wulandari Sembiring, S.Kom., M.T.I.", "Dr. Yohana Sihombing, M.Psi.",
	"Agus Salim Rangkuti, S.Kom., CISSP", "Dr. Fitri Handayani Tanjung, M.Kes.", "Drs. Edward Manurung, M.Si.",
	"Ns. Rosmawati Purba, S.Kep., M.Kep.", "Dr. Hendra Gunawan Tarigan, M.Pd.", "Novita Sari Ginting, S.Si., M.Stat.",
	"Ahmad Rizki Pohan, S.T., M.Eng.", "Dr. Christine Halim, M.B.A.", "Ir. Saut Maruli Pardede, M.M.",
}

// cityTrainers teach the city's own programmes.
var cityTrainers = []string{
	"Siti Nurhaliza Batubara, S.Psi.", "Budi Santoso Ginting, S.Kom.", "Dewi Kartika Saragih, S.Sos., M.AP.",
	"Roy Hasiholan Sinaga, S.Kom.", "Hj. Wahyuni Rangkuti, S.H., M.H.",
}

// Sessions plans the demo year's sessions of cat around now: dates spread
// over the year per programme, times, a place in Medan or an online link,
// the enrolment window, instructors and how full each becomes. The same
// seed gives the same sessions.
func Sessions(cat []Prog, partners []model.Provider, now time.Time, seed int64) []Sess {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x73657373696f6e73))
	today := dayOf(now)
	todayISO := today.Format(time.DateOnly)
	address := map[string]string{}
	for _, p := range partners {
		address[p.Name] = p.Address
	}
	var out []Sess
	for i, p := range cat {
		n := max(sessionsPerForm[p.Form], 1)
		first := rng.IntN(sessSpan)
		for k := range n {
			start := today.AddDate(0, 0, sessFrom+(first+k*sessSpan/n)%sessSpan)
			for start.Weekday() == time.Saturday || start.Weekday() == time.Sunday {
				start = start.AddDate(0, 0, 1)
			}
			days := lengthDays(p.Form, p.Delivery, p.JP)
			end := start.AddDate(0, 0, days-1)
			s := Sess{Prog: i}
			t := &s.TrainingSession
			t.Name = "Angkatan " + roman(k+1) + " Tahun " + start.Format("2006")
			t.StartDate, t.EndDate = start.Format(time.DateOnly), end.Format(time.DateOnly)
			if p.Delivery != model.DeliveryAsync {
				t.StartTime, t.EndTime = "08:00", "16:00"
				if p.JP <= 4 || p.Form == "seminar" {
					t.StartTime, t.EndTime = "09:00", "12:00"
				}
			}
			online := p.Delivery == model.DeliveryAsync || p.Form == "jarak_jauh" || (p.Form == "seminar" && k%2 == 1)
			slug := strings.ToLower(p.Code) + "-" + start.Format("0102")
			switch {
			case p.Partner == PartnerLAN && p.Delivery == model.DeliveryAsync:
				t.OnlineURL = "https://asn-unggul.lan.go.id/course/" + slug
			case p.Delivery == model.DeliveryAsync:
				t.OnlineURL = "https://elearning.pemkomedan.go.id/course/" + slug
			case online:
				t.OnlineURL = "https://vicon.pemkomedan.go.id/" + slug
			}
			if !online {
				t.Place = placeOf(p, address[p.Partner], k)
				if p.Delivery == model.DeliveryBlended {
					t.OnlineURL = "https://vicon.pemkomedan.go.id/" + slug
				}
			}
			t.Capacity = max(p.Capacity, 1)
			t.EnrolFrom = start.AddDate(0, 0, -60).Format(time.DateOnly)
			t.EnrolUntil = start.AddDate(0, 0, -5).Format(time.DateOnly)
			t.MinAttendance = 80
			t.Status = model.SessionScheduled
			switch {
			case t.EndDate < todayISO:
				t.Status = model.SessionDone
			case t.StartDate > todayISO && rng.IntN(40) == 0:
				t.Status = model.SessionCancelled // the partner called it off: nobody is seated
			}
			s.Instructors = pickInstructors(rng, p.Partner)
			s.Fill, s.Waiting = fillOf(rng, t, todayISO)
			s.Attend = p.Delivery != model.DeliveryAsync && !online && days <= 10 && t.StartDate <= todayISO && t.Status != model.SessionCancelled
			out = append(out, s)
		}
	}
	return out
}

// lengthDays is how many calendar days a session of a form runs: eight JP
// a day in a room, a month for a self-paced course, longer for blended
// programmes that alternate class and work (leadership, a degree).
func lengthDays(f model.DevForm, d model.Delivery, jp int) int {
	switch {
	case d == model.DeliveryAsync:
		return 30
	case f == "tugas_belajar":
		return 730
	case d == model.DeliveryBlended:
		return min((jp+7)/8*3/2, 120)
	case f == "coaching" || f == "mentoring":
		return 60 // sessions spread over two months
	}
	return max((jp+7)/8, 1)
}

// placeOf names the room of a classroom session: the partner's campus or
// office, the city's halls for its own trainers.
func placeOf(p Prog, addr string, k int) string {
	switch p.Partner {
	case PartnerBKPSDM:
		return []string{"Aula BKPSDM Kota Medan, Jl. Kapten Maulana Lubis No. 2", "Ruang Rapat III Balai Kota Medan"}[k%2]
	case PartnerKominfo:
		return "Ruang Pelatihan TIK Diskominfo Kota Medan, Balai Kota Lt. 4"
	}
	switch p.Form {
	case "patok_banding":
		return "Mal Pelayanan Publik Siola, Surabaya"
	case "outbound":
		return "Bumi Perkemahan Sibolangit, Deli Serdang"
	case "magang", "detasering":
		return "Medan Command Center, Balai Kota Medan"
	}
	if addr == "" {
		return "Medan"
	}
	return addr
}

func pickInstructors(rng *rand.Rand, partner string) []string {
	pool := instructorNames
	if partner == PartnerBKPSDM || partner == PartnerKominfo {
		pool = cityTrainers
	}
	a := rng.IntN(len(pool))
	if rng.IntN(3) == 0 {
		return []string{pool[a], pool[(a+1)%len(pool)]}
	}
	return []string{pool[a]}
}

// fillOf decides how many seats a session ends up with taken and how many
// wait: past and current sessions mostly full, future ones filling, and
// about a third of the small future ones already full with a waiting list.
func fillOf(rng *rand.Rand, t *model.TrainingSession, today string) (fill, waiting int) {
	if t.Status == model.SessionCancelled {
		return 0, 0
	}
	c := t.Capacity
	big := c > 60
	switch {
	case t.StartDate <= today && big:
		return min(c, 40+rng.IntN(120)), 0
	case t.StartDate <= today:
		return c * (60 + rng.IntN(41)) / 100, 0
	case !big && rng.IntN(3) == 0:
		return c, 2 + rng.IntN(7)
	case big:
		return min(c, 15+rng.IntN(80)), 0
	}
	return c * (20 + rng.IntN(60)) / 100, 0
}

func roman(n int) string {
	r := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}
	if n < len(r) {
		return r[n]
	}
	return "X" + roman(n-10)
}
