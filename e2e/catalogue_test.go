package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/model"
)

// catalogueRuns counts the runs of TestCatalogue in this process, so that
// go test -count=2 adds a partner and a programme with new names.
var catalogueRuns int

// TestCatalogue: the BKPSDM administrator adds a partner, a programme of
// that partner developing a national competency, and a session of it next
// month, each through its form at a desk; on a phone (360 px) the month's
// calendar shows the session as a list (the grid folds away) without
// scrolling sideways.
func TestCatalogue(t *testing.T) {
	start := time.Now()
	catalogueRuns++
	partner := fmt.Sprintf("Universitas Negeri Medan %d", catalogueRuns)
	code := fmt.Sprintf("UNIMED-DATA-%02d", catalogueRuns)
	title := "Visualisasi Data untuk Pengambil Kebijakan"
	if _, err := st.EnsureBuiltInFrameworks(context.Background(), seedActor); err != nil {
		t.Fatalf("built-in frameworks: %v", err)
	}
	admin := newTab(t)
	mustSignIn(t, admin, adminUser)

	// The partner, with an MoU that ends in 40 days.
	if status := open(t, admin, "/mitra"); status != 200 {
		t.Fatalf("/mitra: status %d: %.400s", status, bodyText(t, admin))
	}
	if status := follow(t, admin, "open the partner form", chromedp.Click(chromedp.CSS("#new-provider"))); status != 200 {
		t.Fatalf("partner form: status %d", status)
	}
	need(t, admin, "form#provider-form", "#name", "#kind", "#mou_no", "#mou_from", "#mou_until", "#price", "#save")
	today := eval[string](t, admin, `(() => { const d = new Date(); return d.toISOString().slice(0, 10); })()`)
	day, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	typeInto(t, admin, "#name", partner)
	typeInto(t, admin, "#mou_no", "PKS/21/UN33/2026")
	typeInto(t, admin, "#price", "2750000")
	if err := chromedp.Do(admin,
		chromedp.SetValue(chromedp.CSS("#kind"), string(model.ProviderUniversity)),
		chromedp.SetValue(chromedp.CSS("#mou_from"), day.AddDate(-1, 0, 0).Format(time.DateOnly)),
		chromedp.SetValue(chromedp.CSS("#mou_until"), day.AddDate(0, 0, 40).Format(time.DateOnly)),
	); err != nil {
		t.Fatalf("fill the partner: %v", err)
	}
	if status := follow(t, admin, "save the partner", chromedp.Click(chromedp.CSS("#save"))); status != 200 {
		t.Fatalf("save the partner: status %d: %.600s", status, bodyText(t, admin))
	}
	m := regexp.MustCompile(`^/mitra/(\d+)\?ok=created$`).FindStringSubmatch(location(t, admin))
	if m == nil {
		t.Fatalf("after saving, the admin is on %s: %.600s", location(t, admin), bodyText(t, admin))
	}
	partnerID := m[1]
	if s := textOf(t, admin, "#provider-mou"); !strings.Contains(s, "PKS/21/UN33/2026") || !strings.Contains(s, "berakhir dalam") {
		t.Errorf("the partner's MoU reads %q, want its number and the days it has left", s)
	}

	// The programme.
	open(t, admin, "/katalog")
	if status := follow(t, admin, "open the programme form", chromedp.Click(chromedp.CSS("#new-programme"))); status != 200 {
		t.Fatalf("programme form: status %d", status)
	}
	need(t, admin, "form#programme-form", "#code", "#title", "#provider", "#form", "#delivery", "#jp", "#cost", "#comp-0", "#level-0")
	typeInto(t, admin, "#code", code)
	typeInto(t, admin, "#title", title)
	typeInto(t, admin, "#jp", "24")
	typeInto(t, admin, "#cost", "2500000")
	comp := eval[string](t, admin, `(() => { const o = [...document.querySelectorAll("#comp-0 option")].find(o => o.value !== ""); return o ? o.value : ""; })()`)
	if comp == "" {
		t.Fatal("the programme form offers no competency")
	}
	if err := chromedp.Do(admin,
		chromedp.SetValue(chromedp.CSS("#provider"), partnerID),
		chromedp.SetValue(chromedp.CSS("#form"), "teknis"),
		chromedp.SetValue(chromedp.CSS("#comp-0"), comp),
		chromedp.SetValue(chromedp.CSS("#level-0"), "3"),
	); err != nil {
		t.Fatalf("fill the programme: %v", err)
	}
	if status := follow(t, admin, "save the programme", chromedp.Click(chromedp.CSS("#save"))); status != 200 {
		t.Fatalf("save the programme: status %d: %.600s", status, bodyText(t, admin))
	}
	if m = regexp.MustCompile(`^/katalog/(\d+)\?ok=created$`).FindStringSubmatch(location(t, admin)); m == nil {
		t.Fatalf("after saving, the admin is on %s: %.600s", location(t, admin), bodyText(t, admin))
	}
	if s := textOf(t, admin, "#programme-cost"); s != "Rp 2.500.000" {
		t.Errorf("the programme costs %q, want Rp 2.500.000", s)
	}
	if s := textOf(t, admin, "#competencies"); !strings.Contains(s, "sampai level 3") {
		t.Errorf("the programme's competencies read %q", s)
	}

	// A session on the 10th to 12th of next month.
	first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	from, to := first.AddDate(0, 0, 9), first.AddDate(0, 0, 11)
	if status := follow(t, admin, "open the session form", chromedp.Click(chromedp.CSS("#new-session"))); status != 200 {
		t.Fatalf("session form: status %d", status)
	}
	need(t, admin, "form#session-form", "#name", "#start_date", "#end_date", "#capacity", "#instructor-0")
	typeInto(t, admin, "#name", "Angkatan I")
	typeInto(t, admin, "#place", "Kampus UNIMED, Medan")
	typeInto(t, admin, "#instructor-0", "Dr. Sari Nasution")
	if err := chromedp.Do(admin,
		chromedp.SetValue(chromedp.CSS("#start_date"), from.Format(time.DateOnly)),
		chromedp.SetValue(chromedp.CSS("#end_date"), to.Format(time.DateOnly)),
	); err != nil {
		t.Fatalf("fill the session: %v", err)
	}
	if status := follow(t, admin, "save the session", chromedp.Click(chromedp.CSS("#save"))); status != 200 {
		t.Fatalf("save the session: status %d: %.600s", status, bodyText(t, admin))
	}
	if m = regexp.MustCompile(`^/angkatan/(\d+)\?ok=created$`).FindStringSubmatch(location(t, admin)); m == nil {
		t.Fatalf("after saving, the admin is on %s: %.600s", location(t, admin), bodyText(t, admin))
	}
	sessionID := m[1]
	if s := textOf(t, admin, "#session-seats"); !strings.Contains(s, "0 dari") {
		t.Errorf("the session's seats read %q", s)
	}

	// The calendar of that month on a phone.
	phone := newPhoneTab(t)
	mustSignIn(t, phone, adminUser)
	if status := open(t, phone, "/kalender?bulan="+first.Format("2006-01")); status != 200 {
		t.Fatalf("calendar: status %d", status)
	}
	entry := "#entry-" + sessionID
	need(t, phone, entry, "#prev-month", "#next-month")
	if !eval[bool](t, phone, `document.querySelector(`+jsString(entry)+`).getClientRects().length > 0`) {
		t.Error("at 360 px the session's entry in the list is not shown")
	}
	if eval[bool](t, phone, `(() => { const g = document.querySelector("#cal-grid"); return !!g && g.getClientRects().length > 0; })()`) {
		t.Error("at 360 px the month grid is shown, want it folded into the list")
	}
	if s := textOf(t, phone, entry); !strings.Contains(s, title) || !strings.Contains(s, "Kampus UNIMED") {
		t.Errorf("the calendar entry reads %q", s)
	}
	if w := eval[int](t, phone, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the calendar is %d px wide at 360 px: it scrolls sideways", w)
	}
	// At a desk the same month is a grid with the session on its days.
	open(t, admin, "/kalender?bulan="+first.Format("2006-01"))
	if s := textOf(t, admin, "#day-"+from.AddDate(0, 0, 1).Format(time.DateOnly)); !strings.Contains(s, title) {
		t.Errorf("the grid's day %s reads %q, want the session", from.AddDate(0, 0, 1).Format(time.DateOnly), s)
	}
	t.Logf("catalogue path in %v", time.Since(start).Round(time.Millisecond))
}

