package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/importer"
	"github.com/kompeten/kompeten/internal/store"
)

// importCatalogue runs `kompeten import catalogue FILE [--apply]`: the
// programmes of the file, checked as the page /katalog/impor checks them
// and, with --apply and no bad row, written all at once.
func importCatalogue(ctx context.Context, env *Env, st *store.Store, path string, apply bool) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return apperr.Invalid("file", "err.cli.file_cannot_read", path, err)
	}
	rep, err := importer.Catalogue(ctx, st, importer.CatalogueOptions{Actor: cliActor, Apply: apply, File: filepath.Base(path)}, data)
	if err != nil {
		return err
	}
	printTalentReport(env.Stdout, rep)
	if rep.FileError {
		return apperr.New(apperr.EINVALID, "err.cli.import_refused")
	}
	if rep.Bad > 0 {
		return apperr.New(apperr.EINVALID, "err.cli.import_bad_rows", rep.Bad, rep.Good)
	}
	return nil
}

// exportCatalogue runs `kompeten export catalogue FILE.csv|FILE.xlsx`.
func exportCatalogue(ctx context.Context, env *Env, st *store.Store, path, format string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := importer.ExportCatalogue(ctx, st, f, format, 0); err != nil {
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
