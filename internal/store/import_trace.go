package store

import (
	"fmt"
	"os"
	"time"
)

// traceStart and traceOn serve TraceImport.
var (
	traceStart = time.Now()
	traceOn    = os.Getenv("KOMPETEN_IMPORT_TRACE") != ""
)

// TraceImport writes "seconds since start, phase" to standard error when
// KOMPETEN_IMPORT_TRACE is set: where a large import spends its time
// (references, first read, rows, index builds, search words, commit), for
// the benchmarks in bench/ and for an operator whose import is slow.
func TraceImport(phase string) {
	if traceOn {
		fmt.Fprintf(os.Stderr, "%7.2fs %s\n", time.Since(traceStart).Seconds(), phase)
	}
}
