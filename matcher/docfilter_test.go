package matcher

import (
	"fmt"
	"testing"
)

func TestDocFilterRoundTrip(t *testing.T) {
	f := NewDocFilter(1000, 0.005)
	for i := range 1000 {
		f.Add(fmt.Sprintf("P%07d", i))
	}
	data, err := f.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var g DocFilter
	if err := g.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if g.Len() != 1000 || g.ByteSize() != f.ByteSize() {
		t.Errorf("decoded filter: len %d size %d, want 1000 and %d", g.Len(), g.ByteSize(), f.ByteSize())
	}
	for i := range 1000 {
		if n := fmt.Sprintf("P%07d", i); !g.MayContain(n) {
			t.Fatalf("decoded filter lost %s", n)
		}
	}
}

func TestDocFilterRejectsOtherBytes(t *testing.T) {
	good, err := NewDocFilter(10, 0.01).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"bad magic", []byte("hello world")},
		{"no count", docFilterMagic},
		{"truncated bloom", good[:len(good)-3]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var f DocFilter
			if err := f.UnmarshalBinary(tc.data); err == nil {
				t.Error("got nil error")
			}
		})
	}
}

// The filter's measured false-positive rate stays near its target, and its
// size near the 1.44 bytes per number the estimate promises.
func TestDocFilterRateAndSize(t *testing.T) {
	const n = 200_000
	f := NewDocFilter(n, 0.005)
	for i := range n {
		f.Add(fmt.Sprintf("L%08d", i))
	}
	fp := 0
	for i := range n {
		if f.MayContain(fmt.Sprintf("U%08d", i)) {
			fp++
		}
	}
	if rate := float64(fp) / n; rate > 0.0075 {
		t.Errorf("false-positive rate %.4f, want about 0.005", rate)
	}
	if perDoc := float64(f.ByteSize()) / n; perDoc > 1.5 {
		t.Errorf("%.2f bytes per number, want at most 1.5", perDoc)
	}
}

func TestDocFilterTestAndAdd(t *testing.T) {
	f := NewDocFilter(100, 0.001)
	if f.TestAndAdd("P1") {
		t.Error("first TestAndAdd of P1: maybe held before, want no")
	}
	if !f.TestAndAdd("P1") || !f.MayContain("P1") || f.Len() != 2 {
		t.Errorf("second TestAndAdd of P1: want maybe, contained, two adds (len %d)", f.Len())
	}
}
