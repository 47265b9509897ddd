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
	if h := textOf(t, ctx, "h1"); h != city.Root.Name {
		t.Errorf("/organisasi heading = %q, want %q", h, city.Root.Name)
	}
	for _, child := range []string{city.Kominfo.Name, city.Dinkes.Name, city.Offices.BKPSDM.Name} {
		if !strings.Contains(textOf(t, ctx, "main"), child) {
			t.Errorf("the city shows no child unit %q", child)
		}
	}

	if status := clickLink(t, ctx, "main", city.Kominfo.Name); status != 200 {
		t.Fatalf("open %s: status %d", city.Kominfo.Name, status)
	}
	if loc, want := location(t, ctx), fmt.Sprintf("/organisasi/%d", city.Kominfo.ID); loc != want {
		t.Errorf("after the click the page is %s, want %s", loc, want)
	}
	if h := textOf(t, ctx, "#unit-name"); h != city.Kominfo.Name {
		t.Errorf("unit heading = %q, want %q", h, city.Kominfo.Name)
	}
	if c := textOf(t, ctx, "#children"); !strings.Contains(c, city.Bidang.Name) {
		t.Errorf("child units = %q, want %q among them", c, city.Bidang.Name)
	}
	if c := textOf(t, ctx, "#children"); strings.Contains(c, city.Offices.Puskesmas.Name) {
		t.Errorf("child units of Kominfo = %q, must not list %q", c, city.Offices.Puskesmas.Name)
	}
	crumbs := textOf(t, ctx, ".crumbs")
	if !strings.Contains(crumbs, city.Root.Name) {
		t.Errorf("breadcrumbs = %q, want %q", crumbs, city.Root.Name)
	}
	if !has(t, ctx, fmt.Sprintf(`.crumbs a[href="/organisasi/%d"]`, city.Root.ID)) {
		t.Errorf("the breadcrumb %q is not a link back to the city", city.Root.Name)
	}

	// One level deeper: the bidang has both ancestors in its breadcrumbs.
	if status := clickLink(t, ctx, "#children", city.Bidang.Name); status != 200 {
		t.Fatalf("open %s: status %d", city.Bidang.Name, status)
	}
	crumbs = textOf(t, ctx, ".crumbs")
	i, j := strings.Index(crumbs, city.Root.Name), strings.Index(crumbs, city.Kominfo.Name)
	if i < 0 || j < 0 || i > j {
		t.Errorf("breadcrumbs of the bidang = %q, want %q then %q", crumbs, city.Root.Name, city.Kominfo.Name)
	}
	if h := textOf(t, ctx, "#unit-name"); h != city.Bidang.Name {
		t.Errorf("unit heading = %q, want %q", h, city.Bidang.Name)
	}
}
