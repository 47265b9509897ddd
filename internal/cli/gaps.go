package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/store"
)

func init() {
	register("gaps", "cli.summary.gaps", runGaps)
}

// runGaps handles "kompeten gaps recompute" (every current level from the
// rating events and every JPM from the current standards, stored; with
// --jpm-only the JPM alone, from the stored levels, which is what a change
// of standards needs) and "kompeten gaps jpm" (every JPM computed from the
// stored standards and levels and written as CSV, nothing stored: for
// checks and for the benchmark against one SQL aggregate).
func runGaps(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "gaps", "db")
	jpmOnly := fs.Bool("jpm-only", false, msg("cli.flag.gaps.jpm-only"))
	out := fs.String("out", "-", msg("cli.flag.gaps.out"))
	workers := fs.Int("workers", 0, msg("cli.flag.gaps.workers"))
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || (pos[0] != "recompute" && pos[0] != "jpm") {
		return apperr.New(apperr.EINVALID, "cli.usage.gaps")
	}
	// A batch over every employee allocates a little per row (database/sql
	// boxes every value) and keeps little: collect less often. The heap
	// stays around a hundred megabytes at a million employees.
	debug.SetGCPercent(400)
	st, err := resolveAndOpen(ctx, resolve)
	if err != nil {
		return err
	}
	defer st.Close()
	switch {
	case pos[0] == "jpm":
		return writeJPM(ctx, env, st, *out, *workers)
	case *jpmOnly:
		start := time.Now()
		n, err := st.RecomputeJPM(ctx, *workers)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, msg("cli.gaps.jpm_only", n, time.Since(start).Round(time.Millisecond)))
		return nil
	}
	stats, err := st.RecomputeAll(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.gaps.all", stats.Employees, stats.Levels, stats.JPM, stats.Took.Round(time.Millisecond)))
	return nil
}

// writeJPM writes one CSV line per employee with a standard, in ID order:
// employee_id, sum_required, sum_actual, sum_capped, jpm_raw, jpm_capped
// (hundredths), mapping, filling — the columns of bench/jpm_sqlite.sql, so
// the output can be compared byte for byte with the SQL's.
func writeJPM(ctx context.Context, env *Env, st *store.Store, path string, workers int) error {
	var w io.Writer = env.Stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var line []byte
	err := st.ComputeAllJPM(ctx, workers, func(j *store.EmployeeJPM) error {
		line = strconv.AppendInt(line[:0], j.EmployeeID, 10)
		for _, v := range [...]int64{int64(j.SumRequired), int64(j.SumActual), int64(j.SumCapped), int64(j.JPMRaw), int64(j.JPMCapped)} {
			line = append(line, ',')
			line = strconv.AppendInt(line, v, 10)
		}
		line = append(line, ',')
		line = append(line, j.Mapping.String()...)
		line = append(line, ',')
		line = append(line, j.Filling.String()...)
		line = append(line, '\n')
		_, err := bw.Write(line)
		return err
	})
	if err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && path != "-" {
		return f.Close()
	}
	return nil
}
