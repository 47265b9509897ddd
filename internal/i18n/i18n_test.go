package i18n

import (
	"testing"
	"time"
)

func TestCataloguesHaveSameKeys(t *testing.T) {
	for k := range idMessages {
		if _, ok := enMessages[k]; !ok {
			t.Errorf("key %q missing in en", k)
		}
	}
	for k := range enMessages {
		if _, ok := idMessages[k]; !ok {
			t.Errorf("key %q missing in id", k)
		}
	}
}

func TestFallback(t *testing.T) {
	if got := T(EN, "nav.home"); got != "Home" {
		t.Errorf("en nav.home = %q", got)
	}
	if got := T(Lang("fr"), "nav.home"); got != "Beranda" {
		t.Errorf("fallback = %q", got)
	}
	if got := T(ID, "no.such.key"); got != "no.such.key" {
		t.Errorf("missing = %q", got)
	}
	if got := T(ID, "employees.page", 3); got != "Halaman 3" {
		t.Errorf("args = %q", got)
	}
}

func TestFormat(t *testing.T) {
	d := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	a := time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct{ got, want string }{
		{Number(ID, 1234567), "1.234.567"},
		{Number(ID, 0), "0"},
		{Number(ID, 999), "999"},
		{Number(ID, 1000), "1.000"},
		{Number(ID, -1234), "-1.234"},
		{Number(EN, 1234567), "1,234,567"},
		{Money(ID, 2500000), "Rp 2.500.000"},
		{Date(ID, d), "22 November 2026"},
		{Date(ID, a), "3 Agustus 2026"},
		{Date(EN, a), "3 August 2026"},
		{DateTime(ID, time.Date(2026, 12, 7, 8, 4, 0, 0, time.UTC), time.FixedZone("WIB", 7*3600)), "7 Desember 2026 15.04"},
		{DateTime(EN, time.Date(2026, 12, 7, 20, 0, 0, 0, time.UTC), time.FixedZone("WIB", 7*3600)), "8 December 2026 03:00"},
		{Date(ID, time.Time{}), "—"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if Parse("en-US") != EN || Parse("id") != ID || Parse("xx") != ID {
		t.Error("Parse")
	}
}
