package demo

import (
	"hash/fnv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// The assessment story of the demo city. A newcomer should open the needs
// heat-map and see where the needs are, and open the cycles page and see an
// assessment under way, so the invented ratings are not drawn alike for
// everyone: how likely an employee falls short of a competency depends on
// the OPD (or kecamatan) they work in and on the competency, and how far the
// open cycle has come depends on the OPD. Everything here is decided from
// unit codes and competency codes, never from the seed, so the story is the
// same for every seed and size of city.

// StoryCycle is the open assessment cycle of the demo city: the whole
// government (scope rootID), self-assessment and supervisor rating, opened
// 30 days before now and closing 30 days after it.
func StoryCycle(now time.Time, rootID int64) model.Cycle {
	today := now.In(model.WIB)
	return model.Cycle{
		Name:        "Penilaian Kompetensi Tahun " + today.Format("2006"),
		OpensOn:     today.AddDate(0, 0, -30).Format(time.DateOnly),
		ClosesOn:    today.AddDate(0, 0, 30).Format(time.DateOnly),
		ScopeUnitID: rootID,
		Self:        true,
		Supervisor:  true,
	}
}

// Story answers, per unit and competency, the odds the demo ratings are
// drawn with. Build it with City.Story.
type Story struct {
	top  []int32 // unit ID-1 → ID of its top-level unit (a child of the root; the root itself for the root)
	tilt map[int64]unitTilt
}

// unitTilt is what a top-level unit adds to the story.
type unitTilt struct {
	short   int // added to every competency's shortness step
	digital int // added again for digital competencies
	self    int // per cent of its people who have rated themselves in the open cycle
	sup     int // per cent whose supervisor has rated them
}

// knownTilts are the OPDs whose story is told on purpose: the
// communications office and the planning and audit bodies nearly fine, the
// uniformed services clearly short, the schools and puskesmas short on
// digital skills. The rest get a tilt from their code. (Pelaksana posts
// require level 1, which nobody falls below, so an OPD of mostly pelaksana
// shows few needs whatever its tilt.)
var knownTilts = map[string]unitTilt{
	"OPD-DISKOMINFO":  {short: -1, digital: -3, self: 92, sup: 84},
	"OPD-BKPSDM":      {short: -2, self: 88, sup: 80},
	"OPD-INSPEKTORAT": {short: -2, self: 81, sup: 70},
	"OPD-BAPPEDA":     {short: -1, self: 74, sup: 58},
	"OPD-SATPOLPP":    {short: 2, digital: 1, self: 23, sup: 9},
	"OPD-DAMKAR":      {short: 2, self: 31, sup: 12},
	"OPD-DISHUB":      {short: 1, digital: 1, self: 35, sup: 18},
	"OPD-DISDIKBUD":   {digital: 2, self: 44, sup: 21},
	"OPD-DINKES":      {digital: 1, self: 57, sup: 33},
	"OPD-SETDA":       {short: -1, self: 66, sup: 49},
}

// compShort is each competency's own shortness step: integrity and
// cooperation nearly fine everywhere, managing change and decisions, the
// development of others and the digital skills most often short.
var compShort = map[string]int{
	"M1": -2, "M2": -1, "M3": 0, "M4": 0, "M5": 0,
	"M6": 1, "M7": 1, "M8": 2, "SK1": -1,
}

// shortPermille maps a shortness step (-3 … 4) to the chance, in
// thousandths, that an employee's true level lies below the requirement.
var shortPermille = [...]int{30, 70, 140, 250, 380, 520, 640, 740}

// Story builds the story of c's units.
func (c *City) Story() *Story {
	s := &Story{top: make([]int32, len(c.Units)), tilt: map[int64]unitTilt{}}
	for i, u := range c.Units {
		switch {
		case u.ParentID == 0:
			s.top[i] = int32(u.ID)
		case u.ParentID == c.Units[0].ID:
			s.top[i] = int32(u.ID)
			s.tilt[u.ID] = tiltOf(u.Code)
		default:
			s.top[i] = s.top[u.ParentID-1]
		}
	}
	return s
}

// tiltOf is the tilt of a top-level unit: a known one, or one hashed from
// its code (kecamatan a little short and slower, like the field services).
func tiltOf(code string) unitTilt {
	if t, ok := knownTilts[code]; ok {
		return t
	}
	h := fnv.New32a()
	h.Write([]byte(code))
	v := h.Sum32()
	t := unitTilt{short: []int{-1, 0, 0, 1}[v%4], self: 38 + int(v>>8%45)}
	if strings.HasPrefix(code, "KEC-") {
		t.short, t.digital = t.short+1, 1
	}
	t.sup = t.self * (40 + int(v>>16%40)) / 100
	return t
}

// IsDigital reports whether a competency code belongs to the digital
// framework (DIG-01 …).
func IsDigital(code string) bool { return strings.HasPrefix(code, "DIG-") }

// ShortPermille returns the chance, in thousandths, that an employee of
// unit unitID truly falls short of competency code.
func (s *Story) ShortPermille(unitID int64, code string) int {
	t := s.tiltOf(unitID)
	step := t.short + compShort[code]
	if IsDigital(code) {
		step += 1 + t.digital
	}
	return shortPermille[min(max(step+3, 0), len(shortPermille)-1)]
}

// CycleDone returns the per cent of unit unitID's people who have done
// their self-assessment in the open cycle, and of those whose supervisor
// has rated them.
func (s *Story) CycleDone(unitID int64) (self, supervisor int) {
	t := s.tiltOf(unitID)
	return t.self, t.sup
}

func (s *Story) tiltOf(unitID int64) unitTilt {
	if unitID < 1 || int(unitID) > len(s.top) {
		return unitTilt{self: 50, sup: 25}
	}
	t, ok := s.tilt[int64(s.top[unitID-1])]
	if !ok {
		return unitTilt{self: 50, sup: 25}
	}
	return t
}
