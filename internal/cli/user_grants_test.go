package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TestUserGrantsAndProviderAccounts: the command line gives and removes
// the operator grant beside a role (a typo refused, not dropped), and
// makes a partner's account only bound to an existing partner.
func TestUserGrantsAndProviderAccounts(t *testing.T) {
	t.Setenv("KOMPETEN_LANG", "id")
	db := filepath.Join(t.TempDir(), "k.db")
	if out, code := run(t, "user", "create", "siti", "--role", "pegawai", "--db", db); code != 0 {
		t.Fatalf("create: %s", out)
	}
	if out, code := run(t, "user", "set-grants", "siti", "--grants", "operator", "--db", db); code != 0 || !strings.Contains(out, "hak tambahan operator") {
		t.Fatalf("set-grants: %d %s", code, out)
	}
	if out, code := run(t, "user", "set-grants", "siti", "--grants", "operatr", "--db", db); code == 0 || !strings.Contains(out, "operatr") {
		t.Errorf("an unknown grant must be refused: %d %s", code, out)
	}
	if out, code := run(t, "user", "create", "lpk", "--role", "penyelenggara", "--email", "lpk@contoh.id", "--db", db); code == 0 {
		t.Errorf("a penyelenggara account without a partner must be refused: %s", out)
	}

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	u, err := st.UserByUsername(ctx, "siti")
	must(t, err)
	if u.Role != model.RolePegawai || !u.HasGrant(model.GrantOperator) {
		t.Errorf("siti: role %s, grants %v", u.Role, u.Grants)
	}
	p := model.Provider{Name: "Balai Diklat Kota", Kind: model.ProviderInternal, Active: true}
	must(t, st.CreateProvider(ctx, model.Actor{Name: "test"}, &p))
	st.Close()

	if out, code := run(t, "user", "create", "lpk", "--role", "penyelenggara", "--provider", strconv.FormatInt(p.ID, 10),
		"--email", "lpk@contoh.id", "--db", db); code != 0 {
		t.Fatalf("create a partner's account: %s", out)
	}
	if out, code := run(t, "user", "set-grants", "lpk", "--grants", "operator", "--db", db); code == 0 {
		t.Errorf("a partner's account must not hold the operator grant: %s", out)
	}
	if out, code := run(t, "user", "set-grants", "siti", "--grants", "", "--db", db); code != 0 {
		t.Fatalf("remove the grants: %s", out)
	}
	st, err = store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	lpk, err := st.UserByUsername(ctx, "lpk")
	must(t, err)
	if lpk.ProviderID != p.ID || lpk.Email != "lpk@contoh.id" || !lpk.Active || len(lpk.Grants) != 0 {
		t.Errorf("the partner's account: %+v", lpk)
	}
	if u, _ = st.UserByUsername(ctx, "siti"); len(u.Grants) != 0 {
		t.Errorf("siti's grants after removal: %v", u.Grants)
	}
}
