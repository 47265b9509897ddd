package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/kompeten/kompeten/internal/model"
)

// TestPlanProposeApproveTwice: Ani proposes a free activity on "Rencana
// pengembangan saya" and submits it; her supervisor (the Kabid) finds it in
// her inbox and approves with one click; the head of the Kominfo, the
// OPD's head, approves it next from the same page; Ani's plan shows it
// approved with both decisions in its trail. The item is cancelled at the
// end, so the rest of the suite sees Ani's plan as it was.
func TestPlanProposeApproveTwice(t *testing.T) {
	for _, e := range []model.Employee{city.Kabid, city.Head} {
		u := model.User{Username: e.NIP, EmployeeID: e.ID, Role: model.RoleAtasan, Active: true}
		if err := city.AddUser(&u, password); err != nil {
			t.Fatalf("account for %s: %v", e.Name, err)
		}
	}
	ani := newPhoneTab(t)
	mustSignIn(t, ani, city.Offices.AniUser.Username)
	if status := open(t, ani, "/rencana"); status != 200 {
		t.Fatalf("Ani's plan: %d", status)
	}
	need(t, ani, "form#propose-free")
	const title = "Magang Tata Kelola SPBE di Diskominfo Provinsi"
	typeInto(t, ani, `form#propose-free input[name=title]`, title)
	typeInto(t, ani, `form#propose-free input[name=jp]`, "16")
	eval[bool](t, ani, `(() => { const f = document.querySelector("form#propose-free");
		f.elements.form.value = "magang"; f.elements.purpose.value = "Menyiapkan evaluasi SPBE kota"; return true })()`)
	if status := follow(t, ani, "propose and submit", chromedp.Click(chromedp.CSS(`form#propose-free button[name=submit]`))); status != 200 {
		t.Fatalf("propose: %d: %.400s", status, bodyText(t, ani))
	}
	if table := textOf(t, ani, "#plan-table"); !strings.Contains(table, title) || !strings.Contains(table, "Menunggu keputusan") {
		t.Fatalf("after proposing, the plan shows %q", table)
	}

	approve := func(who model.Employee) {
		t.Helper()
		tab := newTab(t)
		mustSignIn(t, tab, who.NIP)
		if !has(t, tab, "#card-approvals") {
			t.Errorf("%s: no approvals card on the home page", who.Name)
		}
		if status := open(t, tab, "/persetujuan"); status != 200 {
			t.Fatalf("%s's inbox: %d", who.Name, status)
		}
		link := chromedp.JSPath(`[...document.querySelectorAll("#approvals tr")].find(r => r.innerText.includes(` +
			jsString(title) + `)).querySelector("a")`)
		if status := follow(t, tab, "open the item", chromedp.Click(link)); status != 200 {
			t.Fatalf("%s opens the item: %d", who.Name, status)
		}
		if status := follow(t, tab, "approve", chromedp.Click(chromedp.CSS("#approve"))); status != 200 {
			t.Fatalf("%s approves: %d", who.Name, status)
		}
		if n := textOf(t, tab, "#approval-notice"); !strings.Contains(n, "disetujui") {
			t.Errorf("%s after approving: %q", who.Name, n)
		}
	}
	approve(city.Kabid)
	approve(city.Head)

	open(t, ani, "/rencana")
	row := textOf(t, ani, "#plan-table")
	if !strings.Contains(row, "Disetujui") || !strings.Contains(row, city.Kabid.Name) || !strings.Contains(row, city.Head.Name) {
		t.Errorf("Ani's plan after both approvals: %q", row)
	}
	cancel := chromedp.JSPath(`document.querySelector("#plan-table form[action$='/batal'] button")`)
	if status := follow(t, ani, "cancel the item", chromedp.Click(cancel)); status != 200 {
		t.Errorf("cancel: %d", status)
	}
	if !strings.Contains(textOf(t, ani, "#plan-table"), "Dibatalkan") {
		t.Errorf("after cancelling: %q", textOf(t, ani, "#plan-table"))
	}
}
