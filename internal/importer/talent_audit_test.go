package importer

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// lastEvent returns the newest audit entry with action.
func lastEvent(t *testing.T, st *store.Store, action string) model.AuditEntry {
	t.Helper()
	log, err := st.AuditLog(context.Background(), store.AuditFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log {
		if e.Action == action {
			return e
		}
	}
	t.Fatalf("no %s event in %+v", action, log)
	return model.AuditEntry{}
}

// TestTalentImportsAuditEachRecord: an applied SKP or assessment-centre
// file leaves its event (SHA-256, counts, the file itself) and one audit
// row per record it changed, with the old and new SKP predikat or the new
// result's competency, level and date, in the employee's history and
// listed under the event. Before, the import wrote one summary row only.
func TestTalentImportsAuditEachRecord(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		f := testcity.New(t, st, talentCity...)
		if err := st.SetPerformance(ctx, admin, f.ByNIP[nipAni].ID, 2024, "Baik"); err != nil {
			t.Fatal(err)
		}
		if err := st.SetPerformance(ctx, admin, f.ByNIP[nipAni].ID, 2023, "Baik"); err != nil {
			t.Fatal(err)
		}
		skp := "NIP,TAHUN,PREDIKAT\n" +
			f.ByNIP[nipAni].NIP + ",2024,Sangat Baik\n" + // Baik → Sangat Baik
			f.ByNIP[nipAni].NIP + ",2023,baik\n" + // unchanged: no row
			f.ByNIP[nipBudi].NIP + ",2025,Butuh Perbaikan\n" // new
		o := TalentOptions{Kind: TalentPerformance, Actor: admin, Admin: model.Scope{All: true}, File: "skp-2025.csv"}
		// A dry run writes no event, no rows, no file.
		if rep, err := Talent(ctx, st, o, []byte(skp)); err != nil || rep.Applied {
			t.Fatalf("dry run: %+v %v", rep, err)
		}
		o.Apply = true
		rep, err := Talent(ctx, st, o, []byte(skp))
		if err != nil || !rep.Applied || rep.Good != 3 {
			t.Fatalf("apply: %+v %v", rep, err)
		}
		ev := lastEvent(t, st, "import.performance")
		for _, want := range []string{rep.SHA256, `"written":3`, `"changed":2`, `"unchanged":1`, `"file":"skp-2025.csv"`} {
			if !strings.Contains(ev.Detail, want) {
				t.Errorf("event detail %s lacks %s", ev.Detail, want)
			}
		}
		got, err := st.ImportEventRecords(ctx, ev.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != 2 || len(got.Records) != 2 {
			t.Fatalf("records of the SKP import: %d %+v", got.Total, got.Records)
		}
		wantRec := map[int64]string{f.ByNIP[nipAni].ID: `"predikat":["Baik","Sangat Baik"]`, f.ByNIP[nipBudi].ID: `"predikat":["","Butuh Perbaikan"]`}
		for _, r := range got.Records {
			id, _ := strconv.ParseInt(r.EntityID, 10, 64)
			if r.Action != "performance.set" || r.Entity != "employee" || !strings.Contains(r.Detail, wantRec[id]) ||
				!strings.Contains(r.Detail, `"import":`+strconv.FormatInt(ev.ID, 10)) || r.Actor != actorName(admin) {
				t.Errorf("record %+v", r)
			}
		}
		if got.File == nil || got.File.SHA256 != rep.SHA256 || got.File.Size != int64(len(skp)) || got.File.Name != "skp-2025.csv" {
			t.Errorf("kept file %+v", got.File)
		}
		name, data, err := st.ImportFile(ctx, ev.ID)
		if err != nil || name != "skp-2025.csv" || string(data) != skp {
			t.Errorf("kept file %q %q %v", name, data, err)
		}
		// The change shows in Ani's own history too.
		hist, err := st.AuditLog(ctx, store.AuditFilter{Entity: "employee", EntityID: strconv.FormatInt(f.ByNIP[nipAni].ID, 10)})
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) == 0 || hist[0].Action != "performance.set" || !strings.Contains(hist[0].Detail, `"Sangat Baik"`) {
			t.Errorf("Ani's history %+v", hist)
		}

		// Assessment centre: each result in its employee's history.
		ac := "NIP;KODE KOMPETENSI;LEVEL;TANGGAL\n" +
			f.ByNIP[nipAni].NIP + ";M1;1;15-03-2026\n" +
			f.ByNIP[nipBudi].NIP + ";M2;3;2026-03-16\n"
		rep, err = Talent(ctx, st, TalentOptions{Kind: TalentAssessment, Actor: admin, Admin: model.Scope{All: true}, Apply: true, File: "ac.csv"}, []byte(ac))
		if err != nil || !rep.Applied {
			t.Fatalf("assessment: %+v %v", rep, err)
		}
		ev = lastEvent(t, st, "import.assessment")
		got, err = st.ImportEventRecords(ctx, ev.ID, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got.Total != 2 || got.File == nil || got.File.SHA256 != rep.SHA256 {
			t.Fatalf("assessment records %+v", got)
		}
		wantRec = map[int64]string{f.ByNIP[nipAni].ID: `"competency":"M1","competency_id":`, f.ByNIP[nipBudi].ID: `"competency":"M2","competency_id":`}
		wantDate := map[int64]string{f.ByNIP[nipAni].ID: `"date":"2026-03-15","import":` + strconv.FormatInt(ev.ID, 10) + `,"level":1`,
			f.ByNIP[nipBudi].ID: `"date":"2026-03-16","import":` + strconv.FormatInt(ev.ID, 10) + `,"level":3`}
		for _, r := range got.Records {
			id, _ := strconv.ParseInt(r.EntityID, 10, 64)
			if r.Action != "rating.import" || !strings.Contains(r.Detail, wantRec[id]) || !strings.Contains(r.Detail, wantDate[id]) {
				t.Errorf("assessment record %+v", r)
			}
		}
		if _, err := st.ImportEventRecords(ctx, ev.ID+1000, 0); err == nil {
			t.Error("an unknown event is found")
		}
	})
}

func actorName(a model.Actor) string {
	if a.Name == "" {
		return "system"
	}
	return a.Name
}
