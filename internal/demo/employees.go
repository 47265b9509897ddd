package demo

import (
	"math/rand/v2"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// Employees streams o.Employees employees with IDs 1..N to fn, in a
// deterministic order: first the holders of head positions top-down (one
// each, as far as N allows), then single-holder posts (Staf Ahli, Sekretaris
// Lurah), then everybody else unit by unit in proportions that keep schools,
// puskesmas and offices realistically staffed. Pass the Options that built
// the city (o.Employees 0 means the size the city was built for); o.Seed
// chooses the people.
//
// The *model.Employee passed to fn is reused between calls: fn must copy
// the value (not keep the pointer) if it needs it later. Its string fields
// are fresh or immutable and may be kept. SupervisorID is 0 and
// SupervisorSet false: supervisors derive from unit heads. A non-nil error
// from fn stops the stream and is returned.
func (c *City) Employees(o Options, fn func(*model.Employee) error) error {
	if o.Employees == 0 {
		o.Employees = c.employees
	}
	o, err := o.normalize()
	if err != nil {
		return err
	}
	counts, nHeads, nSingles := c.allocate(o.Employees)
	g := newGen(c, o)
	var e model.Employee
	id := int64(0)
	for _, pi := range c.heads[:nHeads] {
		id++
		g.fill(&e, id, pi, true)
		if err := fn(&e); err != nil {
			return err
		}
	}
	for _, pi := range c.singles[:nSingles] {
		id++
		g.fill(&e, id, pi, true)
		if err := fn(&e); err != nil {
			return err
		}
	}
	for i, n := range counts {
		for range n {
			id++
			g.fill(&e, id, int32(i), false)
			if err := fn(&e); err != nil {
				return err
			}
		}
	}
	return nil
}

// Entry golongan index and usual entry age by education (SMA, D3, S1, S2, S3).
var (
	entryGol = [5]int{4, 6, 8, 8, 8}
	entryAge = [5]int{19, 21, 23, 24, 25}
)

var phonePrefixes = []string{
	"0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851", "0812", "0813", "0821",
	"0814", "0815", "0816", "0855", "0856", "0857", "0858", "0817", "0818", "0819", "0859", "0877",
	"0878", "0895", "0896", "0897", "0898", "0899", "0881", "0882", "0887", "0888", "0831", "0838",
}

// frontTab[acad][haji][female] is the GelarDepan text.
var frontTab [numAcad][2][2]string

func init() {
	acad := [numAcad][2]string{
		acNone: {"", ""}, acDrs: {"Drs.", "Dra."}, acIr: {"Ir.", "Ir."}, acDr: {"Dr.", "Dr."},
		acDokter: {"dr.", "dr."}, acDrg: {"drg.", "drg."}, acDrh: {"drh.", "drh."},
	}
	haji := [2]string{"H.", "Hj."}
	for a := range frontTab {
		for h := range 2 {
			for f := range 2 {
				s := acad[a][f]
				if h == 1 {
					if s != "" {
						s += ", "
					}
					s += haji[f]
				}
				frontTab[a][h][f] = s
			}
		}
	}
}

// gen holds the per-run state of the employee stream.
type gen struct {
	c       *City
	now     time.Time
	nowIdx  int // months since year 0
	baseIdx int // earliest birth month index representable in seq
	pcg     *rand.PCG
	names   *nameTable
	seq     []uint16 // NIP sequence counters by (birth date, gender, year of TMT/appointment)
	emailN  []uint32 // e-mail counters per name entry
	years   []int    // PPPK appointment years, weighted
	buf     []byte
}

const (
	seqYears   = 48 // year of TMT minus birth year, 16..63
	seqYearMin = 16
)

func newGen(c *City, o Options) *gen {
	g := &gen{c: c, now: o.Now, names: loadNames()}
	g.nowIdx = o.Now.Year()*12 + int(o.Now.Month()) - 1
	g.baseIdx = g.nowIdx - 72*12
	g.pcg = rand.NewPCG(uint64(o.Seed), uint64(o.Seed)^0xda3e39cb94b95bdb)
	g.seq = make([]uint16, 72*12*31*2*seqYears)
	g.emailN = make([]uint32, len(g.names.entries))
	for _, y := range []struct{ y, w int }{{2019, 1}, {2021, 4}, {2022, 4}, {2023, 4}, {2024, 3}, {2025, 3}} {
		if y.y <= o.Now.Year() {
			for range y.w {
				g.years = append(g.years, y.y)
			}
		}
	}
	g.buf = make([]byte, 0, 96)
	return g
}

// intn returns a number in [0, n) (n > 0).
func (g *gen) intn(n int) int {
	return int((g.pcg.Uint64() >> 32) * uint64(n) >> 32)
}

// chance returns true with probability p.
func (g *gen) chance(p float32) bool {
	return float32(g.pcg.Uint64()>>40)/(1<<24) < p
}

func pickW(g *gen, w *[5]uint16, sum uint16) int {
	if sum == 0 {
		return eduSMA
	}
	x := uint16(g.intn(int(sum)))
	for i, v := range w {
		if x < v {
			return i
		}
		x -= v
	}
	return 4
}

func (g *gen) status() model.Status {
	switch x := g.intn(1000); {
	case x < 966:
		return model.StatusAktif
	case x < 976:
		return model.StatusTugasBelajar
	case x < 981:
		return model.StatusCLTN
	case x < 984:
		return model.StatusDiberhentikan
	case x < 992:
		return model.StatusPindah
	case x < 997:
		return model.StatusPensiun
	}
	return model.StatusMeninggal
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func pickS(g *gen, s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[g.intn(len(s))]
}

// fill writes employee id holding position pi into e. fixed marks heads and
// single posts: always PNS and aktif.
func (g *gen) fill(e *model.Employee, id int64, pi int32, fixed bool) {
	c := g.c
	pos := &c.Positions[pi]
	p := &c.profs[c.posProf[pi]]
	female := g.chance(p.female)
	nt := g.names
	ni := g.intn(nt.nMale)
	if female {
		ni = nt.nMale + g.intn(len(nt.entries)-nt.nMale)
	}
	ne := &nt.entries[ni]
	status := model.StatusAktif
	if !fixed {
		status = g.status()
	}
	pppk := !fixed && p.pppk > 0 && len(g.years) > 0 && g.chance(p.pppk)
	edu := pickW(g, &p.edu, p.eduSum)
	retM := p.ret * 12

	var bIdx, fieldYear, field2 int
	var gol string
	if pppk {
		if edu > eduS1 {
			edu = eduS1
		}
		year := g.years[g.intn(len(g.years))]
		age := 23 + g.intn(26)
		bIdx = (year-age)*12 + g.intn(12)
		if minB := g.nowIdx - retM + 2; bIdx < minB {
			bIdx = minB + g.intn(12)
		}
		if status == model.StatusPensiun {
			status = model.StatusAktif
		}
		fieldYear, field2 = year, 1
		if year >= 2025 && g.intn(2) == 0 {
			field2 = 24 // part-time PPPK agreement code
		} else if g.intn(100) < 15 {
			field2 = 2
		}
		grade := int(p.pppkG)
		if grade < 0 {
			grade = [5]int{4, 6, 8, 8, 8}[edu]
		}
		gol = model.PPPKGolongan[grade]
	} else {
		gi := int(p.lo) + g.intn(int(p.hi-p.lo)+1)
		if p.top > 0 && gi == int(p.hi) && g.intn(100) < 12 {
			gi = int(p.top)
		}
		entry := entryGol[edu]
		for entry > gi && edu > 0 {
			edu--
			entry = entryGol[edu]
		}
		entry = min(entry, gi)
		steps := gi - entry
		ageM := entryAge[edu]*12 + g.intn(96)
		minServ := 12 + steps*42 + g.intn(12)
		var tIdx int
		if status == model.StatusPensiun {
			bIdx = g.nowIdx - retM - 1 - g.intn(11)
			tIdx = min(bIdx+ageM, g.nowIdx-minServ)
		} else {
			maxServ := retM - 2 - ageM
			if minServ > maxServ {
				ageM = entryAge[edu] * 12
				maxServ = retM - 2 - ageM
				minServ = min(minServ, maxServ)
			}
			span := maxServ - minServ
			atTop := gi == int(p.hi) || gi == int(p.top)
			switch {
			case !atTop && span > 72:
				span = 72 // not yet at the top of the range: promoted on schedule
			case p.entry && span > 96:
				span = 96 // entry-level functional posts: moved up or on within years
			}
			tIdx = g.nowIdx - minServ - g.intn(span+1)
			bIdx = tIdx - ageM
		}
		fieldYear, field2 = tIdx/12, tIdx%12+1
		gol = model.PNSGolongan[gi].Code
	}
	by, bm := bIdx/12, bIdx%12+1
	bd := 1 + g.intn(daysIn(by, bm))
	gd := 0
	if female {
		gd = 1
	}
	// NIP sequence: unique per (birth date, gender, TMT/appointment year),
	// which makes the whole NIP unique.
	dy := min(max(fieldYear-by-seqYearMin, 0), seqYears-1)
	var seq uint16
	for {
		k := (((bIdx-g.baseIdx)*31+bd-1)*2+gd)*seqYears + dy
		if g.seq[k] < 999 {
			g.seq[k]++
			seq = g.seq[k]
			break
		}
		bd = bd%daysIn(by, bm) + 1 // full: move the birthday by a day
	}

	// Degrees.
	f := &fields[p.field]
	acad, back := acNone, ""
	if f.front != acNone {
		acad = f.front
		if edu >= eduS2 {
			back = pickS(g, f.s2)
		}
	} else {
		switch edu {
		case eduD3:
			back = p.d3
			if back == "" {
				back = pickS(g, f.d3)
			}
		case eduS1:
			back = pickS(g, f.s1)
		case eduS2:
			back = pickS(g, f.s12)
		case eduS3:
			back = pickS(g, f.s12)
			acad = acDr
		}
		if edu == eduS1 || edu == eduS2 {
			if (f.drs && by < 1971 && g.intn(100) < 60) || (f.ir && by < 1976 && g.intn(2) == 0) {
				acad = acDrs
				if !f.drs {
					acad = acIr
				}
				back = ""
				if edu == eduS2 {
					back = pickS(g, f.s2)
				}
			}
		}
	}
	haji := 0
	if ne.muslim && g.nowIdx-bIdx >= 35*12 && g.intn(100) < 22 {
		haji = 1
	}

	place := ""
	if homes := nt.groupHomes[ne.group]; len(homes) > 0 && g.intn(100) < 30 {
		place = homes[g.intn(len(homes))]
	} else {
		place = nt.places[g.intn(len(nt.places))]
	}

	// NIP, phone and e-mail share one allocation.
	b := g.buf[:0]
	b = appendInt(b, by, 4)
	b = appendInt(b, bm, 2)
	b = appendInt(b, bd, 2)
	b = appendInt(b, fieldYear, 4)
	b = appendInt(b, field2, 2)
	b = append(b, byte('1'+gd))
	b = appendInt(b, int(seq), 3)
	b = append(b, pickS(g, phonePrefixes)...)
	rest := 8
	switch x := g.intn(10); {
	case x == 0:
		rest = 7
	case x >= 7:
		rest = 9
	}
	for range rest {
		b = append(b, byte('0'+g.intn(10)))
	}
	phoneEnd := len(b)
	b = append(b, ne.email...)
	g.emailN[ni]++
	b = appendInt(b, int(g.emailN[ni]), 3)
	b = append(b, '@')
	b = append(b, Domain...)
	g.buf = b
	s := string(b)

	*e = model.Employee{
		ID:            id,
		NIP:           s[:18],
		Name:          ne.full,
		GelarDepan:    frontTab[acad][haji][gd],
		GelarBelakang: back,
		BirthPlace:    place,
		BirthDate:     time.Date(by, time.Month(bm), bd, 0, 0, 0, 0, time.UTC),
		Gender:        model.Male,
		Kind:          model.PNS,
		Golongan:      gol,
		PositionID:    pos.ID,
		UnitID:        pos.UnitID,
		Email:         s[phoneEnd:],
		Phone:         s[18:phoneEnd],
		Status:        status,
		UpdatedAt:     g.now,
	}
	if female {
		e.Gender = model.Female
	}
	if pppk {
		e.Kind = model.PPPK
	}
}

// appendInt appends v zero-padded to at least width digits.
func appendInt(b []byte, v, width int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for v > 0 || i == len(tmp) {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	for len(tmp)-i < width {
		i--
		tmp[i] = '0'
	}
	return append(b, tmp[i:]...)
}
