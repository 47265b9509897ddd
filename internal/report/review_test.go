package report

import (
	"bytes"
	"testing"

	"github.com/kompeten/kompeten/internal/i18n"
)

// Names and unit labels come from imported registry data: characters the
// embedded Go fonts lack, control characters and PDF syntax must not stop
// the export.
func TestReviewProfilePDFOddText(t *testing.T) {
	for _, name := range []string{"Budi 😀 Santoso", "李小龙", "A\x00B\x07C", "Budi) Tj (pwned", "Ṣri Wahyuni"} {
		var buf bytes.Buffer
		doc := ProfileDoc{Lang: i18n.ID, Name: name, NIPLabel: "NIP", NIP: "1", Unit: name, Date: exportDay, ExportedBy: name}
		if err := ProfilePDF(&buf, doc); err != nil {
			t.Errorf("name %q: %v", name, err)
			continue
		}
		parsePDF(t, buf.Bytes())
	}
}
