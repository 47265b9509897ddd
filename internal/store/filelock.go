package store

import (
	"errors"
	"os"
	"strings"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/filelock"
)

// LockForRestore takes the database file at path for a restore: it fails
// with ECONFLICT while any process (a running server, an import) has the
// file open through a Store, and while it is held no Store can open the
// file. A file that does not exist yet needs no lock. Call release after
// the new file is in place.
func LockForRestore(path string) (release func(), err error) {
	f, err := filelock.Lock(path, true)
	switch {
	case errors.Is(err, filelock.ErrBusy):
		return nil, apperr.New(apperr.ECONFLICT, "err.backup.db_in_use", path)
	case errors.Is(err, os.ErrNotExist):
		return func() {}, nil
	case err != nil:
		return nil, err
	}
	return func() {
		if f != nil {
			f.Close()
		}
	}, nil
}

// holdFile takes the shared lock of a Store on its SQLite file, refusing to
// open a file that a restore is replacing. Paths that are not plain files
// (":memory:", URIs with options) are not locked; createSQLite skips them too.
func holdFile(path string) (*os.File, error) {
	if path == "" || strings.ContainsAny(path, "?:") {
		return nil, nil
	}
	f, err := filelock.Lock(path, false)
	switch {
	case errors.Is(err, filelock.ErrBusy):
		return nil, apperr.New(apperr.ECONFLICT, "err.backup.db_restoring", path)
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	}
	return f, err
}
