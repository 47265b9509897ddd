package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
	"github.com/kompeten/kompeten/internal/testcity"
)

// TestWhoSawMyData: the Kominfo admin opens Budi's profile and his
// competency PDF and lists the employees; Budi opens his own profile. Only
// the admin's two views of one person's data are recorded, and Budi sees
// them on "Data saya"; the auditor sees every view, Budi not the log.
func TestWhoSawMyData(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithEveryRole(), testcity.WithStandard())
	ctx := t.Context()
	admin := f.client(t)
	admin.login("adminkominfo", pwOPD)
	status(t, admin.get("/pegawai"), 200)
	status(t, admin.get(fmt.Sprintf("/pegawai/%d", f.budi.ID)), 200)
	status(t, admin.get(fmt.Sprintf("/pegawai/%d/profil.pdf", f.budi.ID)), 200)
	status(t, admin.get("/ekspor/pegawai.csv"), 200)
	budi := f.client(t)
	budi.login(nipBudi, pwBudi)
	status(t, budi.get(fmt.Sprintf("/pegawai/%d", f.budi.ID)), 200)
	must(t, st.FlushViews(ctx))

	p := budi.get("/data-saya")
	status(t, p, 200)
	contains(t, p, `id="view-list"`, "adminkominfo", "Profil", "PDF profil kompetensi")
	if n := strings.Count(p.Body, "adminkominfo"); n != 2 {
		t.Errorf("Budi sees %d views by the admin, want 2 (the list and his own view are not views)", n)
	}
	status(t, budi.get("/audit/dilihat"), 403)
	auditor := f.client(t)
	auditor.login(f.city.Auditor.Username, testcity.PwRoles)
	p = auditor.get("/audit/dilihat")
	status(t, p, 200)
	contains(t, p, "Ekspor data pegawai", f.budi.Name)

	// The download holds his record and who saw it.
	var d struct {
		Employee struct{ NIP string }
		Views    []struct{ Viewer, What string } `json:"views_by_others"`
	}
	p = budi.get("/data-saya/unduh.json")
	status(t, p, 200)
	must(t, json.Unmarshal([]byte(p.Body), &d))
	if d.Employee.NIP != nipBudi || len(d.Views) != 2 || d.Views[0].Viewer != "adminkominfo" {
		t.Errorf("own data: %+v", d)
	}
	status(t, budi.get("/data-saya/unduh.xlsx"), 200)
	super := f.client(t)
	super.login("admin", pwAdmin)
	status(t, super.get("/data-saya/unduh.json"), 400) // no employee record behind the account
}

// TestOwnDataHoldsTraining: one's download also holds one's development
// plans with their decisions and one's training places with the days
// present and the score.
func TestOwnDataHoldsTraining(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithCatalogue(), testcity.WithClock(time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)))
	ctx := t.Context()
	k := f.city.Catalogue
	sys := model.Actor{Name: "test"}
	it := model.PlanItem{EmployeeID: f.budi.ID, Year: 2026, Title: "Magang di Diskominfo Provinsi", Form: "magang", JP: 12,
		Purpose: "Belajar tata kelola data", ProposedBy: model.ProposedByEmployee}
	must(t, st.ProposePlanItem(ctx, sys, &it, true))
	en, err := st.Enrol(ctx, sys, k.DataSess.ID, f.budi.ID, "admin")
	must(t, err)
	st.Now = func() time.Time { return time.Date(2026, 8, 13, 3, 0, 0, 0, time.UTC) }
	for _, day := range []string{"2026-08-10", "2026-08-11", "2026-08-12"} {
		must(t, st.MarkAttendance(ctx, sys, k.DataSess.ID, f.budi.ID, day))
	}
	must(t, st.RecordCompletion(ctx, sys, en.ID, true, 87))

	budi := f.client(t)
	budi.login(nipBudi, pwBudi)
	var d struct {
		Plans []struct {
			Title, Status string
			Decisions     []string
		} `json:"development_plans"`
		Training []struct {
			Programme   string
			Score       *int
			DaysPresent []string
		} `json:"training"`
	}
	p := budi.get("/data-saya/unduh.json")
	status(t, p, 200)
	must(t, json.Unmarshal([]byte(p.Body), &d))
	if len(d.Plans) != 1 || d.Plans[0].Title != it.Title || d.Plans[0].Status != "diajukan" || len(d.Plans[0].Decisions) != 1 {
		t.Errorf("plans in the download: %+v", d.Plans)
	}
	if len(d.Training) != 1 || d.Training[0].Programme != k.Data.Title || d.Training[0].Score == nil || *d.Training[0].Score != 87 ||
		len(d.Training[0].DaysPresent) != 3 {
		t.Errorf("training in the download: %+v", d.Training)
	}
	status(t, budi.get("/data-saya/unduh.xlsx"), 200)
}

// TestContestFlow: Budi contests his JPM; the Kominfo admin answers; Budi
// reads the answer. A note too short is refused with what was typed kept.
func TestContestFlow(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st, testcity.WithStandard())
	budi := f.client(t)
	budi.login(nipBudi, pwBudi)
	p := budi.post("/data-saya/keberatan", url.Values{"subject": {"jpm"}, "note": {"salah"}})
	status(t, p, 422)
	contains(t, p, `id="contest-error"`, ">salah</textarea>")
	p = budi.post("/data-saya/keberatan", url.Values{"subject": {"jpm"}, "note": {"JPM saya dihitung sebelum pelatihan selesai."}})
	status(t, p, 200)
	contains(t, p, "Keberatan Anda tercatat", "Menunggu jawaban")

	admin := f.client(t)
	admin.login("adminkominfo", pwOPD)
	p = admin.get("/keberatan")
	contains(t, p, `id="open-contests"`, "JPM saya dihitung sebelum pelatihan selesai.")
	list, err := st.Contests(t.Context(), store.ContestFilter{EmployeeID: f.budi.ID})
	must(t, err)
	p = admin.post("/keberatan/jawab", url.Values{"id": {fmt.Sprint(list[0].ID)}, "answer": {"JPM dihitung ulang setelah penilaian Juni."}})
	status(t, p, 200)
	contains(t, p, "Jawaban tersimpan.")
	contains(t, budi.get("/data-saya"), "JPM dihitung ulang setelah penilaian Juni.", "adminkominfo")
	status(t, budi.get("/keberatan"), 403)
}
