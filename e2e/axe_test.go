package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/model"
)

// axeScript is axe-core as npm ci installs it from e2e/axe/package-lock.json
// (./test does that).
const axeScript = "axe/node_modules/axe-core/axe.min.js"

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// loadAxe returns axe-core's source; without it the test is skipped, or
// fails when CI=true, as a missing browser is.
func loadAxe(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		b, err := os.ReadFile(filepath.FromSlash(axeScript))
		axeSrc, axeErr = string(b), err
	})
	if axeErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is not installed (run npm ci in e2e/axe, as ./test does): %v", axeErr)
		}
		t.Skipf("axe-core is not installed (run npm ci in e2e/axe, as ./test does): %v", axeErr)
	}
	return axeSrc
}

// axePage is one kind of page: candidate paths, the first a role gets 200
// for is checked (a record in the role's scope), and a role none answers
// cannot open the page kind.
type axePage struct {
	kind  string
	paths []string
}

// axePages is every kind of HTML page of the UI (web/routes.go), with
// records of the seeded city. A new page adds a line here.
func axePages(w *work) []axePage {
	id := func(n int64) string { return fmt.Sprint(n) }
	k := seedCatalogue()
	return []axePage{
		{"home", []string{"/"}},
		{"my account", []string{"/akun-saya"}},
		{"organisation", []string{"/organisasi"}},
		{"unit", []string{"/organisasi/" + id(w.unit.ID), "/organisasi/" + id(city.Kominfo.ID)}},
		{"employee list", []string{"/pegawai", "/pegawai?q=Marbun"}},
		{"employee form", []string{"/pegawai/baru"}},
		{"profile", []string{"/pegawai/" + id(w.teacher.ID), "/pegawai/" + id(city.Ani.ID)}},
		{"employee edit", []string{"/pegawai/" + id(w.teacher.ID) + "/ubah", "/pegawai/" + id(city.Ani.ID) + "/ubah"}},
		{"import", []string{"/impor"}},
		{"accounts", []string{"/akun"}},
		{"provider accounts", []string{"/akun/penyelenggara"}},
		{"audit", []string{"/audit"}},
		{"dictionary", []string{"/kamus"}},
		{"framework", []string{"/kamus/" + id(w.frameworkID)}},
		{"framework versions", []string{"/kamus/" + id(w.frameworkID) + "/versi"}},
		{"drafts", []string{"/kamus-draf"}},
		{"draft form", []string{"/kamus-draf/baru"}},
		{"draft", []string{"/kamus-draf/" + id(w.draftID)}},
		{"draft meta", []string{"/kamus-draf/" + id(w.draftID) + "/info"}},
		{"draft competency", []string{"/kamus-draf/" + id(w.draftID) + "/kompetensi"}},
		{"standards", []string{"/standar"}},
		{"template", []string{"/standar/templat?type=" + string(model.Fungsional) + "&jenjang=ahli_pertama"}},
		{"position standard", []string{"/jabatan/" + id(w.teacherPos.ID) + "/standar"}},
		{"position standard form", []string{"/jabatan/" + id(w.teacherPos.ID) + "/standar/ubah"}},
		{"cycles", []string{"/siklus"}},
		{"cycle form", []string{"/siklus/baru"}},
		{"cycle", []string{"/siklus/" + id(w.cycle.ID)}},
		{"cycle edit", []string{"/siklus/" + id(w.cycle.ID) + "/ubah"}},
		{"assessment", []string{"/penilaian"}},
		{"rating form", []string{"/penilaian/" + id(w.teacher.ID), "/penilaian/" + id(city.Ani.ID)}},
		{"assessment import", []string{"/penilaian/impor"}},
		{"talent map", []string{"/talenta", "/talenta?box=0"}},
		{"needs", []string{"/analisis"}},
		{"need people", []string{fmt.Sprintf("/analisis/orang?unit=%d&kompetensi=%d", w.unit.ID, w.competencyID)}},
		{"surveys", []string{"/kuesioner"}},
		{"survey form", []string{"/kuesioner/baru"}},
		{"survey answer", []string{"/kuesioner/" + id(w.surveyID)}},
		{"survey edit", []string{"/kuesioner/" + id(w.surveyID) + "/ubah"}},
		{"survey results", []string{"/kuesioner/" + id(w.surveyID) + "/hasil"}},
		{"settings", []string{"/pengaturan"}},
		{"qualifications", []string{"/analisis/kualifikasi"}},
		{"acting heads", []string{"/organisasi/plt"}},
		{"my data", []string{"/data-saya"}},
		{"inbox", []string{"/kotak-masuk"}},
		{"inbox settings", []string{"/kotak-masuk/pengaturan"}},
		{"contests", []string{"/keberatan"}},
		{"views of records", []string{"/audit/dilihat"}},
		{"framework copy", []string{"/kamus-draf/baru?salin=" + id(w.frameworkID)}},
		{"catalogue", []string{"/katalog"}},
		{"programme", []string{"/katalog/" + id(k.programme)}},
		{"programme form", []string{"/katalog/" + id(k.programme) + "/ubah", "/katalog/baru"}},
		{"session", []string{"/angkatan/" + id(k.session)}},
		{"session form", []string{"/angkatan/" + id(k.session) + "/ubah", "/katalog/" + id(k.programme) + "/angkatan/baru"}},
		{"partners", []string{"/mitra"}},
		{"partner", []string{"/mitra/" + id(k.provider)}},
		{"partner form", []string{"/mitra/" + id(k.provider) + "/ubah", "/mitra/baru"}},
		{"calendar", []string{"/kalender", "/kalender?tampilan=daftar"}},
		{"catalogue import", []string{"/katalog/impor"}},
		{"my plan", []string{"/rencana"}},
		{"employee plan", []string{"/pegawai/" + id(w.teacher.ID) + "/rencana", "/pegawai/" + id(city.Ani.ID) + "/rencana"}},
		{"approvals", []string{"/persetujuan"}},
		{"approval", []string{"/persetujuan/" + id(axePlanItem)}},
		{"nomination", []string{"/rencana/nominasi"}},
		{"plan roll-up", []string{"/analisis/rencana"}},
		{"my sessions", []string{"/sesi-saya"}},
		{"session enrolment", []string{"/angkatan/" + id(enrolSeed.session.ID) + "/pendaftaran"}},
		{"participants", []string{"/angkatan/" + id(enrolSeed.session.ID) + "/peserta"}},
		{"attendance", []string{"/angkatan/" + id(enrolSeed.session.ID) + "/presensi"}},
		{"check-in", []string{"/hadir"}},
		{"not found", []string{"/tidak-ada"}},
	}
}

