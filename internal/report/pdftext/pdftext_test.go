package pdftext

import "testing"

// The readers of real documents are the report package's tests; here only
// what is not a PDF.
func TestParseRejectsNonPDF(t *testing.T) {
	if _, err := Parse([]byte("<html>")); err == nil {
		t.Error("HTML accepted as a PDF")
	}
}

func TestDecode(t *testing.T) {
	m := map[uint16]rune{0x2e: 'K', 0x52: 'o'}
	if got := decode("002E0052FFFF", m); got != "Ko\uFFFD" {
		t.Errorf("decode: %q", got)
	}
}
