package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/nip"
)

// TestScope: the admin_opd of Dinas Kominfo sees the employees of Kominfo
// only. A Dinas Kesehatan employee is neither listed nor found, and their
// URL answers with a not-found page that reveals nothing of them; an
// employee of Kominfo opens.
func TestScope(t *testing.T) {
	ctx := newTab(t)
	mustSignIn(t, ctx, opdUser)

	open(t, ctx, "/pegawai")
	need(t, ctx, "table#employees")
	list := strings.Join(employeeRows(t, ctx), "\n")
	for _, e := range []string{city.Ani.Name, city.Kabid.Name, city.Head.Name} {
		if !strings.Contains(list, e) {
			t.Errorf("the Kominfo admin's list lacks %s of Kominfo", e)
		}
	}
	for _, e := range []string{city.Offices.Lestari.Name, city.Offices.Hendra.Name, city.Offices.Dewi.Name, city.Offices.Nurhayati.Name} {
		if strings.Contains(list, e) {
			t.Errorf("the Kominfo admin's list shows %s, who is outside Kominfo", e)
		}
	}

	search(t, ctx, "Manurung")
	if rows := employeeRows(t, ctx); len(rows) != 0 {
		t.Errorf("the Kominfo admin's search for Manurung (Dinas Kesehatan) shows %q", rows)
	}

	lestari := city.Offices.Lestari
	status := open(t, ctx, fmt.Sprintf("/pegawai/%d", lestari.ID))
	if status != 404 && status != 403 {
		t.Errorf("/pegawai/%d of Dinas Kesehatan: status %d, want 404 or 403", lestari.ID, status)
	}
	heading := textOf(t, ctx, "#error h1")
	if heading == "" {
		t.Error("the error page has an empty heading")
	}
	t.Logf("out-of-scope profile: status %d, page says %q", status, heading)
	body := bodyText(t, ctx)
	for _, leak := range []string{lestari.Name, "Manurung", lestari.NIP, nip.Format(lestari.NIP)} {
		if strings.Contains(body, leak) {
			t.Errorf("the error page reveals %q: %.300s", leak, body)
		}
	}

	if status := open(t, ctx, fmt.Sprintf("/pegawai/%d", city.Ani.ID)); status != 200 {
		t.Fatalf("/pegawai/%d of Kominfo: status %d: %.300s", city.Ani.ID, status, bodyText(t, ctx))
	}
	if h := textOf(t, ctx, "#employee-name"); h != fullName(city.Ani) {
		t.Errorf("profile in scope shows %q, want %q", h, fullName(city.Ani))
	}
}
