package matcher

import "github.com/antzucaro/matchr"

// jaroWinkler is matchr.JaroWinkler(a, b, false), computed on bytes for
// the ASCII words romanised names are made of: matchr converts both
// strings to runes and allocates its flags on every call, and a check
// compares thousands of word pairs. The arithmetic follows matchr step
// by step, so the scores are the same.
func jaroWinkler(a, b string) float64 {
	if len(a) > maxFastWord || len(b) > maxFastWord || !isASCII(a) || !isASCII(b) {
		return matchr.JaroWinkler(a, b, false)
	}
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	longer := max(len(a), len(b))
	window := max(0, longer/2-1)
	var aFlag, bFlag [maxFastWord + 1]bool
	common := 0
	for i := 0; i < len(a); i++ {
		for j := max(0, i-window); j <= min(i+window, len(b)-1); j++ {
			if !bFlag[j] && b[j] == a[i] {
				aFlag[i], bFlag[j] = true, true
				common++
				break
			}
		}
	}
	if common == 0 {
		return 0
	}
	trans, k := 0, 0
	for i := 0; i < len(a); i++ {
		if !aFlag[i] {
			continue
		}
		j := k
		for ; j < len(b); j++ {
			if bFlag[j] {
				k = j + 1
				break
			}
		}
		if j >= len(b) || a[i] != b[j] {
			trans++
		}
	}
	trans /= 2
	c := float64(common)
	d := (c/float64(len(a)) + c/float64(len(b)) + float64(common-trans)/c) / 3
	if d <= 0.7 {
		return d
	}
	prefix := 0
	for prefix < min(4, longer) && prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] && !isDigit(a[prefix]) {
		prefix++
	}
	return d + float64(prefix)*0.1*(1-d)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// editsAtLeast is a lower bound of the edit distance of two ASCII words
// from their letter counts: a substitution changes two counts, an
// insertion or deletion one, a transposition none. Only the letters of
// the two words are summed (and cleared on the way), not the whole table.
func editsAtLeast(a, b string) int {
	var n [128]int8
	for i := 0; i < len(a); i++ {
		n[a[i]&127]++
	}
	for i := 0; i < len(b); i++ {
		n[b[i]&127]--
	}
	diff := 0
	for _, w := range [2]string{a, b} {
		for i := 0; i < len(w); i++ {
			diff += abs(int(n[w[i]&127]))
			n[w[i]&127] = 0
		}
	}
	return (diff + 1) / 2
}
