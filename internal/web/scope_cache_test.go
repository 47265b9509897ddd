package web

import (
	"context"
	"testing"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
	"github.com/kompeten/kompeten/internal/store/storetest"
)

// TestUnitChoicesFollowWrites: the unit chooser of the employee list shows
// a unit created or renamed through this process at the next view, though
// its top units are kept for a while (server.topUnits).
func TestUnitChoicesFollowWrites(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, st *store.Store) {
		f := newFixture(t, st)
		ctx := context.Background()
		sys := model.Actor{Name: "test"}
		c := f.client(t)
		c.login("admin", pwAdmin)
		contains(t, c.get("/pegawai"), "Dinas Komunikasi dan Informatika")
		opd := model.OrgUnit{Code: "BAPPEDA", Name: "Badan Perencanaan Pembangunan Daerah", Kind: model.UnitOPD, ParentID: f.root.ID}
		must(t, st.CreateUnit(ctx, sys, &opd))
		contains(t, c.get("/pegawai"), "Badan Perencanaan Pembangunan Daerah")
		opd.Name = "Badan Perencanaan, Penelitian dan Pengembangan"
		must(t, st.UpdateUnit(ctx, sys, &opd))
		p := c.get("/pegawai")
		contains(t, p, "Badan Perencanaan, Penelitian dan Pengembangan")
		lacks(t, p, "Badan Perencanaan Pembangunan Daerah")
	})
}
