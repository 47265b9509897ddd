package table

import "testing"

func TestSafeCell(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Budi", "Budi"},
		{`=HYPERLINK("http://x","Klik di sini")`, `'=HYPERLINK("http://x","Klik di sini")`},
		{"+62 811", "'+62 811"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'=1", "''=1"},   // quoted again, so that PlainCell gives it back
		{"''+1", "'''+1"}, // and again
		{"'Aisyah", "'Aisyah"},
		{"'", "'"},
		{"a=1", "a=1"},
	} {
		got := SafeCell(c.in)
		if got != c.want {
			t.Errorf("SafeCell(%q) = %q, want %q", c.in, got, c.want)
		}
		if len(got) > 0 && FormulaStart(got[0]) {
			t.Errorf("SafeCell(%q) = %q starts a formula", c.in, got)
		}
		if back := PlainCell(got); back != c.in {
			t.Errorf("PlainCell(SafeCell(%q)) = %q", c.in, back)
		}
	}
	// A cell a user typed with one apostrophe before a formula (as a
	// spreadsheet saves a text cell) reads as the formula's text.
	if got := PlainCell("'=SUM(A1)"); got != "=SUM(A1)" {
		t.Errorf("PlainCell('=SUM(A1)) = %q", got)
	}
}
