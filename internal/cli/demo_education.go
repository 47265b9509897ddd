package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/demo"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// demoEducation gives the demo city's employees education histories read
// from their titles and birth years (demo.Education), so that profiles,
// PDFs and the qualification gaps of the needs analysis show them.
func demoEducation(ctx context.Context, env *Env, st *store.Store) error {
	start := time.Now()
	year := st.Now().Year()
	n, err := st.SeedEducation(ctx, cliActor, "demo", func(e store.EducationSeed) []model.Education {
		return demo.Education(e.ID, e.GelarDepan, e.GelarBelakang, e.BirthYear, year)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Riwayat pendidikan: %d catatan dalam %s.\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}
