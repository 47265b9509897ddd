package e2e

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/auth"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/registry"
	"github.com/kompeten/kompeten/internal/store"
)

// Accounts of the seeded city. Every account has the same password.
const (
	password = "Medan-Kota-2026!"
	// adminUser is an admin_bkpsdm linked to Nurhayati Pohan: sees the
	// whole government.
	adminUser = "admin.bkpsdm"
	// opdUser is the admin_opd of Dinas Kominfo, linked to Fajar Ramadhan
	// Hasibuan.
	opdUser = "admin.kominfo"
)

// seeded is the small city the suite works on, with store-assigned IDs.
type seeded struct {
	root, bkpsdm, kominfo, aplikasi, dinkes, puskesmas model.OrgUnit

	// Employees, by the person.
	nurhayati, rahmat  model.Employee // BKPSDM: analis (the admin), kepala badan
	yusuf, siti, ani   model.Employee // Kominfo: kadis, kabid, staff
	fajar              model.Employee // Kominfo staff, the admin_opd
	hendra, dewi, rizk model.Employee // Dinkes: kadis, kepala puskesmas, dokter
	lestari            model.Employee // puskesmas nurse

	admin, opd, pegawai model.User
}

// all returns every seeded employee.
func (c *seeded) all() []*model.Employee {
	return []*model.Employee{&c.nurhayati, &c.rahmat, &c.yusuf, &c.siti, &c.ani, &c.fajar, &c.hendra, &c.dewi, &c.rizk, &c.lestari}
}

// seedActor is who seeds, for the audit log.
var seedActor = model.Actor{Name: "e2e"}

