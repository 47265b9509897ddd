package web

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

const pwDinkes = "rahasia-dinkes-6"

// withDinkesAdmin adds an admin OPD account for Dinas Kesehatan.
func withDinkesAdmin(t *testing.T, f *fixture) {
	t.Helper()
	must(t, f.city.AddUser(&model.User{Username: "admindinkes", Role: model.RoleAdminOPD, ScopeUnitID: f.dinkes.ID, Active: true}, pwDinkes))
}

// idFrom reads the number after prefix in path ("/siklus/7" → 7).
func idFrom(t *testing.T, path, prefix string) string {
	t.Helper()
	rest, ok := strings.CutPrefix(path, prefix)
	if !ok {
		t.Fatalf("path %q does not start with %q", path, prefix)
	}
	id, _, _ := strings.Cut(rest, "/")
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		t.Fatalf("no id in %q", path)
	}
	return id
}

func TestCyclePages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		withDinkesAdmin(t, f)
		today := model.CycleToday(time.Now())
		later := model.CycleToday(time.Now().AddDate(0, 0, 20))

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		p := opd.get("/siklus")
		status(t, p, 200)
		contains(t, p, `id="nav-cycles"`, `id="new-cycle"`, `id="no-cycles"`)

		// Specific errors, each beside its field: every problem of the
		// fields at once (model.Cycle.Validate), then a unit outside what
		// the admin administers (the store's check).
		p = opd.post("/siklus/baru", url.Values{"name": {""}, "opens_on": {later}, "closes_on": {today}, "scope_unit_code": {"DINKES"}})
		status(t, p, 400)
		contains(t, p, `id="form-errors"`, "nama siklus wajib diisi", "tanggal tutup tidak boleh sebelum tanggal buka",
			"pilih paling sedikit satu sumber penilaian")
		p = opd.post("/siklus/baru", url.Values{"name": {"Di luar"}, "opens_on": {today}, "closes_on": {later}, "scope_unit_code": {"DINKES"}, "src_self": {"1"}})
		status(t, p, 400)
		contains(t, p, `id="form-errors"`, "unit cakupan di luar wilayah yang Anda kelola")
		p = opd.post("/siklus/baru", url.Values{"name": {"Tanpa unit"}, "opens_on": {today}, "closes_on": {later}, "scope_unit_code": {"TIDAK-ADA"}, "src_self": {"1"}})
		status(t, p, 400)
		contains(t, p, "Pilih unit cakupan atau ketik kode unit yang ada.")
		lacks(t, p, "unit cakupan wajib dipilih")
		form := url.Values{"name": {"Penilaian Diskominfo 2026"}, "opens_on": {today}, "closes_on": {later},
			"scope_unit": {strconv.FormatInt(f.kominfo.ID, 10)}, "src_self": {"1"}, "src_supervisor": {"1"}}
		p = opd.post("/siklus/baru", form)
		status(t, p, 200)
		id := idFrom(t, p.URL, "/siklus/")
		contains(t, p, `id="notice"`, "Penilaian Diskominfo 2026", `id="cycle-status">dibuka`, `id="p-people">2<`, `id="close-form"`)

		// Budi sees the open cycle on /penilaian; his self-assessment is recorded in it.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		p = budi.get("/penilaian")
		contains(t, p, `id="open-cycle-`+id+`"`, "Penilaian Diskominfo 2026")
		lacks(t, p, `id="no-open-cycle"`, `id="nav-cycles"`)
		p = budi.post("/penilaian", url.Values{"c" + strconv.FormatInt(comps[0], 10): {"4"}})
		status(t, p, 200)
		var cycleID int64
		must(t, st.DB().QueryRow(`SELECT COALESCE(cycle_id, 0) FROM rating WHERE employee_id = $1`, f.budi.ID).Scan(&cycleID))
		if strconv.FormatInt(cycleID, 10) != id {
			t.Errorf("self rating cycle %d, want %s", cycleID, id)
		}
		// The supervisor's rating goes into the cycle too.
		head := f.client(t)
		head.login(nipHead, pwHead)
		p = head.post("/penilaian/"+strconv.FormatInt(f.budi.ID, 10), url.Values{"c" + strconv.FormatInt(comps[0], 10): {"2"}, "sumber": {"supervisor"}})
		status(t, p, 200)
		p = opd.get("/siklus/" + id)
		contains(t, p, `id="p-self">1<`, `id="p-supervisor">1<`, `id="cycle-units"`)
		p = opd.get("/siklus")
		contains(t, p, `id="cycle-`+id+`"`, "1 (50 %)")

		// Out of scope or role: not found, whatever the action.
		dinkes := f.client(t)
		dinkes.login("admindinkes", pwDinkes)
		for _, c := range []*client{budi, dinkes} {
			status(t, c.get("/siklus/"+id), 404)
			status(t, c.get("/siklus/"+id+"/ubah"), 404)
			status(t, c.post("/siklus/"+id+"/ubah", form), 404)
			status(t, c.post("/siklus/"+id+"/tutup", url.Values{}), 404)
		}
		status(t, budi.get("/siklus"), 404)
		status(t, budi.get("/siklus/baru"), 404)
		status(t, budi.post("/siklus/baru", form), 404)
		lacks(t, dinkes.get("/siklus"), `id="cycle-`+id+`"`)
		// BKPSDM sees every cycle.
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		contains(t, admin.get("/siklus"), `id="cycle-`+id+`"`)

		// Editing, then closing for good.
		form.Set("src_peer", "1")
		form.Set("name", "Penilaian Diskominfo 2026 (360°)")
		p = opd.post("/siklus/"+id+"/ubah", form)
		status(t, p, 200)
		contains(t, p, "Penilaian Diskominfo 2026 (360°)", "penilaian rekan kerja (360°)")
		p = opd.post("/siklus/"+id+"/tutup", url.Values{})
		status(t, p, 200)
		contains(t, p, `id="cycle-status">ditutup`)
		lacks(t, p, `id="close-form"`)
		status(t, opd.get("/siklus/"+id+"/ubah"), 409)
		status(t, opd.post("/siklus/"+id+"/tutup", url.Values{}), 409)
		p = budi.get("/penilaian")
		contains(t, p, `id="no-open-cycle"`)
		log := admin.get("/audit")
		contains(t, log, "cycle.create", "cycle.update", "cycle.close")
	})
}
