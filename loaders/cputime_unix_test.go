//go:build unix

package loaders

import "syscall"

// cpuSeconds is the process's user+system CPU time. Benchmarks report
// entries per CPU-second beside entries per second because the build
// machines are shared: wall-clock rates move with the neighbours' load.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
