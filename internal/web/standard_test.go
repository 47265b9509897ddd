package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// uploadDict posts a framework file to the dictionary import.
func (c *client) uploadDict(name, content, format string) page {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write([]byte(content))
	mw.WriteField("format", format)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/kamus/impor", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestDictionaryPages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		if _, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
		natID, err := st.FrameworkID(ctx, dictionary.CodeNational, "")
		must(t, err)

		// A pegawai reads the dictionary but cannot import.
		c := f.client(t)
		c.login(nipBudi, pwBudi)
		p := c.get("/kamus")
		status(t, p, 200)
		contains(t, p, `id="frameworks"`, dictionary.CodeNational, `id="nav-dictionary"`)
		lacks(t, p, `id="dict-import-form"`, `id="nav-standards"`)
		p = c.get(fmt.Sprintf("/kamus/%d", natID))
		status(t, p, 200)
		contains(t, p, "Integritas", "Perekat Bangsa", `id="competency-M1"`, `id="export-moodle"`, `id="group-manajerial"`)
		p = c.get(fmt.Sprintf("/kamus/%d/ekspor/json", natID))
		status(t, p, 200)
		var got dictionary.Framework
		if err := json.Unmarshal([]byte(p.Body), &got); err != nil || got.Code != dictionary.CodeNational || len(got.Competencies) != 9 {
			t.Errorf("json export: %v %+v", err, got.Code)
		}
		status(t, c.get(fmt.Sprintf("/kamus/%d/ekspor/pdf", natID)), 404)
		status(t, c.get("/kamus/999999"), 404)
		if p := c.uploadDict("x.json", "{}", ""); p.Status != 403 {
			t.Errorf("pegawai import: status %d", p.Status)
		}

		// The administrator imports: malformed first, then a good file.
		a := f.client(t)
		a.login("admin", pwAdmin)
		p = a.uploadDict("rusak.csv", "KODE;NAMA\nX1;\n", "csv")
		contains(t, p, `id="dict-problems"`)
		lacks(t, p, `id="dict-apply"`)
		nat := dictionary.National()
		nat.Code, nat.Version, nat.Name = "KAMUS-UJI", "1", "Kamus Uji"
		var buf bytes.Buffer
		must(t, dictionary.Write(&buf, nat, dictionary.FormatMoodle))
		p = a.uploadDict("uji.csv", buf.String(), "")
		status(t, p, 200)
		contains(t, p, `id="dict-import-summary"`, `id="dict-apply"`, "KAMUS-UJI")
		if _, err := st.FrameworkID(ctx, "KAMUS-UJI", ""); err == nil {
			t.Fatal("dry run stored the framework")
		}
		sum := hidden(t, p, "checksum")
		p = a.post("/kamus/impor/terapkan", url.Values{"checksum": {sum}, "format": {""}, "filename": {"uji.csv"}})
		status(t, p, 200)
		contains(t, p, `id="notice"`, "Kamus Uji")
		if _, err := st.FrameworkID(ctx, "KAMUS-UJI", ""); err != nil {
			t.Errorf("apply did not store: %v", err)
		}
		// The same code and version again is refused at the dry run.
		p = a.uploadDict("uji.csv", buf.String(), "moodle")
		contains(t, p, `id="dict-import-exists"`)
		lacks(t, p, `id="dict-apply"`)
	})
}

