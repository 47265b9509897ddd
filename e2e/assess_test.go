package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/testcity"
)

// assessRuns counts the runs of TestAssessment in this process, so that
// go test -count=2 seeds a fresh pair (new unit, new NIPs) instead of
// finding last run's ratings.
var assessRuns int

// seedAssessment adds the city's librarian and her supervisor, the head of
// her dinas (testcity.AddPair), for one run of TestAssessment, and checks
// that the librarian's supervisor was derived from the head post. None of
// the names is one the other tests search for.
func seedAssessment(t *testing.T) *testcity.Pair {
	t.Helper()
	assessRuns++
	p, err := city.AddPair(assessRuns)
	if err != nil {
		t.Fatalf("seed the assessment pair: %v", err)
	}
	v, err := st.Employee(context.Background(), p.Staff.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.SupervisorID != p.Head.ID {
		t.Fatalf("fixture: the librarian's supervisor is %d (%s), want the head %d", v.SupervisorID, v.SupervisorName, p.Head.ID)
	}
	return p
}

// The levels the test gives, by position in the standard: the librarian
// rates herself high; her supervisor rates lower, 3 levels lower in the
// first competency and 2 lower in others, so that the ratings conflict.
var (
	selfLevels       = []int{4, 5, 3, 4, 4, 3, 5, 4, 3}
	supervisorLevels = []int{1, 3, 2, 3, 2, 2, 3, 3, 2}
)

// Weights of the default resolution rule (assess.DefaultRule) and its
// conflict spread, restated here so that the test checks the rule rather
// than reusing it.
const (
	weightSelf, weightSupervisor = 1, 3
	conflictSpread               = 2
)

// roundHalfUp is num ÷ den rounded half up, for non-negative values.
func roundHalfUp(num, den int) int { return (2*num + den) / (2 * den) }

// jpmExpect is what the profile must show for a set of current levels.
type jpmExpect struct {
	raw, capped      string // "85,19 %"
	mapping, filling string // category labels
	conflicts        int
	levels, required []int
	rawHundredths    int
	cappedHundredths int
}

// expectJPM computes JPM raw and capped (Σ actual ÷ Σ required, the capped
// one with each actual level capped at its requirement), in hundredths of a
// percent rounded half up, and the categories of the capped value (mapping:
// Optimal ≥ 90, Cukup Optimal ≥ 78; filling: Memenuhi Syarat ≥ 80, Masih
// Memenuhi Syarat ≥ 68).
func expectJPM(levels, required []int, conflicts int) jpmExpect {
	var sumAct, sumCap, sumReq int
	for i, l := range levels {
		sumAct += l
		sumCap += min(l, required[i])
		sumReq += required[i]
	}
	e := jpmExpect{conflicts: conflicts, levels: levels, required: required,
		rawHundredths: roundHalfUp(sumAct*10000, sumReq), cappedHundredths: roundHalfUp(sumCap*10000, sumReq)}
	pct := func(h int) string { return fmt.Sprintf("%d,%02d %%", h/100, h%100) }
	e.raw, e.capped = pct(e.rawHundredths), pct(e.cappedHundredths)
	switch c := e.cappedHundredths; {
	case c >= 9000:
		e.mapping = "Optimal"
	case c >= 7800:
		e.mapping = "Cukup Optimal"
	default:
		e.mapping = "Kurang Optimal"
	}
	switch c := e.cappedHundredths; {
	case c >= 8000:
		e.filling = "Memenuhi Syarat"
	case c >= 6800:
		e.filling = "Masih Memenuhi Syarat"
	default:
		e.filling = "Kurang Memenuhi Syarat"
	}
	return e
}

// competencyShown is the "Kompetensi" section of a profile as read in the
// browser.
type competencyShown struct {
	Raw, Capped, Mapping, Filling string
	Conflicts                     string // text of #conflicts, "" when absent
	ConflictRows                  int    // rows of #gaps marked as conflicts
	Required, Actual              string // points of the two radar polygons
	Polygons                      int    // polygons of the two profiles
	Labels                        int    // axis labels of the radar
	Actuals                       []string
}

// readCompetency opens the profile of employee id and reads its
// "Kompetensi" section.
func readCompetency(t *testing.T, ctx context.Context, id int64) competencyShown {
	t.Helper()
	path := fmt.Sprintf("/pegawai/%d", id)
	if status := open(t, ctx, path); status != 200 {
		t.Fatalf("%s: status %d: %.400s", path, status, bodyText(t, ctx))
	}
	need(t, ctx, "#competency", "#jpm-raw", "#jpm-capped", "#jpm-mapping", "#jpm-filling", "#gaps",
		"svg#radar", "svg#radar polygon.radar-required", "svg#radar polygon.radar-actual")
	var c competencyShown
	c.Raw, c.Capped = textOf(t, ctx, "#jpm-raw"), textOf(t, ctx, "#jpm-capped")
	c.Mapping, c.Filling = textOf(t, ctx, "#jpm-mapping"), textOf(t, ctx, "#jpm-filling")
	if has(t, ctx, "#conflicts") {
		c.Conflicts = textOf(t, ctx, "#conflicts")
	}
	c.ConflictRows = eval[int](t, ctx, `document.querySelectorAll("#gaps tbody tr.conflict").length`)
	c.Polygons = eval[int](t, ctx, `document.querySelectorAll("svg#radar polygon.radar-required, svg#radar polygon.radar-actual").length`)
	c.Required = eval[string](t, ctx, `document.querySelector("svg#radar polygon.radar-required").getAttribute("points")`)
	c.Actual = eval[string](t, ctx, `document.querySelector("svg#radar polygon.radar-actual").getAttribute("points")`)
	c.Labels = eval[int](t, ctx, `document.querySelectorAll("svg#radar text").length`)
	// The third column of the gaps table is the actual level.
	c.Actuals = eval[[]string](t, ctx, `[...document.querySelectorAll("#gaps tbody tr")].map(r => (r.cells[2] ? r.cells[2].innerText : "").trim())`)
	return c
}

// checkCompetency compares what the profile shows with the expectation.
func checkCompetency(t *testing.T, step string, got competencyShown, want jpmExpect) {
	t.Helper()
	t.Logf("%s: JPM %s, capped %s, %s / %s, conflicts %q", step, got.Raw, got.Capped, got.Mapping, got.Filling, got.Conflicts)
	if got.Raw != want.raw || got.Capped != want.capped {
		t.Errorf("%s: JPM %q, capped %q; want %q and %q (levels %v against %v)", step, got.Raw, got.Capped, want.raw, want.capped, want.levels, want.required)
	}
	if got.Mapping != want.mapping || got.Filling != want.filling {
		t.Errorf("%s: categories %q / %q, want %q / %q for capped JPM %s", step, got.Mapping, got.Filling, want.mapping, want.filling, want.capped)
	}
	if got.Polygons != 2 {
		t.Errorf("%s: the radar has %d profile polygons, want 2 (required and actual)", step, got.Polygons)
	}
	if got.Labels < len(want.levels) {
		t.Errorf("%s: the radar has %d text labels for %d competencies", step, got.Labels, len(want.levels))
	}
	wantActuals := make([]string, len(want.levels))
	for i, l := range want.levels {
		wantActuals[i] = strconv.Itoa(l)
	}
	if !slices.Equal(got.Actuals, wantActuals) {
		t.Errorf("%s: the gaps table shows actual levels %q, want %q", step, got.Actuals, wantActuals)
	}
	if want.conflicts == 0 {
		if got.Conflicts != "" || got.ConflictRows != 0 {
			t.Errorf("%s: a conflict is shown (%q, %d rows) where there is none", step, got.Conflicts, got.ConflictRows)
		}
		return
	}
	if !strings.HasPrefix(got.Conflicts, strconv.Itoa(want.conflicts)+" ") {
		t.Errorf("%s: conflict notice %q, want one counting %d competencies", step, got.Conflicts, want.conflicts)
	}
	if got.ConflictRows != want.conflicts {
		t.Errorf("%s: %d rows of the gaps table are marked as conflicts, want %d", step, got.ConflictRows, want.conflicts)
	}
}

// chooseLevels clicks, in form sel, the radio button of the level given
// for each competency, and checks that the choice holds.
func chooseLevels(t *testing.T, ctx context.Context, sel string, items []model.StandardItem, levels []int) {
	t.Helper()
	for i, it := range items {
		radio := fmt.Sprintf(`%s input[type=radio][name="c%d"][value="%d"]`, sel, it.CompetencyID, levels[i])
		need(t, ctx, radio)
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(radio))); err != nil {
			t.Fatalf("choose level %d of %s: %v", levels[i], it.Name, err)
		}
		if !eval[bool](t, ctx, "document.querySelector("+jsString(radio)+").checked") {
			t.Fatalf("after the click, level %d of %s is not checked", levels[i], it.Name)
		}
	}
}