// catalogueSeed is a partner, a programme and a session of the city for
// the accessibility walk, added once per process.
type catalogueSeed struct{ provider, programme, session int64 }

var (
	catOnce sync.Once
	catSeed catalogueSeed
)

// seedCatalogue adds catalogueSeed; a failure panics (it runs inside the
// page list of the accessibility test).
func seedCatalogue() catalogueSeed {
	catOnce.Do(func() {
		ctx := context.Background()
		must := func(err error) {
			if err != nil {
				panic(fmt.Sprintf("seed the catalogue: %v", err))
			}
		}
		v := model.Provider{Name: "BPSDM Provinsi Sumatera Utara", Kind: model.ProviderGovernment, MoUNo: "119/BPSDM/2025",
			MoUFrom: "2025-01-01", MoUUntil: "2027-12-31", PriceBasis: "peserta", Price: 1500000, Rating: 44, Active: true}
		must(st.CreateProvider(ctx, seedActor, &v))
		pr := model.Programme{Code: "BPSDM-PIM-01", Title: "Pelatihan Kepemimpinan Pengawas", Form: "kepemimpinan", Delivery: model.DeliveryBlended,
			JP: 120, Cost: 9500000, Capacity: 30, ProviderID: v.ID, Active: true, Prerequisites: "Menduduki jabatan pengawas"}
		must(st.CreateProgramme(ctx, seedActor, &pr))
		now := time.Now()
		se := model.TrainingSession{ProgrammeID: pr.ID, Name: "Angkatan II", StartDate: now.AddDate(0, 0, 5).Format(time.DateOnly),
			EndDate: now.AddDate(0, 0, 8).Format(time.DateOnly), Place: "BPSDM Provsu", Capacity: 30, MinAttendance: 90,
			Instructors: []model.Instructor{{Name: "Drs. Ahmad Siregar"}}}
		must(st.CreateSession(ctx, seedActor, &se))
		catSeed = catalogueSeed{v.ID, pr.ID, se.ID}
	})
	return catSeed
}
