package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// widths are the two viewports every layout test looks at: a small phone
// and a desktop.
var widths = []struct {
	name string
	tab  func(*testing.T) context.Context
	px   int
}{
	{"phone", newPhoneTab, phoneWidth},
	{"desktop", newTab, 1280},
}

// homeWork is what each role's home page must show, with the seeded work
// that makes every card non-empty.
func homeWork(w *work) []struct {
	user  string
	cards map[string][]string // card id → texts it must show
	not   []string            // cards it must not show
} {
	return []struct {
		user  string
		cards map[string][]string
		not   []string
	}{
		{teacherUser, map[string][]string{
			"#card-self-assessment": {w.cycle.Name},
			"#card-my-jpm":          {"JPM"},
		}, []string{"#card-to-rate", "#card-data", "#card-cycles"}},
		{headUser, map[string][]string{
			"#card-to-rate": {"Maria Ulfa Marbun", "Andi Situmorang"},
		}, []string{"#card-data", "#card-cycles"}},
		{opdUser, map[string][]string{
			"#card-data": {"jabatan tanpa standar kompetensi"},
		}, []string{"#card-to-rate"}},
		{leaderUser, map[string][]string{
			"#card-needs":  {"Kurang Optimal"},
			"#card-talent": {"kotak 7–9"},
		}, []string{"#card-data", "#card-cycles"}},
		{adminUser, map[string][]string{
			"#card-cycles": {w.cycle.Name},
			"#card-needs":  {"Kebutuhan terbesar"},
		}, nil},
	}
}