// day parses a yyyy-mm-dd date.
func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// seed creates Pemerintah Kota Medan with BKPSDM, Dinas Kominfo (with a
// bidang) and Dinas Kesehatan (with a puskesmas), their posts, ten
// employees with valid NIPs, and three accounts. Every employee passes
// registry.CheckEmployee without an error, so a failure here is a bad fixture
// and not a bug of the app.
func seed(ctx context.Context, s *store.Store) (*seeded, error) {
	c := &seeded{}
	var err error
	unit := func(u *model.OrgUnit, code, name string, kind model.UnitKind, parent *model.OrgUnit) {
		if err != nil {
			return
		}
		*u = model.OrgUnit{Code: code, Name: name, Kind: kind}
		if parent != nil {
			u.ParentID = parent.ID
		}
		if e := s.CreateUnit(ctx, seedActor, u); e != nil {
			err = fmt.Errorf("unit %s: %w", name, e)
		}
	}
	unit(&c.root, "PEMKO-MDN", "Pemerintah Kota Medan", model.UnitPemda, nil)
	unit(&c.bkpsdm, "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", model.UnitOPD, &c.root)
	unit(&c.kominfo, "DISKOMINFO", "Dinas Komunikasi dan Informatika", model.UnitOPD, &c.root)
	unit(&c.aplikasi, "DISKOMINFO-APL", "Bidang Aplikasi Informatika", model.UnitBidang, &c.kominfo)
	unit(&c.dinkes, "DINKES", "Dinas Kesehatan", model.UnitOPD, &c.root)
	unit(&c.puskesmas, "PKM-PDBULAN", "Puskesmas Padang Bulan", model.UnitUPT, &c.dinkes)

	posID := map[string]int64{}
	pos := func(key, title string, t model.PositionType, jenjang string, u *model.OrgUnit, head bool) {
		if err != nil {
			return
		}
		p := model.Position{Title: title, Type: t, Jenjang: jenjang, UnitID: u.ID, IsHead: head}
		if e := s.CreatePosition(ctx, seedActor, &p); e != nil {
			err = fmt.Errorf("position %s: %w", title, e)
		}
		posID[key] = p.ID
	}
	pos("kaban", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", model.JPTPratama, "", &c.bkpsdm, true)
	pos("analis", "Analis SDM Aparatur Ahli Muda", model.Fungsional, "ahli_muda", &c.bkpsdm, false)
	pos("kadiskominfo", "Kepala Dinas Komunikasi dan Informatika", model.JPTPratama, "", &c.kominfo, true)
	pos("kabid", "Kepala Bidang Aplikasi Informatika", model.Administrator, "", &c.aplikasi, true)
	pos("prakom", "Pranata Komputer Ahli Pertama", model.Fungsional, "ahli_pertama", &c.aplikasi, false)
	pos("kadinkes", "Kepala Dinas Kesehatan", model.JPTPratama, "", &c.dinkes, true)
	pos("kapus", "Kepala Puskesmas Padang Bulan", model.Pengawas, "", &c.puskesmas, true)
	pos("dokter", "Dokter Ahli Pertama", model.Fungsional, "ahli_pertama", &c.puskesmas, false)
	pos("perawat", "Perawat Terampil", model.Fungsional, "terampil", &c.puskesmas, false)

	emp := func(e *model.Employee, nip, front, name, back, place, birth string, g model.Gender, gol, posKey string, u *model.OrgUnit) {
		if err != nil {
			return
		}
		*e = model.Employee{NIP: nip, Name: name, GelarDepan: front, GelarBelakang: back, BirthPlace: place,
			BirthDate: day(birth), Gender: g, Kind: model.PNS, Golongan: gol, PositionID: posID[posKey],
			UnitID: u.ID, Status: model.StatusAktif}
		for _, p := range registry.CheckEmployee(e, time.Now()) {
			if !p.Warning {
				err = fmt.Errorf("fixture %s: %s: %s", name, p.Field, p.Message)
				return
			}
		}
		if e2 := s.CreateEmployee(ctx, seedActor, e); e2 != nil {
			err = fmt.Errorf("employee %s: %w", name, e2)
		}
	}
	emp(&c.rahmat, "197506302000031001", "", "Rahmat Hidayat Harahap", "S.Sos., M.AP.", "Padangsidimpuan", "1975-06-30", model.Male, "IV/b", "kaban", &c.bkpsdm)
	emp(&c.nurhayati, "198812012011012003", "", "Nurhayati Pohan", "S.Psi.", "Medan", "1988-12-01", model.Female, "III/c", "analis", &c.bkpsdm)
	emp(&c.yusuf, "197005121995031002", "Drs.", "Muhammad Yusuf Lubis", "M.Si.", "Binjai", "1970-05-12", model.Male, "IV/c", "kadiskominfo", &c.kominfo)
	emp(&c.siti, "197803152003122001", "", "Siti Aminah Nasution", "S.Kom., M.Kom.", "Medan", "1978-03-15", model.Female, "IV/a", "kabid", &c.aplikasi)
	emp(&c.ani, "199201102019032005", "", "Ani Sembiring", "S.Kom.", "Kabanjahe", "1992-01-10", model.Female, "III/a", "prakom", &c.aplikasi)
	emp(&c.fajar, "199402142020121002", "", "Fajar Ramadhan Hasibuan", "S.T.", "Medan", "1994-02-14", model.Male, "III/a", "prakom", &c.aplikasi)
	emp(&c.hendra, "197208201999031003", "dr.", "Hendra Ginting", "M.Kes.", "Berastagi", "1972-08-20", model.Male, "IV/b", "kadinkes", &c.dinkes)
	emp(&c.dewi, "198011022006042004", "", "Dewi Sartika Purba", "S.K.M.", "Pematangsiantar", "1980-11-02", model.Female, "III/d", "kapus", &c.puskesmas)
	emp(&c.rizk, "199504252022031001", "dr.", "Rizky Pratama Simanjuntak", "", "Tarutung", "1995-04-25", model.Male, "III/b", "dokter", &c.puskesmas)
	emp(&c.lestari, "199307072020122006", "", "Lestari Manurung", "A.Md.Kep.", "Balige", "1993-07-07", model.Female, "II/c", "perawat", &c.puskesmas)
	if err != nil {
		return nil, err
	}

	hash, err := auth.HashPassword(password)
	if err != nil {
		return nil, err
	}
	c.admin = model.User{Username: adminUser, EmployeeID: c.nurhayati.ID, Role: model.RoleAdminBKPSDM, PasswordHash: hash, Active: true}
	c.opd = model.User{Username: opdUser, EmployeeID: c.fajar.ID, Role: model.RoleAdminOPD, ScopeUnitID: c.kominfo.ID, PasswordHash: hash, Active: true}
	c.pegawai = model.User{Username: c.ani.NIP, EmployeeID: c.ani.ID, Role: model.RolePegawai, PasswordHash: hash, Active: true}
	for _, u := range []*model.User{&c.admin, &c.opd, &c.pegawai} {
		if err := s.CreateUser(ctx, seedActor, u); err != nil {
			return nil, fmt.Errorf("user %s: %w", u.Username, err)
		}
	}
	return c, nil
}