func TestPositionStandardPages(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		if _, err := st.EnsureBuiltInFrameworks(ctx, model.Actor{Name: "test"}); err != nil {
			t.Fatal(err)
		}
		staffPos := f.budi.PositionID
		nursePos := f.sri.PositionID

		// A pegawai sees their own position's standard, cannot edit, and
		// cannot open the administration.
		c := f.client(t)
		c.login(nipBudi, pwBudi)
		p := c.get(fmt.Sprintf("/pegawai/%d", f.budi.ID))
		contains(t, p, fmt.Sprintf(`href="/jabatan/%d/standar"`, staffPos))
		p = c.get(fmt.Sprintf("/jabatan/%d/standar", staffPos))
		status(t, p, 200)
		contains(t, p, `id="no-standard"`)
		lacks(t, p, `id="edit-standard"`)
		status(t, c.get(fmt.Sprintf("/jabatan/%d/standar/ubah", staffPos)), 403)
		status(t, c.post(fmt.Sprintf("/jabatan/%d/standar/ubah", staffPos), url.Values{"decree_no": {"X"}}), 403)
		status(t, c.get("/standar"), 403)
		status(t, c.post("/standar/terapkan", url.Values{"position_type": {"pelaksana"}, "decree_no": {"X"}}), 403)
		status(t, c.get(fmt.Sprintf("/jabatan/%d/standar", nursePos)), 404)

		// The administrator seeds templates and applies them.
		a := f.client(t)
		a.login("admin", pwAdmin)
		p = a.get("/standar")
		status(t, p, 200)
		contains(t, p, `id="template-matrix"`, `id="apply-form"`, `id="nav-standards"`)
		p = a.post("/standar/templat/bawaan", nil)
		contains(t, p, `id="std-seeded"`)
		p = a.post("/standar/terapkan", url.Values{"position_type": {"pelaksana"}, "decree_no": {"Perwal Medan No. 12 Tahun 2026"}, "decree_date": {"2026-01-15"}, "only_missing": {"1"}})
		status(t, p, 200)
		contains(t, p, `id="std-applied"`)
		p = a.post("/standar/terapkan", url.Values{"position_type": {"pelaksana"}, "decree_no": {""}})
		status(t, p, 400)
		contains(t, p, `id="std-error"`)
		p = a.get(fmt.Sprintf("/jabatan/%d/standar", staffPos))
		contains(t, p, "Perwal Medan No. 12 Tahun 2026", `id="standard-items"`, `id="edit-standard"`)
		lacks(t, p, `id="standard-history"`)
		// The org page links positions to their standard.
		p = a.get(fmt.Sprintf("/organisasi/%d", f.kominfo.ID))
		contains(t, p, fmt.Sprintf(`href="/jabatan/%d/standar"`, staffPos))

		// Edit the standard: the form is prefilled from the current one.
		p = a.get(fmt.Sprintf("/jabatan/%d/standar/ubah", staffPos))
		status(t, p, 200)
		contains(t, p, `id="standard-form"`, `value="Perwal Medan No. 12 Tahun 2026"`)
		cur, err := st.CurrentStandard(ctx, staffPos)
		if err != nil || cur == nil {
			t.Fatalf("current: %v", err)
		}
		form := url.Values{"decree_no": {"SK Wali Kota 800/2026"}, "decree_date": {"2026-03-01"}}
		for i, it := range cur.Items {
			id := fmt.Sprint(it.CompetencyID)
			form.Add("cid", id)
			if i == 8 {
				continue // drop the last competency
			}
			form.Set("inc_"+id, "1")
			form.Set("req_"+id, "1")
			if i == 0 {
				form.Set("req_"+id, "3")
			}
			form.Set("w_"+id, "1")
			form.Set("m_"+id, "1")
		}
		bad := url.Values{}
		for k, v := range form {
			bad[k] = v
		}
		bad.Set("req_"+fmt.Sprint(cur.Items[0].CompetencyID), "9")
		p = a.post(fmt.Sprintf("/jabatan/%d/standar/ubah", staffPos), bad)
		status(t, p, 400)
		contains(t, p, `id="std-error"`, `value="SK Wali Kota 800/2026"`)

		p = a.post(fmt.Sprintf("/jabatan/%d/standar/ubah", staffPos), form)
		status(t, p, 200)
		contains(t, p, `id="notice"`, "SK Wali Kota 800/2026", `id="standard-history"`, "Perwal Medan No. 12 Tahun 2026")
		now, _ := st.CurrentStandard(ctx, staffPos)
		if now == nil || len(now.Items) != 8 || now.Items[0].Required != 3 {
			t.Errorf("saved standard: %+v", now)
		}

		// A position without a standard gets the template in its form.
		p = a.get(fmt.Sprintf("/jabatan/%d/standar/ubah", nursePos))
		contains(t, p, `id="from-template"`)

		// Edit a template.
		p = a.get("/standar/templat?type=fungsional&jenjang=ahli_pertama")
		status(t, p, 200)
		contains(t, p, `id="template-form"`)
		status(t, a.get("/standar/templat?type=raja"), 404)
		id := fmt.Sprint(cur.Items[0].CompetencyID)
		p = a.post("/standar/templat", url.Values{"type": {"fungsional"}, "jenjang": {"ahli_pertama"}, "cid": {id}, "inc_" + id: {"1"}, "req_" + id: {"4"}, "w_" + id: {"2"}})
		status(t, p, 200)
		tpl, _ := st.TemplateFor(ctx, model.Fungsional, "ahli_pertama")
		if len(tpl) != 1 || tpl[0].Required != 4 || tpl[0].Weight != 2 || tpl[0].Mandatory {
			t.Errorf("template after edit: %+v", tpl)
		}
		if !strings.Contains(p.Body, `id="template-matrix"`) {
			t.Errorf("template save did not return to /standar: %s", p.URL)
		}
	})
}
