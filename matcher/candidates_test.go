package matcher

import "testing"

// TestCoverMemo: the memo answers what cover answers, for repeated keys
// and for keys that share a slot (a thousand keys in 64 slots: the later
// one replaces the earlier), in two orders.
func TestCoverMemo(t *testing.T) {
	qw := newQueryWeights([]nameForm{newNameForm("ABU BAKR AL BAGHDADI", nil), newNameForm("ABUBAKR BAGHDADI", nil), newNameForm("A BAKR", nil)})
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