// formCompetencies returns the competency IDs of the fieldsets of a rating
// form, in order, and fails unless each has the five levels.
func formCompetencies(t *testing.T, ctx context.Context, sel string) []int64 {
	t.Helper()
	ids := eval[[]string](t, ctx, `[...document.querySelectorAll(`+jsString(sel+" fieldset.rating")+`)].map(f => f.id)`)
	var out []int64
	for _, id := range ids {
		n, err := strconv.ParseInt(strings.TrimPrefix(id, "f-"), 10, 64)
		if err != nil {
			t.Fatalf("fieldset id %q is not f-<competency ID>", id)
		}
		radios := eval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('%s input[type=radio][name="c%d"]')].map(r => r.value)`, sel, n))
		if !slices.Equal(radios, []string{"1", "2", "3", "4", "5"}) {
			t.Errorf("competency %d offers levels %q, want 1 to 5", n, radios)
		}
		out = append(out, n)
	}
	return out
}

// shotsDir is where screenshots go when KOMPETEN_SHOTS=1.
const shotsDir = "/tmp/shots"

// shot writes a PNG of the element sel ("" for the whole page) to
// shotsDir/name when KOMPETEN_SHOTS=1, and does nothing otherwise.
func shot(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	if os.Getenv("KOMPETEN_SHOTS") != "1" {
		return
	}
	if err := os.MkdirAll(shotsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var buf []byte
	var err error
	if sel == "" {
		buf, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
	} else {
		need(t, ctx, sel)
		buf, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	}
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	file := filepath.Join(shotsDir, name)
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot %s (%d bytes)", file, len(buf))
}

// logLayout logs what a reviewer of the competency section wants to know at
// the current width: whether the page scrolls sideways and how large the
// radar's labels are drawn.
func logLayout(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	w := eval[float64](t, ctx, "window.innerWidth")
	sw := eval[float64](t, ctx, "document.documentElement.scrollWidth")
	wide := eval[[]string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 2 && !e.closest(".scroll")).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : ""))`)
	msg := fmt.Sprintf("%s at %.0f px: scrollWidth %.0f, wider than the window: %v", what, w, sw, wide)
	if has(t, ctx, "svg#radar") {
		label := eval[float64](t, ctx, `(() => { const t = document.querySelector("svg#radar text"); return t ? t.getBoundingClientRect().height : 0 })()`)
		svgW := eval[float64](t, ctx, `document.querySelector("svg#radar").getBoundingClientRect().width`)
		msg += fmt.Sprintf("; radar %.0f px wide, a label is %.1f px tall", svgW, label)
	}
	if has(t, ctx, "#gaps") {
		tw := eval[float64](t, ctx, `document.querySelector("#gaps").scrollWidth`)
		cw := eval[float64](t, ctx, `document.querySelector("#gaps").parentElement.clientWidth`)
		col := eval[float64](t, ctx, `(() => { const c = document.querySelector("#gaps thead th:nth-child(2)"); return c ? c.getBoundingClientRect().left - document.querySelector("#gaps").parentElement.getBoundingClientRect().left : 0 })()`)
		msg += fmt.Sprintf("; gaps table %.0f px wide in a %.0f px scroll box, its Standar column starts at %.0f px", tw, cw, col)
	}
	t.Log(msg)
}

