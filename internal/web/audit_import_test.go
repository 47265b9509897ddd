package web

import (
	"context"
	"strconv"
	"testing"

	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestAuditShowsImportRecords: the audit page lists an SKP import as one
// event, which opens on the row of every record it changed (old → new
// predikat, per employee) and on the file it applied, downloadable as
// uploaded; a pegawai may not read it.
func TestAuditShowsImportRecords(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := newFixture(t, st)
		must(t, st.SetPerformance(ctx, model.Actor{Name: "test"}, f.budi.ID, 2024, "Baik"))
		file := "NIP,TAHUN,PREDIKAT\n" + nipBudi + ",2024,Sangat Baik\n" + nipHead + ",2024,Kurang\n"
		rep, err := importer.Talent(ctx, st, importer.TalentOptions{Kind: importer.TalentPerformance, Actor: model.Actor{Name: "bkpsdm"},
			Admin: model.Scope{All: true}, Apply: true, File: "skp 2024.csv"}, []byte(file))
		if err != nil || !rep.Applied {
			t.Fatalf("import: %+v %v", rep, err)
		}
		admin := f.client(t)
		admin.login("admin", pwAdmin)
		p := admin.get("/audit")
		status(t, p, 200)
		contains(t, p, "import.performance", rep.SHA256)
		lacks(t, p, `[&#34;Baik&#34;,&#34;Sangat Baik&#34;]`) // the records are under the event
		var id int64
		must(t, st.DB().QueryRowContext(ctx, `SELECT MAX(id) FROM audit_log WHERE action = 'import.performance'`).Scan(&id))
		ev := "/audit?peristiwa=" + strconv.FormatInt(id, 10)
		contains(t, p, `href="`+ev+`"`)

		p = admin.get(ev)
		status(t, p, 200)
		contains(t, p, `id="audit-event"`, `id="audit-file"`, rep.SHA256, "skp 2024.csv",
			`href="/audit?entity=employee&amp;id=`+strconv.FormatInt(f.budi.ID, 10)+`"`,
			`href="/audit?entity=employee&amp;id=`+strconv.FormatInt(f.head.ID, 10)+`"`,
			`&#34;predikat&#34;:[&#34;Baik&#34;,&#34;Sangat Baik&#34;]`, `&#34;predikat&#34;:[&#34;&#34;,&#34;Kurang&#34;]`,
			"2 data diubah oleh impor ini.")

		p = admin.get(ev + "&berkas=1")
		status(t, p, 200)
		if p.Body != file || p.Header.Get("Content-Disposition") != `attachment; filename="impor-`+strconv.FormatInt(id, 10)+`-skp_2024.csv"` {
			t.Errorf("kept file: %q %q", p.Body, p.Header.Get("Content-Disposition"))
		}
		if p := admin.get("/audit?peristiwa=999999"); p.Status != 404 {
			t.Errorf("unknown event: %d", p.Status)
		}

		budi := f.client(t)
		budi.login(nipBudi, pwBudi)
		if p := budi.get(ev + "&berkas=1"); p.Status == 200 || p.Body == file {
			t.Errorf("a pegawai reads the import file: %d", p.Status)
		}
	})
}
