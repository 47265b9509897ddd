package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/names"
	"github.com/kompeten/kompeten/internal/store"
)

// demoActing picks, while the demo's employees stream by, the heads of the
// first two bidang of the Dinas Kominfo (units one level below it), for the
// demo's acting head: the first goes on study leave (tugas belajar) and the
// second acts in the post (Plt.) from a month ago, until further notice,
// so that the demo shows an acting head with the unit in scope and its
// staff supervised by him.
type demoActing struct {
	heads []model.Employee
	units []int64
}

// see notes e if it holds the head post of a bidang of the Kominfo.
func (d *demoActing) see(e *model.Employee, path, kominfo string, head bool) {
	if !head || e.Status != model.StatusAktif || kominfo == "" || len(d.heads) >= 2 ||
		!strings.HasPrefix(path, kominfo) || strings.Count(path, "/") != strings.Count(kominfo, "/")+1 {
		return
	}
	for _, u := range d.units {
		if u == e.UnitID {
			return
		}
	}
	d.heads, d.units = append(d.heads, *e), append(d.units, e.UnitID)
}

// record writes the demo's acting head through the store (audited as any
// edit) and prints who it is.
func (d *demoActing) record(ctx context.Context, env *Env, st *store.Store, unitName map[int64]string) error {
	if len(d.heads) < 2 {
		return nil // a very small demo city may lack the posts
	}
	away, acting := d.heads[0], d.heads[1]
	v, err := st.Employee(ctx, away.ID)
	if err != nil {
		return err
	}
	e := v.Employee
	e.Status = model.StatusTugasBelajar
	if _, err := st.UpdateEmployee(ctx, cliActor, &e); err != nil {
		return err
	}
	from := st.Now().AddDate(0, -1, 0)
	x := model.ActingAssignment{EmployeeID: acting.ID, PositionID: away.PositionID, Kind: model.ActingPlt, From: from,
		DecreeNo: fmt.Sprintf("800.1.3/%d/BKPSDM/%d", 100+acting.ID%800, from.Year()), DecreeDate: from.Add(-3 * 24 * time.Hour)}
	if err := st.AddActing(ctx, cliActor, &x); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.acting",
		names.Display(acting.GelarDepan, acting.Name, acting.GelarBelakang), acting.NIP, unitName[away.UnitID]))
	return nil
}