// TestAssessment: a librarian signs in on her phone and assesses herself in
// every competency of her position's standard; her profile then shows the
// radar and the JPM her levels imply. Her supervisor signs in and rates her
// lower, 3 levels lower in one competency. Her profile then shows a lower
// JPM, as the weighted mean (supervisor 3, self 1) implies, another
// category, the radar with both profiles, and a conflict notice. An
// administrator of the whole government (admin_bkpsdm) follows the needs
// analysis of her dinas before and after the supervisor's rating: the
// competencies the rating brings below the standard turn from 0 % to 100 %
// short in the heat-map cell and in the ranked needs.
func TestAssessment(t *testing.T) {
	start := time.Now()
	p := seedAssessment(t)
	if len(p.Items) != len(selfLevels) {
		t.Fatalf("the standard has %d competencies; the test has levels for %d", len(p.Items), len(selfLevels))
	}
	required := make([]int, len(p.Items))
	for i, it := range p.Items {
		required[i] = it.Required
	}

	// The librarian, on a 360 px phone, assesses herself.
	me := newPhoneTab(t)
	mustSignIn(t, me, p.Staff.NIP)
	need(t, me, "#nav-assess")
	openMenu(t, me)
	if status := follow(t, me, "tap the menu entry #nav-assess", chromedp.Click(chromedp.CSS("#nav-assess"))); status != 200 {
		t.Fatalf("/penilaian: status %d: %.400s", status, bodyText(t, me))
	}
	need(t, me, "#self-assessment", "form#self-form", "#save-self")
	ids := formCompetencies(t, me, "form#self-form")
	wantIDs := make([]int64, len(p.Items))
	for i, it := range p.Items {
		wantIDs[i] = it.CompetencyID
	}
	if !slices.Equal(ids, wantIDs) {
		t.Fatalf("the self-assessment form asks competencies %v, want the standard's %v", ids, wantIDs)
	}
	if n := eval[int](t, me, `document.querySelectorAll("form#self-form input[type=radio]:checked").length`); n != 0 {
		t.Errorf("a new self-assessment form has %d levels chosen already", n)
	}
	logLayout(t, me, "self-assessment form")
	shot(t, me, "assess-self-360.png", "")

	chooseLevels(t, me, "form#self-form", p.Items, selfLevels)
	if status := follow(t, me, "submit the self-assessment", chromedp.Click(chromedp.CSS("#save-self"))); status != 200 {
		t.Fatalf("submit the self-assessment: status %d: %.400s", status, bodyText(t, me))
	}
	if loc := location(t, me); loc != "/penilaian?ok=self" {
		t.Errorf("after the self-assessment the page is %s, want /penilaian?ok=self", loc)
	}
	if msg := textOf(t, me, "#notice"); msg == "" {
		t.Error("the saved self-assessment shows an empty notice")
	}
	for i, it := range p.Items {
		radio := fmt.Sprintf(`form#self-form input[name="c%d"][value="%d"]`, it.CompetencyID, selfLevels[i])
		if !has(t, me, radio+":checked") {
			t.Errorf("after saving, %s does not show level %d as chosen", it.Name, selfLevels[i])
		}
	}

	wantSelf := expectJPM(selfLevels, required, 0)
	afterSelf := readCompetency(t, me, p.Staff.ID)
	checkCompetency(t, "after the self-assessment", afterSelf, wantSelf)

	// An administrator of the whole government opens the needs analysis,
	// drills into the librarian's dinas from the top, and finds her
	// assessed in every competency and, by her own levels, short in none
	// below the standard.
	admin := newTab(t)
	mustSignIn(t, admin, adminUser)
	if status := open(t, admin, "/analisis"); status != 200 {
		t.Fatalf("/analisis: status %d: %.400s", status, bodyText(t, admin))
	}
	drill := fmt.Sprintf(`#heatmap a[href="/analisis?unit=%d"]`, p.Unit.ID)
	need(t, admin, drill)
	if status := follow(t, admin, "drill into "+p.Unit.Name, chromedp.Click(chromedp.CSS(drill))); status != 200 {
		t.Fatalf("drill into %s: status %d: %.400s", p.Unit.Name, status, bodyText(t, admin))
	}
	if h := textOf(t, admin, "#needs-title"); !strings.HasSuffix(h, ": "+p.Unit.Name) {
		t.Errorf("the drilled needs analysis is titled %q, want it to name %q", h, p.Unit.Name)
	}
	needsBefore := waitNeeds(t, admin, "needs before the supervisor's rating", p.Unit.ID, expectNeeds(p.Items, selfLevels, required))
	shot(t, admin, "needs-before-1280.png", "")

	// The supervisor, at a desk, rates her from the list of direct reports.
	boss := newTab(t)
	mustSignIn(t, boss, p.Head.NIP)
	open(t, boss, "/penilaian")
	need(t, boss, "#reports", fmt.Sprintf(`#reports a[href="/penilaian/%d?sumber=supervisor"]`, p.Staff.ID))
	if status := clickLink(t, boss, "#reports", p.Staff.Name); status != 200 {
		t.Fatalf("open the rating form of %s: status %d: %.400s", p.Staff.Name, status, bodyText(t, boss))
	}
	if loc, want := location(t, boss), fmt.Sprintf("/penilaian/%d?sumber=supervisor", p.Staff.ID); loc != want {
		t.Errorf("the report's link opened %s, want %s", loc, want)
	}
	need(t, boss, "#rate-name", "#rate-source", "form#rate-form", `form#rate-form input[name=sumber][value=supervisor]`, "#save-rating")
	if h := textOf(t, boss, "#rate-name"); h != fullName(p.Staff) {
		t.Errorf("the rating form is for %q, want %q", h, fullName(p.Staff))
	}
	if ids := formCompetencies(t, boss, "form#rate-form"); !slices.Equal(ids, wantIDs) {
		t.Fatalf("the supervisor's form asks competencies %v, want the standard's %v", ids, wantIDs)
	}
	if n := eval[int](t, boss, `document.querySelectorAll("form#rate-form input[type=radio]:checked").length`); n != 0 {
		t.Errorf("the supervisor's new form shows %d levels chosen (the self-assessment must not leak into it)", n)
	}
	chooseLevels(t, boss, "form#rate-form", p.Items, supervisorLevels)
	if status := follow(t, boss, "submit the supervisor's rating", chromedp.Click(chromedp.CSS("#save-rating"))); status != 200 {
		t.Fatalf("submit the supervisor's rating: status %d: %.400s", status, bodyText(t, boss))
	}
	if loc := location(t, boss); loc != "/penilaian?ok=rated" {
		t.Errorf("after rating, the supervisor is on %s, want /penilaian?ok=rated", loc)
	}
	need(t, boss, "#notice")

	// The weighted mean per competency and the conflicts it implies.
	levels := make([]int, len(selfLevels))
	conflicts := 0
	for i := range selfLevels {
		s, v := selfLevels[i], supervisorLevels[i]
		levels[i] = roundHalfUp(s*weightSelf+v*weightSupervisor, weightSelf+weightSupervisor)
		if max(s-v, v-s) >= conflictSpread {
			conflicts++
		}
	}
	wantBoth := expectJPM(levels, required, conflicts)

	// The administrator reloads the needs analysis of the dinas: every
	// competency the supervisor's rating brought below the standard is now
	// short, in the heat-map cell and in the ranked needs.
	needsAfter := waitNeeds(t, admin, "needs after the supervisor's rating", p.Unit.ID, expectNeeds(p.Items, levels, required))
	lowered := 0
	for i, it := range p.Items {
		if levels[i] >= required[i] {
			continue
		}
		lowered++
		b, a := needsBefore[it.CompetencyID], needsAfter[it.CompetencyID]
		t.Logf("needs of %s: cell %s %s → %s %s, short %s → %s", it.Name, b.CellPct, b.Cell, a.CellPct, a.Cell, b.Short, a.Short)
		if b.Cell == a.Cell || b.Short == a.Short || b.CellClass == a.CellClass {
			t.Errorf("the needs analysis of %s did not change with the supervisor's rating: %+v → %+v", it.Name, b, a)
		}
	}
	if lowered == 0 || levels[0] >= required[0] {
		t.Fatal("bad fixture: the supervisor's rating must bring a competency below the standard")
	}
	shot(t, admin, "needs-after-1280.png", "")

	// The librarian opens her profile again.
	afterBoth := readCompetency(t, me, p.Staff.ID)
	checkCompetency(t, "after the supervisor's rating", afterBoth, wantBoth)
	if afterBoth.Raw == afterSelf.Raw || afterBoth.Capped == afterSelf.Capped {
		t.Errorf("JPM did not change with the supervisor's rating: %s / %s before, %s / %s after", afterSelf.Raw, afterSelf.Capped, afterBoth.Raw, afterBoth.Capped)
	}
	if wantBoth.cappedHundredths >= wantSelf.cappedHundredths || wantBoth.rawHundredths >= wantSelf.rawHundredths {
		t.Fatalf("bad fixture: the supervisor's lower levels must lower JPM (%s → %s)", wantSelf.capped, wantBoth.capped)
	}
	if afterBoth.Mapping == afterSelf.Mapping {
		t.Errorf("the mapping category stayed %q although the capped JPM fell from %s to %s", afterBoth.Mapping, afterSelf.Capped, afterBoth.Capped)
	}
	if afterBoth.Actual == afterSelf.Actual {
		t.Errorf("the radar's actual profile did not move: %s", afterBoth.Actual)
	}
	if afterBoth.Required != afterSelf.Required {
		t.Errorf("the radar's required profile moved: %s → %s", afterSelf.Required, afterBoth.Required)
	}
	if conflicts == 0 {
		t.Fatal("bad fixture: no conflict")
	}
	// The explanation of the first competency (self 4, supervisor 1) names
	// both sources and the weighted mean.
	why := fmt.Sprintf("#why-%d", p.Items[0].CompetencyID)
	need(t, me, why, "#jpm-explain")
	if err := chromedp.Do(me, chromedp.Click(chromedp.CSS(why+" summary"))); err != nil {
		t.Fatalf("open %s: %v", why, err)
	}
	if txt := textOf(t, me, why); !strings.Contains(txt, "rata-rata berbobot") || !strings.Contains(txt, "Atasan") {
		t.Errorf("%s does not explain the weighted mean of self and supervisor: %q", why, txt)
	}
	if err := chromedp.Do(me, chromedp.Evaluate[chromedp.Void](`document.querySelector("#why-`+strconv.FormatInt(p.Items[0].CompetencyID, 10)+`").open = false`)); err != nil {
		t.Fatal(err)
	}

	// Screenshots of the section on the phone and at a desk.
	logLayout(t, me, "profile")
	shot(t, me, "profile-competency-360.png", "#competency")
	if os.Getenv("KOMPETEN_SHOTS") == "1" {
		if err := chromedp.Do(me, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#competency details").forEach(d => d.open = true)`)); err != nil {
			t.Fatal(err)
		}
		shot(t, me, "profile-competency-360-open.png", "#competency")
	}
	if err := chromedp.Do(me, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatalf("desktop viewport: %v", err)
	}
	readCompetency(t, me, p.Staff.ID)
	logLayout(t, me, "profile")
	shot(t, me, "profile-competency-1280.png", "#competency")

	// For the review of the translation: the same section in English, every
	// explanation open, and the self-assessment form.
	if os.Getenv("KOMPETEN_SHOTS") == "1" {
		need(t, me, "#lang-en")
		if status := follow(t, me, "switch to English", chromedp.Click(chromedp.CSS("#lang-en"))); status != 200 {
			t.Fatalf("switch to English: status %d", status)
		}
		readCompetency(t, me, p.Staff.ID)
		if err := chromedp.Do(me, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#competency details").forEach(d => d.open = true)`)); err != nil {
			t.Fatal(err)
		}
		shot(t, me, "profile-competency-1280-en.png", "#competency")
		open(t, me, "/penilaian")
		shot(t, me, "assess-self-1280-en.png", "")
	}

	t.Logf("TestAssessment took %s", time.Since(start).Round(10*time.Millisecond))
}

