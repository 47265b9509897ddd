package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kompeten/kompeten/internal/apperr"
)

// Backup writes a consistent copy of a SQLite database to path while the
// server keeps running (VACUUM INTO reads one snapshot under WAL). For
// PostgreSQL use pg_dump, which does the same.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != SQLite {
		return apperr.New(apperr.EINVALID, "err.backup.postgres_use_pg_dump")
	}
	if _, err := os.Stat(path); err == nil {
		return apperr.New(apperr.ECONFLICT, "err.backup.file_exists", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO $1`, abs); err != nil {
		return fmt.Errorf("store: backup to %s: %w", path, err)
	}
	return nil
}

// CheckIntegrity runs SQLite's integrity check and confirms the file is a
// Kompeten database (it has the migrations table).
func (s *Store) CheckIntegrity(ctx context.Context) error {
	if s.dialect == SQLite {
		var res string
		if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
			return fmt.Errorf("store: integrity check: %w", err)
		}
		if res != "ok" {
			return fmt.Errorf("store: integrity check failed: %s", res)
		}
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n == 0 {
		return apperr.New(apperr.EINVALID, "err.backup.not_kompeten")
	}
	return nil
}
