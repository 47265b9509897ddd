package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
)

func init() {
	register("gaps", "hitung ulang level kompetensi, gap dan JPM semua pegawai (gaps recompute)", runGaps)
}

// runGaps handles "kompeten gaps recompute": every current level from the
// rating events and every JPM from the current standards, from scratch.
func runGaps(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "gaps", "db")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "recompute" {
		return apperr.New(apperr.EINVALID, "penggunaan: kompeten gaps recompute [--db DSN]")
	}
	st, err := resolveAndOpen(ctx, resolve)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.RecomputeAll(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Dihitung ulang: %d pegawai, %d level kompetensi, %d JPM dalam %s.\n",
		stats.Employees, stats.Levels, stats.JPM, stats.Took.Round(time.Millisecond))
	return nil
}
