package matcher

import "testing"

// TestCoverMemo: the memo answers what cover answers, for repeated keys
// and for keys that share a slot (a thousand keys in 64 slots: the later
// one replaces the earlier), in two orders.
func TestCoverMemo(t *testing.T) {
	qw := newQueryWeights(nil, []nameForm{newNameForm("ABU BAKR AL BAGHDADI", nil), newNameForm("ABUBAKR BAGHDADI", nil), newNameForm("A BAKR", nil)})
	var m coverMemo
	check := func(mask uint32, initials uint8) {
		if got, want := m.cover(qw, mask, initials), qw.cover(mask, initials); got != want {
			t.Fatalf("cover(%b, %d) = %v from the memo, %v computed", mask, initials, got, want)
		}
	}
	for mask := uint32(0); mask < 256; mask++ {
		for initials := uint8(0); initials < 4; initials++ {
			check(mask, initials)
			check(mask, initials)
		}
	}
	for initials := uint8(0); initials < 4; initials++ {
		for mask := uint32(255); mask < 256; mask-- {
			check(mask<<24|mask, initials)
			check(mask, initials)
		}
	}
}

// TestCoverageBoundIsAnUpperBound: for coverages at or under two bounds,
// combineCoverage never exceeds coverageBound of the bounds, whichever
// side is larger and whatever the shorter name's word count; the
// candidate stage drops forms on it.
func TestCoverageBoundIsAnUpperBound(t *testing.T) {
	const steps = 40
	for qb := 0; qb <= steps; qb++ {
		for eb := 0; eb <= steps; eb++ {
			Q, E := float64(qb)/steps, float64(eb)/steps
			bound := float64(coverageBound(float32(Q), float32(E)))
			for q := 0; q <= qb; q++ {
				for e := 0; e <= eb; e++ {
					for _, words := range []int{1, 2, 3} {
						if s := combineCoverage(float64(q)/steps, float64(e)/steps, words); s > bound+1e-6 {
							t.Fatalf("combineCoverage(%.3f, %.3f, %d) = %.4f > coverageBound(%.3f, %.3f) = %.4f",
								float64(q)/steps, float64(e)/steps, words, s, Q, E, bound)
						}
					}
				}
			}
		}
	}
}
