package redistest

import "syscall"

// sysProcAttr kills the server with the test binary: a test that times out
// panics without running its cleanups and would leave redis-server behind.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
