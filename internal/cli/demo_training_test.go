package cli

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// TestDemoTrainingAccounts: the default demo city's training accounts do
// what the README says of them: the penyelenggara account works for
// Universitas Sumatera Utara, a BKPSDM employee holds the operator grant, an
// instructor account is named on a session that has not ended, the atasan
// finds proposals waiting for their decision in the inbox, and the pegawai
// account's plan stands at several stages.
func TestDemoTrainingAccounts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if out, code := run(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %d\n%s", code, out)
	}
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	q := func(query string, args ...any) int {
		t.Helper()
		var n int
		if err := st.DB().QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	p, err := st.UserByUsername(ctx, "penyelenggara")
	if err != nil {
		t.Fatal(err)
	}
	prov, err := st.Provider(ctx, p.ProviderID)
	if err != nil || prov.Name != demo.PartnerUSU {
		t.Errorf("the penyelenggara account works for %+v (%v), want %s", prov, err, demo.PartnerUSU)
	}
	users, err := st.Users(ctx, model.Scope{All: true})
	if err != nil {
		t.Fatal(err)
	}
	var operator, atasan, pegawai *model.User
	for i := range users {
		u := &users[i]
		switch {
		case slices.Contains(u.Grants, model.GrantOperator):
			operator = u
		case u.Role == model.RoleAtasan:
			atasan = u
		case u.Role == model.RolePegawai && (pegawai == nil || u.ID < pegawai.ID): // created before the training accounts
			pegawai = u
		}
	}
	if operator == nil || q(`SELECT COUNT(*) FROM employee e JOIN org_unit u ON u.id = e.unit_id JOIN org_unit b
		ON u.path LIKE b.path || '%' WHERE e.id = $1 AND b.name LIKE 'Badan Kepegawaian%'`, operator.EmployeeID) != 1 {
		t.Errorf("operator account: %+v, want a BKPSDM employee", operator)
	}
	if q(`SELECT COUNT(*) FROM session_instructor i JOIN training_session s ON s.id = i.session_id JOIN app_user u ON u.id = i.user_id
		WHERE u.employee_id IS NOT NULL AND s.end_date >= $1`, model.CycleToday(st.Now())) == 0 {
		t.Error("no instructor account teaches a session that has not ended")
	}
	if atasan == nil || q(`SELECT COUNT(*) FROM notification WHERE user_id = $1 AND event = $2`, atasan.ID, string(model.NoticeApprovalNeeded)) == 0 {
		t.Errorf("the atasan account's inbox has no proposal waiting (%+v)", atasan)
	}
	if pegawai == nil || q(`SELECT COUNT(DISTINCT status) FROM plan_item WHERE employee_id = $1`, pegawai.EmployeeID) < 4 {
		t.Errorf("the pegawai account's plan is not at four stages (%+v)", pegawai)
	}
}
