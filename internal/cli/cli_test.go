package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes one command line and returns its output and exit code.
func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), &Env{Stdout: &out, Stderr: &errb}, args)
	return out.String() + errb.String(), code
}

// TestDemoExportImportBackupRestore drives the binary's commands as an
// operator would: fill a demo city, export it, re-import it (nothing
// changes), back it up while it is open, restore the backup.
func TestDemoExportImportBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	out, code := run(t, "demo", "--db", db, "--employees", "3000", "--seed", "3")
	if code != 0 {
		t.Fatalf("demo: %d\n%s", code, out)
	}
	for _, role := range []string{"superadmin", "admin_bkpsdm", "admin_opd", "pimpinan", "auditor", "penyelenggara"} {
		if !strings.Contains(out, role) {
			t.Errorf("demo output lacks a %s account:\n%s", role, out)
		}
	}
	if !strings.Contains(out, "Plt. demo: ") {
		t.Errorf("the demo city has no acting head:\n%s", out)
	}
	if out, code = run(t, "demo", "--db", db, "--employees", "3000"); code == 0 {
		t.Errorf("a second demo into a filled database must be refused:\n%s", out)
	}

	csvPath := filepath.Join(dir, "pegawai.csv")
	if out, code = run(t, "export", "employees", csvPath, "--db", db); code != 0 {
		t.Fatalf("export: %s", out)
	}
	out, code = run(t, "import", "employees", csvPath, "--db", db, "--apply")
	if code != 0 {
		t.Fatalf("re-import of an export: %d\n%s", code, out)
	}
	if !strings.Contains(out, "baru 0, diubah 0, tetap 3000") {
		t.Errorf("re-importing an export must change nothing:\n%s", out)
	}

	backup := filepath.Join(dir, "cadangan.db")
	if out, code = run(t, "backup", backup, "--db", db); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	if out, code = run(t, "user", "create", "operator", "--role", "admin_bkpsdm", "--db", db); code != 0 || !strings.Contains(out, "kata sandi") {
		t.Fatalf("user create: %s", out)
	}
	if out, code = run(t, "restore", backup, "--db", db); code != 0 {
		t.Fatalf("restore: %s", out)
	}
	if out, code = run(t, "user", "reset-password", "operator", "--db", db); code == 0 {
		t.Errorf("an account made after the backup must be gone after restore:\n%s", out)
	}
	if out, code = run(t, "user", "reset-password", "admin", "--db", db); code != 0 {
		t.Errorf("the demo admin must be back after restore: %s", out)
	}
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("bukan basis data"), 0o600)
	if out, code = run(t, "restore", junk, "--db", db); code == 0 {
		t.Errorf("restoring a file that is not a Kompeten database must fail:\n%s", out)
	}
	if out, code = run(t, "user", "reset-password", "admin", "--db", db); code != 0 {
		t.Errorf("a refused restore must leave the database as it was: %s", out)
	}
}

func TestUnknownCommand(t *testing.T) {
	if out, code := run(t, "terbang"); code != 2 || !strings.Contains(out, "tidak dikenal") {
		t.Errorf("unknown command: %d %s", code, out)
	}
}
