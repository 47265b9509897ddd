package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

func init() {
	register("import", "cli.summary.import", runImport)
	register("export", "cli.summary.export", runExport)
}

// mapFlag collects repeated --map "HEADER=field" options.
type mapFlag map[string]string

func (m mapFlag) String() string { return fmt.Sprint(map[string]string(m)) }

func (m mapFlag) Set(v string) error {
	k, f, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(f) == "" {
		return errors.New(msg("cli.map_form", v))
	}
	m[strings.TrimSpace(k)] = strings.TrimSpace(f)
	return nil
}

func runImport(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "import", "db")
	apply := fs.Bool("apply", false, msg("cli.flag.import.apply"))
	sheet := fs.String("sheet", "", msg("cli.flag.import.sheet"))
	format := fs.String("format", "", msg("cli.flag.import.format"))
	hm := mapFlag{}
	fs.Var(hm, "map", msg("cli.flag.import.map"))
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return apperr.New(apperr.EINVALID, "err.cli.import_usage")
	}
	kind, path := pos[0], pos[1]
	st, err := resolveAndOpen(ctx, resolve)
	if err != nil {
		return err
	}
	defer st.Close()
	if kind == "framework" || kind == "kerangka" {
		return importFramework(ctx, env, st, path, *format, *apply)
	}
	if kind == "catalogue" || kind == "katalog" {
		return importCatalogue(ctx, env, st, path, *apply)
	}
	if kind == importer.TalentAssessment || kind == importer.TalentPerformance || kind == importer.TalentEducation || kind == "pendidikan" ||
		kind == importer.TalentAgreement || kind == "perjanjian" {
		if kind == "pendidikan" {
			kind = importer.TalentEducation
		}
		if kind == "perjanjian" {
			kind = importer.TalentAgreement
		}
		return importTalent(ctx, env, st, kind, path, *apply)
	}
	o := importer.Options{Format: *format, Sheet: *sheet, HeaderMap: hm, Scope: model.Scope{All: true}, Actor: cliActor, Apply: *apply}
	var rep *importer.Report
	switch kind {
	case "employees", "pegawai":
		// A soft limit keeps the garbage collector from letting the heap
		// double over pass 1's lookup tables and the bulk load's search
		// words (a million rows).
		if debug.SetMemoryLimit(-1) == math.MaxInt64 {
			debug.SetMemoryLimit(200 << 20)
		}
		rep, err = importer.Employees(ctx, st, path, o)
	case "units", "unit":
		rep, err = importer.Units(ctx, st, path, o)
	case "positions", "jabatan":
		rep, err = importer.Positions(ctx, st, path, o)
	default:
		return apperr.New(apperr.EINVALID, "err.cli.import_kind_unknown", kind)
	}
	if err != nil {
		return err
	}
	printReport(env.Stdout, rep)
	if rep.FileError {
		return apperr.New(apperr.EINVALID, "err.cli.import_refused")
	}
	if rep.Counts.Bad > 0 && !*apply {
		return apperr.New(apperr.EINVALID, "err.cli.import_bad_rows", rep.Counts.Bad, rep.Counts.Good)
	}
	return nil
}

// reportMode is a report's first line: a dry run, or applied.
func reportMode(applied bool) string {
	if applied {
		return msg("cli.report.applied")
	}
	return msg("cli.report.dry_run")
}

func printReport(w io.Writer, r *importer.Report) {
	c := r.Counts
	fmt.Fprintf(w, "%s\n%s\nSHA-256 %s\n", reportMode(r.Applied),
		msg("cli.report.counts", c.Rows, c.Good, c.Bad, c.Warned, c.Create, c.Update, c.Unchanged, r.Duration.Round(time.Millisecond)), r.SHA256)
	if len(r.Problems) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, msg("cli.report.head"))
		for _, p := range r.Problems {
			kind := msg("cli.report.error")
			if p.Warning {
				kind = msg("cli.report.warning")
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", p.Line, kind, p.Column, p.Value, p.Text(Lang()))
		}
		tw.Flush()
	}
	if len(r.NewPositions) > 0 {
		titles := make([]string, 0, len(r.NewPositions))
		for _, p := range r.NewPositions {
			titles = append(titles, p.Title+" ("+p.UnitName+")")
		}
		fmt.Fprintln(w, msg("cli.report.new_positions", len(r.NewPositions), strings.Join(titles, "; ")))
	}
	if r.MissingCount > 0 {
		fmt.Fprintln(w, msg("cli.report.missing", r.MissingCount))
	}
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "export", "db")
	fwCode := fs.String("code", "", msg("cli.flag.export.code"))
	fwVersion := fs.String("version", "", msg("cli.flag.export.version"))
	fwFormat := fs.String("format", "", msg("cli.flag.export.format"))
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return apperr.New(apperr.EINVALID, "err.cli.export_usage")
	}
	kind, path := pos[0], pos[1]
	st, err := resolveAndOpen(ctx, resolve)
	if err != nil {
		return err
	}
	defer st.Close()
	if kind == "framework" || kind == "kerangka" {
		return exportFramework(ctx, env, st, path, *fwCode, *fwVersion, *fwFormat)
	}
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if format != "csv" && format != "xlsx" {
		return apperr.New(apperr.EINVALID, "err.cli.export_extension")
	}
	if kind == "catalogue" || kind == "katalog" {
		return exportCatalogue(ctx, env, st, path, format)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	all := model.Scope{All: true}
	var export func(context.Context, *store.Store, io.Writer, string, model.Scope) error
	switch kind {
	case "employees", "pegawai":
		export = importer.ExportEmployees
	case "units", "unit":
		export = importer.ExportUnits
	case "positions", "jabatan":
		export = importer.ExportPositions
	default:
		f.Close()
		os.Remove(path)
		return apperr.New(apperr.EINVALID, "err.cli.export_kind_unknown", kind)
	}
	if err := export(ctx, st, f, format, all); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.exported", path))
	return nil
}
