package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// On a shared machine checks per second swing with the neighbours' load;
// CPU time per check does much less. The scenario reads what its own
// processes (the service, Redis) used during the load from /proc and
// reports it per check next to the generator's own figure.

// clockTick is the unit of utime and stime in /proc/PID/stat: USER_HZ,
// which is 100 on every Linux ABI Go supports.
const clockTick = 10 * time.Millisecond

// procCPU returns the user+system CPU time process pid has used, or
// false where /proc cannot say (not Linux, the process gone).
func procCPU(pid int) (time.Duration, bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// the fields are counted after its closing one, state (3) first.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(string(data[i+1:]))
	const utime, stime = 14 - 3, 15 - 3
	if len(f) <= stime {
		return 0, false
	}
	u, err1 := strconv.ParseInt(f[utime], 10, 64)
	s, err2 := strconv.ParseInt(f[stime], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return time.Duration(u+s) * clockTick, true
}

// cpuSnapshot is the CPU time of each process the scenario started.
type cpuSnapshot map[string]time.Duration

func (b *bench) cpuSnapshot() cpuSnapshot {
	s := cpuSnapshot{}
	for _, p := range b.procs {
		if d, ok := procCPU(p.Process.Pid); ok {
			s[b.names[p]] = d
		}
	}
	return s
}

// perCheck formats the CPU each process used since before, per check.
func (s cpuSnapshot) perCheck(before cpuSnapshot, checks int) string {
	if checks == 0 || len(s) == 0 {
		return "not measured"
	}
	var parts []string
	for _, name := range []string{"crosscheck", "redis"} {
		if d, ok := s[name]; ok {
			parts = append(parts, fmt.Sprintf("%s %.1f µs", name, float64((d-before[name]).Microseconds())/float64(checks)))
		}
	}
	return strings.Join(parts, ", ") + " per check"
}
