//go:build unix

package filelock

import (
	"errors"
	"os"
	"syscall"
)

// Lock opens the SQLite file at path and takes an advisory flock on it:
// shared for every Store that uses the file, exclusive for a restore, which
// replaces the file. The lock lives as long as the returned file is open.
// flock locks are separate from the POSIX record locks SQLite takes on the
// same file, so they never interfere with SQLite's own locking. ErrBusy
// means another process (or Store) holds a lock that conflicts.
func Lock(path string, exclusive bool) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrBusy
		}
		return nil, err
	}
	return f, nil
}
