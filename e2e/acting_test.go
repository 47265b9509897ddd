package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestActingHeadAndWhoSawMyData: the BKPSDM admin records Ani as Plh. of
// the Kepala Dinas Kesehatan through the form; Ani, who could not open the
// Dinkes before, now can, and her "Data saya" lists the admin among those
// who opened her profile. The admin then removes the record (the rest of the
// suite knows Ani as Kominfo staff only) and Ani loses the Dinkes again.
func TestActingHeadAndWhoSawMyData(t *testing.T) {
	ani := newTab(t)
	mustSignIn(t, ani, city.Offices.AniUser.Username)
	dinkes := fmt.Sprintf("/organisasi/%d", city.Dinkes.ID)
	if status := open(t, ani, dinkes); status != 404 {
		t.Fatalf("before: Ani opens the Dinkes with status %d", status)
	}

	admin := newTab(t)
	mustSignIn(t, admin, adminUser)
	if status := open(t, admin, fmt.Sprintf("/pegawai/%d", city.Ani.ID)); status != 200 {
		t.Fatalf("the admin opens Ani's profile: %d", status)
	}
	if status := open(t, admin, dinkes); status != 200 {
		t.Fatalf("the admin opens the Dinkes: %d", status)
	}
	if status := clickLink(t, admin, "#unit-acting", "Kelola Plt./Plh."); status != 200 {
		t.Fatalf("open the Plt./Plh. page: %d", status)
	}
	need(t, admin, "form#acting-form")
	var code string
	for _, p := range mustPositions(t) {
		if p.title == "Kepala Dinas Kesehatan" {
			code = p.code
		}
	}
	typeInto(t, admin, `form#acting-form input[name=nip]`, city.Ani.NIP)
	typeInto(t, admin, `form#acting-form input[name=position]`, code)
	typeInto(t, admin, `form#acting-form input[name=decree_no]`, "800.1.3/21/BKPSDM/2026")
	today := time.Now().UTC().Format(time.DateOnly)
	eval[bool](t, admin, `(() => { const f = document.querySelector("form#acting-form");
		f.kind.value = "plh"; f.from.value = `+jsString(today)+`; f.decree_date.value = `+jsString(today)+`; return true })()`)
	if status := follow(t, admin, "save the acting assignment", chromedp.Click(chromedp.CSS("#acting-submit"))); status != 200 {
		t.Fatalf("save: status %d: %.400s", status, bodyText(t, admin))
	}
	if list := textOf(t, admin, "#acting-list"); !strings.Contains(list, city.Ani.Name) || !strings.Contains(list, "Plh.") {
		t.Errorf("the list shows %q", list)
	}

	if status := open(t, ani, dinkes); status != 200 {
		t.Errorf("while Plh.: Ani opens the Dinkes with status %d", status)
	}
	// The admin's view of her profile reaches "Data saya" within a second or two.
	var views string
	for range 30 {
		open(t, ani, "/data-saya")
		if has(t, ani, "#view-list") {
			views = textOf(t, ani, "#view-list")
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(views, city.Offices.Nurhayati.Name) || !strings.Contains(views, "Profil") {
		t.Errorf("who saw my data: %q", views)
	}

	open(t, admin, "/organisasi/plt")
	remove := chromedp.JSPath(`[...document.querySelectorAll("#acting-list tr")].find(r => r.innerText.includes(` +
		jsString(city.Ani.Name) + `)).querySelector("form[action$='/hapus'] button")`)
	if status := follow(t, admin, "remove the assignment", chromedp.Click(remove)); status != 200 {
		t.Fatalf("remove: status %d", status)
	}
	if status := open(t, ani, dinkes); status != 404 {
		t.Errorf("after the removal Ani opens the Dinkes with status %d", status)
	}
}

type positionRow struct{ title, code string }

// mustPositions reads the posts of the seeded city from the store.
func mustPositions(t *testing.T) []positionRow {
	t.Helper()
	ps, err := st.Positions(t.Context(), city.Dinkes.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []positionRow
	for _, p := range ps {
		out = append(out, positionRow{p.Title, p.Code})
	}
	return out
}
