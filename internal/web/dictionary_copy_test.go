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

// A unit admin copies the built-in digital framework from its versions
// page into a framework of the agency, which opens as a draft holding the
// built-in's competencies with their indicators.
func TestFrameworkCopyPage(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		_, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"})
		must(t, err)
		dig, err := st.FrameworkID(ctx, dictionary.CodeDigital, "")
		must(t, err)
		id := strconv.FormatInt(dig, 10)

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		p := opd.get("/kamus/" + id + "/versi")
		contains(t, p, `id="builtin-readonly"`, `id="copy-framework" href="/kamus-draf/baru?salin=`+id+`"`)
		p = opd.get("/kamus-draf/baru?salin=" + id)
		status(t, p, 200)
		contains(t, p, `id="copy-from"`, `name="salin" value="`+id+`"`, `value="KOMPETENSI-DIGITAL-ASN-INSTANSI"`)

		// Under the built-in's own code the copy is refused, by field.
		form := url.Values{"salin": {id}, "salin_dari": {"KOMPETENSI-DIGITAL-ASN 2026.1"}, "code": {dictionary.CodeDigital},
			"name": {"Kompetensi Digital Diskominfo"}, "version": {"2026.1"}, "owner_unit": {strconv.FormatInt(f.kominfo.ID, 10)}}
		p = opd.post("/kamus-draf/baru", form)
		status(t, p, 400)
		contains(t, p, "sudah dipakai kerangka lain", `id="copy-from"`)
		form.Set("code", "DIGITAL-KOMINFO")
		p = opd.post("/kamus-draf/baru", form)
		status(t, p, 200)
		draft := idFrom(t, p.URL, "/kamus-draf/")
		contains(t, p, "DIGITAL-KOMINFO", `id="competency-DIG-01"`, `id="competency-DIG-12"`)
		lacks(t, p, `id="publish" disabled`)
		p = opd.get("/kamus-draf/" + draft + "/kompetensi?kode=DIG-07")
		contains(t, p, "Mengaktifkan autentikasi dua faktor pada akun kedinasan.")

		// An employee sees no way to copy.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		lacks(t, budi.get("/kamus/"+id+"/versi"), `id="copy-framework"`)
	})
}
