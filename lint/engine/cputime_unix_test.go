//go:build unix

package engine_test

import (
	"syscall"
	"time"
)

// processCPUTime is the CPU time the test process has used, user and
// system, on all threads (the garbage collector's included).
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// flushWrites asks the kernel to write out the corpus just written, so
// that its write-back does not run on the cores while the batch is timed.
func flushWrites() { syscall.Sync() }
