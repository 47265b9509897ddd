package web

import (
	"context"
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestErrorsInSessionLanguage: a user who switched to English reads every
// error in English, one who did not reads it in Indonesian. Each case is a
// different error of a different aggregate, provoked through the real page
// as a user would, and looked for in the page that answers.
func TestErrorsInSessionLanguage(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t), testcity.WithStandard())
	comps := f.city.Comps
	ctx := context.Background()
	budiUser, err := f.st.UserByUsername(ctx, nipBudi)
	must(t, err)
	today := model.CycleToday(time.Now())
	later := model.CycleToday(time.Now().AddDate(0, 0, 20))
	budiURL := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)
	kominfo := strconv.FormatInt(f.kominfo.ID, 10)

	session := func(user, pw, lang string) *client {
		c := f.client(t)
		c.login(user, pw)
		c.post("/bahasa", url.Values{"lang": {lang}, "next": {"/"}})
		return c
	}
	type visit func(c *client, run int) page
	post := func(path string, form url.Values) visit {
		return func(c *client, _ int) page { return c.post(path, form) }
	}
	cases := []struct {
		name   string
		budi   bool // as Budi (an employee) instead of the superadmin
		visit  visit
		en, id string
	}{
		{"registry", false, post("/pegawai/baru", url.Values{"nip": {"199002202015031005"}, "name": {"Rina"}, "gender": {"X"}, "kind": {"PNS"}, "unit": {kominfo}}),
			`gender "X" is unknown: use L (male) or P (female)`, `jenis kelamin "X" tidak dikenal: isi L (laki-laki) atau P (perempuan)`},
		{"employee", false, post("/pegawai/baru", url.Values{"nip": {nipSri}, "name": {"Sri"}, "gender": {"P"}, "kind": {"PNS"}, "unit": {strconv.FormatInt(f.dinkes.ID, 10)}}),
			"NIP " + nipSri + " is already registered", "NIP " + nipSri + " sudah terdaftar"},
		{"position", false, post("/pegawai/baru", url.Values{"nip": {"199002202015032006"}, "name": {"Rina"}, "gender": {"P"}, "kind": {"PNS"}, "unit": {kominfo},
			"position": {strconv.FormatInt(f.sri.PositionID, 10)}}),
			"The position is not in the chosen unit.", "Jabatan tidak ada di unit yang dipilih."},
		{"account", false, post("/akun/"+strconv.FormatInt(budiUser.ID, 10), url.Values{"role": {"admin_opd"}, "unit": {"999999"}, "active": {"1"}}),
			"unit not found or outside your authority", "unit tidak ditemukan atau di luar wewenang Anda"},
		{"unit", false, func(c *client, _ int) page { return c.get("/talenta?unit=abc") },
			"unknown unit", "unit tidak dikenal"},
		{"framework", false, post("/kamus-draf/baru", url.Values{"code": {"TEKNIS-UJI"}, "name": {"Uji"}, "version": {""}}),
			"the version is required, e.g. 2025.1", "versi wajib diisi, mis. 2025.1"},
		{"standard", false, post("/standar/terapkan", url.Values{"position_type": {"pelaksana"}, "decree_no": {""}}),
			"the decree (SK) number is required", "nomor SK wajib diisi"},
		{"rating", true, post("/penilaian", url.Values{"c" + strconv.FormatInt(comps[0], 10): {"9"}}),
			"the level must be 1 to 5", "level harus 1 sampai 5"},
		{"cycle", false, func(c *client, run int) page {
			name := "Siklus uji " + strconv.Itoa(run) // a cycle of its own per visit
			p := c.post("/siklus/baru", url.Values{"name": {name}, "opens_on": {today}, "closes_on": {later}, "scope_unit": {kominfo}, "src_self": {"1"}})
			id := idFrom(t, p.URL, "/siklus/")
			c.post("/siklus/"+id+"/tutup", url.Values{})
			return c.post("/siklus/"+id+"/tutup", url.Values{})
		}, `cycle "Siklus uji {run}" is closed`, `siklus "Siklus uji {run}" sudah ditutup`},
		{"survey", false, post("/kuesioner/baru", url.Values{"title": {"Uji"}, "opens_on": {today}, "closes_on": {later}, "framework": {"KOMPETENSI-ASN"},
			"picks": {"2"}, "unit": {"999999"}}),
			"target unit not found in your scope", "unit sasaran tidak ditemukan dalam cakupan Anda"},
		{"discipline", false, post(budiURL+"/disiplin", url.Values{"level": {"amat berat"}, "kind": {"x"}, "decree_no": {"1"}, "decree_date": {today}, "starts_on": {today}}),
			`penalty level "amat berat" is unknown (ringan, sedang, berat)`, `tingkat hukuman "amat berat" tidak dikenal (ringan, sedang, berat)`},
		{"performance", false, post(budiURL+"/kinerja", url.Values{"year": {"abc"}, "predikat": {"Baik"}}),
			`year "abc" is not a number`, `tahun "abc" bukan angka`},
		{"evidence", true, post("/penilaian/bukti", url.Values{"competency": {"1"}, "level": {"3"}}),
			"a file is at most 5 MB and must be sent as an upload form", "berkas paling besar 5 MB dan harus dikirim sebagai formulir unggahan"},
		{"import", false, post("/impor/terapkan", url.Values{"checksum": {"../../etc/passwd"}, "format": {"csv"}}),
			"unknown import file", "berkas impor tidak dikenal"},
		{"language", false, post("/bahasa", url.Values{"lang": {"xx"}}),
			`language "xx" is not supported`, `bahasa "xx" tidak didukung`},
	}
	sessions := map[string][2]*client{ // [superadmin, Budi]
		"en": {session("admin", pwAdmin, "en"), session(nipBudi, pwBudi, "en")},
		"id": {session("admin", pwAdmin, "id"), session(nipBudi, pwBudi, "id")},
	}
	for i, c := range cases {
		for j, lang := range []string{"en", "id"} {
			run := 2*i + j
			cl := sessions[lang][0]
			if c.budi {
				cl = sessions[lang][1]
			}
			want := c.id
			if lang == "en" {
				want = c.en
			}
			want = strings.ReplaceAll(want, "{run}", strconv.Itoa(run))
			p := c.visit(cl, run)
			if !strings.Contains(p.Body, template.HTMLEscapeString(want)) {
				t.Errorf("%s (%s): status %d, page lacks %q", c.name, lang, p.Status, want)
			}
		}
	}
}
