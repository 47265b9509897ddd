package web

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestDisciplinePenalties(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		budiURL := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)
		sriURL := "/pegawai/" + strconv.FormatInt(f.sri.ID, 10)
		form := url.Values{"level": {"sedang"}, "kind": {"pemotongan tunjangan kinerja 25% selama 6 bulan"},
			"decree_no": {"800/77/KOMINFO/2026"}, "decree_date": {"2026-02-01"}, "starts_on": {"2026-02-02"}, "ends_on": {"2026-01-15"}}

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		contains(t, opd.get(budiURL), `id="discipline"`, `id="no-penalties"`, `id="penalty-form"`)
		// An end before the start is refused with the reason, the values kept.
		p := opd.post(budiURL+"/disiplin", form)
		status(t, p, http.StatusUnprocessableEntity)
		contains(t, p, `id="penalty-error"`, "sebelum tanggal mulai", `value="800/77/KOMINFO/2026"`)
		if list, _ := st.Penalties(t.Context(), f.budi.ID); len(list) != 0 {
			t.Fatalf("a refused penalty was stored: %+v", list)
		}
		form.Set("ends_on", "2026-08-01")
		p = opd.post(budiURL+"/disiplin", form)
		status(t, p, http.StatusOK) // after the redirect
		contains(t, p, `id="penalties"`, "800/77/KOMINFO/2026", "Hukuman disiplin dicatat.")
		// Another unit's employee: not found, and nothing recorded.
		status(t, opd.post(sriURL+"/disiplin", form), http.StatusNotFound)
		if list, _ := st.Penalties(t.Context(), f.sri.ID); len(list) != 0 {
			t.Error("a penalty was recorded outside the admin's units")
		}

		// Budi sees his own penalty but cannot record or revoke one.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		p = budi.get(budiURL)
		contains(t, p, `id="penalties"`, "800/77/KOMINFO/2026")
		lacks(t, p, `id="penalty-form"`, `class="inline revoke"`)
		status(t, budi.post(budiURL+"/disiplin", form), http.StatusForbidden)

		list, err := st.Penalties(t.Context(), f.budi.ID)
		if err != nil || len(list) != 1 {
			t.Fatalf("penalties: %v %+v", err, list)
		}
		revoke := budiURL + "/disiplin/" + strconv.FormatInt(list[0].ID, 10) + "/cabut"
		status(t, budi.post(revoke, url.Values{"note": {"banding"}}), http.StatusForbidden)
		p = opd.post(revoke, url.Values{"note": {"dibatalkan pada tingkat banding"}})
		status(t, p, http.StatusOK)
		contains(t, p, "Hukuman disiplin dicabut.", "dibatalkan pada tingkat banding")
	})
}
