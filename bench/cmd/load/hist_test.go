package main

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func TestBucketRoundTrip(t *testing.T) {
	for _, v := range []uint64{0, 1, 255, 256, 257, 1000, 123456789, 1 << 40} {
		i := bucket(v)
		if up := upper(i); up < v || float64(up-v) > float64(v)/subBuckets+1 {
			t.Errorf("value %d: bucket %d upper %d", v, i, up)
		}
		if i > 0 && upper(i-1) >= v {
			t.Errorf("value %d also fits bucket %d", v, i-1)
		}
	}
}

func TestPercentilesAgainstSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var h hist
	var all []time.Duration
	for range 20000 {
		// log-normal-ish: most around 1ms, a tail to 100ms
		d := time.Duration(rng.ExpFloat64() * float64(time.Millisecond))
		if rng.IntN(100) == 0 {
			d *= 50
		}
		h.record(d)
		all = append(all, d)
	}
	slices.Sort(all)
	for _, p := range []float64{50, 90, 99, 99.9, 100} {
		rank := int(float64(len(all))*p/100+0.999999) - 1
		want := all[max(rank, 0)]
		got := h.percentile(p)
		if got < want || float64(got-want) > float64(want)/subBuckets+1 {
			t.Errorf("p%v = %v, exact %v", p, got, want)
		}
	}
	if h.percentile(100) != all[len(all)-1] || h.min != all[0] {
		t.Errorf("max %v min %v, want %v %v", h.percentile(100), h.min, all[len(all)-1], all[0])
	}
}

func TestMergeAndEmpty(t *testing.T) {
	var a, b, empty hist
	if empty.percentile(99) != 0 {
		t.Error("empty histogram has a percentile")
	}
	for i := 1; i <= 100; i++ {
		a.record(time.Duration(i) * time.Microsecond)
		b.record(time.Duration(i+100) * time.Microsecond)
	}
	a.merge(&b)
	a.merge(&empty)
	if a.n != 200 || a.min != time.Microsecond || a.max != 200*time.Microsecond {
		t.Fatalf("merged n=%d min=%v max=%v", a.n, a.min, a.max)
	}
	if p := a.percentile(50); p < 100*time.Microsecond || p > 101*time.Microsecond {
		t.Errorf("p50 of 1..200µs = %v", p)
	}
}
