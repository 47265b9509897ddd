package web

import (
	"context"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// competencyForm is a complete competency as the form posts it.
func competencyValues(code, name string) url.Values {
	v := url.Values{"old_code": {""}, "code": {code}, "name": {name}, "definition": {"Kemampuan " + name},
		"group": {"teknis"}, "kind": {"hard"}, "tags": {"area:jaringan, kominfo:cakap"}}
	for i := 1; i <= 5; i++ {
		n := strconv.Itoa(i)
		v.Set("level_"+n+"_title", dictionary.ProficiencyTitles[i-1])
		v.Set("level_"+n, name+" pada level "+n)
		v.Set("indicators_"+n, "Indikator A"+n+"\r\nIndikator B"+n+"\r\n")
	}
	return v
}

func TestFrameworkEditPages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		withDinkesAdmin(t, f)
		_, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"})
		must(t, err)

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		contains(t, opd.get("/kamus"), `id="manage-frameworks"`)
		p := opd.get("/kamus-draf/baru")
		status(t, p, 200)
		contains(t, p, `id="framework-form"`, `name="owner_unit"`)

		// The code of a built-in framework is taken; no owner is refused for a unit admin.
		p = opd.post("/kamus-draf/baru", url.Values{"code": {dictionary.CodeDigital}, "name": {"X"}, "version": {"1"}})
		status(t, p, 400)
		contains(t, p, "sudah dipakai kerangka lain", "pilih unit pemilik")
		p = opd.post("/kamus-draf/baru", url.Values{"code": {"TEKNIS-KOMINFO"}, "name": {"Kompetensi Teknis Diskominfo"}, "version": {"2026.1"},
			"owner_unit": {strconv.FormatInt(f.kominfo.ID, 10)}, "source": {"Kepdis 1/2026"}})
		status(t, p, 200)
		draft := idFrom(t, p.URL, "/kamus-draf/")
		contains(t, p, `id="draft-tag"`, "TEKNIS-KOMINFO", `id="draft-problems"`, "kerangka belum berisi kompetensi", `id="publish" disabled`)

		// A broken competency comes back with each field's reason.
		bad := competencyValues("JAR 1", "")
		bad.Set("tags", "Area Jaringan")
		bad.Set("level_3", "")
		p = opd.post("/kamus-draf/"+draft+"/kompetensi", bad)
		status(t, p, 400)
		contains(t, p, `id="form-errors"`, "tidak boleh berisi spasi atau koma", "nama kompetensi wajib diisi",
			"deskripsi level 3 wajib diisi", `tag &#34;area&#34; tidak sah`)
		p = opd.post("/kamus-draf/"+draft+"/kompetensi", competencyValues("JAR-01", "Pengelolaan Jaringan"))
		status(t, p, 200)
		contains(t, p, `id="competency-JAR-01"`, "kominfo:cakap")
		lacks(t, p, `id="draft-problems"`, `id="publish" disabled`)
		p = opd.get("/kamus-draf/" + draft + "/kompetensi?kode=JAR-01")
		contains(t, p, "Indikator A2\nIndikator B2", `value="JAR-01"`)

		// Others do not reach the draft.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		dinkes := f.client(t)
		dinkes.login("admindinkes", pwDinkes)
		for _, c := range []*client{budi, dinkes} {
			status(t, c.get("/kamus-draf/"+draft), 404)
			status(t, c.post("/kamus-draf/"+draft+"/kompetensi", competencyValues("X", "X")), 404)
			status(t, c.post("/kamus-draf/"+draft+"/terbitkan", url.Values{}), 404)
		}
		status(t, budi.get("/kamus-draf"), 404)
		lacks(t, dinkes.get("/kamus-draf"), `id="draft-`+draft+`"`)
		lacks(t, budi.get("/kamus"), `id="manage-frameworks"`)

		// Publishing freezes it: the history shows the version and offers a new one.
		p = opd.post("/kamus-draf/"+draft+"/terbitkan", url.Values{})
		status(t, p, 200)
		v1 := idFrom(t, p.URL, "/kamus/")
		contains(t, p, `id="notice"`, `id="version-`+v1+`"`, `id="start-version"`)
		status(t, opd.get("/kamus-draf/"+draft), 404)
		contains(t, budi.get("/kamus/"+v1), `id="versions-link"`, "Pengelolaan Jaringan")
		// Budi reads the history but may not change it; the other OPD cannot version it.
		p = budi.get("/kamus/" + v1 + "/versi")
		status(t, p, 200)
		lacks(t, p, `id="start-version"`)
		status(t, dinkes.post("/kamus/"+v1+"/versi-baru", url.Values{}), 404)
		status(t, budi.post("/kamus/"+v1+"/versi-baru", url.Values{}), 404)

		// Editing the published version makes a new draft version.
		p = opd.post("/kamus/"+v1+"/versi-baru", url.Values{})
		status(t, p, 200)
		draft2 := idFrom(t, p.URL, "/kamus-draf/")
		contains(t, p, `id="notice"`, "2026.2", "dari versi 2026.1", `id="competency-JAR-01"`)
		changed := competencyValues("JAR-01", "Pengelolaan Jaringan dan Pusat Data")
		changed.Set("old_code", "JAR-01")
		status(t, opd.post("/kamus-draf/"+draft2+"/kompetensi", changed), 200)
		contains(t, opd.get("/kamus/"+v1), "Pengelolaan Jaringan")
		lacks(t, opd.get("/kamus/"+v1), "Pusat Data")
		p = opd.post("/kamus/"+v1+"/versi-baru", url.Values{})
		if idFrom(t, p.URL, "/kamus-draf/") != draft2 {
			t.Errorf("second new version opened %s, want the draft %s", p.URL, draft2)
		}
		p = opd.post("/kamus-draf/"+draft2+"/terbitkan", url.Values{})
		status(t, p, 200)
		v2 := idFrom(t, p.URL, "/kamus/")
		contains(t, p, `id="version-`+v1+`"`, `id="version-`+v2+`"`, "terbaru")

		// Built-in frameworks are read-only, even for BKPSDM.
		nat, err := st.FrameworkID(ctx, dictionary.CodeNational, "")
		must(t, err)
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p = admin.get("/kamus/" + strconv.FormatInt(nat, 10) + "/versi")
		contains(t, p, `id="builtin-readonly"`)
		lacks(t, p, `id="start-version"`)
		status(t, admin.post("/kamus/"+strconv.FormatInt(nat, 10)+"/versi-baru", url.Values{}), 403)
		contains(t, admin.get("/audit"), "framework.publish", "framework_draft.create", "framework_draft.competency")
	})
}
