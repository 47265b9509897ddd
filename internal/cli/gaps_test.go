package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestGapsRecompute(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	out, code := run(t, "gaps", "recompute", "--db", db)
	if code != 0 || !strings.Contains(out, "Dihitung ulang: 0 pegawai") {
		t.Errorf("gaps recompute on an empty database: %d\n%s", code, out)
	}
	if out, code = run(t, "gaps", "--db", db); code == 0 {
		t.Errorf("gaps without a subcommand must fail:\n%s", out)
	}
}
