package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/nip"
)

// fullName is an employee's name with titles, as lists and profiles show it.
func fullName(e model.Employee) string { return names.Display(e.GelarDepan, e.Name, e.GelarBelakang) }

// expectOnly fails unless the employee list shows exactly one row, of want.
func expectOnly(t *testing.T, rows []string, q string, want model.Employee) {
	t.Helper()
	if len(rows) != 1 {
		t.Errorf("search %q: %d rows, want 1 (%s): %q", q, len(rows), want.Name, rows)
	}
	found := false
	for _, r := range rows {
		if strings.Contains(r, want.Name) {
			found = true
		}
	}
	if !found {
		t.Errorf("search %q: no row for %s: %q", q, want.Name, rows)
	}
	for _, e := range city.People() {
		if e.ID == want.ID {
			continue
		}
		for _, r := range rows {
			if strings.Contains(r, e.Name) {
				t.Errorf("search %q: the list also shows %s", q, e.Name)
			}
		}
	}
}

// TestSearch: a surname word finds the one employee who has it and nobody
// else; so does the NIP typed with the spaces of its printed form.
func TestSearch(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)

	search(t, ctx, "Sembiring")
	need(t, ctx, "table#employees")
	expectOnly(t, employeeRows(t, ctx), "Sembiring", city.Ani)
	if v := eval[string](t, ctx, `document.querySelector("#q").value`); v != "Sembiring" {
		t.Errorf("after the search the box holds %q, want the query kept", v)
	}

	q := "19920110 201903 2 005"
	search(t, ctx, q)
	need(t, ctx, "table#employees")
	expectOnly(t, employeeRows(t, ctx), q, city.Ani)

	// A word nobody has gives no table and a message.
	search(t, ctx, "Zulkarnaen")
	if rows := employeeRows(t, ctx); len(rows) != 0 {
		t.Errorf("search for a name nobody has shows %d rows: %q", len(rows), rows)
	}
	if !has(t, ctx, "#no-results") {
		t.Errorf("search for a name nobody has: no #no-results message: %.300s", bodyText(t, ctx))
	}
}

// TestProfile: from the list, the admin opens an employee and sees the NIP
// in its printed groups, the name with titles, the unit and the supervisor.
func TestProfile(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, adminUser)

	open(t, ctx, "/pegawai")
	need(t, ctx, "table#employees")
	ani := city.Ani
	if status := clickLink(t, ctx, "table#employees", fullName(ani)); status != 200 {
		t.Fatalf("open the profile of %s: status %d", ani.Name, status)
	}
	if loc, want := location(t, ctx), fmt.Sprintf("/pegawai/%d", ani.ID); loc != want {
		t.Errorf("the profile link opened %s, want %s", loc, want)
	}

	shown := textOf(t, ctx, "#nip")
	if want := nip.Format(ani.NIP); shown != want {
		t.Errorf("NIP shown as %q, want %q", shown, want)
	}
	if !regexp.MustCompile(`^\d{8} \d{6} \d \d{3}$`).MatchString(shown) {
		t.Errorf("NIP %q is not in groups of 8, 6, 1 and 3 digits", shown)
	}
	if h := textOf(t, ctx, "#employee-name"); h != fullName(ani) {
		t.Errorf("name = %q, want %q", h, fullName(ani))
	}
	profile := textOf(t, ctx, "#profile")
	if !strings.Contains(profile, city.Bidang.Name) {
		t.Errorf("profile does not show the unit %q: %q", city.Bidang.Name, profile)
	}
	if sup := textOf(t, ctx, "#supervisor"); !strings.Contains(sup, fullName(city.Kabid)) {
		t.Errorf("supervisor = %q, want the head of the bidang %q", sup, fullName(city.Kabid))
	}
	if !has(t, ctx, fmt.Sprintf(`#supervisor a[href="/pegawai/%d"]`, city.Kabid.ID)) {
		t.Errorf("the supervisor is not a link to their profile")
	}
	if crumbs := textOf(t, ctx, ".crumbs"); !strings.Contains(crumbs, city.Kominfo.Name) {
		t.Errorf("breadcrumbs of the profile = %q, want the dinas %q", crumbs, city.Kominfo.Name)
	}
}
