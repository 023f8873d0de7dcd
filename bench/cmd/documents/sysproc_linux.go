package main

import "syscall"

// sysProcAttr kills redis-server with the bench: a bench killed mid-run
// (a closed pipe, a signal) must not leave it behind.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