// needShown is what the needs analysis page (/analisis) shows for one
// competency: its cell in the heat-map row of a unit, found through the
// column heading #heat-col-<competency ID> and the row #heat-row-<unit ID>
// (the columns are ordered by need, so their order moves with the
// ratings), and its line #need-<competency ID> of the ranked needs.
type needShown struct {
	Cell      string // the cell's "short/assessed", "" when there is no cell
	CellPct   string // the cell's share short, "100 %"
	CellClass string // the cell's colour class, "heat-4"
	Assessed  string // the ranked line's columns
	Short     string
	Share     string
}

// readNeeds reads, on the needs analysis page open in ctx, what it shows
// for each competency in ids in the heat-map row of unit unitID and in the
// ranked needs.
func readNeeds(t *testing.T, ctx context.Context, unitID int64, ids []int64) map[int64]needShown {
	t.Helper()
	need(t, ctx, "#heatmap", "#needs-ranked", fmt.Sprintf("#heat-row-%d", unitID))
	js, _ := json.Marshal(ids)
	got := eval[map[string]needShown](t, ctx, fmt.Sprintf(`(() => {
		const ids = %s, row = document.getElementById("heat-row-%d");
		const heads = [...document.querySelectorAll("#heatmap thead th")];
		const txt = e => e ? e.innerText.replace(/\s+/g, " ").trim() : "";
		const out = {};
		for (const id of ids) {
			const r = {Cell: "", CellPct: "", CellClass: "", Assessed: "", Short: "", Share: ""};
			const i = heads.indexOf(document.getElementById("heat-col-" + id));
			const td = i > 0 && row ? row.cells[i] : null;
			if (td) {
				const small = td.querySelector("small");
				r.Cell = txt(small);
				r.CellPct = txt(td).slice(0, txt(td).length - r.Cell.length).trim();
				r.CellClass = [...td.classList].filter(c => c.startsWith("heat-")).join(" ");
			}
			const line = document.getElementById("need-" + id);
			if (line) {
				r.Assessed = txt(line.cells[3]);
				r.Short = txt(line.cells[5]);
				r.Share = txt(line.cells[6]);
			}
			out[id] = r;
		}
		return out;
	})()`, js, unitID))
	out := make(map[int64]needShown, len(got))
	for k, v := range got {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			t.Fatalf("readNeeds: key %q", k)
		}
		v.CellPct = clean(v.CellPct)
		out[id] = v
	}
	return out
}

