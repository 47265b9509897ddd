package web

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestActingPage: BKPSDM records Budi as Plt. head of the Dinkes through the
// form; Budi then opens the Dinkes and Sri's profile, and from the day after
// the end date neither (the unit at once, Sri's profile after the daily pass
// moves her stored supervisor). A refused form keeps what was typed.
func TestActingPage(t *testing.T) {
	st := storetest.SQLite(t)
	now := time.Date(2026, 5, 4, 3, 0, 0, 0, time.UTC)
	f := newFixture(t, st, testcity.WithClock(now))
	st.Now = func() time.Time { return now }
	head := model.Position{Code: "KADINKES", Title: "Kepala Dinas Kesehatan", Type: model.JPTPratama, UnitID: f.dinkes.ID, IsHead: true}
	must(t, st.CreatePosition(t.Context(), testcity.Sys, &head))

	admin := f.client(t)
	admin.login("admin", pwAdmin)
	form := url.Values{"nip": {"1980 0101 2005 01 1 001"}, "position": {"KADINKES"}, "kind": {"plt"}, "from": {"2026-05-01"},
		"until": {"2026-05-31"}, "decree_no": {"800/45/BKPSDM/2026"}, "decree_date": {"2026-04-28"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("position", f.city.StaffPos.Code)
	p := admin.post("/organisasi/plt", bad)
	status(t, p, 422)
	contains(t, p, "bukan jabatan kepala unit", `value="800/45/BKPSDM/2026"`)

	p = admin.post("/organisasi/plt", form)
	status(t, p, 200)
	contains(t, p, "Plt./Plh. dicatat.", "Budi Santoso Siregar", "800/45/BKPSDM/2026", "31 Mei 2026")
	p = admin.get(fmt.Sprintf("/organisasi/%d", f.dinkes.ID))
	contains(t, p, `id="acting-heads"`, "Budi Santoso Siregar", `id="manage-acting"`)

	budi := f.client(t)
	budi.login(nipBudi, pwBudi)
	status(t, budi.get(fmt.Sprintf("/organisasi/%d", f.dinkes.ID)), 200)
	status(t, budi.get(fmt.Sprintf("/pegawai/%d", f.sri.ID)), 200)
	status(t, budi.get("/organisasi/plt"), 403)

	now = time.Date(2026, 6, 1, 3, 0, 0, 0, time.UTC)
	later := f.client(t)
	later.login(nipBudi, pwBudi)
	status(t, later.get(fmt.Sprintf("/organisasi/%d", f.dinkes.ID)), 404) // scope reads the dates
	// Sri's stored supervisor moves with the server's daily pass.
	if did, err := st.RefreshActingSupervisors(t.Context(), time.Date(2026, 5, 31, 0, 0, 0, 0, time.UTC)); err != nil || !did {
		t.Fatalf("daily pass: %v %v", did, err)
	}
	status(t, later.get(fmt.Sprintf("/pegawai/%d", f.sri.ID)), 404)
	lacks(t, admin.get("/organisasi/plt"), "800/45/BKPSDM/2026")
}
