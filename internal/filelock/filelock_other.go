//go:build !unix

package filelock

import "os"

// Lock does nothing where flock is not available: a restore there relies
// on the operator having stopped the server, as the restore command says.
func Lock(path string, exclusive bool) (*os.File, error) { return nil, nil }
