package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// phoneWidth is the viewport width of a small phone, in CSS pixels.
const phoneWidth = 360

// TestPhone: on a 360 px wide phone the employee list does not scroll
// sideways and the main menu can be opened and used.
func TestPhone(t *testing.T) {
	ctx := newPhoneTab(t)
	mustSignIn(t, ctx, adminUser)
	if status := open(t, ctx, "/pegawai"); status != 200 {
		t.Fatalf("/pegawai: status %d", status)
	}
	need(t, ctx, "table#employees")
	if w := eval[float64](t, ctx, "window.innerWidth"); w != phoneWidth {
		t.Errorf("layout viewport is %.0f px wide, want %d (is the meta viewport missing?)", w, phoneWidth)
	}
	const tolerance = 2
	sw := eval[float64](t, ctx, "document.documentElement.scrollWidth")
	bw := eval[float64](t, ctx, "document.body.scrollWidth")
	t.Logf("at %d px: document scrollWidth %.0f, body scrollWidth %.0f", phoneWidth, sw, bw)
	if sw > phoneWidth+tolerance || bw > phoneWidth+tolerance {
		wide := eval[[]string](t, ctx, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > window.innerWidth + 2 && !e.closest(".scroll")).slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + String(e.className).replace(/\s+/g, ".") : ""))`)
		t.Errorf("the page is wider than the phone: scrollWidth %.0f/%.0f > %d; too wide: %v", sw, bw, phoneWidth, wide)
	}

	// The menu is folded: a tap on its button opens it. Each entry can then
	// be brought into view and is not cut off.
	openMenu(t, ctx)
	for _, id := range []string{"#nav-home", "#nav-org", "#nav-employees"} {
		need(t, ctx, id)
		ok := eval[bool](t, ctx, `(() => { const e = document.querySelector(`+jsString(id)+`);
			e.scrollIntoView({block: "nearest", inline: "nearest"});
			const r = e.getBoundingClientRect(), s = getComputedStyle(e);
			return r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= window.innerWidth + 1 && s.visibility !== "hidden"; })()`)
		if !ok {
			t.Errorf("menu entry %s cannot be brought into view at %d px", id, phoneWidth)
		}
	}
	if status := follow(t, ctx, "tap the menu entry #nav-org", chromedp.Click(chromedp.CSS("#nav-org"))); status != 200 {
		t.Errorf("menu entry to the organisation: status %d", status)
	}
	if loc := location(t, ctx); !strings.HasPrefix(loc, "/organisasi") {
		t.Errorf("the menu entry #nav-org opened %s, want /organisasi", loc)
	}
}

// TestPhoneSignInWithoutJavaScript: with JavaScript switched off, a person
// on a phone still signs in and reaches the home page.
func TestPhoneSignInWithoutJavaScript(t *testing.T) {
	ctx := newPhoneTab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("disable JavaScript: %v", err)
	}
	// Prove that page scripts do not run: this one would change the text.
	if err := chromedp.Do(ctx, chromedp.Navigate(`data:text/html,<p id="js">off</p><script>document.getElementById("js").textContent = "on"</script>`)); err != nil {
		t.Fatalf("open the probe page: %v", err)
	}
	if got := textOf(t, ctx, "#js"); got != "off" {
		t.Fatalf("page scripts still run (the probe says %q): JavaScript is not disabled", got)
	}
	mustSignIn(t, ctx, adminUser)
	name := fullName(city.Offices.Nurhayati)
	if g := textOf(t, ctx, "#greeting"); !strings.Contains(g, name) {
		t.Errorf("without JavaScript the home page greets %q, want %q", g, name)
	}
}
