// Package testcity builds the one small city that tests of every package
// seed: a pemda with two OPDs, their heads and staff, and an account for
// each role, all written through the store's public methods so that a seed
// goes through the same validation and auditing as a user's edit. Tests
// that need more (another unit, more people, a fixed clock) ask for it with
// options or add it themselves on top of the city. Tests that need another
// shape altogether — an import naming units by code into an empty
// registry, hundreds of people in a real tree — seed a Tree of their own or
// the demo city (WithDemo) through the same builder instead.
//
// The package is test support: only _test.go files import it.
package testcity

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Passwords and NIPs of the seeded people, for tests that sign in or look
// someone up by number.
const (
	PwAdmin = "rahasia-super-1"
	PwOPD   = "rahasia-opd-22"
	PwBudi  = "rahasia-budi-3"
	PwSri   = "rahasia-sri-44"
	// PwHead is the password of the head's atasan account WithStandard adds.
	PwHead = "rahasia-kepala-5"
	// PwRoles is the password of every account WithEveryRole adds.
	PwRoles = "rahasia-matriks-9"

	NIPHead = "197505052000031002"
	NIPBudi = "198001012005011001"
	NIPSri  = "198502022010012003"
)

// Sys is the actor the seed writes as.
var Sys = model.Actor{Name: "test"}

// City is the seeded registry. Kominfo is headed by Head, who supervises
// Budi; Sri works in Dinkes, outside the Kominfo admin's reach.
type City struct {
	St *store.Store

	Root, Kominfo, Dinkes model.OrgUnit

	HeadPos  model.Position // Kepala Dinas Kominfo, a JPT Pratama head post
	StaffPos model.Position // a pelaksana post in Kominfo
	NursePos model.Position // a fungsional post in Dinkes

	Head, Budi, Sri model.Employee

	// Accounts: the superadmin "admin", the Kominfo admin "adminkominfo",
	// Budi's own account (active) and Sri's (inactive).
	Admin, AdminKominfo, BudiUser, SriUser model.User

	// Filled by WithEveryRole: Rina is more Kominfo staff with her own
	// account; Rudi is the employee behind the Kominfo admin account
	// "m-opd"; Wati, a nurse in Dinkes, is behind the BKPSDM admin
	// "m-bkpsdm"; "m-lpk", "m-pimpinan" and "m-auditor" have no record.
	Rina, Rudi, Wati                                          model.Employee
	RinaUser, OPDUser, BKPSDMUser, LPKUser, Pimpinan, Auditor model.User

	// Filled by WithStandard: the competencies of the staff post's
	// standard and the head's atasan account.
	Comps    []int64
	HeadUser model.User

	// Filled by WithBidang: Bidang Aplikasi Informatika under Kominfo,
	// headed by Kabid (Siti) in KabidPos, an Administrator post, who
	// supervises Ani (PNS) and Bayu (PPPK) in ProgPos, a fungsional post.
	Bidang           model.OrgUnit
	KabidPos         model.Position
	ProgPos          model.Position
	Kabid, Ani, Bayu model.Employee

	// Filled by WithAssessment: two more of Ani's peers (Cici, Dedi) and
	// Eko in Dinkes without a post; National holds the national
	// framework's competencies in order, the first Required of which are
	// ProgPos's standard at level Required.
	Cici, Dedi, Eko model.Employee
	National        []int64

	// Filled by WithNeeds: Fani, a nurse in Dinkes in NurseMudaPos.
	Fani         model.Employee
	NurseMudaPos model.Position

	// Filled by WithOffices.
	Offices Offices

	// Filled by Tree (by code) and WithPeople (by NIP).
	Units map[string]model.OrgUnit
	Posts map[string]model.Position
	ByNIP map[string]model.Employee

	// Filled by WithDemo: the digital framework's competencies in order.
	Digital []int64

	// Filled by WithCatalogue.
	Catalogue Catalogue
}

// Required is the level (and the number of national competencies) of
// ProgPos's standard under WithAssessment.
const Required = 2

type config struct {
	now        time.Time
	everyRole  bool
	standard   bool
	bidang     bool
	assessment bool
	needs      bool
	offices    bool
	catalogue  bool

	tree              []Unit
	people            []Person
	natPost           string
	natN, natRequired int

	demo *demo.Options
}

// Option changes what New seeds.
type Option func(*config)

