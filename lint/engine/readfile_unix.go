//go:build linux || darwin || freebsd

package engine

import (
	"errors"
	"os"
	"syscall"
)

// readFile reads the whole file at path, as os.ReadFile does, without
// registering the file with the runtime's poller: for an essay of a few
// kilobytes the registration's system calls cost more than the read.
func readFile(path string) ([]byte, error) {
	var fd int
	for {
		var err error
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err == nil {
			break
		}
		if !errors.Is(err, syscall.EINTR) {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
	}
	defer func() { _ = syscall.Close(fd) }()
	size := 0
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG && st.Size > 0 && st.Size < 1<<30 {
		size = int(st.Size)
	}
	// One byte more than the size, so that the read that finds the end
	// needs no larger buffer.
	buf := make([]byte, 0, max(size+1, 512))
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if n > 0 {
			buf = buf[:len(buf)+n]
		}
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case err != nil:
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		case n == 0:
			return buf, nil
		case size > 0 && len(buf) == size:
			// A regular file read to the size it had when opened: the
			// read that would find its end is a system call saved on
			// every essay of a batch.
			return buf, nil
		}
	}
}
