//go:build !unix

package main

import "time"

// cpuTime is not measured on this platform; the report leaves it out.
func cpuTime() time.Duration { return 0 }