// axePlanItem is a plan item of the first teacher waiting for the head's
// decision while the axe test runs, so the approval page is checked.
var axePlanItem int64

// submitPlanItem submits a free activity for e, cancelled when the test
// ends (the home pages of the other tests do not count it).
func submitPlanItem(t *testing.T, e model.Employee) int64 {
	t.Helper()
	ctx := context.Background()
	it := model.PlanItem{EmployeeID: e.ID, Year: time.Now().Year(), Title: "Lokakarya Kurikulum Merdeka", Form: "workshop", JP: 8,
		Cost: 750000, Purpose: "Menyusun modul ajar digital", ProposedBy: model.ProposedByAdmin}
	if err := st.ProposePlanItem(ctx, seedActor, &it, true); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.CancelPlanItem(ctx, seedActor, it.ID) })
	return it.ID
}

// axeTabTimeout bounds one role's walk over every page kind at one width.
const axeTabTimeout = 3 * time.Minute

// axeRoles are the roles the axe test signs in as.
var axeRoles = []string{teacherUser, headUser, opdUser, leaderUser, adminUser}

// TestAccessibility: axe-core, every rule on, finds no violation on any
// kind of page, for each role that can open it, at 360 and 1280 px; the
// sign-in page is checked signed out.
func TestAccessibility(t *testing.T) {
	src := loadAxe(t)
	w := seedWork(t)
	axePlanItem = submitPlanItem(t, w.teacher)
	seedEnrol(t, w)
	pages := axePages(w)
	checked := 0
	for _, vw := range widths {
		t.Run(vw.name, func(t *testing.T) {
			ctx := vw.tab(t)
			checked += axeCheck(t, ctx, src, "signed out", "/masuk", 200)
			checked += axeCheck(t, ctx, src, "signed out", "/lupa-sandi", 200)
			checked += axeCheck(t, ctx, src, "signed out", "/atur-sandi?token=tidak-berlaku", 404)
			for _, user := range axeRoles {
				ctx := newTabWithin(t, axeTabTimeout)
				if vw.px == phoneWidth {
					ctx = newPhoneTabWithin(t, axeTabTimeout)
				}
				mustSignIn(t, ctx, user)
				var kinds []string
				for _, p := range pages {
					want := int64(200)
					if p.kind == "not found" {
						want = 404
					}
					for _, path := range p.paths {
						if status := open(t, ctx, path); status == want {
							checked += axeCheck(t, ctx, src, user, path, want)
							kinds = append(kinds, p.kind)
							break
						}
					}
				}
				t.Logf("%s at %d px: %d page kinds checked: %s", user, vw.px, len(kinds), strings.Join(kinds, ", "))
			}
		})
	}
	t.Logf("%d pages checked with axe-core", checked)
}

// axeCheck runs axe-core on the page at path (opened anew) and reports
// each violation with the elements it names; it returns 1.
func axeCheck(t *testing.T, ctx context.Context, src, who, path string, want int64) int {
	t.Helper()
	if status := open(t, ctx, path); status != want {
		t.Errorf("%s: %s answers %d, want %d", who, path, status, want)
		return 0
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](src+";true")); err != nil {
		t.Fatalf("inject axe-core into %s: %v", path, err)
	}
	type violation struct {
		ID, Impact, Help string
		Nodes            []string
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]violation](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		r.violations.map(v => ({ID: v.id, Impact: v.impact || "", Help: v.help, Nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\s+/g, " "))})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe-core on %s: %v", path, err)
	}
	for _, v := range vs {
		t.Errorf("%s, %s: axe %s (%s): %s\n\t%s", who, path, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
	return 1
}
