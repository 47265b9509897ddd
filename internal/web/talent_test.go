package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// acUpload posts a file to /penilaian/impor as a browser would.
func (c *client) acUpload(kind, name, content string) page {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("kind", kind)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/penilaian/impor", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestTalentPagesRefusePegawai(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		status(t, budi.get("/talenta"), http.StatusForbidden)
		status(t, budi.get("/penilaian/impor"), http.StatusForbidden)
		p := budi.acUpload("assessment", "ac.csv", "NIP,KODE KOMPETENSI,LEVEL,TANGGAL\n")
		status(t, p, http.StatusForbidden)
		p = budi.post("/penilaian/impor/terapkan", url.Values{"kind": {"assessment"}, "checksum": {"00"}, "format": {"csv"}})
		status(t, p, http.StatusForbidden)
		lacks(t, budi.get("/"), `id="nav-talent"`)
	})
}

func TestAssessmentImportAndTalentMap(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		// Budi rates himself 5 in Integritas.
		must(t, st.AddRating(ctx, model.Actor{Name: "test"}, &model.Rating{EmployeeID: f.budi.ID, RaterID: f.budi.ID,
			Source: "self", CompetencyID: comps[0], Level: 5}))
		day := time.Now().AddDate(0, 0, -1).Format("02-01-2006")
		file := "NIP,KODE KOMPETENSI,LEVEL,TANGGAL,LEMBAGA\n" +
			nipBudi + ",M1,2," + day + ",UPT Asesmen\n" +
			nipBudi + ",M2,2," + day + ",\n" +
			nipBudi + ",M3,2," + day + ",\n" +
			nipBudi + ",M4,2," + day + ",\n" +
			nipSri + ",M1,3," + day + ",\n" + // Dinkes: outside the Kominfo admin's units
			nipBudi + ",M9,3," + day + ",\n" // no such competency

		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		status(t, opd.get("/penilaian/impor"), http.StatusOK)
		p := opd.acUpload("assessment", "ac.csv", file)
		status(t, p, http.StatusOK)
		contains(t, p, `id="import-errors"`, `<td data-label="Baris">6</td>`, `<td data-label="Baris">7</td>`,
			"pegawai di luar unit yang Anda kelola", "kompetensi tidak dikenal", `id="count-good">4<`, `id="apply"`)
		got, err := st.EmployeeCompetencies(ctx, f.budi.ID)
		must(t, err)
		if got.Items[0].Actual != 5 {
			t.Fatalf("dry run changed the level: %d", got.Items[0].Actual)
		}
		p = opd.post("/penilaian/impor/terapkan", url.Values{"kind": {"assessment"}, "checksum": {hidden(t, p, "checksum")},
			"format": {"csv"}, "filename": {"ac.csv"}})
		status(t, p, http.StatusOK)
		contains(t, p, `id="import-done"`)
		got, err = st.EmployeeCompetencies(ctx, f.budi.ID)
		must(t, err)
		if got.Items[0].Actual != 2 || got.Stored == nil || got.Stored.SumActual != 8 {
			t.Fatalf("after apply: level %d, JPM %+v", got.Items[0].Actual, got.Stored)
		}

		// Performance through the same page: Sangat Baik for both years → box 9.
		y := time.Now().Year()
		perf := "NIP;TAHUN;PREDIKAT\n" + nipBudi + ";" + strconv.Itoa(y-2) + ";Sangat Baik\n" +
			nipBudi + ";" + strconv.Itoa(y-1) + ";sangat baik\n" + nipBudi + ";" + strconv.Itoa(y-1) + ";Cemerlang\n"
		p = opd.acUpload("performance", "skp.csv", perf)
		contains(t, p, `id="count-good">2<`, `id="count-bad">1<`, "predikat tidak dikenal")
		p = opd.post("/penilaian/impor/terapkan", url.Values{"kind": {"performance"}, "checksum": {hidden(t, p, "checksum")},
			"format": {"csv"}, "filename": {"skp.csv"}})
		contains(t, p, `id="import-done"`)

		// The admin of Kominfo and the head of Kominfo see the map.
		p = opd.get("/talenta")
		status(t, p, http.StatusOK)
		contains(t, p, `id="talent-grid"`, `id="box-9"`, `id="nav-talent"`, "Peta Talenta")
		head := f.client(t)
		head.login(nipHead, pwHead)
		p = head.get("/talenta?box=9")
		status(t, p, http.StatusOK)
		contains(t, p, `id="talent-list"`, "Budi Santoso Siregar", "100")
		lacks(t, p, "Sri Wahyuni")
		// The head reads the map but does not edit records: no target link.
		lacks(t, p, `class="set-target"`)
		// Who administers Budi may record a target position for someone in
		// the succession pool, from the box list (a talent decision).
		p = opd.get("/talenta?box=9")
		contains(t, p, `class="set-target" href="/pegawai/`+strconv.FormatInt(f.city.Budi.ID, 10)+`#target"`)
		// The head's map covers Kominfo only; the superadmin's the whole city.
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p = admin.get("/talenta?box=0")
		contains(t, p, "Sri Wahyuni Lubis", "Ahmad Nasution")
		p = admin.get("/talenta?unit=" + strconv.FormatInt(f.dinkes.ID, 10) + "&box=0")
		contains(t, p, "Sri Wahyuni Lubis")
		lacks(t, p, "Ahmad Nasution")
	})
}
