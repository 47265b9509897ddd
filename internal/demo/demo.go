// Package demo generates a deterministic, realistic demo government shaped
// like Pemerintah Kota Medan: its OPD with their sekretariat, bidang and
// seksi, the 21 kecamatan with their kelurahan, schools and puskesmas, the
// positions (jabatan) of every unit and a stream of employees (PNS and PPPK)
// whose NIP, birth date, gender, golongan, degrees and retirement age agree.
//
// The same Options (Seed, Employees, Now) always give the same output. The
// city grows with Options.Employees: larger runs get more schools,
// puskesmas, kelurahan and field UPT so units stay plausibly sized.
package demo

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

// Limits and default of Options.Employees.
const (
	DefaultEmployees = 13_000    // about Kota Medan's 11,200 PNS + 1,800 PPPK
	MinEmployees     = 100       // the OPD skeleton with few people
	MaxEmployees     = 1_000_000 // a nation-sized stress test
)

// Domain is the e-mail domain of generated addresses.
const Domain = "pemkomedan.go.id"

// defaultNow is used when Options.Now is zero, so output stays deterministic.
var defaultNow = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// Options controls the generated city.
type Options struct {
	Employees int       // 100..1_000_000; 0 means DefaultEmployees (13,000)
	Seed      int64     // same Seed + same Employees => identical output
	Now       time.Time // reference date for ages and statuses; zero means 2026-01-01 UTC
}

func (o Options) normalize() (Options, error) {
	if o.Employees == 0 {
		o.Employees = DefaultEmployees
	}
	if o.Employees < MinEmployees || o.Employees > MaxEmployees {
		return o, fmt.Errorf("demo: employees %d out of range %d..%d", o.Employees, MinEmployees, MaxEmployees)
	}
	if o.Now.IsZero() {
		o.Now = defaultNow
	}
	o.Now = o.Now.UTC()
	return o, nil
}

// City is a generated government: its organisation tree and positions. Use
// Employees to stream the people who hold the positions.
type City struct {
	// Units are the organisation units, IDs 1..n; parents come before their
	// children; ParentID, Path ("/1/7/42/") and Depth (root 0) are filled.
	Units []model.OrgUnit
	// Positions are the posts, IDs 1..m; each unit has at most one IsHead
	// position (units such as hospital installations have none).
	Positions []model.Position

	employees  int       // Options.Employees the city was sized for
	unitCat    []uint8   // category per unit
	posProf    []uint16  // prof index per position
	posW       []float32 // staffing weight per non-head position
	posFlag    []uint8   // flagHead, flagSingle
	profs      []prof
	heads      []int32 // head positions, top-down (depth, then ID)
	singles    []int32 // single-holder non-head posts (Staf Ahli, Sekretaris Lurah)
	catHeads   [numCat]int
	catSingles [numCat]int
	catW       [numCat]float64
}

const (
	flagHead   uint8 = 1
	flagSingle uint8 = 2
)

// Generate builds the organisation tree and positions of the demo city for
// o.Employees employees. It is deterministic and does not depend on o.Seed
// (unit and position codes are stable across seeds).
func Generate(o Options) (*City, error) {
	o, err := o.normalize()
	if err != nil {
		return nil, err
	}
	c := &City{
		employees: o.Employees,
		Units:     make([]model.OrgUnit, 0, o.Employees/20+1500),
		Positions: make([]model.Position, 0, o.Employees/2+8000),
	}
	b := &builder{c: c, profIdx: map[string]uint16{}, n: o.Employees, opdID: map[string]int64{}, staffCache: map[string][]staffItem{}}
	root := b.unit(0, "PEMKO-MEDAN", "Pemerintah Kota Medan", model.UnitPemda, catSkeleton)
	b.setda(root)
	for i := range opdSpecs {
		b.opd(root, &opdSpecs[i])
	}
	b.rsud(root)
	b.kecamatan(root)
	if err := b.finish(); err != nil {
		return nil, err
	}
	return b.c, nil
}

type builder struct {
	c       *City
	profIdx map[string]uint16
	posN    []uint16 // positions per unit, for codes
	n       int
	opdID   map[string]int64
	// staffCache holds parsed staff specs.
	staffCache map[string][]staffItem
}

func (b *builder) unit(parent int64, code, name string, kind model.UnitKind, cat uint8) int64 {
	c := b.c
	id := int64(len(c.Units) + 1)
	path, depth := "/", 0
	if parent != 0 {
		p := &c.Units[parent-1]
		path, depth = p.Path, p.Depth+1
	}
	c.Units = append(c.Units, model.OrgUnit{
		ID: id, Code: code, Name: name, Kind: kind, ParentID: parent,
		Path: path + strconv.FormatInt(id, 10) + "/", Depth: depth,
	})
	c.unitCat = append(c.unitCat, cat)
	b.posN = append(b.posN, 0)
	return id
}

