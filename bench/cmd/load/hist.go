package main

import (
	"math"
	"math/bits"
	"time"
)

// subBuckets per power of two: values are kept to within 1/128 (<0.8%),
// enough for percentiles, in a few thousand counters whatever the range,
// so recording is O(1) and memory does not grow with the run length.
const (
	subBits    = 7
	subBuckets = 1 << subBits
)

// hist is a log-linear latency histogram in nanoseconds, in the manner of
// HdrHistogram. The zero value is empty and ready to use; it is not safe
// for concurrent use (stats guards it).
type hist struct {
	counts   []uint64
	n        uint64
	min, max time.Duration
}

// bucket maps a value to its counter: values below 2*subBuckets are exact,
// larger ones keep their top subBits+1 significant bits.
func bucket(v uint64) int {
	if v < 2*subBuckets {
		return int(v)
	}
	shift := bits.Len64(v) - subBits - 1
	return (shift+1)*subBuckets + int(v>>shift) - subBuckets
}

// upper is the largest value that lands in bucket i, so a percentile is
// never reported lower than the truth.
func upper(i int) uint64 {
	if i < 2*subBuckets {
		return uint64(i)
	}
	shift := i/subBuckets - 1
	mant := uint64(i%subBuckets + subBuckets)
	return (mant+1)<<shift - 1
}

func (h *hist) record(d time.Duration) {
	if d < 0 {
		d = 0
	}
	i := bucket(uint64(d))
	if i >= len(h.counts) {
		h.counts = append(h.counts, make([]uint64, i+1-len(h.counts))...)
	}
	h.counts[i]++
	if h.n == 0 || d < h.min {
		h.min = d
	}
	h.max = max(h.max, d)
	h.n++
}

// merge adds o's counts to h.
func (h *hist) merge(o *hist) {
	if o.n == 0 {
		return
	}
	if len(o.counts) > len(h.counts) {
		h.counts = append(h.counts, make([]uint64, len(o.counts)-len(h.counts))...)
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.n == 0 || o.min < h.min {
		h.min = o.min
	}
	h.max = max(h.max, o.max)
	h.n += o.n
}

// percentile returns the value at or below which p percent of the
// recorded values fall (nearest rank), capped at the true maximum.
func (h *hist) percentile(p float64) time.Duration {
	if h.n == 0 {
		return 0
	}
	// The epsilon keeps 99.9% of 20000 at rank 19980: in floating point
	// it is 19980.000000000004, which would round up a whole rank.
	rank := uint64(math.Ceil(p/100*float64(h.n) - 1e-9))
	rank = min(max(rank, 1), h.n)
	var seen uint64
	for i, c := range h.counts {
		seen += c
		if seen >= rank {
			return min(time.Duration(upper(i)), h.max)
		}
	}
	return h.max
}
