package model

import (
	"bytes"
	"strings"
	"testing"
)

var (
	evidencePDF  = []byte("%PDF-1.4\n%…\n")
	evidenceJPEG = []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}
	evidencePNG  = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}
)

func TestEvidenceType(t *testing.T) {
	for _, c := range []struct {
		name       string
		b          []byte
		ctype, ext string
	}{
		{"pdf", evidencePDF, "application/pdf", ".pdf"},
		{"jpeg", evidenceJPEG, "image/jpeg", ".jpg"},
		{"png", evidencePNG, "image/png", ".png"},
		{"html named .pdf", []byte("<html>%PDF-</html>"), "", ""},
		{"pdf marker not at the start", []byte(" %PDF-1.4"), "", ""},
		{"png without its line-ending check", []byte{0x89, 'P', 'N', 'G', '\n', '\n', 0x1A, '\n'}, "", ""},
		{"empty", nil, "", ""},
		{"zip (a docx)", []byte("PK\x03\x04"), "", ""},
	} {
		if ct, ext := EvidenceType(c.b); ct != c.ctype || ext != c.ext {
			t.Errorf("%s: %q %q, want %q %q", c.name, ct, ext, c.ctype, c.ext)
		}
	}
}

func TestCleanEvidenceFileName(t *testing.T) {
	long := strings.Repeat("a", 300) + ".pdf"
	for _, c := range []struct {
		in, ext, want string
	}{
		{"laporan.pdf", ".pdf", "laporan.pdf"},
		{"LAPORAN.PDF", ".pdf", "LAPORAN.PDF"},
		{"foto.jpeg", ".jpg", "foto.jpeg"},
		{"foto.png", ".jpg", "foto.png.jpg"}, // the bytes decide the extension
		{"laporan", ".pdf", "laporan.pdf"},
		{`C:\Users\ani\laporan.pdf`, ".pdf", "laporan.pdf"},
		{"../../etc/passwd", ".pdf", "passwd.pdf"},
		{`a"b;c.pdf`, ".pdf", "a_b_c.pdf"},
		{"tab\there.pdf", ".pdf", "tab_here.pdf"},
		{"  .hidden.pdf. ", ".pdf", "hidden.pdf"},
		{"", ".pdf", "bukti.pdf"},
		{"...", ".png", "bukti.png"},
	} {
		if got := CleanEvidenceFileName(c.in, c.ext); got != c.want {
			t.Errorf("CleanEvidenceFileName(%q, %q) = %q, want %q", c.in, c.ext, got, c.want)
		}
	}
	got := CleanEvidenceFileName(long, ".pdf")
	if n := len([]rune(got)); n != EvidenceMaxName || !strings.HasSuffix(got, ".pdf") {
		t.Errorf("a long name: %d characters, %q…", n, got[len(got)-8:])
	}
}

func TestEvidenceValidate(t *testing.T) {
	good := func() Evidence {
		return Evidence{EmployeeID: 1, CompetencyID: 2, ClaimedLevel: 3, Note: " laporan ", FileName: "dir/laporan", Content: evidencePDF}
	}
	for _, c := range []struct {
		name, field string
		edit        func(e *Evidence)
	}{
		{"good", "", func(e *Evidence) {}},
		{"a photo", "", func(e *Evidence) { e.Content = evidenceJPEG }},
		{"level 0", "level", func(e *Evidence) { e.ClaimedLevel = 0 }},
		{"level 6", "level", func(e *Evidence) { e.ClaimedLevel = 6 }},
		{"note at the limit", "", func(e *Evidence) { e.Note = strings.Repeat("é", EvidenceMaxNote) }},
		{"note too long", "note", func(e *Evidence) { e.Note = strings.Repeat("é", EvidenceMaxNote+1) }},
		{"no file", "file", func(e *Evidence) { e.Content = nil }},
		{"file at the limit", "", func(e *Evidence) {
			e.Content = append(append([]byte{}, evidencePDF...), make([]byte, EvidenceMaxSize-len(evidencePDF))...)
		}},
		{"file too big", "file", func(e *Evidence) {
			e.Content = append(append([]byte{}, evidencePDF...), make([]byte, EvidenceMaxSize)...)
		}},
		{"wrong type despite the name", "file", func(e *Evidence) { e.Content, e.FileName = []byte("<html>hi</html>"), "x.pdf" }},
	} {
		e := good()
		c.edit(&e)
		if got := invalidFieldOf(e.Validate()); got != c.field {
			t.Errorf("%s: field %q, want %q", c.name, got, c.field)
		}
	}
	e := good()
	if err := e.Validate(); err != nil || e.Note != "laporan" || e.FileName != "laporan.pdf" || e.ContentType != "application/pdf" ||
		e.Size != int64(len(evidencePDF)) {
		t.Errorf("what follows from the file: %+v, %v", e, err)
	}
	p := Evidence{ClaimedLevel: 1, FileName: "scan.pdf", Content: bytes.Clone(evidencePNG)}
	if err := p.Validate(); err != nil || p.ContentType != "image/png" || p.FileName != "scan.pdf.png" {
		t.Errorf("a PNG named .pdf: %q %q %v", p.ContentType, p.FileName, err)
	}
}

func TestEvidenceReviewValidate(t *testing.T) {
	for _, c := range []struct {
		name   string
		r      EvidenceReview
		field  string
		status string
	}{
		{"accept with a level", EvidenceReview{Accept: true, Level: 4}, "", EvidenceAccepted},
		{"accept with a level and a note", EvidenceReview{Accept: true, Level: 1, Note: "bagus"}, "", EvidenceAccepted},
		{"accept without a level", EvidenceReview{Accept: true}, "level", EvidenceAccepted},
		{"accept with level 6", EvidenceReview{Accept: true, Level: 6}, "level", EvidenceAccepted},
		{"reject with a reason", EvidenceReview{Note: "tidak terbaca"}, "", EvidenceRejected},
		{"reject without a reason", EvidenceReview{Note: "   "}, "review_note", EvidenceRejected},
		{"reject, the level ignored", EvidenceReview{Level: 9, Note: "salah berkas"}, "", EvidenceRejected},
		{"note too long", EvidenceReview{Accept: true, Level: 3, Note: strings.Repeat("x", EvidenceMaxNote+1)}, "review_note", EvidenceAccepted},
	} {
		r := c.r
		if got := invalidFieldOf(r.Validate()); got != c.field {
			t.Errorf("%s: field %q, want %q", c.name, got, c.field)
		}
		if r.Status() != c.status {
			t.Errorf("%s: status %q, want %q", c.name, r.Status(), c.status)
		}
	}
}
