package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/store"
)

// TestRestoreRefusedWhileDatabaseInUse: a restore while a server has the
// database open would leave the server on its old data, writing over the
// restored file; it must be refused with a reason, change nothing, and work
// once the server has stopped. While a restore holds the file no server can
// open it.
func TestRestoreRefusedWhileDatabaseInUse(t *testing.T) {
	t.Setenv("KOMPETEN_LANG", "id") // the reason is checked in Indonesian
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	if out, code := run(t, "demo", "--db", db, "--employees", "200", "--seed", "2"); code != 0 {
		t.Fatalf("demo: %s", out)
	}
	backup := filepath.Join(dir, "cadangan.db")
	if out, code := run(t, "backup", backup, "--db", db); code != 0 {
		t.Fatalf("backup: %s", out)
	}
	if out, code := run(t, "user", "create", "operator", "--role", "admin_bkpsdm", "--db", db); code != 0 {
		t.Fatalf("user create: %s", out)
	}

	server, err := store.Open(db) // what `kompeten serve` holds while it runs
	if err != nil {
		t.Fatal(err)
	}
	out, code := run(t, "restore", backup, "--db", db)
	if code == 0 || !strings.Contains(out, "sedang dipakai") {
		t.Fatalf("restore while the database is open must be refused with a reason, got %d:\n%s", code, out)
	}
	if out, code := run(t, "user", "reset-password", "operator", "--db", db); code != 0 {
		t.Errorf("a refused restore must change nothing: %s", out)
	}
	server.Close()

	release, err := store.LockForRestore(db)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := store.Open(db); err == nil {
		s.Close()
		t.Error("a server must not open a database while a restore holds it")
	}
	release()

	if out, code := run(t, "restore", backup, "--db", db); code != 0 {
		t.Fatalf("restore after the server stopped: %s", out)
	}
	if out, code := run(t, "user", "reset-password", "operator", "--db", db); code == 0 {
		t.Errorf("the restored database must not have the account made after the backup: %s", out)
	}
}
