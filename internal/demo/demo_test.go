package demo

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
)

var testNow = time.Date(2026, time.March, 15, 0, 0, 0, 0, time.UTC)

func mustCity(t testing.TB, o Options) *City {
	t.Helper()
	c, err := Generate(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func collect(t testing.TB, o Options) []model.Employee {
	t.Helper()
	c := mustCity(t, o)
	var out []model.Employee
	if err := c.Employees(o, func(e *model.Employee) error {
		out = append(out, *e)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterminism(t *testing.T) {
	o := Options{Seed: 42, Now: testNow}
	a, b := collect(t, o), collect(t, o)
	if len(a) != DefaultEmployees || len(b) != DefaultEmployees {
		t.Fatalf("got %d and %d employees, want %d", len(a), len(b), DefaultEmployees)
	}
	for _, i := range append(seq(0, 1000), seq(len(a)-1000, len(a))...) {
		if a[i] != b[i] {
			t.Fatalf("employee %d differs between runs:\n%+v\n%+v", i+1, a[i], b[i])
		}
	}
	c := collect(t, Options{Seed: 43, Now: testNow})
	same := 0
	for i := range a {
		if a[i].NIP == c[i].NIP && a[i].Name == c[i].Name {
			same++
		}
	}
	if same > len(a)/100 {
		t.Errorf("seed 42 and 43 share %d of %d employees", same, len(a))
	}
	for i, e := range a {
		if e.ID != int64(i+1) {
			t.Fatalf("employee %d has ID %d", i+1, e.ID)
		}
	}
}

func seq(from, to int) []int {
	var s []int
	for i := from; i < to; i++ {
		s = append(s, i)
	}
	return s
}

func checkNIP(e *model.Employee) error {
	n := e.NIP
	if len(n) != 18 {
		return fmt.Errorf("length %d", len(n))
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return errors.New("non-digit")
		}
	}
	bd, err := time.Parse("20060102", n[:8])
	if err != nil {
		return fmt.Errorf("birth date: %v", err)
	}
	if !bd.Equal(e.BirthDate) {
		return fmt.Errorf("birth date %s != %s", n[:8], e.BirthDate.Format("2006-01-02"))
	}
	year := atoi(n[8:12])
	if year < 1960 || year > testNow.Year() {
		return fmt.Errorf("year %d", year)
	}
	mm := atoi(n[12:14])
	switch e.Kind {
	case model.PNS:
		if mm < 1 || mm > 12 {
			return fmt.Errorf("TMT month %02d", mm)
		}
		tmt := time.Date(year, time.Month(mm), 1, 0, 0, 0, 0, time.UTC)
		if tmt.After(testNow) || tmt.Before(e.BirthDate.AddDate(18, 0, 0)) {
			return fmt.Errorf("TMT %s implausible for birth %s", tmt.Format("2006-01"), e.BirthDate.Format("2006-01-02"))
		}
	case model.PPPK:
		if year < 2019 || year > 2025 {
			return fmt.Errorf("PPPK year %d", year)
		}
		if mm != 1 && mm != 2 && mm != 24 {
			return fmt.Errorf("PPPK agreement code %02d", mm)
		}
	default:
		return fmt.Errorf("kind %q", e.Kind)
	}
	want := byte('1')
	if e.Gender == model.Female {
		want = '2'
	}
	if n[14] != want {
		return fmt.Errorf("gender digit %c for %s", n[14], e.Gender)
	}
	if n[15:] == "000" {
		return errors.New("sequence 000")
	}
	return nil
}

func atoi(s string) int {
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	return v
}

func TestNIPUnique200k(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	o := Options{Employees: 200_000, Seed: 7, Now: testNow}
	c := mustCity(t, o)
	nips := make(map[string]struct{}, o.Employees)
	emails := make(map[string]struct{}, o.Employees)
	n := 0
	err := c.Employees(o, func(e *model.Employee) error {
		n++
		if err := checkNIP(e); err != nil {
			return fmt.Errorf("employee %d NIP %s: %w", e.ID, e.NIP, err)
		}
		if _, dup := nips[e.NIP]; dup {
			return fmt.Errorf("duplicate NIP %s", e.NIP)
		}
		nips[e.NIP] = struct{}{}
		if _, dup := emails[e.Email]; dup {
			return fmt.Errorf("duplicate e-mail %s", e.Email)
		}
		emails[e.Email] = struct{}{}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != o.Employees {
		t.Fatalf("got %d employees, want %d", n, o.Employees)
	}
}

func TestStructure(t *testing.T) {
	for _, n := range []int{100, DefaultEmployees, 60_000} {
		c := mustCity(t, Options{Employees: n, Now: testNow})
		codes := map[string]bool{}
		for i, u := range c.Units {
			if u.ID != int64(i+1) {
				t.Fatalf("unit %d has ID %d", i+1, u.ID)
			}
			if codes[u.Code] {
				t.Fatalf("duplicate unit code %s", u.Code)
			}
			codes[u.Code] = true
			if u.ParentID == 0 {
				if i != 0 || u.Path != "/1/" || u.Depth != 0 || u.Kind != model.UnitPemda {
					t.Fatalf("bad root %+v", u)
				}
				continue
			}
			if u.ParentID >= u.ID {
				t.Fatalf("unit %d before its parent %d", u.ID, u.ParentID)
			}
			p := c.Units[u.ParentID-1]
			if u.Path != fmt.Sprintf("%s%d/", p.Path, u.ID) || u.Depth != p.Depth+1 {
				t.Fatalf("bad path/depth %+v under %+v", u, p)
			}
		}
		heads := map[int64]int{}
		pcodes := map[string]bool{}
		for i, p := range c.Positions {
			if p.ID != int64(i+1) {
				t.Fatalf("position %d has ID %d", i+1, p.ID)
			}
			if p.UnitID < 1 || p.UnitID > int64(len(c.Units)) {
				t.Fatalf("position %s in missing unit %d", p.Code, p.UnitID)
			}
			if pcodes[p.Code] {
				t.Fatalf("duplicate position code %s", p.Code)
			}
			pcodes[p.Code] = true
			if p.IsHead {
				heads[p.UnitID]++
				if heads[p.UnitID] > 1 {
					t.Fatalf("unit %d has two heads", p.UnitID)
				}
				if !model.MayHead(p.Type, p.Title) {
					t.Fatalf("head %s is neither managerial nor a teacher", p.Title)
				}
			}
			if (p.Type == model.Fungsional) != (p.Jenjang != "") {
				t.Fatalf("position %s: type %s jenjang %q", p.Title, p.Type, p.Jenjang)
			}
		}
	}
}

func TestDefaultCity(t *testing.T) {
	o := Options{Seed: 1, Now: testNow}
	c := mustCity(t, o)
	opd, kec, bkpsdm := 0, 0, false
	for _, u := range c.Units {
		if u.Kind != model.UnitOPD {
			continue
		}
		opd++
		if strings.HasPrefix(u.Name, "Kecamatan Medan ") {
			kec++
		}
		if u.Name == "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" {
			bkpsdm = true
		}
	}
	if opd < 45 || opd > 60 {
		t.Errorf("%d OPD, want 45..60", opd)
	}
	if kec != 21 {
		t.Errorf("%d kecamatan, want 21", kec)
	}
	if !bkpsdm {
		t.Error("no BKPSDM")
	}

	held := map[int64]int{}
	var teachers, women, pppk, health int
	n := 0
	err := c.Employees(o, func(e *model.Employee) error {
		n++
		p := &c.Positions[e.PositionID-1]
		if e.UnitID != p.UnitID {
			return fmt.Errorf("employee %d unit %d, position unit %d", e.ID, e.UnitID, p.UnitID)
		}
		if e.SupervisorID != 0 || e.SupervisorSet {
			return fmt.Errorf("employee %d has a supervisor", e.ID)
		}
		held[e.PositionID]++
		if strings.HasPrefix(p.Title, "Guru ") {
			teachers++
		}
		if c.profs[c.posProf[e.PositionID-1]].health {
			health++
		}
		if e.Gender == model.Female {
			women++
		}
		if e.Kind == model.PPPK {
			pppk++
		}
		if g, ok := model.NormalizeGolongan(e.Kind, e.Golongan); !ok || g != e.Golongan {
			return fmt.Errorf("employee %d golongan %q (%s)", e.ID, e.Golongan, e.Kind)
		}
		if e.Status == model.StatusAktif {
			rd := model.RetirementDate(e.BirthDate, model.DefaultRetirementAges().Age(p.Type, p.Jenjang, p.Title))
			if !rd.After(o.Now) {
				return fmt.Errorf("employee %d (%s, born %s) active after retirement %s", e.ID, p.Title, e.BirthDate.Format("2006-01-02"), rd.Format("2006-01-02"))
			}
		}
		if e.Name == "" || strings.Contains(e.Name, ".,") || strings.HasPrefix(e.Name, "H. ") || strings.HasPrefix(e.Name, "dr.") {
			return fmt.Errorf("employee %d name %q", e.ID, e.Name)
		}
		if e.Gender == model.Male && strings.Contains(e.GelarDepan, "Hj.") || e.Gender == model.Female && strings.Contains(e.GelarDepan, "H.") && !strings.Contains(e.GelarDepan, "Hj.") {
			return fmt.Errorf("employee %d %s has %q", e.ID, e.Gender, e.GelarDepan)
		}
		if !strings.HasSuffix(e.Email, "@"+Domain) || len(e.Phone) < 10 || len(e.Phone) > 13 || !strings.HasPrefix(e.Phone, "08") {
			return fmt.Errorf("employee %d contact %q %q", e.ID, e.Email, e.Phone)
		}
		if strings.HasPrefix(p.Title, "Guru ") && e.GelarBelakang != "" && !strings.Contains(e.GelarBelakang, "S.") && !strings.Contains(e.GelarBelakang, "A.M") && !strings.HasPrefix(e.GelarBelakang, "M.") {
			return fmt.Errorf("teacher %d with %q", e.ID, e.GelarBelakang)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range c.Positions {
		if p.IsHead && held[p.ID] != 1 {
			t.Fatalf("head position %d %q of unit %d held by %d", i+1, p.Title, p.UnitID, held[p.ID])
		}
	}
	share := func(x int) float64 { return float64(x) / float64(n) }
	if s := share(teachers); s < 0.35 || s > 0.55 {
		t.Errorf("teachers %.1f%%", 100*s)
	}
	if s := share(women); s < 0.45 || s > 0.60 {
		t.Errorf("women %.1f%%", 100*s)
	}
	if s := share(pppk); s < 0.10 || s > 0.18 {
		t.Errorf("PPPK %.1f%%", 100*s)
	}
	if s := share(health); s < 0.12 || s > 0.22 {
		t.Errorf("health workers %.1f%%", 100*s)
	}
}

func TestSmallAndLimits(t *testing.T) {
	o := Options{Employees: 100, Seed: 3, Now: testNow}
	es := collect(t, o)
	if len(es) != 100 {
		t.Fatalf("got %d employees", len(es))
	}
	c := mustCity(t, o)
	if es[0].PositionID != 1 || c.Positions[0].Title != "Sekretaris Daerah" {
		t.Errorf("first employee should be the Sekretaris Daerah, got position %d", es[0].PositionID)
	}
	for _, n := range []int{99, 1_000_001, -5} {
		if _, err := Generate(Options{Employees: n}); err == nil {
			t.Errorf("Employees=%d accepted", n)
		}
	}
	n := 0
	big := mustCity(t, Options{Employees: 5000, Now: testNow})
	if err := big.Employees(Options{Now: testNow}, func(*model.Employee) error { n++; return nil }); err != nil || n != 5000 {
		t.Errorf("Employees with zero size streamed %d (%v), want the city's 5000", n, err)
	}
	stop := errors.New("stop")
	calls := 0
	if err := c.Employees(o, func(*model.Employee) error { calls++; return stop }); err != stop || calls != 1 {
		t.Errorf("error not propagated: %v after %d calls", err, calls)
	}
}

// TestReport logs the shape of the default city (go test -run Report -v).
func TestReport(t *testing.T) {
	o := Options{Seed: 1, Now: testNow}
	c := mustCity(t, o)
	kinds := map[model.UnitKind]int{}
	for _, u := range c.Units {
		kinds[u.Kind]++
	}
	ptypes := map[model.PositionType]int{}
	heads := 0
	for _, p := range c.Positions {
		ptypes[p.Type]++
		if p.IsHead {
			heads++
		}
	}
	t.Logf("units %d by kind %v; positions %d (%d head) by type %v", len(c.Units), kinds, len(c.Positions), heads, ptypes)
	ekind := map[model.EmployeeKind]int{}
	etype := map[model.PositionType]int{}
	status := map[model.Status]int{}
	gol := map[string]int{}
	age := map[int]int{}
	cat := map[int]int{}
	var sample []string
	var women, teachers, health int
	_ = c.Employees(o, func(e *model.Employee) error {
		p := c.Positions[e.PositionID-1]
		if e.Gender == model.Female {
			women++
		}
		if strings.HasPrefix(p.Title, "Guru ") {
			teachers++
		}
		if c.profs[c.posProf[e.PositionID-1]].health {
			health++
		}
		ekind[e.Kind]++
		etype[p.Type]++
		status[e.Status]++
		gol[e.Golongan]++
		age[(o.Now.Year()-e.BirthDate.Year())/5*5]++
		cat[int(c.unitCat[p.UnitID-1])]++
		if e.ID%997 == 0 {
			sample = append(sample, fmt.Sprintf("%s | %s | %s | %s | %s | %s %s | %s | %s | %s | %s | %s",
				e.NIP, e.GelarDepan, e.Name, e.GelarBelakang, p.Title, e.Kind, e.Golongan, c.Units[p.UnitID-1].Name, e.BirthPlace, e.Email, e.Phone, e.Status))
		}
		return nil
	})
	t.Logf("employees by kind %v; by position type %v; status %v", ekind, etype, status)
	t.Logf("women %d, teachers %d, health workers %d", women, teachers, health)
	t.Logf("by category (skeleton,kec,rsud,school,pkm,kel,officeUPT) %v", cat)
	keys := make([]string, 0, len(gol))
	for k := range gol {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var gs []string
	for _, k := range keys {
		gs = append(gs, fmt.Sprintf("%s:%d", k, gol[k]))
	}
	t.Logf("golongan %s", strings.Join(gs, " "))
	t.Logf("age buckets %v", age)
	for _, s := range sample {
		t.Log(s)
	}
}

func BenchmarkGenerate1M(b *testing.B) {
	o := Options{Employees: MaxEmployees, Seed: 1, Now: testNow}
	b.ReportAllocs()
	for b.Loop() {
		c, err := Generate(o)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		if err := c.Employees(o, func(e *model.Employee) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n != o.Employees {
			b.Fatalf("got %d", n)
		}
	}
}

func BenchmarkDefaultCity(b *testing.B) {
	o := Options{Seed: 1, Now: testNow}
	b.ReportAllocs()
	for b.Loop() {
		c, err := Generate(o)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.Employees(o, func(e *model.Employee) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPositionTitlesUniquePerUnit: the store keys a position by (unit, title),
// so two posts with one title in one unit would fail to load.
func TestPositionTitlesUniquePerUnit(t *testing.T) {
	for _, n := range []int{100, DefaultEmployees, 200_000} {
		c, err := Generate(Options{Employees: n})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, p := range c.Positions {
			k := fmt.Sprint(p.UnitID, "|", p.Title)
			if seen[k] {
				t.Fatalf("%d employees: unit %d has two positions titled %q", n, p.UnitID, p.Title)
			}
			seen[k] = true
		}
	}
}

// TestStory pins the demo's assessment story where it is decided: the
// communications office nearly fine on digital skills where the schools
// are short, integrity nearly fine where decision-making is short, and
// every OPD's cycle under way but not alike.
func TestStory(t *testing.T) {
	c := mustCity(t, Options{Employees: 3000, Now: testNow})
	s := c.Story()
	byCode := map[string]int64{}
	for _, u := range c.Units {
		byCode[u.Code] = u.ID
	}
	kominfo, disdik := byCode["OPD-DISKOMINFO"], byCode["OPD-DISDIKBUD"]
	var school int64
	for _, u := range c.Units {
		if u.ParentID == disdik && strings.HasPrefix(u.Code, "UPT-SDN-") {
			school = u.ID
			break
		}
	}
	if kominfo == 0 || disdik == 0 || school == 0 {
		t.Fatalf("units not found: kominfo %d, disdik %d, school %d", kominfo, disdik, school)
	}
	if k, sd := s.ShortPermille(kominfo, "DIG-01"), s.ShortPermille(school, "DIG-01"); k*4 > sd {
		t.Errorf("digital literacy short: Kominfo %d ‰, a school %d ‰: want the school at least four times Kominfo", k, sd)
	}
	if i, d := s.ShortPermille(school, "M1"), s.ShortPermille(school, "M8"); i*3 > d {
		t.Errorf("at a school integrity is short %d ‰, decision-making %d ‰: want decisions at least three times integrity", i, d)
	}
	seen := map[int]bool{}
	for _, u := range c.Units {
		if u.ParentID != c.Units[0].ID {
			continue
		}
		self, sup := s.CycleDone(u.ID)
		if self <= 0 || self >= 100 || sup <= 0 || sup > self {
			t.Errorf("%s: %d %% self-assessed, %d %% rated by the supervisor: want both under way, the supervisors behind", u.Code, self, sup)
		}
		seen[self/10] = true
	}
	if len(seen) < 5 {
		t.Errorf("the OPDs' cycle progress falls in %d tens of per cent: want at least five", len(seen))
	}
	cyc := StoryCycle(testNow, c.Units[0].ID)
	if err := cyc.Validate(); err != nil || cyc.Status(model.CycleToday(testNow)) != model.CycleOpen {
		t.Errorf("the story's cycle %+v is not a valid open cycle: %v", cyc, err)
	}
}

// TestPositionsAsTheLawHasThem: the Sekda of a kota is JPT Pratama; every
// school is headed by a Guru post (a kepala sekolah is a teacher with an
// additional duty), which Position.Validate accepts; teachers retire at 60,
// so active teachers of 58 and 59 exist.
func TestPositionsAsTheLawHasThem(t *testing.T) {
	o := Options{Seed: 1, Now: testNow}
	c := mustCity(t, o)
	if p := c.Positions[0]; p.Title != "Sekretaris Daerah" || p.Type != model.JPTPratama || !p.IsHead {
		t.Errorf("Sekda post %+v, want a JPT Pratama head post", p)
	}
	schools, teacherHeads := 0, 0
	for _, u := range c.Units {
		if strings.HasPrefix(u.Code, "UPT-SDN-") || strings.HasPrefix(u.Code, "UPT-SMPN-") {
			schools++
		}
	}
	for _, p := range c.Positions {
		if p.Type == model.JPTMadya {
			t.Errorf("a kota has no JPT Madya post: %s", p.Title)
		}
		if !p.IsHead {
			continue
		}
		u := c.Units[p.UnitID-1]
		school := strings.HasPrefix(u.Code, "UPT-SDN-") || strings.HasPrefix(u.Code, "UPT-SMPN-")
		if school {
			if !model.IsTeacherPost(p.Type, p.Title) {
				t.Fatalf("school %s headed by %s (%s), not a Guru post", u.Name, p.Title, p.Type)
			}
			if err := p.Validate(); err != nil {
				t.Fatalf("school head post %s refused: %v", p.Title, err)
			}
			teacherHeads++
		} else if model.IsTeacherPost(p.Type, p.Title) {
			t.Errorf("a teacher heads %s, which is not a school", u.Name)
		}
	}
	if schools == 0 || teacherHeads != schools {
		t.Errorf("%d schools, %d headed by a Guru post", schools, teacherHeads)
	}
	old := 0
	err := c.Employees(o, func(e *model.Employee) error {
		p := c.Positions[e.PositionID-1]
		if e.Status != model.StatusAktif || !model.IsTeacherPost(p.Type, p.Title) {
			return nil
		}
		if model.RetirementDate(e.BirthDate, 58).Before(o.Now) {
			old++ // past 58: only a teacher's age of 60 keeps them active
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if old == 0 {
		t.Error("no active teacher older than 58: the demo still retires teachers at 58")
	}
}
