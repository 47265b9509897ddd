package main

import (
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to $KOMPETEN_CPUPROFILE and, at the
// end, a profile of all allocations to $KOMPETEN_ALLOCPROFILE when set (for
// performance work); the returned function stops them.
func startProfile() func() {
	var stop []func()
	if path := os.Getenv("KOMPETEN_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			pprof.StartCPUProfile(f)
			stop = append(stop, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("KOMPETEN_ALLOCPROFILE"); path != "" {
		stop = append(stop, func() {
			if f, err := os.Create(path); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		})
	}
	return func() {
		for _, fn := range stop {
			fn()
		}
	}
}
