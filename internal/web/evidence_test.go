package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/testcity"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// uploadEvidence posts the work-evidence form as a browser would.
func (c *client) uploadEvidence(competency int64, level, name string, content []byte) page {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("competency", strconv.FormatInt(competency, 10))
	mw.WriteField("level", level)
	mw.WriteField("note", "Laporan <b>akhir</b> proyek")
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(content)
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/penilaian/bukti", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestEvidenceUploadReviewDownload(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st, testcity.WithStandard())
		comps := f.city.Comps
		ctx := context.Background()
		// Budi's colleague in Kominfo, with an account.
		rina := model.Employee{NIP: "199304042019032001", Name: "Rina Harahap", Gender: model.Female, Kind: model.PNS, Golongan: "III/a",
			PositionID: f.budi.PositionID, UnitID: f.kominfo.ID, Status: model.StatusAktif}
		rina.BirthDate = f.budi.BirthDate
		must(t, f.city.AddEmployee(&rina))
		must(t, f.city.AddUser(&model.User{Username: rina.NIP, EmployeeID: rina.ID, Role: model.RolePegawai, Active: true}, "rahasia-rina-66"))
		pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		contains(t, budi.get("/penilaian"), `id="evidence-form"`, `enctype="multipart/form-data"`)
		// Not a PDF, JPEG or PNG (whatever the name says): refused, values kept.
		p := budi.uploadEvidence(comps[1], "4", "laporan.pdf", []byte("<script>alert(1)</script>"))
		status(t, p, http.StatusUnprocessableEntity)
		contains(t, p, `id="evidence-error"`, "PDF, JPEG atau PNG", `value="Laporan &lt;b&gt;akhir&lt;/b&gt; proyek"`)
		p = budi.uploadEvidence(comps[1], "4", `..\..\laporan "akhir".pdf`, pdf)
		status(t, p, http.StatusOK)
		contains(t, p, `id="notice"`, `id="my-evidence"`, "Menunggu tinjauan")
		mine, err := st.MyEvidence(ctx, f.budi.ID, 10)
		must(t, err)
		if len(mine) != 1 {
			t.Fatalf("evidence stored: %+v", mine)
		}
		id := strconv.FormatInt(mine[0].ID, 10)
		file := "/penilaian/bukti/" + id + "/berkas"

		// The head, Budi's supervisor, sees it, downloads it and accepts level 3.
		head := f.client(t)
		head.login(nipHead, pwHead)
		p = head.get("/penilaian")
		contains(t, p, `id="evidence-review"`, `id="review-`+id+`"`, `href="`+file+`"`, "Budi Santoso Siregar", "Laporan &lt;b&gt;akhir&lt;/b&gt; proyek")
		d := head.get(file)
		status(t, d, http.StatusOK)
		if d.Body != string(pdf) || d.Header.Get("Content-Type") != "application/pdf" ||
			!strings.HasPrefix(d.Header.Get("Content-Disposition"), "attachment;") || strings.Contains(d.Header.Get("Content-Disposition"), `\`) {
			t.Errorf("download: %q %q %q", d.Body, d.Header.Get("Content-Type"), d.Header.Get("Content-Disposition"))
		}
		// A colleague neither downloads nor reviews it.
		rinaC := f.client(t)
		rinaC.login(rina.NIP, "rahasia-rina-66")
		status(t, rinaC.get(file), http.StatusNotFound)
		status(t, rinaC.post("/penilaian/bukti/"+id+"/tinjau", url.Values{"decision": {"accept"}, "level": {"5"}}), http.StatusNotFound)
		lacks(t, rinaC.get("/penilaian"), `id="evidence-review"`)
		// The admin of Kominfo may download it.
		opd := f.client(t)
		opd.login("adminkominfo", pwOPD)
		status(t, opd.get(file), http.StatusOK)

		p = head.post("/penilaian/bukti/"+id+"/tinjau", url.Values{"decision": {"reject"}, "review_note": {" "}})
		status(t, p, http.StatusUnprocessableEntity)
		contains(t, p, `id="review-error"`)
		p = head.post("/penilaian/bukti/"+id+"/tinjau", url.Values{"decision": {"accept"}, "level": {"3"}})
		status(t, p, http.StatusOK)
		contains(t, p, `id="notice"`)
		lacks(t, p, `id="evidence-review"`)

		p = budi.get("/penilaian")
		contains(t, p, `id="evidence-`+id+`"`, "Diterima")
		ec, err := st.EmployeeCompetencies(ctx, f.budi.ID)
		must(t, err)
		for _, it := range ec.Items {
			if it.CompetencyID == comps[1] && it.Actual != 3 {
				t.Errorf("level after acceptance: %d, want 3", it.Actual)
			}
		}
		status(t, budi.get(file), http.StatusOK)
	})
}
