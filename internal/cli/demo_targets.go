package cli

import (
	"context"
	"fmt"
	"slices"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// maxDemoTargets bounds the succession candidates of a large demo city:
// enough for every OPD's needs analysis to show some, few enough to be
// written one audited edit at a time.
const maxDemoTargets = 300

// demoTargets picks, while the demo's employees stream by, the succession
// candidates of the demo city: in each unit headed by an administrator or
// pengawas post, the first active functional employee of a keahlian jenjang
// gets that head post as target position (PP 17/2020's AKPK then reads
// their needs against the target's standard too).
type demoTargets struct {
	headOf    map[int64]int64 // unit → its administrator or pengawas head post
	candidate map[int64]bool  // positions whose holders may be picked
	picked    map[int64]int64 // unit → employee
}

func newDemoTargets(positions []model.Position) *demoTargets {
	d := &demoTargets{headOf: map[int64]int64{}, candidate: map[int64]bool{}, picked: map[int64]int64{}}
	for _, p := range positions {
		switch {
		case p.IsHead && (p.Type == model.Administrator || p.Type == model.Pengawas):
			d.headOf[p.UnitID] = p.ID
		case !p.IsHead && p.Type == model.Fungsional && (p.Jenjang == "ahli_muda" || p.Jenjang == "ahli_madya"):
			d.candidate[p.ID] = true
		}
	}
	return d
}

// see notes e when it is the first candidate of a unit with such a head.
func (d *demoTargets) see(e *model.Employee) {
	if e.Status != model.StatusAktif || !d.candidate[e.PositionID] || d.headOf[e.UnitID] == 0 {
		return
	}
	if _, ok := d.picked[e.UnitID]; !ok {
		d.picked[e.UnitID] = e.ID
	}
}

// record writes the targets through the store (each audited as an
// administrator's edit), units in ID order, and says how many.
func (d *demoTargets) record(ctx context.Context, env *Env, st *store.Store) error {
	units := make([]int64, 0, len(d.picked))
	for u := range d.picked {
		units = append(units, u)
	}
	slices.Sort(units)
	if len(units) > maxDemoTargets {
		units = units[:maxDemoTargets]
	}
	for _, u := range units {
		if err := st.SetTargetPosition(ctx, cliActor, d.picked[u], d.headOf[u], "kader suksesi"); err != nil {
			return fmt.Errorf("demo target position: %w", err)
		}
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.targets", len(units)))
	return nil
}
