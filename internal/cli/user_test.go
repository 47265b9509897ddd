package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUserTokensFromTheCommandLine: an operator makes a named token with a
// lifetime and read-only scope, lists the account's tokens, and revokes one.
func TestUserTokensFromTheCommandLine(t *testing.T) {
	t.Setenv("KOMPETEN_LANG", "id")
	db := filepath.Join(t.TempDir(), "k.db")
	if out, code := run(t, "user", "create", "sinkron", "--role", "admin_bkpsdm", "--db", db); code != 0 {
		t.Fatalf("create: %s", out)
	}
	if out, code := run(t, "user", "token", "sinkron", "--db", db); code == 0 {
		t.Errorf("a token without a name must be refused: %s", out)
	}
	out, code := run(t, "user", "token", "sinkron", "--name", "SIASN harian", "--days", "30", "--read-only", "--db", db)
	if code != 0 || !strings.Contains(out, `"SIASN harian"`) {
		t.Fatalf("token: %d %s", code, out)
	}
	out, _ = run(t, "user", "tokens", "sinkron", "--db", db)
	if !strings.Contains(out, "SIASN harian") || !strings.Contains(out, "baca saja") {
		t.Errorf("tokens:\n%s", out)
	}
	if out, code := run(t, "user", "revoke-token", "sinkron", "1", "--db", db); code != 0 || !strings.Contains(out, "dicabut") {
		t.Errorf("revoke: %d %s", code, out)
	}
	if out, _ = run(t, "user", "tokens", "sinkron", "--db", db); strings.Contains(out, "SIASN harian") {
		t.Errorf("a revoked token is still listed:\n%s", out)
	}
	if _, code := run(t, "user", "revoke-token", "sinkron", "1", "--db", db); code == 0 {
		t.Error("revoking an unknown token must fail")
	}
}
