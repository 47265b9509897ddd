package testcity

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/registry"
)

// PwOffices is the password of the accounts WithOffices adds.
const PwOffices = "Medan-Kota-2026!"

// Usernames of the accounts WithOffices adds (Ani's is her NIP).
const (
	UserBKPSDM  = "admin.bkpsdm"  // admin_bkpsdm, Nurhayati: the whole government
	UserKominfo = "admin.kominfo" // admin_opd of Kominfo, Fajar
)

// Offices are what WithOffices adds: BKPSDM with its head and an analyst,
// a head for Dinkes and a puskesmas under it with its head, a doctor and a
// nurse, Fajar beside Ani in the bidang, and three accounts.
type Offices struct {
	BKPSDM, Puskesmas    model.OrgUnit
	Rahmat, Nurhayati    model.Employee // BKPSDM: kepala badan, analis (the admin)
	Hendra               model.Employee // Kepala Dinas Kesehatan
	Dewi, Rizky, Lestari model.Employee // puskesmas: kepala, dokter, perawat
	Fajar                model.Employee // Pranata Komputer in the bidang, the Kominfo admin
	// Accounts (password PwOffices): UserBKPSDM for Nurhayati, UserKominfo
	// for Fajar, and Ani's own (pegawai, username her NIP).
	AdminUser, OPDUser, AniUser model.User
}

// WithOffices is WithBidang plus Offices, the people a browser test signs
// in as and looks for: every one with a birth place and a NIP that agrees
// with their birth date, so a form or profile shows them whole.
func WithOffices() Option {
	return func(c *config) { c.bidang, c.offices = true, true }
}

func (c *City) addOffices(must func(error)) {
	ctx := context.Background()
	o := &c.Offices
	o.BKPSDM = model.OrgUnit{Code: "BKPSDM", Name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Kind: model.UnitOPD, ParentID: c.Root.ID}
	must(c.St.CreateUnit(ctx, Sys, &o.BKPSDM))
	o.Puskesmas = model.OrgUnit{Code: "PKM-PDBULAN", Name: "Puskesmas Padang Bulan", Kind: model.UnitUPT, ParentID: c.Dinkes.ID}
	must(c.St.CreateUnit(ctx, Sys, &o.Puskesmas))
	pos := func(title string, t model.PositionType, jenjang string, u model.OrgUnit, head bool) int64 {
		p := model.Position{Title: title, Type: t, Jenjang: jenjang, UnitID: u.ID, IsHead: head}
		must(c.St.CreatePosition(ctx, Sys, &p))
		return p.ID
	}
	kaban := pos("Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", model.JPTPratama, "", o.BKPSDM, true)
	analis := pos("Analis SDM Aparatur Ahli Muda", model.Fungsional, "ahli_muda", o.BKPSDM, false)
	kadinkes := pos("Kepala Dinas Kesehatan", model.JPTPratama, "", c.Dinkes, true)
	kapus := pos("Kepala Puskesmas Padang Bulan", model.Pengawas, "", o.Puskesmas, true)
	dokter := pos("Dokter Ahli Pertama", model.Fungsional, "ahli_pertama", o.Puskesmas, false)
	perawat := pos("Perawat Terampil", model.Fungsional, "terampil", o.Puskesmas, false)

	emp := func(e *model.Employee, nip, front, name, back, place string, g model.Gender, gol string, posID int64, u model.OrgUnit) {
		*e = model.Employee{NIP: nip, Name: name, GelarDepan: front, GelarBelakang: back, BirthPlace: place,
			Gender: g, Kind: model.PNS, Golongan: gol, PositionID: posID, UnitID: u.ID, BirthDate: birth(nip)}
		// A person a form shows whole must pass the registry's checks: a
		// failure here is a bad fixture, not a bug of the app.
		for _, p := range registry.CheckEmployee(e, c.St.Now()) {
			if !p.Warning {
				must(fmt.Errorf("testcity: %s: %s: %s", name, p.Field, p.Message))
			}
		}
		must(c.AddEmployee(e))
	}
	// Heads first, so that their staff's supervisors are derived.
	emp(&o.Rahmat, "197506302000031001", "", "Rahmat Hidayat Harahap", "S.Sos., M.AP.", "Padangsidimpuan", model.Male, "IV/b", kaban, o.BKPSDM)
	emp(&o.Nurhayati, "198812012011012003", "", "Nurhayati Pohan", "S.Psi.", "Medan", model.Female, "III/c", analis, o.BKPSDM)
	emp(&o.Fajar, "199402142020121002", "", "Fajar Ramadhan Hasibuan", "S.T.", "Medan", model.Male, "III/a", c.ProgPos.ID, c.Bidang)
	emp(&o.Hendra, "197208201999031003", "dr.", "Hendra Ginting", "M.Kes.", "Berastagi", model.Male, "IV/b", kadinkes, c.Dinkes)
	emp(&o.Dewi, "198011022006042004", "", "Dewi Sartika Purba", "S.K.M.", "Pematangsiantar", model.Female, "III/d", kapus, o.Puskesmas)
	emp(&o.Rizky, "199504252022031001", "dr.", "Rizky Pratama Simanjuntak", "", "Tarutung", model.Male, "III/b", dokter, o.Puskesmas)
	emp(&o.Lestari, "199307072020122006", "", "Lestari Manurung", "A.Md.Kep.", "Balige", model.Female, "II/c", perawat, o.Puskesmas)

	o.AdminUser = model.User{Username: UserBKPSDM, EmployeeID: o.Nurhayati.ID, Role: model.RoleAdminBKPSDM, Active: true}
	o.OPDUser = model.User{Username: UserKominfo, EmployeeID: o.Fajar.ID, Role: model.RoleAdminOPD, ScopeUnitID: c.Kominfo.ID, Active: true}
	o.AniUser = model.User{Username: c.Ani.NIP, EmployeeID: c.Ani.ID, Role: model.RolePegawai, Active: true}
	for _, u := range []*model.User{&o.AdminUser, &o.OPDUser, &o.AniUser} {
		must(c.AddUser(u, PwOffices))
	}
}