// WithClock fixes the store's clock at now before anything is seeded, so
// audit times, token expiry and age-dependent results are reproducible.
func WithClock(now time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithEveryRole adds the people and accounts a route-by-role test needs:
// an account for every role, each with an employee record where the role
// has one (see City).
func WithEveryRole() Option {
	return func(c *config) { c.everyRole = true }
}

// WithStandard gives the staff post (Budi's) a standard, decree SK-7/2025
// of 2 January 2025: the first four competencies of the national framework
// at level 2, weight 1, mandatory; and gives the head an atasan account
// (PwHead), so that both sides of an assessment can sign in.
func WithStandard() Option {
	return func(c *config) { c.standard = true }
}

// WithBidang adds Bidang Aplikasi Informatika under Kominfo, with a head
// post held by Siti Aminah Nasution and a Pranata Komputer post held by Ani
// Sembiring (PNS) and Bayu Santoso Siregar (PPPK): a unit two levels below
// the root, a supervisor who is herself supervised, and both kinds of
// employee.
func WithBidang() Option {
	return func(c *config) { c.bidang = true }
}

// WithAssessment is WithBidang plus two more Pranata Komputer (Cici
// Ginting, Dedi Tarigan), Eko Purba in Dinkes without a post, the built-in
// frameworks, and a standard for the Pranata Komputer post (decree
// SK-1/2025 of 2 January 2025): the first five national competencies at
// level Required, weight 1, mandatory.
func WithAssessment() Option {
	return func(c *config) { c.bidang, c.assessment = true, true }
}

// WithNeeds is WithAssessment plus Fani Hutagalung, a Perawat Ahli Muda in
// Dinkes, weighted standards (decree 800/1/2025) and assessment-centre
// levels, recomputed, as a needs analysis reads them:
//
//	ProgPos (Ani, Bayu, Cici, Dedi): c0 required 3 weight 2, c1 2/1, c2 2/1
//	KabidPos (Siti):                c0 required 3 weight 3
//	NurseMudaPos (Fani):            c1 required 3 weight 1
//
// levels: Ani c0=1 c1=2; Bayu c0=2 c1=1 c2=3; Cici c0=3; Dedi none;
// Siti c0=2; Fani c1=1 (c0… are National's first three).
func WithNeeds() Option {
	return func(c *config) { c.bidang, c.assessment, c.needs = true, true, true }
}

// New seeds the city into st and returns it; any failure fails t.
func New(t testing.TB, st *store.Store, opts ...Option) *City {
	t.Helper()
	c, err := Build(st, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Build seeds the city into st and returns it, for callers without a
// testing.TB (a TestMain); New is Build failing the test.
func Build(st *store.Store, opts ...Option) (c *City, err error) {
	var cfg config
	for _, o := range opts {
		o(&cfg)
	}
	if !cfg.now.IsZero() {
		now := cfg.now
		st.Now = func() time.Time { return now }
	}
	ctx := context.Background()
	c = &City{St: st}
	// must stops the seed at the first failure: the panic carries the
	// error to the recover below.
	type failed struct{ error }
	defer func() {
		if r := recover(); r != nil {
			f, ok := r.(failed)
			if !ok {
				panic(r)
			}
			c, err = nil, f.error
		}
	}()
	must := func(err error) {
		if err != nil {
			panic(failed{err})
		}
	}
	if cfg.demo != nil {
		if len(cfg.tree) > 0 || cfg.everyRole || cfg.standard || cfg.bidang {
			return nil, fmt.Errorf("testcity: WithDemo seeds the demo city instead of the standard city: no options of that city with it")
		}
		c.addDemo(*cfg.demo, must)
		return c, nil
	}
	if len(cfg.tree) > 0 {
		if cfg.everyRole || cfg.standard || cfg.bidang {
			return nil, fmt.Errorf("testcity: Tree seeds its own units instead of the standard city's: no options of that city with it")
		}
		c.addTree(cfg.tree, must)
		c.addPeople(cfg.people, must)
		if cfg.natPost != "" {
			c.addNationalStandard(cfg.natPost, cfg.natN, cfg.natRequired, must)
		}
		return c, nil
	}
	if len(cfg.people) > 0 || cfg.natPost != "" {
		return nil, fmt.Errorf("testcity: WithPeople and WithNationalStandard name units and posts of a Tree")
	}
	c.Root = model.OrgUnit{Code: "PEMDA", Name: "Pemerintah Kota Medan", Kind: model.UnitPemda}
	must(st.CreateUnit(ctx, Sys, &c.Root))
	c.Kominfo = model.OrgUnit{Code: "KOMINFO", Name: "Dinas Komunikasi dan Informatika", Kind: model.UnitOPD, ParentID: c.Root.ID}
	must(st.CreateUnit(ctx, Sys, &c.Kominfo))
	c.Dinkes = model.OrgUnit{Code: "DINKES", Name: "Dinas Kesehatan", Kind: model.UnitOPD, ParentID: c.Root.ID}
	must(st.CreateUnit(ctx, Sys, &c.Dinkes))

	c.HeadPos = model.Position{Title: "Kepala Dinas Komunikasi dan Informatika", Type: model.JPTPratama, UnitID: c.Kominfo.ID, IsHead: true}
	must(st.CreatePosition(ctx, Sys, &c.HeadPos))
	c.StaffPos = model.Position{Title: "Pengelola Sistem Informasi", Type: model.Pelaksana, UnitID: c.Kominfo.ID}
	must(st.CreatePosition(ctx, Sys, &c.StaffPos))
	c.NursePos = model.Position{Title: "Perawat Ahli Pertama", Type: model.Fungsional, Jenjang: "ahli_pertama", UnitID: c.Dinkes.ID}
	must(st.CreatePosition(ctx, Sys, &c.NursePos))

	c.Head = model.Employee{NIP: NIPHead, Name: "Ahmad Nasution", GelarDepan: "Dr.", GelarBelakang: "S.T., M.Kom.", Gender: model.Male,
		Kind: model.PNS, Golongan: "IV/b", PositionID: c.HeadPos.ID, UnitID: c.Kominfo.ID}
	c.Budi = model.Employee{NIP: NIPBudi, Name: "Budi Santoso Siregar", Gender: model.Male, Kind: model.PNS, Golongan: "III/a",
		PositionID: c.StaffPos.ID, UnitID: c.Kominfo.ID}
	c.Sri = model.Employee{NIP: NIPSri, Name: "Sri Wahyuni Lubis", Gender: model.Female, Kind: model.PNS, Golongan: "III/b",
		PositionID: c.NursePos.ID, UnitID: c.Dinkes.ID}
	for _, e := range []*model.Employee{&c.Head, &c.Budi, &c.Sri} {
		must(c.AddEmployee(e))
	}

	c.Admin = model.User{Username: "admin", Role: model.RoleSuperadmin, Active: true}
	c.AdminKominfo = model.User{Username: "adminkominfo", Role: model.RoleAdminOPD, ScopeUnitID: c.Kominfo.ID, Active: true}
	c.BudiUser = model.User{Username: NIPBudi, EmployeeID: c.Budi.ID, Role: model.RolePegawai, Active: true}
	c.SriUser = model.User{Username: NIPSri, EmployeeID: c.Sri.ID, Role: model.RolePegawai, Active: false}
	must(c.AddUser(&c.Admin, PwAdmin))
	must(c.AddUser(&c.AdminKominfo, PwOPD))
	must(c.AddUser(&c.BudiUser, PwBudi))
	must(c.AddUser(&c.SriUser, PwSri))
	if cfg.everyRole {
		c.addEveryRole(must)
	}
	if cfg.standard {
		c.addStandard(must)
	}
	if cfg.bidang {
		c.addBidang(must)
	}
	if cfg.assessment {
		c.addAssessment(must)
	}
	if cfg.needs {
		c.addNeeds(must)
	}
	if cfg.offices {
		c.addOffices(must)
	}
	if cfg.catalogue {
		c.addCatalogue(must)
	}
	return c, nil
}

// national returns the national framework's competencies in order,
// storing the built-in frameworks first.
func (c *City) national(must func(error)) []int64 {
	ctx := context.Background()
	_, err := c.St.EnsureBuiltInFrameworks(ctx, Sys)
	must(err)
	fid, err := c.St.FrameworkID(ctx, "KOMPETENSI-ASN", "")
	must(err)
	_, ids, err := c.St.Framework(ctx, fid)
	must(err)
	if len(ids) < 9 {
		must(fmt.Errorf("testcity: the national framework has %d competencies", len(ids)))
	}
	return ids
}

func (c *City) addStandard(must func(error)) {
	ctx := context.Background()
	ids := c.national(must)
	c.Comps = ids[:4]
	items := make([]model.StandardItem, len(c.Comps))
	for i, id := range c.Comps {
		items[i] = model.StandardItem{CompetencyID: id, Required: 2, Weight: 1, Mandatory: true}
	}
	_, err := c.St.SetStandard(ctx, Sys, c.StaffPos.ID, "SK-7/2025", "2025-01-02", items)
	must(err)
	c.HeadUser = model.User{Username: NIPHead, EmployeeID: c.Head.ID, Role: model.RoleAtasan, Active: true}
	must(c.AddUser(&c.HeadUser, PwHead))
}

func (c *City) addEveryRole(must func(error)) {
	person := func(e *model.Employee) {
		e.Gender, e.Kind, e.Golongan = model.Female, model.PNS, "III/a"
		must(c.AddEmployee(e))
		// The supervisor is derived from the posts; read it back.
		got, err := c.St.Employee(context.Background(), e.ID)
		must(err)
		e.SupervisorID = got.SupervisorID
	}
	c.Rina = model.Employee{NIP: "199003032015032001", Name: "Rina Marpaung", PositionID: c.StaffPos.ID, UnitID: c.Kominfo.ID}
	person(&c.Rina)
	c.Rudi = model.Employee{NIP: "198804042012041001", Name: "Rudi Tambunan", PositionID: c.StaffPos.ID, UnitID: c.Kominfo.ID}
	person(&c.Rudi)
	c.Wati = model.Employee{NIP: "198606062011062001", Name: "Wati Harahap", PositionID: c.NursePos.ID, UnitID: c.Dinkes.ID}
	person(&c.Wati)
	c.RinaUser = model.User{Username: c.Rina.NIP, EmployeeID: c.Rina.ID, Role: model.RolePegawai, Active: true}
	c.OPDUser = model.User{Username: "m-opd", EmployeeID: c.Rudi.ID, Role: model.RoleAdminOPD, ScopeUnitID: c.Kominfo.ID, Active: true}
	c.BKPSDMUser = model.User{Username: "m-bkpsdm", EmployeeID: c.Wati.ID, Role: model.RoleAdminBKPSDM, Active: true}
	c.LPKUser = model.User{Username: "m-lpk", Role: model.RolePenyelenggara, Active: true}
	c.Pimpinan = model.User{Username: "m-pimpinan", Role: model.RolePimpinan, Active: true}
	c.Auditor = model.User{Username: "m-auditor", Role: model.RoleAuditor, Active: true}
	for _, u := range []*model.User{&c.RinaUser, &c.OPDUser, &c.BKPSDMUser, &c.LPKUser, &c.Pimpinan, &c.Auditor} {
		must(c.AddUser(u, PwRoles))
	}
}

// AddEmployee seeds one more person: an active employee born on the date
// the NIP's first eight digits carry, as a real NIP does.
func (c *City) AddEmployee(e *model.Employee) error {
	if e.BirthDate.IsZero() && len(e.NIP) >= 8 {
		e.BirthDate, _ = time.Parse("20060102", e.NIP[:8])
	}
	if e.Status == "" {
		e.Status = model.StatusAktif
	}
	return c.St.CreateEmployee(context.Background(), Sys, e)
}

// AddUser seeds one more account with the given password.
func (c *City) AddUser(u *model.User, password string) error {
	h, err := hash(password)
	if err != nil {
		return err
	}
	u.PasswordHash = h
	return c.St.CreateUser(context.Background(), Sys, u)
}

// Token issues an API token for u, valid for the default lifetime from the
// store's clock, and returns its secret.
func (c *City) Token(t testing.TB, u model.User) string {
	t.Helper()
	tok := auth.RandomSecret(32)
	if err := c.St.CreateAPIToken(context.Background(), Sys, &model.APIToken{UserID: u.ID, Name: "test",
		Expires: c.St.Now().Add(model.DefaultTokenLifetime)}, auth.TokenHash(tok)); err != nil {
		t.Fatal(err)
	}
	return tok
}

// hashes keeps one hash per password for the life of the test binary: the
// password hash is deliberately slow, and every test seeds the same four.
var hashes sync.Map

func hash(password string) (string, error) {
	if h, ok := hashes.Load(password); ok {
		return h.(string), nil
	}
	h, err := auth.HashPassword(password)
	if err != nil {
		return "", err
	}
	hashes.Store(password, h)
	return h, nil
}
