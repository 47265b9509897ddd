package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// Nobody records SKP, test or assessment-centre results about themselves,
// whatever the form (issue 10, point 3): Budi, made an admin of Kominfo
// where he works, is refused his own SKP on the profile and his own rows in
// the SKP and assessment-centre imports, while another Kominfo employee's
// rows in the same files go through.
func TestNoRestrictedRecordsAboutOneself(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		u, err := st.UserByEmployee(ctx, f.budi.ID)
		must(t, err)
		_, err = st.DB().ExecContext(ctx, `UPDATE app_user SET role = 'admin_opd', scope_unit_id = $1 WHERE id = $2`, f.kominfo.ID, u.ID)
		must(t, err)
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		budiURL := "/pegawai/" + strconv.FormatInt(f.budi.ID, 10)

		// The profile's SKP form.
		status(t, budi.post(budiURL+"/kinerja", url.Values{"year": {"2025"}, "predikat": {"Sangat Baik"}}), http.StatusForbidden)
		lacks(t, budi.get(budiURL), `id="skp-form"`)

		// The SKP import: his own row is refused, the head's is good.
		p := budi.acUpload("performance", "skp.csv", "NIP,TAHUN,PREDIKAT\n"+nipBudi+",2025,Sangat Baik\n"+nipHead+",2025,Baik\n")
		status(t, p, http.StatusOK)
		contains(t, p, `id="import-errors"`, `<td data-label="Baris">2</td>`, "data tentang diri sendiri dicatat oleh admin lain", `id="count-good">1<`)

		// The assessment-centre import likewise.
		day := time.Now().AddDate(0, 0, -1).Format("02-01-2006")
		p = budi.acUpload("assessment", "ac.csv", "NIP,KODE KOMPETENSI,LEVEL,TANGGAL\n"+nipBudi+",M1,5,"+day+"\n"+nipHead+",M1,3,"+day+"\n")
		status(t, p, http.StatusOK)
		contains(t, p, `id="import-errors"`, `<td data-label="Baris">2</td>`, "data tentang diri sendiri dicatat oleh admin lain", `id="count-good">1<`)
		p = budi.post("/penilaian/impor/terapkan", url.Values{"kind": {"assessment"}, "checksum": {hidden(t, p, "checksum")},
			"format": {"csv"}, "filename": {"ac.csv"}})
		status(t, p, http.StatusOK)
		var n int
		must(t, st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM rating WHERE employee_id = $1 AND source = 'assessment_centre'`, f.budi.ID).Scan(&n))
		if n != 0 {
			t.Errorf("Budi's own assessment-centre rating was written (%d)", n)
		}
		must(t, st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM rating WHERE employee_id = $1 AND source = 'assessment_centre'`, f.head.ID).Scan(&n))
		if n != 1 {
			t.Errorf("the head's assessment-centre rating: %d rows, want 1", n)
		}
	})
}
