package web

import (
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// The profile shows the education history and, beside the position's
// minimum, whether the highest level meets it: the head (JPT Pratama, S-1
// asked) has a D-III, Budi (pelaksana, SMA asked) an SMA, Sri nothing.
func TestProfileEducation(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		ev := store.TalentImportEvent{Kind: "education", File: "x.csv", SHA256: "x", Data: []byte("x")}
		must(t, st.ApplyEducation(ctx, model.Actor{Name: "test"}, ev, []model.Education{
			{EmployeeID: f.head.ID, Level: model.EduD3, Major: "Manajemen Informatika", Institution: "Politeknik Negeri Medan", Year: 1995, CertificateNo: "POLMED/95/12"},
			{EmployeeID: f.budi.ID, Level: model.EduSMA, Major: "IPS", Institution: "SMA Negeri 3 Medan", Year: 1998},
		}))
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p := admin.get("/pegawai/" + strconv.FormatInt(f.head.ID, 10))
		contains(t, p, `id="education-list"`, "D-III", "Politeknik Negeri Medan", "POLMED/95/12",
			`id="education-minimum" class="alert"`, "Pendidikan minimal jabatan: S-1.", "kesenjangan kualifikasi")

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		p = budi.get("/pegawai/" + strconv.FormatInt(f.budi.ID, 10))
		contains(t, p, "SMA Negeri 3 Medan", `id="education-minimum" class="hint"`, "Pendidikan minimal jabatan: SMA/SMK.")
		lacks(t, p, "kesenjangan kualifikasi")

		p = admin.get("/pegawai/" + strconv.FormatInt(f.sri.ID, 10))
		contains(t, p, `id="no-education"`, "Belum dapat dibandingkan")

		// The competency PDF carries the same section.
		pdfHas(t, pdfOf(t, admin.get("/pegawai/"+strconv.FormatInt(f.head.ID, 10)+"/profil.pdf")), "Riwayat pendidikan", "D-III",
			"Politeknik Negeri Medan", "POLMED/95/12", "1995", "Pendidikan minimal jabatan: S-1.", "kesenjangan kualifikasi")
		pdfHas(t, pdfOf(t, admin.get("/pegawai/"+strconv.FormatInt(f.sri.ID, 10)+"/profil.pdf")), "Riwayat pendidikan", "Belum ada riwayat pendidikan")

		// The needs analysis links to the qualification gaps of the
		// reader's scope: the head below S-1, Budi meeting SMA, Sri apart.
		contains(t, admin.get("/analisis"), `id="needs-qualifications" href="/analisis/kualifikasi"`)
		p = admin.get("/analisis/kualifikasi")
		status(t, p, 200)
		contains(t, p, `id="qual-people"`, `href="/pegawai/`+strconv.FormatInt(f.head.ID, 10)+`"`, `<dd id="qual-below">1</dd>`)
		lacks(t, p, `href="/pegawai/`+strconv.FormatInt(f.budi.ID, 10)+`"`, `<dd id="qual-unrecorded">0</dd>`)
		status(t, budi.get("/analisis/kualifikasi"), 403)
	})
}
