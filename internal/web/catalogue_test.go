package web

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestCataloguePages: the administrator adds a partner whose MoU ends in
// 30 days (refused first for a bad e-mail, the error beside its field), a
// programme developing a competency and a session; the catalogue, the
// programme page, the session page and the calendar show them in
// Indonesian formats, and the home page warns of the MoU.
func TestCataloguePages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, testcity.WithCatalogue())
		c := f.client(t)
		c.login("admin", pwAdmin)
		today := time.Now().In(model.WIB)
		until := today.AddDate(0, 0, 30).Format(time.DateOnly)
		partner := url.Values{"name": {"Politeknik Negeri Medan"}, "kind": {"universitas"}, "email": {"bukan surel"},
			"mou_no": {"PKS/7/2026"}, "mou_from": {today.AddDate(-1, 0, 0).Format(time.DateOnly)}, "mou_until": {until},
			"price_basis": {"peserta"}, "price": {"2.500.000"}, "rating": {"4,5"}, "active": {"1"}}
		p := c.post("/mitra/baru", partner)
		status(t, p, 400)
		contains(t, p, `id="form-errors"`, "alamat surel &#34;bukan surel&#34; tidak sah", `value="Politeknik Negeri Medan"`)
		partner.Set("email", "diklat@polmed.ac.id")
		p = c.post("/mitra/baru", partner)
		status(t, p, 200)
		vid := idFrom(t, p.URL, "/mitra/")
		contains(t, p, "Mitra ditambahkan.", "berakhir dalam 30 hari", "Rp 2.500.000", "4,5 / 5")

		p = c.get("/")
		contains(t, p, `id="card-mou"`, "MoU akan berakhir", "Politeknik Negeri Medan")

		prog := url.Values{"code": {"DIG-SIBER-01"}, "title": {"Keamanan Siber Dasar"}, "provider": {vid}, "form": {"teknis"},
			"delivery": {"campuran"}, "jp": {"32"}, "cost": {"3.200.000"}, "capacity": {"30"}, "comp": {fmt.Sprint(f.city.National[2])},
			"level": {"9"}, "active": {"1"}}
		p = c.post("/katalog/baru", prog)
		status(t, p, 400)
		contains(t, p, "level kompetensi 9 tidak sah")
		prog.Set("level", "3")
		p = c.post("/katalog/baru", prog)
		status(t, p, 200)
		pid := idFrom(t, p.URL, "/katalog/")
		contains(t, p, "Program ditambahkan.", "Keamanan Siber Dasar", "Rp 3.200.000", "sampai level 3", "Pelatihan teknis",
			"campuran (blended)", "berakhir dalam 30 hari")
		// A code taken is said on the form.
		p = c.post("/katalog/baru", prog)
		status(t, p, 400)
		contains(t, p, "kode program DIG-SIBER-01 sudah dipakai")

		start := today.AddDate(0, 0, 3)
		sess := url.Values{"name": {"Angkatan I"}, "start_date": {start.Format(time.DateOnly)}, "end_date": {start.AddDate(0, 0, 2).Format(time.DateOnly)},
			"start_time": {"08:00"}, "end_time": {"16:00"}, "place": {"Aula Kominfo"}, "capacity": {"30"}, "min_attendance": {"80"},
			"status": {"terjadwal"}, "instructor": {"Ir. Dedi Lubis", ""}, "instructor_account": {"tidak-ada", ""}}
		p = c.post("/katalog/"+pid+"/angkatan/baru", sess)
		status(t, p, 400)
		contains(t, p, "akun &#34;tidak-ada&#34; tidak ditemukan")
		sess.Set("instructor_account", "")
		p = c.post("/katalog/"+pid+"/angkatan/baru", sess)
		status(t, p, 200)
		sid := idFrom(t, p.URL, "/angkatan/")
		contains(t, p, "Angkatan ditambahkan.", "0 dari 30 terisi, sisa 30", "Ir. Dedi Lubis", `id="session-actions"`,
			i18n.Date(i18n.ID, time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)))

		p = c.get("/katalog?q=siber")
		contains(t, p, "Keamanan Siber Dasar", "Rp 3.200.000", `href="/angkatan/`+sid+`"`)
		lacks(t, p, "Analisis Data untuk Kebijakan Publik")
		p = c.get(fmt.Sprintf("/katalog?kompetensi=%d", f.city.National[0]))
		contains(t, p, "Analisis Data untuk Kebijakan Publik")
		lacks(t, p, "Keamanan Siber Dasar")

		month := start.Format("2006-01")
		p = c.get("/kalender?bulan=" + month)
		contains(t, p, `id="cal-grid"`, `id="day-`+start.Format(time.DateOnly)+`"`, `href="/angkatan/`+sid+`"`,
			`id="next-month"`, "bulan="+start.AddDate(0, 1, 0).Format("2006-01"))
		p = c.get("/kalender?bulan=" + month + "&tampilan=daftar")
		contains(t, p, `id="entry-`+sid+`"`, "Aula Kominfo")
		lacks(t, p, `id="cal-grid"`)
		p = c.get("/kalender?bulan=2026-08")
		contains(t, p, "Agustus 2026", "Analisis Data untuk Kebijakan Publik", `id="day-2026-08-11"`)

		// Editing keeps what was typed and audits.
		p = c.post("/angkatan/"+sid+"/ubah", url.Values{"name": {"Angkatan I"}, "start_date": sess["start_date"], "end_date": sess["end_date"],
			"capacity": {"40"}, "min_attendance": {"75"}, "status": {"terjadwal"}})
		status(t, p, 200)
		contains(t, p, "Angkatan disimpan.", "0 dari 40 terisi, sisa 40")
	})
}

