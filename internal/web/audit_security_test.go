package web

import (
	"fmt"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestSecurityRowsNotOpenedAsImportEvents: the import-event view of the
// audit page shows import events only; a sign-in row (with its address) is
// not reachable through it by a reader of the ordinary log.
func TestSecurityRowsNotOpenedAsImportEvents(t *testing.T) {
	st := storetest.SQLite(t)
	f := newFixture(t, st)
	must(t, f.city.AddUser(&model.User{Username: "bkpsdm", Role: model.RoleAdminBKPSDM, Active: true}, "rahasia-bkpsdm-9"))
	c := f.client(t)
	c.login("bkpsdm", "rahasia-bkpsdm-9")
	var id int64
	must(t, st.DB().QueryRow(`SELECT MAX(id) FROM audit_log WHERE entity = 'login'`).Scan(&id))
	if id == 0 {
		t.Fatal("no sign-in row was audited")
	}
	p := c.get(fmt.Sprintf("/audit?peristiwa=%d", id))
	status(t, p, 404)
	lacks(t, p, "127.0.0.1")
}
