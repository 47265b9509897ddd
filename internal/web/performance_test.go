package web

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

func TestPerformanceOnProfile(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		budiURL := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)
		sriURL := "/pegawai/" + strconv.FormatInt(f.sri.ID, 10)
		year := strconv.Itoa(st.Now().Year() - 1)

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		contains(t, opd.get(budiURL), `id="performance"`, `id="no-skp"`, `id="skp-form"`)
		p := opd.post(budiURL+"/kinerja", url.Values{"year": {"1999"}, "predikat": {"Baik"}})
		status(t, p, http.StatusUnprocessableEntity)
		contains(t, p, `id="skp-error"`, "1999")
		p = opd.post(budiURL+"/kinerja", url.Values{"year": {year}, "predikat": {"Sangat Baik"}})
		status(t, p, http.StatusOK) // after the redirect
		contains(t, p, "Predikat SKP disimpan.", "<td>"+year+"</td><td>Sangat Baik</td>")
		got, err := st.Performance(t.Context(), f.budi.ID)
		if err != nil || got[st.Now().Year()-1] != model.PredikatSangatBaik {
			t.Errorf("stored %v %v", got, err)
		}
		// Another OPD's employee: not found, nothing stored.
		status(t, opd.post(sriURL+"/kinerja", url.Values{"year": {year}, "predikat": {"Baik"}}), http.StatusNotFound)
		if got, _ := st.Performance(t.Context(), f.sri.ID); len(got) != 0 {
			t.Errorf("stored outside the admin's units: %v", got)
		}

		// Budi sees his own ratings but cannot enter one.
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		p = budi.get(budiURL)
		contains(t, p, `id="skp"`, "Sangat Baik")
		lacks(t, p, `id="skp-form"`)
		status(t, budi.post(budiURL+"/kinerja", url.Values{"year": {year}, "predikat": {"Baik"}}), http.StatusForbidden)
	})
}
