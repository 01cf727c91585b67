//go:build !(linux || darwin || freebsd)

package engine

import "os"

// readFile reads the whole file at path.
func readFile(path string) ([]byte, error) { return os.ReadFile(path) }
