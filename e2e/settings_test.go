package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/settings"
)

// TestSettings: the BKPSDM admin opens Pengaturan from the menu, renames
// box 9 of the 9-box and saves; the page confirms it, and the talent map
// shows the new name at once (the 9-box is placed when read). The rules
// go back to their defaults afterwards, for the other tests.
func TestSettings(t *testing.T) {
	t.Cleanup(func() {
		if _, err := st.SaveSettings(context.Background(), seedActor, settings.Default()); err != nil {
			t.Errorf("restore the settings: %v", err)
		}
	})
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)
	if status := clickLink(t, ctx, "nav", "Pengaturan"); status != 200 {
		t.Fatalf("open Pengaturan from the menu: status %d", status)
	}
	if loc := location(t, ctx); loc != "/pengaturan" {
		t.Fatalf("the menu led to %s", loc)
	}
	need(t, ctx, "#settings-form", "#age_teacher", "#optimal", `input[name=box9_label]`)
	const name = "Bintang organisasi"
	typeInto(t, ctx, `input[name=box9_label]`, name)
	if status := follow(t, ctx, "save the settings", chromedp.Click(chromedp.CSS("#save"))); status != 200 {
		t.Fatalf("save: status %d", status)
	}
	if ok := textOf(t, ctx, "#settings-ok"); !strings.Contains(ok, "Pengaturan disimpan") {
		t.Errorf("after saving the page says %q", ok)
	}
	if status := open(t, ctx, "/talenta"); status != 200 {
		t.Fatalf("/talenta: status %d", status)
	}
	if !strings.Contains(bodyText(t, ctx), name) {
		t.Errorf("the talent map does not show box 9 as %q", name)
	}
}