// expectNeeds is what the needs analysis of a unit whose only employee with
// a standard has the given levels against required must show for each
// competency: assessed by one, short when the level is below the standard.
func expectNeeds(items []model.StandardItem, levels, required []int) map[int64]needShown {
	out := make(map[int64]needShown, len(items))
	for i, it := range items {
		short, pct, class := 0, "0 %", "heat-0"
		if levels[i] < required[i] {
			short, pct, class = 1, "100 %", "heat-4"
		}
		out[it.CompetencyID] = needShown{Cell: fmt.Sprintf("%d/1", short), CellPct: pct, CellClass: class,
			Assessed: "1", Short: strconv.Itoa(short), Share: pct}
	}
	return out
}

// needsWait bounds how long the needs analysis may lag behind a rating.
// The totals are cached per store and renewed when the newest audit or
// rating ID moves (internal/store/needs_cache.go): the seeded city is
// rebuilt at once, but a build slower than the synchronous limit (a loaded
// machine) is served stale while one rebuild runs in the background.
const needsWait = 5 * time.Second

// waitNeeds opens /analisis?unit=unitID in ctx, and reloads it while it
// shows something else than want (a cached total not renewed yet), up to
// needsWait; it fails with the last reading if the page never shows want.
func waitNeeds(t *testing.T, ctx context.Context, step string, unitID int64, want map[int64]needShown) map[int64]needShown {
	t.Helper()
	ids := make([]int64, 0, len(want))
	for id := range want {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	path := fmt.Sprintf("/analisis?unit=%d", unitID)
	deadline := time.Now().Add(needsWait)
	for n := 1; ; n++ {
		if status := open(t, ctx, path); status != 200 {
			t.Fatalf("%s: %s: status %d: %.400s", step, path, status, bodyText(t, ctx))
		}
		got := readNeeds(t, ctx, unitID, ids)
		if maps.Equal(got, want) {
			t.Logf("%s: the needs analysis shows the expected totals (read %d times)", step, n)
			return got
		}
		if time.Now().After(deadline) {
			stale := has(t, ctx, "#needs-stale")
			for _, id := range ids {
				if got[id] != want[id] {
					t.Errorf("%s: competency %d: the needs analysis shows %+v, want %+v", step, id, got[id], want[id])
				}
			}
			t.Fatalf("%s: the needs analysis of unit %d did not show the expected totals within %s (%d reads; marked stale: %v)", step, unitID, needsWait, n, stale)
		}
		// A short pause before the next reload: the page is read again
		// as soon as a rebuild could have ended, not after a fixed wait.
		time.Sleep(100 * time.Millisecond)
	}
}
