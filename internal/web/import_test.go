package web

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/table"
)

// upload posts a file to /impor as a browser would.
func (c *client) upload(name, content, mapping string) page {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.WriteField("mapping", mapping)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/impor", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

// hidden returns the value of a hidden input of a page.
func hidden(t testing.TB, p page, name string) string {
	t.Helper()
	m := regexp.MustCompile(`name="` + name + `" value="([^"]*)"`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no hidden %s in\n%s", name, p.Body)
	}
	return m[1]
}

const importCSV = `NIP;NAMA LENGKAP;JENIS KELAMIN;STATUS PEGAWAI;GOL/RUANG;JABATAN;KODE UNIT;TANGGAL LAHIR
199107072019031005;Dedi Harahap;L;PNS;III/a;Pengelola Sistem Informasi;KOMINFO;07-07-1991
19910707201903100X;Eko Salah;L;PNS;III/a;Pengelola Sistem Informasi;KOMINFO;07-07-1991
199203032020122006;Fitri Dinkes;P;PNS;III/a;Perawat Ahli Pertama;DINKES;03-03-1992
`

func TestImportDryRunAndApply(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		c := f.client(t)
		c.login("adminkominfo", pwOPD)
		p := c.get("/impor")
		contains(t, p, `id="import-form"`, `/ekspor/pegawai.csv`)

		p = c.upload("pegawai.csv", importCSV, "")
		status(t, p, 200)
		contains(t, p, `id="import-report"`, `id="apply"`, "19910707201903100X")
		if strings.Contains(p.Body, "Dedi Harahap</a>") {
			t.Error("dry run shows the new employee as stored")
		}
		if _, err := f.st.EmployeeByNIP(t.Context(), "199107072019031005"); err == nil {
			t.Fatal("dry run wrote")
		}
		sum := hidden(t, p, "checksum")

		// A tampered checksum is refused.
		bad := c.post("/impor/terapkan", url.Values{"checksum": {strings.Repeat("a", 64)}, "format": {"csv"}})
		status(t, bad, 410)
		status(t, c.post("/impor/terapkan", url.Values{"checksum": {"../../etc/passwd"}, "format": {"csv"}}), 400)

		p = c.post("/impor/terapkan", url.Values{"checksum": {sum}, "format": {"csv"}, "filename": {"pegawai.csv"}, "mapping": {""}})
		status(t, p, 200)
		contains(t, p, `id="import-done"`)
		lacks(t, p, `id="apply"`)
		if _, err := f.st.EmployeeByNIP(t.Context(), "199107072019031005"); err != nil {
			t.Errorf("apply did not create the good row: %v", err)
		}
		// The unit admin may not write into another OPD.
		if _, err := f.st.EmployeeByNIP(t.Context(), "199203032020122006"); err == nil {
			t.Error("a row outside the admin's scope was written")
		}
		p = c.get("/pegawai?q=harahap")
		contains(t, p, "Dedi Harahap")
	})
}

func TestImportRejectsOtherFiles(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	c.login("admin", pwAdmin)
	p := c.upload("pegawai.txt", "x", "")
	status(t, p, 400)
	contains(t, p, `id="import-error"`)
	p = c.upload("pegawai.csv", importCSV, "bukan pemetaan")
	status(t, p, 400)
}

func TestExportScope(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	c := f.client(t)
	c.login("adminkominfo", pwOPD)
	p := c.get("/ekspor/pegawai.csv")
	status(t, p, 200)
	if !strings.HasPrefix(p.Header.Get("Content-Type"), "text/csv") {
		t.Errorf("content type %q", p.Header.Get("Content-Type"))
	}
	if !strings.Contains(p.Body, nipBudi) || strings.Contains(p.Body, nipSri) {
		t.Errorf("export not limited to scope:\n%s", p.Body)
	}
	p = c.get("/ekspor/pegawai.xlsx")
	status(t, p, 200)
	if !strings.HasPrefix(p.Body, "PK") {
		t.Error("xlsx is not a zip")
	}
	b := f.client(t)
	b.login(nipBudi, pwBudi)
	status(t, b.get("/ekspor/pegawai.csv"), 403)
}

// TestImportReportDownload: the dry run's whole report downloads as CSV and
// as XLSX, one row per problem with its line, column, value and reason in
// the session's language, a value that looks like a formula neutralised;
// a tampered checksum downloads nothing.
func TestImportReportDownload(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		c := f.client(t)
		c.login("adminkominfo", pwOPD)
		file := importCSV + "=1+2;Jahat;L;PNS;III/a;Pengelola Sistem Informasi;KOMINFO;07-07-1991\n"
		p := c.upload("pegawai.csv", file, "")
		status(t, p, 200)
		contains(t, p, `id="report-download"`)
		form := url.Values{"checksum": {hidden(t, p, "checksum")}, "format": {"csv"}, "filename": {"pegawai.csv"}, "mapping": {""}}

		form.Set("as", "csv")
		got := c.post("/impor/laporan", form)
		status(t, got, 200)
		if got.Header.Get("Content-Type") != "text/csv; charset=utf-8" || !strings.Contains(got.Header.Get("Content-Disposition"), ".csv") {
			t.Fatalf("csv headers %v", got.Header)
		}
		tbl, err := table.OpenBytes([]byte(got.Body), "r.csv", table.Options{})
		must(t, err)
		var rows [][]string
		for {
			cells, _, err := tbl.Next()
			if err == io.EOF {
				break
			}
			must(t, err)
			rows = append(rows, append([]string(nil), cells...))
		}
		// Header, the bad NIP of line 3, the formula of line 5, the row
		// outside the admin's OPD (line 4).
		if len(rows) < 4 || rows[0][0] != "Baris" || rows[0][4] != "Keterangan" {
			t.Fatalf("csv rows %q", rows)
		}
		var sawBadNIP, sawFormula bool
		for _, r := range rows[1:] {
			sawBadNIP = sawBadNIP || (r[0] == "3" && r[3] == "19910707201903100X" && r[4] != "")
			sawFormula = sawFormula || (r[0] == "5" && strings.HasPrefix(r[3], "'="))
		}
		if !sawBadNIP || !sawFormula {
			t.Fatalf("csv rows lack the bad NIP or the neutralised formula: %q", rows)
		}

		form.Set("as", "xlsx")
		got = c.post("/impor/laporan", form)
		status(t, got, 200)
		tbl, err = table.OpenBytes([]byte(got.Body), "r.xlsx", table.Options{})
		must(t, err)
		n := 0
		for {
			if _, _, err := tbl.Next(); err == io.EOF {
				break
			} else {
				must(t, err)
			}
			n++
		}
		if n != len(rows) {
			t.Errorf("xlsx has %d rows, csv %d", n, len(rows))
		}

		form.Set("checksum", strings.Repeat("b", 64))
		status(t, c.post("/impor/laporan", form), 404)
	})
}