// TestCatalogueProviderAccount: a provider account sees and edits only its
// own partner's programmes and sessions; another partner's answer "not
// found" like a missing record. An employee reads the catalogue and writes
// nothing in it.
func TestCatalogueProviderAccount(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithEveryRole(), testcity.WithCatalogue())
	k := f.city.Catalogue
	lpk := f.city.LPKUser
	lpk.ProviderID = k.Univ.ID
	must(t, st.UpdateUser(context.Background(), model.Actor{Name: "test"}, &lpk))
	c := f.client(t)
	c.login(lpk.Username, testcity.PwRoles)
	p := c.get("/katalog")
	contains(t, p, "Analisis Data untuk Kebijakan Publik")
	lacks(t, p, "Dasar Komputasi Awan", `id="mitra"`)
	p = c.get("/kalender?bulan=2026-09")
	lacks(t, p, "Dasar Komputasi Awan")
	p = c.get("/mitra")
	contains(t, p, "Universitas Sumatera Utara")
	lacks(t, p, "PT Awan Data Nusantara")
	for _, path := range []string{fmt.Sprintf("/katalog/%d", k.Cloud.ID), fmt.Sprintf("/katalog/%d/ubah", k.Cloud.ID),
		fmt.Sprintf("/angkatan/%d", k.CloudSess.ID), fmt.Sprintf("/angkatan/%d/ubah", k.CloudSess.ID), fmt.Sprintf("/mitra/%d", k.Firm.ID)} {
		status(t, c.get(path), 404)
	}
	status(t, c.post(fmt.Sprintf("/angkatan/%d/ubah", k.CloudSess.ID), url.Values{"capacity": {"99"}}), 404)
	p = c.get(fmt.Sprintf("/angkatan/%d/ubah", k.DataSess.ID))
	status(t, p, 200)
	// A programme it adds belongs to its partner, whatever the form says.
	p = c.post("/katalog/baru", url.Values{"code": {"USU-02"}, "title": {"Statistik Terapan"}, "provider": {fmt.Sprint(k.Firm.ID)},
		"form": {"kursus"}, "delivery": {"sinkron"}, "jp": {"16"}})
	status(t, p, 200)
	contains(t, p, "Statistik Terapan", "Universitas Sumatera Utara")

	e := f.client(t)
	e.login(nipBudi, pwBudi)
	p = e.get("/katalog")
	contains(t, p, `id="nav-catalogue"`, "Dasar Komputasi Awan", "Analisis Data untuk Kebijakan Publik")
	lacks(t, p, `id="nav-providers"`, `id="new-programme"`)
	status(t, e.get("/katalog/baru"), 403)
	// The MoU warning is for who manages partners only.
	univ := k.Univ
	univ.MoUUntil = time.Now().In(model.WIB).AddDate(0, 0, 10).Format(time.DateOnly)
	must(t, st.UpdateProvider(context.Background(), model.Actor{Name: "test"}, &univ))
	lacks(t, e.get("/"), `id="card-mou"`)
	lacks(t, c.get("/"), `id="card-mou"`)
	status(t, e.get(fmt.Sprintf("/katalog/%d", k.Cloud.ID)), 200)

	// A programme no longer offered leaves the employee's list, not the
	// administrator's.
	cloud := k.Cloud
	cloud.Active = false
	must(t, st.UpdateProgramme(context.Background(), model.Actor{Name: "test"}, &cloud))
	lacks(t, e.get("/katalog"), "Dasar Komputasi Awan")
	a := f.client(t)
	a.login("admin", pwAdmin)
	contains(t, a.get("/katalog"), "Dasar Komputasi Awan", "nonaktif")
	contains(t, a.get("/"), `id="card-mou"`, "Universitas Sumatera Utara", "berakhir dalam 10 hari")
}
