package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Decree the demo city's position standards are set by.
const (
	demoDecreeNo   = "Perwal Medan No. 12 Tahun 2026"
	demoDecreeDate = "2026-01-15"
)

// demoStandards fills the default templates and applies them to every
// position type of the demo city, so that every position has a standard.
func demoStandards(ctx context.Context, env *Env, st *store.Store) error {
	start := time.Now()
	if _, err := st.EnsureBuiltInFrameworks(ctx, cliActor); err != nil {
		return err
	}
	if _, err := st.SeedDefaultTemplates(ctx, cliActor); err != nil {
		return err
	}
	var total store.ApplyResult
	for _, t := range model.PositionTypes {
		res, err := st.ApplyTemplate(ctx, cliActor, t, demoDecreeNo, demoDecreeDate, true)
		if err != nil {
			return err
		}
		total.Positions += res.Positions
		total.Items += res.Items
	}
	fmt.Fprintf(env.Stdout, "Standar kompetensi jabatan (%s): %d jabatan, %d butir kompetensi dalam %s.\n",
		demoDecreeNo, total.Positions, total.Items, time.Since(start).Round(time.Millisecond))
	return nil
}
