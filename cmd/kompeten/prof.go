package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to $KOMPETEN_CPUPROFILE when set (for
// performance work); the returned function stops it.
func startProfile() func() {
	path := os.Getenv("KOMPETEN_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	pprof.StartCPUProfile(f)
	return func() { pprof.StopCPUProfile(); f.Close() }
}
