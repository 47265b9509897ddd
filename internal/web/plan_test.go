package web

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestPlanPages: Ani sees the catalogue's programmes with the gaps they
// address (not assessed, never level 0), proposes one with a session and
// submits it; her supervisor Siti finds it in her inbox and on her home
// page, approves with one click; the OPD head's rejection without a reason
// is refused on the page; Ani's colleague cannot open the item.
func TestPlanPages(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	c := f.city
	const pw = "rahasia-rencana-9"
	account := func(e model.Employee, name string) {
		u := model.User{Username: name, EmployeeID: e.ID, Role: model.RolePegawai, Active: true}
		must(t, c.AddUser(&u, pw))
	}
	account(c.Ani, "ani")
	account(c.Kabid, "siti")
	account(c.Cici, "cici")
	account(c.Head, "kepala")

	ani := f.client(t)
	ani.login("ani", pw)
	pg := ani.get("/rencana")
	status(t, pg, 200)
	contains(t, pg, c.Catalogue.Data.Title, "belum dinilai", "Hak 20 JP PNS", `id="plan-catalogue-link"`)
	lacks(t, pg, "saat ini level 0")
	// Any programme is proposed from its own page; the plan page links to
	// the catalogue instead of listing it.
	prog := ani.get("/katalog/" + fmt.Sprint(c.Catalogue.Cloud.ID))
	status(t, prog, 200)
	contains(t, prog, `id="propose-catalogue"`, `name="programme" value="`+fmt.Sprint(c.Catalogue.Cloud.ID)+`"`)
	pg = ani.post("/rencana", url.Values{"tahun": {"2026"}, "programme": {fmt.Sprint(c.Catalogue.Data.ID)},
		"session": {fmt.Sprint(c.Catalogue.DataSess.ID)}, "purpose": {""}, "submit": {"1"}})
	status(t, pg, 422)
	contains(t, pg, "tujuan pengembangan wajib diisi")
	pg = ani.post("/rencana", url.Values{"tahun": {"2026"}, "programme": {fmt.Sprint(c.Catalogue.Data.ID)},
		"session": {fmt.Sprint(c.Catalogue.DataSess.ID)}, "purpose": {"Analisis data layanan"}, "submit": {"1"}})
	status(t, pg, 200)
	contains(t, pg, "Usulan diajukan.", "Menunggu keputusan", "Atasan langsung")
	items, err := st.Plan(context.Background(), c.Ani.ID, 2026)
	must(t, err)
	if len(items) != 1 {
		t.Fatalf("Ani's plan: %+v", items)
	}
	item := "/persetujuan/" + strconv.FormatInt(items[0].ID, 10)

	cici := f.client(t)
	cici.login("cici", pw)
	status(t, cici.get(item), 404)

	siti := f.client(t)
	siti.login("siti", pw)
	contains(t, siti.get("/"), `id="card-approvals"`, "Usulan menunggu keputusan saya")
	contains(t, siti.get("/persetujuan"), "Ani Sembiring", item)
	pg = siti.get(item)
	status(t, pg, 200)
	contains(t, pg, c.Catalogue.Data.Title, `id="approve"`, `id="reject"`, `id="ask-change"`)
	pg = siti.post(item, url.Values{"decision": {"setuju"}})
	contains(t, pg, "Usulan disetujui.")
	status(t, siti.get(item), 404) // no longer hers to decide

	kepala := f.client(t)
	kepala.login("kepala", pw)
	pg = kepala.post(item, url.Values{"decision": {"tolak"}, "reason": {" "}})
	status(t, pg, 422)
	contains(t, pg, "alasan wajib diisi")
	contains(t, kepala.post(item, url.Values{"decision": {"setuju"}}), "Usulan disetujui.")
	pg = ani.get("/rencana?tahun=2026")
	contains(t, pg, "status-disetujui", "Siti Aminah Nasution")

	// A free activity kept as a draft: its row shows the JP and cost in
	// Indonesian and offers the change form with the stored values.
	pg = ani.post("/rencana", url.Values{"tahun": {"2026"}, "title": {"Magang di Diskominfo Provinsi"}, "form": {"magang"},
		"jp": {"12"}, "cost": {"1500000"}, "purpose": {"Belajar tata kelola data"}})
	status(t, pg, 200)
	contains(t, pg, "Magang di Diskominfo Provinsi", "<td>12</td><td>Rp 1.500.000</td>", "status-draf", `name="jp" type="number" min="1" max="2000" required value="12"`,
		`name="cost" type="number" min="0" value="1500000"`)
}

// TestNominationPage: the Kominfo administrator nominates Kominfo staff by
// NIP; a Dinkes NIP refuses the whole nomination on the page; the roll-up
// of Kominfo then counts the items.
func TestNominationPage(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	c := f.city
	cl := f.client(t)
	cl.login(c.AdminKominfo.Username, testcity.PwOPD)
	contains(t, cl.get("/rencana/nominasi"), `id="nominate-form"`, c.Catalogue.Data.Title)
	form := url.Values{"tahun": {"2026"}, "programme": {fmt.Sprint(c.Catalogue.Data.ID)}, "purpose": {"Satu Data Kota"},
		"nips": {c.Ani.NIP + "\n" + c.Sri.NIP}}
	pg := cl.post("/rencana/nominasi", form)
	status(t, pg, 422)
	contains(t, pg, "di luar unit yang Anda kelola")
	if items, _ := st.Plan(context.Background(), c.Ani.ID, 2026); len(items) != 0 {
		t.Fatalf("a refused nomination left %d items", len(items))
	}
	form.Set("nips", c.Ani.NIP+"\n"+c.Cici.NIP)
	pg = cl.post("/rencana/nominasi", form)
	status(t, pg, 200)
	contains(t, pg, `id="nominate-done"`, "2 pegawai dinominasikan")
	pg = cl.get(fmt.Sprintf("/analisis/rencana?unit=%d&tahun=2026", c.Kominfo.ID))
	status(t, pg, 200)
	contains(t, pg, c.Catalogue.Data.Title, c.Bidang.Name)
	status(t, cl.get(fmt.Sprintf("/analisis/rencana?unit=%d&tahun=2026", c.Dinkes.ID)), 404)
}
