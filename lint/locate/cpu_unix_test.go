//go:build unix

package locate

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used. Benchmarks report it
// beside wall time because the machines they run on are shared: under load
// the wall time measures the queue, the CPU time the code.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
