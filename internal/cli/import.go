package cli

import (
	"context"
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
	register("import", "impor employees|units|positions|framework dari berkas (uji coba kecuali --apply)", runImport)
	register("export", "ekspor employees|units|positions ke FILE.csv|.xlsx; framework FILE --code KODE", runExport)
}

// mapFlag collects repeated --map "HEADER=field" options.
type mapFlag map[string]string

func (m mapFlag) String() string { return fmt.Sprint(map[string]string(m)) }

func (m mapFlag) Set(v string) error {
	k, f, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(f) == "" {
		return fmt.Errorf("--map harus berbentuk \"KOLOM=field\", bukan %q", v)
	}
	m[strings.TrimSpace(k)] = strings.TrimSpace(f)
	return nil
}

func runImport(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "import", "db")
	apply := fs.Bool("apply", false, "tulis baris yang baik (tanpa ini hanya uji coba)")
	sheet := fs.String("sheet", "", "nama lembar XLSX (bawaan: lembar pertama)")
	format := fs.String("format", "", "csv atau xlsx (bawaan: dari ekstensi berkas)")
	hm := mapFlag{}
	fs.Var(hm, "map", "petakan kolom yang tidak dikenal: --map \"KOLOM SAYA=nip\" (boleh berulang)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, `Penggunaan: kompeten import JENIS BERKAS [opsi]   (opsi boleh sebelum atau sesudah JENIS dan BERKAS)
Jenis:
  employees | pegawai     data pegawai (CSV atau XLSX ekspor SIMPEG/SIASN)
  units | unit           unit organisasi
  positions | jabatan    jabatan
  framework | kerangka   kamus kompetensi (--format moodle|csv|xlsx|json)
  assessment             hasil assessment centre (NIP, KODE KOMPETENSI, LEVEL, TANGGAL)
  performance            predikat SKP per tahun (NIP, TAHUN, PREDIKAT)
  education | pendidikan riwayat pendidikan, ekspor SIASN (NIP, TINGKAT_PENDIDIKAN, TAHUN_LULUS, ...)
Tanpa --apply hanya uji coba: laporan ditulis, tidak ada yang berubah.
Opsi:`)
		fs.PrintDefaults()
	}
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
	if kind == importer.TalentAssessment || kind == importer.TalentPerformance || kind == importer.TalentEducation || kind == "pendidikan" {
		if kind == "pendidikan" {
			kind = importer.TalentEducation
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

func printReport(w io.Writer, r *importer.Report) {
	mode := "UJI COBA (tidak ada yang diubah; tambahkan --apply untuk menulis)"
	if r.Applied {
		mode = "DITERAPKAN"
	}
	c := r.Counts
	fmt.Fprintf(w, "%s\nbaris %d: baik %d, bermasalah %d, peringatan %d; baru %d, diubah %d, tetap %d (%s)\nSHA-256 %s\n",
		mode, c.Rows, c.Good, c.Bad, c.Warned, c.Create, c.Update, c.Unchanged, r.Duration.Round(time.Millisecond), r.SHA256)
	if len(r.Problems) > 0 {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "BARIS\tJENIS\tKOLOM\tNILAI\tALASAN")
		for _, p := range r.Problems {
			kind := "galat"
			if p.Warning {
				kind = "peringatan"
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
		fmt.Fprintf(w, "jabatan baru (%d): %s\n", len(r.NewPositions), strings.Join(titles, "; "))
	}
	if r.MissingCount > 0 {
		fmt.Fprintf(w, "pegawai unit terkait yang tidak ada di berkas: %d\n", r.MissingCount)
	}
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "export", "db")
	fwCode := fs.String("code", "", "kode kerangka kompetensi (export framework)")
	fwVersion := fs.String("version", "", "versi kerangka (bawaan: terbaru)")
	fwFormat := fs.String("format", "", "moodle, csv, xlsx atau json (bawaan: dari ekstensi berkas)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, `Penggunaan: kompeten export JENIS BERKAS [opsi]   (opsi boleh sebelum atau sesudah JENIS dan BERKAS)
Jenis:
  employees | pegawai, units | unit, positions | jabatan   ke BERKAS.csv atau BERKAS.xlsx
  framework | kerangka   kamus kompetensi --code KODE [--version V] [--format moodle|csv|xlsx|json]
Opsi:`)
		fs.PrintDefaults()
	}
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
	fmt.Fprintf(env.Stdout, "diekspor ke %s\n", path)
	return nil
}
