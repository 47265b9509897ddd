package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/store"
)

func init() {
	register("backup", "cli.summary.backup", runBackup)
	register("restore", "cli.summary.restore", runRestore)
}

func runBackup(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "backup", "db")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return apperr.New(apperr.EINVALID, "err.cli.backup_usage")
	}
	cfg, err := resolve()
	if err != nil {
		return err
	}
	if isPostgres(cfg.Get("db")) {
		fmt.Fprintln(env.Stdout, msg("cli.backup.postgres"))
		return nil
	}
	st, err := store.Open(cfg.Get("db"))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Backup(ctx, pos[0]); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.backup.written", pos[0]))
	return nil
}

// runRestore checks the backup, then replaces the database file with it in
// one rename, so a failure half-way leaves the old database in place. It
// refuses while a server or another command has the database open (the
// running process would keep its old data and overwrite the restored file),
// and holds the file while it works so that none can open it meanwhile.
func runRestore(ctx context.Context, env *Env, args []string) error {
	fs, resolve := flags(env, "restore", "db")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return apperr.New(apperr.EINVALID, "err.cli.restore_usage")
	}
	cfg, err := resolve()
	if err != nil {
		return err
	}
	dbPath := cfg.Get("db")
	if isPostgres(dbPath) {
		return apperr.New(apperr.EINVALID, "err.cli.restore_postgres")
	}
	release, err := store.LockForRestore(dbPath)
	if err != nil {
		return err
	}
	defer release()
	src := pos[0]
	bk, err := store.Open(src)
	if err != nil {
		return err
	}
	err = bk.CheckIntegrity(ctx)
	bk.Close()
	if err != nil {
		return apperr.New(apperr.EINVALID, "err.cli.backup_unusable", src, err)
	}
	tmp := dbPath + ".restore-tmp"
	if err := copyFile(src, tmp); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, msg("cli.backup.restored", dbPath, src))
	return nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") || strings.HasPrefix(dsn, "pgx:")
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
