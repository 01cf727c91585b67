//go:build !unix

package engine_test

import "time"

// processCPUTime is not measured here; the batch benchmark then reports
// wall time only.
func processCPUTime() time.Duration { return 0 }

// flushWrites does nothing here.
func flushWrites() {}