// TestHomeWaitingWork: at 360 and 1280 px, each role's home page shows the
// cards of the work waiting for it, each with something in it, on screen
// and without sideways scrolling, and none of another role's cards.
func TestHomeWaitingWork(t *testing.T) {
	w := seedWork(t)
	for _, vw := range widths {
		for _, role := range homeWork(w) {
			t.Run(vw.name+"/"+role.user, func(t *testing.T) {
				ctx := vw.tab(t)
				mustSignIn(t, ctx, role.user)
				for sel, texts := range role.cards {
					need(t, ctx, sel)
					box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect(); return [r.left, r.right, r.width, r.height]; })()`)
					if box[2] <= 0 || box[3] <= 0 || box[0] < -1 || box[1] > float64(vw.px)+1 {
						t.Errorf("%s is not within the %d px window: left %.0f right %.0f, %.0f×%.0f", sel, vw.px, box[0], box[1], box[2], box[3])
					}
					if n := eval[int](t, ctx, `document.querySelectorAll(`+jsString(sel+" li, "+sel+" .lead")+`).length`); n == 0 {
						t.Errorf("%s is empty: %q", sel, textOf(t, ctx, sel))
					}
					text := textOf(t, ctx, sel)
					for _, want := range texts {
						if !strings.Contains(text, want) {
							t.Errorf("%s says %q, want it to mention %q", sel, text, want)
						}
					}
				}
				for _, sel := range role.not {
					if has(t, ctx, sel) {
						t.Errorf("%s's home page shows %s: %q", role.user, sel, textOf(t, ctx, sel))
					}
				}
				noSidewaysScroll(t, ctx, vw.px, "home of "+role.user)
			})
		}
	}
}

// noSidewaysScroll fails when the page is wider than the window, naming
// the elements that stick out (those inside a .scroll box may).
func noSidewaysScroll(t *testing.T, ctx context.Context, px int, what string) {
	t.Helper()
	sw := eval[float64](t, ctx, "document.documentElement.scrollWidth")
	if sw > float64(px)+2 {
		wide := eval[[]string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 2 && !e.closest(".scroll")).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).replace(/\s+/g, ".") : ""))`)
		t.Errorf("%s at %d px scrolls sideways: scrollWidth %.0f; too wide: %v", what, px, sw, wide)
	}
}

// visible reports whether the element sel is drawn with a size.
func visible(t *testing.T, ctx context.Context, sel string) bool {
	t.Helper()
	return eval[bool](t, ctx, `(() => { const e = document.querySelector(`+jsString(sel)+`); if (!e) return false;
		const r = e.getBoundingClientRect(), s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== "hidden"; })()`)
}

// TestMenuCollapses: on a phone the main menu is folded behind its button
// and opens with a tap (no JavaScript needed: a checkbox and its label);
// on a desktop the entries show and the button does not.
func TestMenuCollapses(t *testing.T) {
	ctx := newPhoneTab(t)
	mustSignIn(t, ctx, adminUser)
	need(t, ctx, "#menu-button", "#nav-org")
	if visible(t, ctx, "#nav-org") {
		t.Error("at 360 px the menu entries show before the menu is opened")
	}
	if h := eval[float64](t, ctx, `document.querySelector("#nav").getBoundingClientRect().height`); h > 56 {
		t.Errorf("at 360 px the folded menu takes %.0f px of the first screen, more than its one line", h)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#menu-button"))); err != nil {
		t.Fatalf("tap the menu button: %v", err)
	}
	for _, id := range []string{"#nav-home", "#nav-org", "#nav-employees", "#nav-needs"} {
		if !visible(t, ctx, id) {
			t.Errorf("after the tap the menu entry %s does not show", id)
		}
	}
	if status := follow(t, ctx, "tap #nav-org", chromedp.Click(chromedp.CSS("#nav-org"))); status != 200 || !strings.HasPrefix(location(t, ctx), "/organisasi") {
		t.Errorf("the menu entry #nav-org: status %d at %s", status, location(t, ctx))
	}

	desk := newTab(t)
	mustSignIn(t, desk, adminUser)
	for _, sel := range []string{"#menu-button", "#menu-toggle"} {
		if visible(t, desk, sel) {
			t.Errorf("at 1280 px the menu's %s shows", sel)
		}
	}
	if !visible(t, desk, "#nav-org") {
		t.Error("at 1280 px the menu entries are hidden")
	}
}

// TestHeatmapOnPhone: at 360 px the heat-map scrolls sideways inside its
// box while the unit names stay in view, and every cell carries its value
// as text, not colour alone.
func TestHeatmapOnPhone(t *testing.T) {
	seedWork(t)
	ctx := newPhoneTab(t)
	mustSignIn(t, ctx, adminUser)
	if status := open(t, ctx, "/analisis"); status != 200 {
		t.Fatalf("/analisis: status %d", status)
	}
	need(t, ctx, "#heat-scroll", "table#heatmap tbody th")
	noSidewaysScroll(t, ctx, phoneWidth, "the heat-map page")
	if over := eval[float64](t, ctx, `(() => { const b = document.querySelector("#heat-scroll"); return b.scrollWidth - b.clientWidth; })()`); over < 50 {
		t.Fatalf("the heat-map fits the phone (%.0f px to scroll): the test needs a wider one", over)
	}
	cells := eval[[]string](t, ctx, `[...document.querySelectorAll("table#heatmap td.heat")].map(td => td.innerText.trim())`)
	for _, c := range cells {
		if c == "" {
			t.Errorf("a heat-map cell has no text: only its colour tells its value (%d cells)", len(cells))
			break
		}
	}
	before := eval[string](t, ctx, `document.querySelector("table#heatmap tbody th").innerText`)
	eval[bool](t, ctx, `(() => { const b = document.querySelector("#heat-scroll"); b.scrollLeft = b.scrollWidth; return true; })()`)
	state := eval[[]float64](t, ctx, `(() => { const b = document.querySelector("#heat-scroll"), box = b.getBoundingClientRect();
		const th = document.querySelector("table#heatmap tbody th").getBoundingClientRect();
		const head = document.querySelector("table#heatmap thead th:first-child").getBoundingClientRect();
		return [b.scrollLeft, th.left - box.left, th.right, head.left - box.left]; })()`)
	t.Logf("scrolled %.0f px sideways: the unit column starts %.0f px into the box and ends at %.0f px; its header at %.0f px", state[0], state[1], state[2], state[3])
	if state[0] < 50 {
		t.Fatalf("the heat-map box did not scroll (scrollLeft %.0f)", state[0])
	}
	if state[1] < -1 || state[1] > 2 || state[2] > phoneWidth || state[3] < -1 || state[3] > 2 {
		t.Errorf("scrolled sideways, the unit column (%q) left the box: %v", before, state)
	}
	// The element on top at the unit column's place is the unit's cell
	// (the box brought into the window first: the page scrolls, not the box).
	top := eval[bool](t, ctx, `(() => { document.querySelector("#heat-scroll").scrollIntoView({block: "start"});
		const th = document.querySelector("table#heatmap tbody th"), r = th.getBoundingClientRect();
		const e = document.elementFromPoint(r.left + 5, r.top + r.height / 2); return th.contains(e); })()`)
	if !top {
		t.Error("scrolled sideways, the heat cells cover the unit names")
	}
}

// TestNineBoxOnPhone: at 360 px (and 1280) the talent map's nine boxes all
// show inside the window, box 9 naming its potential, without sideways
// scrolling.
func TestNineBoxOnPhone(t *testing.T) {
	seedWork(t)
	for _, vw := range widths {
		t.Run(vw.name, func(t *testing.T) {
			ctx := vw.tab(t)
			mustSignIn(t, ctx, adminUser)
			if status := open(t, ctx, "/talenta"); status != 200 {
				t.Fatalf("/talenta: status %d", status)
			}
			need(t, ctx, "#talent-grid")
			noSidewaysScroll(t, ctx, vw.px, "the talent map")
			for n := 1; n <= 9; n++ {
				sel := fmt.Sprintf("#box-%d", n)
				box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector(`+jsString(sel)+`).getBoundingClientRect(); return [r.left, r.right, r.width]; })()`)
				if box[2] <= 0 || box[0] < -1 || box[1] > float64(vw.px)+1 {
					t.Errorf("box %d is not within the %d px window: %v", n, vw.px, box)
				}
			}
			if vw.px == phoneWidth && !strings.Contains(strings.ToLower(textOf(t, ctx, "#box-9")), "potensial tinggi") {
				t.Errorf("on a phone box 9 does not say its potential: %q", textOf(t, ctx, "#box-9"))
			}
		})
	}
}

// TestRankingFitsDesktop: at 1280 px the ranked needs table shows whole,
// without a scroll bar of its own.
func TestRankingFitsDesktop(t *testing.T) {
	seedWork(t)
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)
	open(t, ctx, "/analisis")
	need(t, ctx, "table#needs-ranked")
	over := eval[float64](t, ctx, `(() => { const t = document.querySelector("table#needs-ranked"); return t.scrollWidth - t.parentElement.clientWidth; })()`)
	if over > 1 {
		t.Errorf("at 1280 px the ranking table is cut: %.0f px beyond its box", over)
	}
}

// openMenu taps the menu button when the menu is folded (on a phone), so
// that its entries can be tapped.
func openMenu(t *testing.T, ctx context.Context) {
	t.Helper()
	if visible(t, ctx, "#menu-button") && !eval[bool](t, ctx, `document.querySelector("#menu-toggle").checked`) {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#menu-button"))); err != nil {
			t.Fatalf("tap the menu button: %v", err)
		}
	}
}

// TestNamesWithTheirPlace: a unit whose name repeats in another OPD is
// shown with its OPD in the employee list, and a search says how many it
// found.
func TestNamesWithTheirPlace(t *testing.T) {
	seedWork(t)
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)
	search(t, ctx, "Simatupang")
	rows := employeeRows(t, ctx)
	if len(rows) != 1 || !strings.Contains(rows[0], "Subbagian Umum dan Kepegawaian — Dinas Pendidikan dan Kebudayaan") {
		t.Errorf("search Simatupang shows %q, want Rina Simatupang of Subbagian Umum dan Kepegawaian — Dinas Pendidikan dan Kebudayaan", rows)
	}
	if got := textOf(t, ctx, "#result-count"); got != "1 pegawai ditemukan." {
		t.Errorf("the search's count says %q, want 1 pegawai ditemukan.", got)
	}
}
