package e2e

import (
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/testcity"
)

// The suite works on the one test city (internal/testcity) with its bidang
// and offices (testcity.WithOffices): Pemerintah Kota Medan with BKPSDM,
// Dinas Kominfo and its Bidang Aplikasi Informatika, and Dinas Kesehatan
// with a puskesmas.

// Accounts of the city the suite signs in with. They share one password.
const (
	password = testcity.PwOffices
	// adminUser is an admin_bkpsdm linked to Nurhayati Pohan: sees the
	// whole government.
	adminUser = testcity.UserBKPSDM
	// opdUser is the admin_opd of Dinas Kominfo, linked to Fajar Ramadhan
	// Hasibuan.
	opdUser = testcity.UserKominfo
)

// seedActor is who the tests write as when they add to the city.
var seedActor = model.Actor{Name: "e2e"}
