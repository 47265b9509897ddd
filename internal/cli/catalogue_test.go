package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCatalogueCommands: the catalogue exports to CSV with the import's
// columns, and an import naming an unknown partner is refused with the
// line, column and value of the bad row, writing nothing.
func TestCatalogueCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	out := filepath.Join(dir, "katalog.csv")
	if msg, code := run(t, "export", "catalogue", out, "--db", db); code != 0 {
		t.Fatalf("export: %d\n%s", code, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "KODE,JUDUL,URAIAN,BENTUK,MODEL,PENYAMPAIAN,JP,BIAYA,KAPASITAS,PRASYARAT,MITRA,KERANGKA,KOMPETENSI,AKTIF") {
		t.Errorf("export header: %q", b)
	}
	in := filepath.Join(dir, "baru.csv")
	if err := os.WriteFile(in, []byte("KODE;JUDUL;BENTUK;PENYAMPAIAN;JP;MITRA\nX-01;Program X;kursus;sinkron;8;Mitra Hantu\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	msg, code := run(t, "import", "catalogue", in, "--db", db, "--apply")
	if code == 0 || !strings.Contains(msg, "MITRA") || !strings.Contains(msg, "Mitra Hantu") {
		t.Fatalf("import of an unknown partner: %d\n%s", code, msg)
	}
	if _, code := run(t, "export", "katalog", out, "--db", db); code != 0 {
		t.Fatal("second export failed")
	}
	if b2, _ := os.ReadFile(out); string(b2) != string(b) {
		t.Errorf("the refused import changed the catalogue:\n%s", b2)
	}
}
