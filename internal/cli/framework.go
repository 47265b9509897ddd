package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/dictionary"
	"github.com/kompeten/kompeten/internal/store"
)

// importFramework reads a competency framework (Moodle CSV, Kompeten CSV,
// XLSX or JSON), reports every problem with its row, and stores it as a new
// version only with --apply and only when it has no errors.
func importFramework(ctx context.Context, env *Env, st *store.Store, path, format string, apply bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if format == "" {
		head, _ := br.Peek(4096)
		format = dictionary.DetectFormat(filepath.Base(path), head)
	}
	fw, problems, err := dictionary.Read(br, format)
	if err != nil {
		return err
	}
	for _, p := range problems {
		kind := "galat"
		if p.Warning {
			kind = "peringatan"
		}
		where := fmt.Sprintf("baris %d", p.Row)
		if p.Sheet != "" {
			where = p.Sheet + " " + where
		}
		fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", where, kind, p.Field, p.Text(Lang()))
	}
	if dictionary.HasErrors(problems) || fw == nil {
		return apperr.New(apperr.EINVALID, "err.cli.framework_file_has_problems")
	}
	fmt.Fprintln(env.Stdout, msg("cli.framework.read", fw.Code, fw.Version, fw.Name, len(fw.Competencies), format))
	if !apply {
		fmt.Fprintln(env.Stdout, msg("cli.framework.dry_run"))
		return nil
	}
	id, err := st.CreateFramework(ctx, cliActor, fw, false)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.framework.saved", id))
	return nil
}

// exportFramework writes one stored framework version.
func exportFramework(ctx context.Context, env *Env, st *store.Store, path, code, version, format string) error {
	if code == "" {
		return apperr.New(apperr.EINVALID, "err.cli.export_framework_usage")
	}
	if format == "" {
		format = dictionary.DetectFormat(filepath.Base(path), nil)
	}
	id, err := st.FrameworkID(ctx, code, version)
	if err != nil {
		return err
	}
	fw, _, err := st.Framework(ctx, id)
	if err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := dictionary.Write(out, fw, strings.ToLower(format)); err != nil {
		out.Close()
		os.Remove(path)
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.framework.exported", fw.Code, fw.Version, path, format))
	return nil
}