// People returns every employee the city was seeded with, by the options
// given, in the order they were created.
func (c *City) People() []*model.Employee {
	all := []*model.Employee{&c.Head, &c.Budi, &c.Sri, &c.Rina, &c.Rudi, &c.Wati, &c.Kabid, &c.Ani, &c.Bayu, &c.Cici, &c.Dedi, &c.Eko, &c.Fani,
		&c.Offices.Rahmat, &c.Offices.Nurhayati, &c.Offices.Fajar, &c.Offices.Hendra, &c.Offices.Dewi, &c.Offices.Rizky, &c.Offices.Lestari}
	var out []*model.Employee
	for _, e := range all {
		if e.ID != 0 {
			out = append(out, e)
		}
	}
	return out
}

// Pair is a unit that AddPair adds: a head and a staff member whose post
// has a standard, each with an account.
type Pair struct {
	Unit        model.OrgUnit
	Staff, Head model.Employee
	// Items is the standard of the staff post, in its order.
	Items []model.StandardItem
}

// AddPair adds, under the root, Dinas Perpustakaan dan Kearsipan (named
// and coded with n when n > 1, so that each call gets a fresh unit and
// fresh NIPs) with a head post (JPT Pratama) held by Parlindungan Sitompul
// and a Pustakawan Ahli Muda post held by Rosmawati Panjaitan, gives the
// librarian post a standard from the default template (the nine national
// competencies, each at level 3), and an account for each (username their
// NIP, password PwOffices: the librarian pegawai, the head atasan). The
// built-in frameworks and default templates are stored on the way.
func (c *City) AddPair(n int) (p *Pair, err error) {
	ctx := context.Background()
	st := c.St
	if _, err := st.EnsureBuiltInFrameworks(ctx, Sys); err != nil {
		return nil, err
	}
	if _, err := st.SeedDefaultTemplates(ctx, Sys); err != nil {
		return nil, err
	}
	p = &Pair{}
	code, name := "DISPUSIP", "Dinas Perpustakaan dan Kearsipan"
	if n > 1 {
		code, name = fmt.Sprintf("DISPUSIP-%d", n), fmt.Sprintf("%s %d", name, n)
	}
	p.Unit = model.OrgUnit{Code: code, Name: name, Kind: model.UnitOPD, ParentID: c.Root.ID}
	if err := st.CreateUnit(ctx, Sys, &p.Unit); err != nil {
		return nil, err
	}
	headPos := model.Position{Title: "Kepala " + name, Type: model.JPTPratama, UnitID: p.Unit.ID, IsHead: true}
	staffPos := model.Position{Title: "Pustakawan Ahli Muda", Type: model.Fungsional, Jenjang: "ahli_muda", UnitID: p.Unit.ID}
	for _, pos := range []*model.Position{&headPos, &staffPos} {
		if err := st.CreatePosition(ctx, Sys, pos); err != nil {
			return nil, err
		}
	}
	items, err := st.TemplateFor(ctx, model.Fungsional, "ahli_muda")
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("testcity: no template for Fungsional ahli_muda")
	}
	if _, err := st.SetStandard(ctx, Sys, staffPos.ID, "Perwal Medan No. 7 Tahun 2026", "2026-01-15", items); err != nil {
		return nil, err
	}
	cur, err := st.CurrentStandard(ctx, staffPos.ID)
	if err != nil {
		return nil, err
	}
	p.Items = cur.Items
	// The head first, so that the librarian's supervisor is derived.
	p.Head = model.Employee{NIP: fmt.Sprintf("197109091997031%03d", n), GelarDepan: "Drs.", Name: "Parlindungan Sitompul", GelarBelakang: "M.Si.",
		BirthPlace: "Tarutung", Gender: model.Male, Kind: model.PNS, Golongan: "IV/b", PositionID: headPos.ID, UnitID: p.Unit.ID}
	p.Staff = model.Employee{NIP: fmt.Sprintf("198704182010032%03d", n), Name: "Rosmawati Panjaitan", GelarBelakang: "S.Hum.",
		BirthPlace: "Sibolga", Gender: model.Female, Kind: model.PNS, Golongan: "III/c", PositionID: staffPos.ID, UnitID: p.Unit.ID}
	for _, e := range []*model.Employee{&p.Head, &p.Staff} {
		if err := c.AddEmployee(e); err != nil {
			return nil, err
		}
	}
	for _, u := range []*model.User{
		{Username: p.Staff.NIP, EmployeeID: p.Staff.ID, Role: model.RolePegawai, Active: true},
		{Username: p.Head.NIP, EmployeeID: p.Head.ID, Role: model.RoleAtasan, Active: true},
	} {
		if err := c.AddUser(u, PwOffices); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// birth is the birth date a NIP carries in its first eight digits.
func birth(nip string) time.Time {
	t, _ := time.Parse("20060102", nip[:8])
	return t
}
