package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestOrganisationTree: from /organisasi an admin clicks into Dinas
// Komunikasi dan Informatika and sees its bidang and the breadcrumbs back to
// the city, then one level deeper.
func TestOrganisationTree(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)

	if status := open(t, ctx, "/organisasi"); status != 200 {
		t.Fatalf("/organisasi: status %d", status)
	}
	// The city is the only root, so the tree opens on it.
	if h := textOf(t, ctx, "h1"); h != city.root.Name {
		t.Errorf("/organisasi heading = %q, want %q", h, city.root.Name)
	}
	for _, child := range []string{city.kominfo.Name, city.dinkes.Name, city.bkpsdm.Name} {
		if !strings.Contains(textOf(t, ctx, "main"), child) {
			t.Errorf("the city shows no child unit %q", child)
		}
	}

	if status := clickLink(t, ctx, "main", city.kominfo.Name); status != 200 {
		t.Fatalf("open %s: status %d", city.kominfo.Name, status)
	}
	if loc, want := location(t, ctx), fmt.Sprintf("/organisasi/%d", city.kominfo.ID); loc != want {
		t.Errorf("after the click the page is %s, want %s", loc, want)
	}
	if h := textOf(t, ctx, "#unit-name"); h != city.kominfo.Name {
		t.Errorf("unit heading = %q, want %q", h, city.kominfo.Name)
	}
	if c := textOf(t, ctx, "#children"); !strings.Contains(c, city.aplikasi.Name) {
		t.Errorf("child units = %q, want %q among them", c, city.aplikasi.Name)
	}
	if c := textOf(t, ctx, "#children"); strings.Contains(c, city.puskesmas.Name) {
		t.Errorf("child units of Kominfo = %q, must not list %q", c, city.puskesmas.Name)
	}
	crumbs := textOf(t, ctx, ".crumbs")
	if !strings.Contains(crumbs, city.root.Name) {
		t.Errorf("breadcrumbs = %q, want %q", crumbs, city.root.Name)
	}
	if !has(t, ctx, fmt.Sprintf(`.crumbs a[href="/organisasi/%d"]`, city.root.ID)) {
		t.Errorf("the breadcrumb %q is not a link back to the city", city.root.Name)
	}

	// One level deeper: the bidang has both ancestors in its breadcrumbs.
	if status := clickLink(t, ctx, "#children", city.aplikasi.Name); status != 200 {
		t.Fatalf("open %s: status %d", city.aplikasi.Name, status)
	}
	crumbs = textOf(t, ctx, ".crumbs")
	i, j := strings.Index(crumbs, city.root.Name), strings.Index(crumbs, city.kominfo.Name)
	if i < 0 || j < 0 || i > j {
		t.Errorf("breadcrumbs of the bidang = %q, want %q then %q", crumbs, city.root.Name, city.kominfo.Name)
	}
	if h := textOf(t, ctx, "#unit-name"); h != city.aplikasi.Name {
		t.Errorf("unit heading = %q, want %q", h, city.aplikasi.Name)
	}
}
