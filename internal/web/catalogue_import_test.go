package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"testing"

	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// uploadTo posts a file to path as the form field "file".
func (c *client) uploadTo(path, name, content string) page {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// TestCatalogueImportPage: the administrator's upload is checked first; a
// file with a bad row shows the row and offers no apply; a good file is
// applied with one click and the programme is in the catalogue. The export
// downloads as a file.
func TestCatalogueImportPage(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue())
	c := f.client(t)
	c.login("admin", pwAdmin)
	head := "KODE;JUDUL;BENTUK;PENYAMPAIAN;JP;BIAYA;MITRA\n"
	p := c.uploadTo("/katalog/impor", "katalog.csv", head+"NEW-01;Literasi Data;kursus;sinkron;8;500.000;PT Awan Data Nusantara\n"+
		"NEW-02;Mitra Salah;kursus;sinkron;8;0;Tidak Ada\n")
	status(t, p, 200)
	contains(t, p, `id="import-report"`, `id="all-or-nothing"`, "<td data-label=\"Baris\">3</td>", "MITRA", "mitra tidak terdaftar")
	lacks(t, p, `id="apply"`)
	p = c.uploadTo("/katalog/impor", "katalog.csv", head+"NEW-01;Literasi Data;kursus;sinkron;8;500.000;PT Awan Data Nusantara\n")
	status(t, p, 200)
	contains(t, p, `id="apply"`)
	p = c.post("/katalog/impor/terapkan", url.Values{"checksum": {hidden(t, p, "checksum")}, "format": {"csv"}, "filename": {"katalog.csv"}})
	status(t, p, 200)
	contains(t, p, `<strong id="count-good">1</strong>`)
	ids, err := st.ProgrammeIDsByCode(context.Background())
	must(t, err)
	if ids["NEW-01"] == 0 {
		t.Fatal("the applied file added no programme")
	}
	contains(t, c.get("/katalog?q=literasi"), "Literasi Data", "Rp 500.000")
	resp, err := c.c.Get(c.base + "/katalog/ekspor.xlsx")
	must(t, err)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Disposition") == "" {
		t.Errorf("export: %d %q", resp.StatusCode, resp.Header.Get("Content-Disposition"))
	}
}