func (b *builder) position(unit int64, title string, p uint16, w float32, flag uint8) {
	c := b.c
	b.posN[unit-1]++
	seq := int(b.posN[unit-1])
	code := c.Units[unit-1].Code + "." + pad(seq, 2)
	pr := &c.profs[p]
	c.Positions = append(c.Positions, model.Position{
		ID: int64(len(c.Positions) + 1), Code: code, Title: title, Type: pr.ptype,
		Jenjang: pr.jenjang, UnitID: unit, IsHead: flag == flagHead,
	})
	c.posProf = append(c.posProf, p)
	c.posW = append(c.posW, w)
	c.posFlag = append(c.posFlag, flag)
}

func (b *builder) addProf(key string, mk func() prof) uint16 {
	if i, ok := b.profIdx[key]; ok {
		return i
	}
	p := mk()
	for _, w := range p.edu {
		p.eduSum += w
	}
	ages := model.DefaultRetirementAges()
	p.ret = ages.Age(p.ptype, p.jenjang, "")
	if p.teacher {
		p.ret = ages.Teacher
	}
	i := uint16(len(b.c.profs))
	b.c.profs = append(b.c.profs, p)
	b.profIdx[key] = i
	return i
}

func (b *builder) famProf(key, jen string) uint16 {
	f := families[key]
	return b.addProf("F:"+key+":"+jen, func() prof {
		lo, hi, g := jenjangGol(jen)
		pp := float32(0)
		switch jen {
		case "ahli_pertama", "terampil", "pemula":
			pp = f.pppk
		}
		edu := jenjangEdu(jen, f.lowEdu)
		switch {
		case f.field == fSpecialist:
			edu = [5]uint16{0, 0, 10, 90}
		case f.health && edu[eduSMA] > 0: // skilled health workers need a D3 since UU 36/2014
			edu = [5]uint16{3, 90, 7}
		}
		top := int8(0)
		if jen == "ahli_madya" {
			top = hi + 1
		}
		entry := jen == "pemula" || jen == "terampil" || jen == "ahli_pertama"
		return prof{ptype: model.Fungsional, jenjang: jen, lo: lo, hi: hi, top: top, entry: entry, pppkG: g, edu: edu,
			field: f.field, d3: f.d3, female: f.female, pppk: pp, teacher: f.teacher, health: f.health}
	})
}

func (b *builder) pelProf(title string) uint16 {
	s, ok := pelaksana[title]
	if !ok {
		panic("demo: unknown pelaksana " + title)
	}
	return b.addProf("P:"+title, func() prof {
		return prof{ptype: model.Pelaksana, lo: s.lo, hi: s.hi, pppkG: -1, edu: s.edu, field: s.field, female: s.female, pppk: 0.035}
	})
}

func (b *builder) mgrProf(m int, field uint8) uint16 {
	s := managers[m]
	return b.addProf("M:"+strconv.Itoa(m)+":"+strconv.Itoa(int(field)), func() prof {
		return prof{ptype: s.t, lo: s.lo, hi: s.hi, pppkG: -1, edu: s.edu, field: field, female: s.female,
			health: field == fDoctor || field == fKesmas}
	})
}

func (b *builder) head(unit int64, title string, m int, field uint8) {
	b.position(unit, title, b.mgrProf(m, field), 0, flagHead)
}

// staffItem is one parsed staff position: title, prof and weight.
type staffItem struct {
	title string
	prof  uint16
	w     float32
}

// staff adds the non-head positions listed in specs ("family:weight" or
// "=Pelaksana title:weight") to unit, weights multiplied by mult.
func (b *builder) staff(unit int64, specs []string, mult float32) {
	for _, s := range specs {
		items, ok := b.staffCache[s]
		if !ok {
			items = b.parseStaff(s)
			b.staffCache[s] = items
		}
		for _, it := range items {
			b.position(unit, it.title, it.prof, it.w*mult, 0)
		}
	}
}

func (b *builder) parseStaff(s string) []staffItem {
	key, w := s, float32(1)
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		v, err := strconv.ParseFloat(s[i+1:], 32)
		if err != nil {
			panic("demo: bad staff spec " + s)
		}
		key, w = s[:i], float32(v)
	}
	if strings.HasPrefix(key, "=") {
		t := key[1:]
		return []staffItem{{t, b.pelProf(t), w}}
	}
	f, ok := families[key]
	if !ok {
		panic("demo: unknown family " + key)
	}
	var items []staffItem
	for j, jen := range f.jen {
		items = append(items, staffItem{f.title + " " + jenjangLabel[jen], b.famProf(key, jen), w * f.jw[j]})
	}
	return items
}

// vary gives a unit a stable size factor in [0.6, 1.5).
func vary(id int64) float32 {
	x := splitmix(uint64(id) * 0x9e3779b97f4a7c15)
	return 0.6 + 0.9*float32(x>>40)/float32(1<<24)
}

