package cli

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// importTalent runs `kompeten import assessment|performance FILE [--apply]`:
// assessment-centre results or SKP predikat, a dry run unless apply.
func importTalent(ctx context.Context, env *Env, st *store.Store, kind, path string, apply bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return apperr.Invalid("file", "err.cli.file_cannot_read", path, err)
	}
	rep, err := importer.Talent(ctx, st, importer.TalentOptions{Kind: kind, Actor: cliActor,
		Admin: model.Scope{All: true}, Apply: apply, File: filepath.Base(path)}, data)
	if err != nil {
		return err
	}
	printTalentReport(env.Stdout, rep)
	if rep.FileError {
		return apperr.New(apperr.EINVALID, "err.cli.import_refused")
	}
	if rep.Bad > 0 && !apply {
		return apperr.New(apperr.EINVALID, "err.cli.import_bad_rows", rep.Bad, rep.Good)
	}
	return nil
}

// printTalentReport writes a talent import report as the employee import
// report is written.
func printTalentReport(w io.Writer, r *importer.TalentReport) {
	fmt.Fprintf(w, "%s\nSHA-256 %s\n", msg("cli.report.talent_counts", reportMode(r.Applied), r.Kind, r.Rows, r.Good, r.Bad,
		r.Employees, r.Duration.Round(time.Millisecond)), r.SHA256)
	if len(r.Problems) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, msg("cli.report.talent_head"))
		for _, p := range r.Problems {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", p.Line, p.Column, p.Value, inLang(p.Message, p.MessageEN))
		}
		tw.Flush()
	}
	if r.Omitted > 0 {
		fmt.Fprintln(w, msg("cli.report.omitted", r.Omitted))
	}
}

// demoPerformance gives every active employee of the demo city an SKP
// predikat for the two years before the current one: mostly Baik, some
// Sangat Baik, a few Butuh Perbaikan or Kurang, with most people keeping
// their predikat from one year to the next.
func demoPerformance(ctx context.Context, env *Env, st *store.Store, seed int64) error {
	start := time.Now()
	y := st.Now().Year()
	years := []int{y - 2, y - 1}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x736b70))
	draw := func() string {
		switch n := rng.IntN(100); {
		case n < 18:
			return model.PredikatSangatBaik
		case n < 92:
			return model.PredikatBaik
		case n < 97:
			return model.PredikatButuhPerbaikan
		default:
			return model.PredikatKurang
		}
	}
	var last string
	var punished []int64
	n, err := st.SeedPerformance(ctx, cliActor, "demo", years, func(id int64, year int) string {
		if year == years[0] || rng.IntN(100) < 30 {
			last = draw()
		}
		if year == years[0] && rng.IntN(400) == 0 {
			punished = append(punished, id)
		}
		return last
	})
	if err != nil {
		return err
	}
	if err := demoPenalties(ctx, st, rng, punished); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.demo.performance", n, years[0], years[1], len(punished), time.Since(start).Round(time.Millisecond)))
	return nil
}

// demoPenalties records a discipline penalty for each of ids (about one
// employee in 400): half of them reprimands, the rest moderate or heavy,
// some served, most in force, so that the talent map shows the exclusion.
func demoPenalties(ctx context.Context, st *store.Store, rng *rand.Rand, ids []int64) error {
	today := st.Now().Truncate(24 * time.Hour)
	for i, id := range ids {
		start := today.AddDate(0, -rng.IntN(18), -rng.IntN(28))
		p := model.DisciplinePenalty{EmployeeID: id, DecreeNo: fmt.Sprintf("800.1.6/%d/BKPSDM/%d", 100+i, start.Year()),
			DecreeDate: start.AddDate(0, 0, -7), StartsOn: start}
		switch n := rng.IntN(100); {
		case n < 50:
			p.Level, p.Kind = model.PenaltyRingan, "teguran tertulis"
		case n < 85:
			months := []int{6, 9, 12}[rng.IntN(3)]
			p.Level, p.Kind = model.PenaltySedang, fmt.Sprintf("pemotongan tunjangan kinerja 25%% selama %d bulan", months)
			p.EndsOn = start.AddDate(0, months, -1)
		default:
			p.Level, p.Kind = model.PenaltyBerat, "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan"
			p.EndsOn = start.AddDate(1, 0, -1)
		}
		if err := st.AddPenalty(ctx, cliActor, &p); err != nil {
			return fmt.Errorf("demo: penalty: %w", err)
		}
	}
	return nil
}
