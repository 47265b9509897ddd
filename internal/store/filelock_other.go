//go:build !unix

package store

import "os"

// lockFile does nothing where flock is not available: a restore there relies
// on the operator having stopped the server, as the restore command says.
func lockFile(path string, exclusive bool) (*os.File, error) { return nil, nil }