func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// catBudgets gives the number of people (heads included) each category
// should hold for n employees. Offices, kecamatan and hospitals stop growing
// at twice the default size; schools and kelurahan keep their share,
// puskesmas grow a little faster (taking the hospitals' part), and field UPT (fire posts, parking, cleaning, roads) take the rest,
// so that teachers stay about half of the staff at any size.
func catBudgets(n int) [numCat]float64 {
	var b [numCat]float64
	const capN = 2 * DefaultEmployees
	if n <= capN {
		for c := range b {
			b[c] = catShare[c] * float64(n)
		}
		return b
	}
	rest := float64(n)
	for c := range b {
		if c == catOfficeUPT {
			continue
		}
		switch {
		case catFixed[c]:
			b[c] = catShare[c] * capN
		case c == catPKM: // puskesmas also take the growth hospitals no longer absorb
			b[c] = catShare[c]*float64(n) + 0.05*float64(n-capN)
		default:
			b[c] = catShare[c] * float64(n)
		}
		rest -= b[c]
	}
	b[catOfficeUPT] = rest
	return b
}

// scaled returns how many units of a scalable category to build: base in the
// default city, proportionally fewer (at least min) or more.
func (b *builder) scaled(cat, base, min int) int {
	if b.n <= DefaultEmployees {
		return max(min, int(math.Round(float64(base)*float64(b.n)/DefaultEmployees)))
	}
	r := catBudgets(b.n)[cat] / catBudgets(DefaultEmployees)[cat]
	return max(base, int(math.Round(float64(base)*r)))
}

func (b *builder) finish() error {
	c := b.c
	codes := make(map[string]struct{}, len(c.Units))
	for _, u := range c.Units {
		if _, dup := codes[u.Code]; dup {
			return errors.New("demo: duplicate unit code " + u.Code)
		}
		codes[u.Code] = struct{}{}
	}
	for i, p := range c.Positions {
		cat := c.unitCat[p.UnitID-1]
		switch c.posFlag[i] {
		case flagHead:
			c.heads = append(c.heads, int32(i))
			c.catHeads[cat]++
		case flagSingle:
			c.singles = append(c.singles, int32(i))
			c.catSingles[cat]++
		default:
			c.catW[cat] += float64(c.posW[i])
		}
	}
	sort.SliceStable(c.heads, func(i, j int) bool {
		di := c.Units[c.Positions[c.heads[i]].UnitID-1].Depth
		dj := c.Units[c.Positions[c.heads[j]].UnitID-1].Depth
		return di < dj
	})
	return nil
}

// allocate decides how many employees hold each position for n employees:
// heads first (top-down), then single-holder posts, then the rest spread by
// category share and position weight. It returns per-position counts for
// non-head, non-single positions and how many heads and singles are filled.
func (c *City) allocate(n int) (counts []int32, nHeads, nSingles int) {
	nHeads = min(n, len(c.heads))
	rem := n - nHeads
	nSingles = min(rem, len(c.singles))
	rem -= nSingles
	counts = make([]int32, len(c.Positions))
	if rem == 0 {
		return counts, nHeads, nSingles
	}
	budgets := catBudgets(n)
	var target [numCat]float64
	tsum := 0.0
	for k := range target {
		t := budgets[k] - float64(c.catHeads[k]+c.catSingles[k])
		if t < 0 || c.catW[k] == 0 {
			t = 0
		}
		target[k] = t
		tsum += t
	}
	if tsum == 0 {
		for k := range target {
			if c.catW[k] > 0 {
				target[k] = catShare[k]
				tsum += target[k]
			}
		}
	}
	var alloc [numCat]int
	cum, prev := 0.0, 0
	for k := range target {
		cum += target[k] / tsum * float64(rem)
		r := int(math.Round(cum))
		alloc[k] = r - prev
		prev = r
	}
	if prev != rem { // float drift: give the difference to the largest category
		alloc[catSchool] += rem - prev
	}
	var cumC [numCat]float64
	var done [numCat]int
	last := [numCat]int{-1, -1, -1, -1, -1, -1, -1}
	for i := range c.Positions {
		if c.posFlag[i] != 0 || c.posW[i] <= 0 {
			continue
		}
		k := c.unitCat[c.Positions[i].UnitID-1]
		cumC[k] += float64(c.posW[i]) / c.catW[k] * float64(alloc[k])
		r := int(math.Round(cumC[k]))
		counts[i] = int32(r - done[k])
		done[k] = r
		last[k] = i
	}
	for k := range done {
		if last[k] >= 0 && done[k] != alloc[k] {
			counts[last[k]] += int32(alloc[k] - done[k])
		}
	}
	return counts, nHeads, nSingles
}

// pad formats v with at least width digits.
func pad(v, width int) string {
	s := strconv.Itoa(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}
