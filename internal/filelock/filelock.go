// Package filelock takes advisory flock locks on files: a shared lock for
// every process that uses a SQLite database file, an exclusive one for a
// restore that replaces it (see store.LockForRestore).
package filelock

import "errors"

// ErrBusy: a conflicting lock on the file is held elsewhere.
var ErrBusy = errors.New("filelock: file locked")
